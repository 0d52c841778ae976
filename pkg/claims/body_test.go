package claims

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/personakit/persona/pkg/mdguard"
	"github.com/personakit/persona/pkg/model"
)

func describe(body string, sections Sections) []string {
	var out []string
	for _, c := range FromBody([]byte(body), 10, sections) {
		s := fmt.Sprintf("%s@%d:%d %q", c.List, c.Text.Pos.Line, c.Text.Pos.Column, c.Text.Value)
		for _, e := range c.Evidence {
			s += fmt.Sprintf(" <%s@%d:%d", e.Ref.Value, e.Ref.Pos.Line, e.Ref.Pos.Column)
			if e.Quote.Value != "" {
				s += fmt.Sprintf(" %q", e.Quote.Value)
			}
			s += ">"
		}
		out = append(out, s)
	}
	return out
}

func TestFromBody(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"a heading and its list, with citations", "## Goals\n\n- Close in five days [@cfo-1; @cfo-3]\n- Trust the numbers\n",
			[]string{`goals@12:3 "Close in five days" <cfo-1@12:24> <cfo-3@12:32>`, `goals@13:3 "Trust the numbers"`}},
		{"synonyms in any case and level", "# PAIN POINTS\n\n* Manual close\n\n### Deal-breakers\n\n1. Another tool to learn\n",
			[]string{`frustrations@12:3 "Manual close"`, `objections@16:4 "Another tool to learn"`}},
		{"a heading that names no claim list ends the section", "## Goals\n\n- A goal\n\n## Day in the life\n\n- Not a claim\n",
			[]string{`goals@12:3 "A goal"`}},
		{"a bold-label paragraph", "**Goals & Objectives:**\n\n- Grow revenue\n", []string{`goals@12:3 "Grow revenue"`}},
		{"a bold-label bullet with a nested list", "- **Biggest Challenges**:\n  - Hiring\n  - Churn\n",
			[]string{`frustrations@11:5 "Hiring"`, `frustrations@12:5 "Churn"`}},
		{"a cited blockquote inside an item is a quote", "## Frustrations\n\n- The close is slow [@cfo-1]\n\n  > We lose two weeks\n  > every month. [@cfo-2]\n",
			[]string{`frustrations@12:3 "The close is slow" <cfo-1@12:23> <cfo-2@15:20 "We lose two weeks every month.">`}},
		{"a citation on an item's second line", "## Goals\n\n- Close in\n  five days [@cfo-1; @cfo-3]\n",
			[]string{`goals@12:3 "Close in five days" <cfo-1@13:15> <cfo-3@13:23>`}},
		{"a setext heading", "Goals\n=====\n\n- Close fast\n", []string{`goals@13:3 "Close fast"`}},
		{"a line ended by a lone CR", "\r**Pains**\n* Slow close\n", []string{`frustrations@11:3 "Slow close"`}},
		{"a label broken over two lines is no label", "**Go\nals**\n\n- x\n", nil},
		{"a label with emphasis inside is no label", "**Pain*0*s**\n\n- x\n", nil},
		{"no claim heading: nothing, without parsing", "# Fiona\n\nShe works in finance.\n\n- a list\n", nil},
		{"code is not a heading", "```\n## Goals\n- x\n```\n", nil},
		{"a bold-label bullet whose marker a tab follows", "*\t**Goals**\n\t- z\n", []string{`goals@11:4 "z"`}},
		{"inline Markdown is reduced to its text", "## Frustrations\n\n- Month\\-end takes *two* weeks, see [the close](https://x.invalid) `now` <b>x</b>\n",
			[]string{`frustrations@12:3 "Month-end takes two weeks, see the close now x"`}},
		{"an emoji heading with a joined name", "## 🐛 Pain points\u00a0or biggest challenges\n\n- Slow close\n", []string{`frustrations@12:3 "Slow close"`}},
		{"links listed alone are evidence, not claims", "## Frustrations\n\nThese are derived from:\n\n- [Survey 2024](https://x.invalid/s)\n- https://x.invalid/t\n- <https://x.invalid/u>\n- Slow close, see [notes](https://x.invalid/n)\n",
			[]string{`frustrations@17:3 "Slow close, see notes"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describe(tt.body, DefaultSections())
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("claims =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestSectionsMerge(t *testing.T) {
	s := DefaultSections().Merge(map[string][]string{"goals": {"What success looks like"}})
	got := describe("## What success looks like\n\n- Ship\n", s)
	if len(got) != 1 || !strings.HasPrefix(got[0], "goals@") {
		t.Errorf("a config heading: %v", got)
	}
}

func FuzzFromBody(f *testing.F) {
	f.Add("## Goals\n\n- x [@a; @b]\n\n  > q [@c]\n")
	f.Add("- **Pains:**\n  - y\n")
	f.Add("  * **Goals:**\n\t- z\n")
	f.Add("text\n# Frustrations\n+ w [@d]\n")
	f.Add("Goals\r\n=====\r\n\r\n- a\r\n")
	f.Add("Pains\n---\n\n- b\n")
	f.Add("Pains\n\v\n-\n* c\n") // a vertical tab's line continues the heading's paragraph
	f.Fuzz(func(t *testing.T, body string) {
		for _, c := range FromBody([]byte(body), 1, DefaultSections()) {
			if c.Text.Pos.Line < 1 || c.Text.Pos.Column < 1 || c.List == "" {
				t.Fatalf("claim %+v", c)
			}
		}
		// The look that spares the parse may only skip bodies the parse
		// finds no claim in.
		if !mayHoldClaims([]byte(body), DefaultSections()) && mdguard.Check([]byte(body)) == nil {
			r := &reader{body: []byte(body), sections: DefaultSections()}
			if got := r.parse(1); len(got) > 0 || len(r.links) > 0 {
				t.Fatalf("mayHoldClaims skipped a body with claims: %+v %+v", got, r.links)
			}
		}
	})
}

// TestHeadingsAsRealPagesWriteThem: SPEC §12's heading comparison, on the
// headings of real persona pages.
func TestHeadingsAsRealPagesWriteThem(t *testing.T) {
	s := DefaultSections().Merge(map[string][]string{"goals": {"What they want"}})
	tests := []struct{ label, want string }{
		{"Goals", "goals"},
		{"🐛 Pain points\u00a0or biggest challenges", "frustrations"},
		{"🎯\u00a0Goals", "goals"},
		{"**Frustrations**:", "frustrations"},
		{"_Motivations_", "motivations"},
		{"Goals (2)", "goals"},
		{"Frustrations [3]:", "frustrations"},
		{"Goals {#goals}", "goals"},
		{"Needs and pain points", "goals"},
		{"Goals/Objectives", "goals"},
		{"Goals & Objectives", "goals"},
		{"What   they\twant", "goals"},
		{"✨ What they want:", "goals"},
		{"Non-Goals", ""},
		{"Day in the life", ""},
		{"Goalkeeping", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := s.List(tt.label); got != tt.want {
			t.Errorf("List(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
}

func TestLinksUnderClaimHeadingsAreEvidence(t *testing.T) {
	_, links := Read([]byte("## Frustrations\n\n- [Survey 2024](https://x.invalid/s)\n- https://x.invalid/t\n- Slow close\n"), 1, DefaultSections())
	var got []string
	for _, l := range links {
		got = append(got, fmt.Sprintf("%s@%d", l.Value, l.Pos.Line))
	}
	if strings.Join(got, " ") != "https://x.invalid/s@3 https://x.invalid/t@4" {
		t.Errorf("links = %v", got)
	}
}

// FuzzFastRead holds the fast path to goldmark: on every body it accepts,
// its claims are exactly the parse's, and the parse finds no links.
func FuzzFastRead(f *testing.F) {
	f.Add("# Persona 1\n\nText here.\n\n## Goals (3)\n\n- Close the books fast [@cfo-1]\n- Trust numbers\n\n## Frustrations\n\n1. Slow close [@a; @b]\n2. Manual work\n\nMore text.\n")
	f.Add("## Goals\n- a\nlazy\n")
	f.Add("## Goals\n\n- a [@x]\n\n## Day in the life\n\n- b\n")
	f.Add("Para\n- item\n")
	f.Add("## Pain points or biggest challenges\n\n+ é ü [@über]\n")
	f.Add("## Goals & needs!\n\n- R & D, wow! [@x]\n- Bang! & \u00e9& &\n\nText & more!\n")
	f.Add("## Goals\n\n- &amp; &#38; &x; &\n- ![x](y)\n- &#x26; x&y\n")
	f.Add("## Goals {#g}\n\n- : (string) a = b, see https://x.example/a|b {c} [@x]\n- (also) \u201cquoted\u201d \u2014 dash\n- \U0001F44B hi\n- \u00a0nbsp\n\n(Aside) text = more\n:colon line\n\n- ===\n- 2024 was\n")
	f.Add("## Goals\n\n- index.md&nbsp;files, ~/${DIR}, <> and a < b, 3 > 2 [@x]\n- <span>x</span> y\n- <1 and <a\n- </b> <!-- c --> <?p?> <http://x.example>\n")
	f.Add("Prose with `code`, [a link](https://x.example), **bold** and <b>html</b>.\nA second line \\\n\n## Goals\n\n- item [@x]\n\nAfter: *emphasis* & &amp;.\n")
	f.Add("## Goals\n\n- https://example.com/x\n- — https://example.com/y\n- see https://example.com/z\n- https://example.com/w [@a]\n")
	f.Fuzz(checkFastRead)
}

// checkFastRead fails when the one-pass reader accepts body and reads it
// otherwise than goldmark's reader does.
func checkFastRead(t *testing.T, body string) {
	claims, ok := fastReadInto(nil, []byte(body), 7, DefaultSections(), nil)
	if !ok || mdguard.Check([]byte(body)) != nil {
		return
	}
	r := &reader{body: []byte(body), sections: DefaultSections()}
	want := r.parse(7)
	if len(r.links) > 0 {
		t.Fatalf("the fast path accepted a body with links: %+v\n%q", r.links, body)
	}
	if fmt.Sprint(claims) != fmt.Sprint(want) {
		t.Fatalf("fast path:\n%+v\ngoldmark:\n%+v\n%q", claims, want, body)
	}
}

// FuzzFastReadPieces is FuzzFastRead over bodies put together from the
// pieces real pages are made of (claim headings and labels, items, URLs,
// entities, citations, markup), which random bytes rarely spell: each
// byte picks a piece.
func FuzzFastReadPieces(f *testing.F) {
	f.Add([]byte{0, 3, 9, 20, 4, 8, 21, 3, 33, 3})
	f.Add([]byte{1, 2, 4, 10, 11, 3, 5, 26, 27, 3, 0, 4, 12, 3})
	pieces := []string{
		"## Goals\n", "## Frustrations (3)\n", "## Day in the life\n", "\n", "- ", "1. ", "2) ", "**Goals:**\n",
		"https://x.example/a", "http://x.example/b?c=1&d=2", "HTTPS://x.example/c", " ", " — ", "-", "–",
		"&nbsp;", "&amp;", "&#38;", "<>", "<b>", "</b>", "a < b", "<http://x.example>", "~/${DIR}", "`code`",
		"[link](u)", " [@a]", " [@a; @b]", "!", "![i](u)", "6x", "2024", "Word", "é", "the close", "\\", "*e*",
		"_u_", "[x]", "> ", "# ", "\n\n", "12. ", "1.5 ", "2) x",
	}
	f.Fuzz(func(t *testing.T, picks []byte) {
		var b strings.Builder
		for _, p := range picks {
			b.WriteString(pieces[int(p)%len(pieces)])
		}
		checkFastRead(t, b.String())
	})
}

var collapseCases = []string{"", "a", "a b c", " a", "a ", "a  b", "a\tb", "a\nb", "zoë  x", "a\u00a0b", "a\u2028b", " ", "ab cd ef", "ab cd ", "ab cd   ", "ab  cd ", "a\tb ", "zoë x", "ü", "\u00a0a", "a\u00a0", "é \u3000", "\u3000é", "a\u0085b", "\xffa b", "\xe2\x80 x", "日本 語 ", "  a \n\t b\u3000\u3000c  ", "\xff \xff", "\xe2\x80\xa8x"}

func TestCollapseSpaces(t *testing.T) {
	for _, s := range collapseCases {
		if got, want := collapseSpaces(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpaces(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzCollapseSpaces holds collapseSpaces, and the one copy it makes of
// text with other spaces, to strings.Fields joined by single spaces.
func FuzzCollapseSpaces(f *testing.F) {
	for _, s := range collapseCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(s), " ")
		if got := collapseSpaces(s); got != want {
			t.Errorf("collapseSpaces(%q) = %q, want %q", s, got, want)
		}
		if got := joinFields(s); got != want {
			t.Errorf("joinFields(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzTrimTrailingCount holds trimTrailingCount to the regular expression
// it writes out.
func FuzzTrimTrailingCount(f *testing.F) {
	re := regexp.MustCompile(`(?:\s*\{#[A-Za-z0-9_-]+\})?(?:\s*(?:\(\d+\)|\[\d+\]))?\s*:?$`)
	for _, s := range []string{"Goals (2)", "Frustrations [3]:", "Needs:", "Goals {#g} (2):", "Goals (2) {#g}", "x ()", "x []:", "{#}", "a\t(12) :", "(2)", "Goals  :  ", "x {#a-b_c}", "x{#a}(1):"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimTrailingCount(s), re.ReplaceAllString(s, ""); got != want {
			t.Fatalf("trimTrailingCount(%q) = %q, the expression gives %q", s, got, want)
		}
	})
}

// FuzzTrailingCitation holds the fast path's citation finder to the
// expression it writes out.
func FuzzTrailingCitation(f *testing.F) {
	for _, s := range []string{"Close fast. [@cfo-1]", "x [@a; @b] ", "a [@b] [@c]", "a [@b]] ", "[@]", "a [x] [@y]\t", "a [@b [@c]", "no citation", "]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		open, end := trailingCitation(s)
		m := citation.FindStringSubmatchIndex(s)
		switch {
		case m == nil && open >= 0:
			t.Fatalf("trailingCitation(%q) = %d, %d; the expression finds none", s, open, end)
		case m != nil && (open != m[0] || open+1 != m[2] || end != m[3]):
			t.Fatalf("trailingCitation(%q) = %d, %d; the expression: %v", s, open, end, m)
		}
	})
}

// TestClaimsOutliveTheBody: the loader reads every file into one buffer,
// so a body is overwritten once its claims are read; the claims keep
// their words and references, on both ways through (the plain shape, and
// goldmark), and each claim's evidence is its own to append to.
func TestClaimsOutliveTheBody(t *testing.T) {
	for _, tt := range []struct{ name, body string }{
		{"plain", "## Goals\n\n- Close the books fast [@cfo-1; @cfo-2]\n- Trust numbers [@cfo-3]\n\n## Frustrations\n\n1. Slow close\n"},
		{"goldmark", "## Goals\n\n- Close the *books* fast [@cfo-1; @cfo-2]\n- Trust numbers [@cfo-3]\n\n## Frustrations\n\n1. Slow close\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			body := []byte(tt.body)
			claims, _ := Read(body, 1, DefaultSections())
			want := fmt.Sprint(claims)
			if len(claims) != 3 || len(claims[0].Evidence) != 2 || len(claims[1].Evidence) != 1 {
				t.Fatalf("claims = %s", want)
			}
			for i := range body {
				body[i] = 'X'
			}
			if got := fmt.Sprint(claims); got != want {
				t.Errorf("after the body was overwritten:\n%s\nwas\n%s", got, want)
			}
			claims[0].Evidence = append(claims[0].Evidence, model.Evidence{Ref: model.Str{Value: "extra"}})
			if claims[1].Evidence[0].Ref.Value != "cfo-3" {
				t.Errorf("appending to the first claim's evidence changed the second's: %+v", claims[1].Evidence)
			}
		})
	}
}

