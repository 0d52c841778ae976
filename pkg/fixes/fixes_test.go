package fixes

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/finding"
)

func TestPlace(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		s        finding.Suggestion
		want     string // the file after the fix; "" when it must not be placed
		wantCols [2]int // start and end character columns of the edit
	}{
		{name: "plain value", src: "---\nicp: mid-markt\n---\n",
			s: finding.Suggestion{Line: 2, Column: 6, Old: "mid-markt", New: "mid-market"}, want: "---\nicp: mid-market\n---\n", wantCols: [2]int{6, 15}},
		{name: "double quotes kept", src: "---\nicp: \"mid-markt\" # the segment\n---\n",
			s: finding.Suggestion{Line: 2, Column: 6, Old: "mid-markt", New: "mid-market"}, want: "---\nicp: \"mid-market\" # the segment\n---\n", wantCols: [2]int{6, 17}},
		{name: "single quotes kept", src: "icp: 'mid-markt'\n",
			s: finding.Suggestion{Line: 1, Column: 6, Old: "mid-markt", New: "mid-market"}, want: "icp: 'mid-market'\n", wantCols: [2]int{6, 17}},
		{name: "CRLF line ends kept", src: "---\r\nkind: persnoa\r\n---\r\n",
			s: finding.Suggestion{Line: 2, Column: 7, Old: "persnoa", New: "persona"}, want: "---\r\nkind: persona\r\n---\r\n", wantCols: [2]int{7, 14}},
		{name: "a key", src: "frustratons: [a]\n",
			s: finding.Suggestion{Line: 1, Column: 1, Old: "frustratons", New: "frustrations"}, want: "frustrations: [a]\n", wantCols: [2]int{1, 12}},
		{name: "flow list item", src: "sources: [a-1, intervew-2, b]\n",
			s: finding.Suggestion{Line: 1, Column: 16, Old: "intervew-2", New: "interview-2"}, want: "sources: [a-1, interview-2, b]\n", wantCols: [2]int{16, 26}},
		{name: "body citation", src: "- Close fast [@cfo-l; @cfo-2]\n",
			s: finding.Suggestion{Line: 1, Column: 16, Old: "cfo-l", New: "cfo-1"}, want: "- Close fast [@cfo-1; @cfo-2]\n", wantCols: [2]int{16, 21}},
		{name: "columns count characters", src: "name: Zoë\nicp: mid-markt\n",
			s: finding.Suggestion{Line: 2, Column: 6, Old: "mid-markt", New: "mid-market"}, want: "name: Zoë\nicp: mid-market\n", wantCols: [2]int{6, 15}},
		{name: "plain share drops the quotes", src: "share: \"25 %\"\n",
			s: finding.Suggestion{Line: 1, Column: 8, Old: "25 %", New: "0.25", Plain: true}, want: "share: 0.25\n", wantCols: [2]int{8, 14}},
		{name: "the file reads otherwise", src: "icp: other\n",
			s: finding.Suggestion{Line: 1, Column: 6, Old: "mid-markt", New: "mid-market"}},
		{name: "only the start of a longer scalar", src: "icp: mid-markt-eu\n",
			s: finding.Suggestion{Line: 1, Column: 6, Old: "mid-markt", New: "mid-market"}},
		{name: "an escaped quoted value", src: "icp: \"mid\\x2dmarkt\"\n",
			s: finding.Suggestion{Line: 1, Column: 6, Old: "mid-markt", New: "mid-market"}},
		{name: "a plain value that needs quotes gets them", src: "text: we lose two weeks every month\n",
			s:    finding.Suggestion{Line: 1, Column: 7, Old: "we lose two weeks every month", New: "we lose two weeks, every month: #1"},
			want: "text: \"we lose two weeks, every month: #1\"\n", wantCols: [2]int{7, 36}},
		{name: "a control character is never written", src: "icp: a\n",
			s: finding.Suggestion{Line: 1, Column: 6, Old: "a", New: "b\x01"}},
		{name: "a line past the end", src: "icp: a\n",
			s: finding.Suggestion{Line: 9, Column: 1, Old: "a", New: "b"}},
		{name: "a column past the end", src: "icp: a\n",
			s: finding.Suggestion{Line: 1, Column: 40, Old: "a", New: "b"}},
		{name: "prose is written as it is, quotes and backslashes too", src: "  > We lose two weeks C:\\ now [@a]\n",
			s:    finding.Suggestion{Line: 1, Column: 5, Old: "We lose two weeks C:\\ now", New: `We lose "two weeks", C:\ now`, Prose: true},
			want: "  > We lose \"two weeks\", C:\\ now [@a]\n", wantCols: [2]int{5, 30}},
		{name: "prose that reads otherwise", src: "  > We lost [@a]\n",
			s: finding.Suggestion{Line: 1, Column: 5, Old: "We lose", New: "We lose,", Prose: true}},
		{name: "prose that would open a citation", src: "  > We lose [@a]\n",
			s: finding.Suggestion{Line: 1, Column: 5, Old: "We lose", New: "We [@b] lose", Prose: true}},
		{name: "prose that would break the line", src: "  > We lose [@a]\n",
			s: finding.Suggestion{Line: 1, Column: 5, Old: "We lose", New: "We\nlose", Prose: true}},
		{name: "UTF-16 is not rewritten", src: "\xff\xfei\x00c\x00p\x00",
			s: finding.Suggestion{Line: 1, Column: 1, Old: "icp", New: "x"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := Place([]byte(tc.src), "p.md", tc.s)
			if tc.want == "" {
				if err == nil {
					t.Fatalf("placed %+v, want no fix", e)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, applied := Apply([]byte(tc.src), []finding.Edit{e})
			if string(got) != tc.want || !applied[0] {
				t.Errorf("fixed file = %q (applied %v), want %q", got, applied, tc.want)
			}
			if e.Start.Column != tc.wantCols[0] || e.End.Column != tc.wantCols[1] || e.Path != "p.md" {
				t.Errorf("edit = %+v, want columns %v", e, tc.wantCols)
			}
		})
	}
}

func TestPlaceRemoval(t *testing.T) {
	tests := []struct {
		name, src string
		line, col int
		old       string
		want      string // "" when it must not be placed
	}{
		{"first of a flow list", "lint:\n  ignore: [stale, no-owners]\n", 2, 12, "stale", "lint:\n  ignore: [no-owners]\n"},
		{"last of a flow list", "lint:\n  ignore: [stale, no-owners]\n", 2, 19, "no-owners", "lint:\n  ignore: [stale]\n"},
		{"middle of a flow list", "ignore: [a, b, c]\n", 1, 13, "b", "ignore: [a, c]\n"},
		{"the only item", "ignore: [stale]\n", 1, 10, "stale", "ignore: []\n"},
		{"a block item", "ignore:\n  - stale\n  - no-owners # old\nreason: x\n", 3, 5, "no-owners", "ignore:\n  - stale\nreason: x\n"},
		{"a block item with CRLF", "ignore:\r\n  - stale\r\nreason: x\r\n", 2, 5, "stale", "ignore:\r\nreason: x\r\n"},
		{"a mapping value is no list item", "rule: stale\n", 1, 7, "stale", ""},
		{"text after a block item", "- stale and more\n", 1, 3, "stale", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := Place([]byte(tc.src), "p.md", finding.Suggestion{Line: tc.line, Column: tc.col, Old: tc.old, Remove: true})
			if tc.want == "" {
				if err == nil {
					t.Fatalf("placed %+v, want none", e)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := Apply([]byte(tc.src), []finding.Edit{e}); string(got) != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestApplySkipsOverlaps(t *testing.T) {
	src := []byte("icp: abc\n")
	edits := []finding.Edit{
		{StartByte: 5, EndByte: 8, NewText: "xyz"},
		{StartByte: 6, EndByte: 7, NewText: "Q"},
		{StartByte: 0, EndByte: 3, NewText: "ICP"},
	}
	got, applied := Apply(src, edits)
	if string(got) != "ICP: xyz\n" || !slices.Equal(applied, []bool{true, false, true}) {
		t.Errorf("Apply = %q, applied %v", got, applied)
	}
}

func TestDiff(t *testing.T) {
	if d := Diff("p.md", []byte("a\n"), []byte("a\n")); d != "" {
		t.Errorf("diff of no change = %q", d)
	}
	d := Diff("personas/p.md", []byte("kind: persona\nicp: a\n"), []byte("kind: persona\nicp: b\n"))
	for _, want := range []string{"--- a/personas/p.md\n", "+++ b/personas/p.md\n", "-icp: a\n", "+icp: b\n"} {
		if !strings.Contains(d, want) {
			t.Errorf("diff lacks %q:\n%s", want, d)
		}
	}
}

// FuzzPlace: whatever the file and the suggestion, placing never panics,
// and a placed edit changes exactly the span that read the old value.
func FuzzPlace(f *testing.F) {
	f.Add("---\nicp: \"mid-markt\"\n---\n", 2, 6, "mid-markt", "mid-market", false)
	f.Add("a: 'x'\r\nb: y\n", 2, 4, "y", "z", false)
	f.Add("s: \"25 %\"\n", 1, 4, "25 %", "0.25", true)
	f.Add("ü: ä\n", 1, 4, "ä", "b", false)
	f.Add("ignore: [a, b]\n", 1, 13, "b", "", true)
	f.Add("x:\n  - a\n  - b\n", 3, 5, "b", "", true)
	f.Fuzz(func(t *testing.T, src string, line, col int, old, new string, plain bool) {
		s := finding.Suggestion{Line: line, Column: col, Old: old, New: new, Plain: plain}
		// Every other input asks for a removal instead.
		s.Remove = len(src)%2 == 1
		e, err := Place([]byte(src), "p.md", s)
		if err != nil {
			return
		}
		got, applied := Apply([]byte(src), []finding.Edit{e})
		if !applied[0] {
			t.Fatalf("a placed edit was skipped: %+v", e)
		}
		span := src[e.StartByte:e.EndByte]
		if s.Remove {
			if !strings.Contains(span, old) || e.NewText != "" || len(got) != len(src)-len(span) {
				t.Fatalf("removal %+v of %q from %q gives %q", e, old, src, got)
			}
			return
		}
		if strings.Trim(span, `"'`) != old && span != old {
			t.Fatalf("edit span %q does not read %q", span, old)
		}
		// The new value is there as written, or double-quoted as JSON
		// writes it (then read back as such).
		holds := strings.Contains(e.NewText, new)
		var unquoted string
		if !holds && json.Unmarshal([]byte(e.NewText), &unquoted) == nil {
			holds = unquoted == new
		}
		if !bytes.Equal(got, []byte(src[:e.StartByte]+e.NewText+src[e.EndByte:])) || !holds {
			t.Fatalf("Apply = %q for edit %+v", got, e)
		}
	})
}
