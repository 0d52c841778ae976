package reporthtml

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// goldmarkBody renders src as renderBodySet does without the plain path:
// the oracle the plain renderer is held to.
func goldmarkBody(t testing.TB, src []byte, level int) string {
	t.Helper()
	doc := newBodyRenderer(0).Parser().Parse(text.NewReader(src))
	top := 6
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			top = min(top, h.Level)
		}
		return ast.WalkContinue, nil
	})
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	if err := newBodyRenderer(max(level-top, 0)).Renderer().Render(w, src, doc); err != nil {
		t.Fatal(err)
	}
	_ = w.Flush()
	return buf.String()
}

// checkPlainMarkdown fails when the plain renderer renders src other than
// goldmark does.
func checkPlainMarkdown(t *testing.T, src []byte, level int) bool {
	t.Helper()
	pm := newPlainMarkdown()
	var got bytes.Buffer
	if !pm.render(&got, src, level) {
		if got.Len() != 0 {
			t.Fatalf("declined but wrote %q", got.String())
		}
		return false
	}
	if want := goldmarkBody(t, src, level); got.String() != want {
		t.Fatalf("plain renderer and goldmark differ on %q at level %d:\n got  %q\n want %q", src, level, got.String(), want)
	}
	return true
}

func TestPlainMarkdown(t *testing.T) {
	cases := []struct {
		name   string
		src    string
		accept bool
	}{
		{"headings and paragraphs", "# Persona 1\n\n## Summary\n\nOne two. \nThree four.\n\nFive.   \n", true},
		{"no heading", "Just text.\n", true},
		{"deep headings", "### a\n\n###### b\n", true},
		{"heading spaces", "##   spaced   \ntext\n", true},
		{"heading interrupts paragraph", "text\n## next\nmore\n", true},
		{"list", "## Goals\n\n- one\n- two: \"quoted\"\n\nAfter.\n", true},
		{"list then heading", "- a\n- b\n## h\n", true},
		{"list then blank then heading", "- a\n\n\n## h\n", true},
		{"quotes and UTF-8", "Café \"au lait\" costs 5 € (or so), 100% — really?\n", true},
		{"blank lines with spaces", "  \na\n   \n\nb", true},
		{"citation", "Claim [@cfo-1].\n", true},
		{"citations in items", "## Goals (2)\n\n- Close fast. [@cfo-1; @cto-2]\n- Trust it [@a], [@b]\n", true},
		{"ordered list", "1. a\n", true},
		{"numbered list", "## Motivations (3)\n\n1. One. [@cfo-1]\n2. Two.\n10. Ten.\n\nAfter.\n", true},
		{"numbered from 3", "3. c\n4. d\n", true},
		{"numbered from 0", "0. zero\n", true},

		{"emphasis", "Some *text*.\n", false},
		{"a citation that is a link", "Claim [@cfo-1](x).\n", false},
		{"a citation with a reference", "Claim [@cfo-1][x].\n", false},
		{"a citation defined", "Claim [@a].\n\n[@a]: https://example.com\n", false},
		{"a citation in a citation", "Claim [@a [@b]].\n", false},
		{"brackets", "a [b]\n", false},
		{"entity", "a &amp; b\n", false},
		{"html", "a <b>x</b>\n", false},
		{"code", "a `b`\n", false},
		{"hard break", "a  \nb\n", false},
		{"backslash break", "a\\\nb\n", false},
		{"setext", "a\n===\n", false},
		{"setext dash", "a\n---\n", false},
		{"thematic break", "- - -\n", false},
		{"number with a parenthesis", "1) a\n", false},
		{"leading zero", "01. a\n", false},
		{"ten digits", "1234567890. a\n", false},
		{"numbered then bullet", "1. a\n- b\n", false},
		{"bullet then numbered", "- a\n1. b\n", false},
		{"numbered interrupts paragraph", "a\n1. b\n", false},
		{"loose numbered list", "1. a\n\n2. b\n", false},
		{"numbered item continued", "1. a\n   b\n", false},
		{"lazy numbered item", "1. a\nb\n", false},
		{"empty numbered item", "1.\n", false},
		{"wide numbered item", "1.  a\n", false},
		{"indented", "    code\n", false},
		{"lazy paragraph", "a\n  b\n", false},
		{"loose list", "- a\n\n- b\n", false},
		{"item continued", "- a\n  b\n", false},
		{"item continued after blank", "- a\n\n  b\n", false},
		{"lazy item", "- a\nb\n", false},
		{"list interrupts paragraph", "a\n- b\n", false},
		{"empty item", "-\n", false},
		{"wide item", "-  a\n", false},
		{"closing hashes", "## a ##\n", false},
		{"empty heading", "##\n", false},
		{"seven hashes", "####### a\n", false},
		{"tab", "a\tb\n", false},
		{"carriage return", "a\r\nb\r\n", false},
		{"nul", "a\x00b\n", false},
		{"table", "| a |\n|---|\n", false},
		{"table without pipes", "A\n:-\n", false},
		{"strikethrough", "~~a~~\n", false},
		{"no-break space", "a\u00a0\n", false},
		{"invalid UTF-8", "a\xff\n", false},
		{"empty", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, level := range []int{htmlICPLevel, htmlPersonaLevel, siteICPLevel, sitePersonaLevel} {
				if got := checkPlainMarkdown(t, []byte(c.src), level); got != c.accept {
					t.Fatalf("rendered = %v, want %v", got, c.accept)
				}
			}
		})
	}
}