// FuzzNormalizeLabel holds normalizeLabel, and the look-up that
// normalises into a buffer of its own, to the label's definition written
// plainly; and firstField to strings.Fields.
func FuzzNormalizeLabel(f *testing.F) {
	for _, s := range []string{"**Goals**:", "_Goals (2)_", "  Pain  points\tor biggest challenges ", "🎯 Goals {#g} [3]:", "Frustrations\u00a0", "GOALS / Needs", "Zi\u0307ele", "a\v\fb"} {
		f.Add(s)
	}
	sections := Sections{"goals": "goals", "pain points": "frustrations"}
	f.Fuzz(func(t *testing.T, label string) {
		plain := strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return ' '
			}
			return r
		}, label)
		for range 3 {
			plain = strings.TrimSpace(plain)
			plain = strings.TrimRight(trimTrailingCount(plain), " ")
			plain = strings.Trim(plain, "*_` ")
		}
		plain = strings.TrimLeftFunc(plain, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		want := strings.ToLower(strings.Join(strings.Fields(plain), " "))
		if got := normalizeLabel(label); got != want {
			t.Fatalf("normalizeLabel(%q) = %q, want %q", label, got, want)
		}
		wantList := sections[want]
		if wantList == "" && (strings.Contains(want, " or ") || strings.Contains(want, " and ") || strings.Contains(want, "/")) {
			for _, part := range joined.Split(want, -1) {
				if wantList = sections[normalizeLabel(part)]; wantList != "" {
					break
				}
			}
		}
		if got := sections.list(label); got != wantList {
			t.Fatalf("list(%q) = %q, want %q", label, got, wantList)
		}
		if strings.TrimSpace(label) != "" {
			if got, want := firstField(label), strings.Fields(label)[0]; got != want {
				t.Fatalf("firstField(%q) = %q, want %q", label, got, want)
			}
		}
	})
}