// TestPlainMarkdownAgreesOnMadeUpBodies compares the renderers on bodies
// put together from lines where they could part.
func TestPlainMarkdownAgreesOnMadeUpBodies(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	choices := make([]byte, 48)
	rendered := 0
	for range 50_000 {
		for i := range choices {
			choices[i] = byte(rng.Uint32())
		}
		if checkPlainMarkdown(t, plainMarkdownBody(choices), 3) {
			rendered++
		}
	}
	if rendered < 5_000 {
		t.Fatalf("only %d of 50,000 made-up bodies were plain: the comparison compares too little", rendered)
	}
}

var plainMDLines = []string{
	"", "Text of a line.", "## Heading", "- item", "# Top", "Text \"quoted\" here. ", "### Three",
	"   ", "  ", "Ends in two.  ", "- item  ", "Café.", "1. one", "2. two [@a]", "- cited. [@a; @b]", "Said [@x].", "###### Six", "-  wide", "- ", "  indented",
	"    code", "1. one", "===", "---", "- - -", "*em*", "a [b]", "#", "## x ##", "+ plus", "> quote",
	"<div>", "a & b", "2026 was", ":-", ":--:", "Text.\t", "\u00a0nbsp", "- 1. x", "- # x", "####### seven",
}

func plainMarkdownBody(choices []byte) []byte {
	next := func(n int) int {
		if len(choices) == 0 {
			return 0
		}
		c := int(choices[0])
		choices = choices[1:]
		return c % n
	}
	var lines []string
	for n := 1 + next(12); n > 0; n-- {
		// The first sixteen lines are the plain ones: chosen most times.
		if next(4) != 0 {
			lines = append(lines, plainMDLines[next(16)])
		} else {
			lines = append(lines, plainMDLines[next(len(plainMDLines))])
		}
	}
	body := strings.Join(lines, "\n")
	if next(2) == 0 {
		body += "\n"
	}
	return []byte(body)
}

// FuzzPlainMarkdown holds the plain renderer to goldmark on any body, and
// on bodies made up from the fuzzer's bytes.
func FuzzPlainMarkdown(f *testing.F) {
	for _, s := range []string{"# a\n\nb\n", "- a\n- b\n", "a\nb  \nc\n", "## x\n\n- y\n\nz"} {
		f.Add([]byte(s), uint8(3))
	}
	f.Fuzz(func(t *testing.T, src []byte, level uint8) {
		l := 1 + int(level)%6
		checkPlainMarkdown(t, src, l)
		checkPlainMarkdown(t, plainMarkdownBody(src), l)
	})
}

func TestPlainASCII(t *testing.T) {
	for c := range 256 {
		want := c >= ' ' && c < 0x7f && !strings.ContainsRune("\\`*_[]<>&~|#!", rune(c))
		if got := plainASCII(byte(c)); got != want {
			t.Errorf("plainASCII(%q) = %v, want %v", rune(c), got, want)
		}
	}
}
