package mdguard

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	paragraphs := func(n int, p string) string { return strings.Repeat(p+"\n\n", n) }
	tests := []struct {
		name     string
		body     string
		wantLine int // 0: accepted
	}{
		{name: "prose", body: "# Goals\n\n- **Close** the books in _three_ days [@cfo-1]\n> quoted\n"},
		{name: "many ordinary paragraphs", body: paragraphs(2000, "Some *emphasis* and a [link](x).")},
		{name: "many list items with bold labels", body: strings.Repeat("- **Goal:** ship [@a]\n", 1000)},
		{name: "a normal table", body: "| a | b |\n|---|---|\n| 1 | 2 |\n"},
		{name: "nested blockquotes", body: "text\n" + strings.Repeat(">", 250_000) + " a\n", wantLine: 2},
		{name: "emphasis delimiters in one line", body: strings.Repeat("*a_", 83_333), wantLine: 1},
		{name: "emphasis delimiters over many lines", body: strings.Repeat("*a_\n", 1000), wantLine: 257},
		{name: "open links", body: strings.Repeat("[a](", 62_500), wantLine: 1},
		{name: "wide table", body: "|" + strings.Repeat("a|", 1000) + "\n", wantLine: 1},
		{name: "deep list", body: func() string {
			var b strings.Builder
			for i := range 100 {
				b.WriteString(strings.Repeat("  ", i) + "- a\n")
			}
			return b.String()
		}(), wantLine: 66},
		{name: "too large", body: strings.Repeat("a", MaxBodySize+1), wantLine: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := Check([]byte(tc.body))
			switch {
			case tc.wantLine == 0 && p != nil:
				t.Fatalf("rejected at line %d (%s), want accepted", p.Line, p.Reason)
			case tc.wantLine != 0 && p == nil:
				t.Fatalf("accepted, want rejected at line %d", tc.wantLine)
			case tc.wantLine != 0 && p.Line != tc.wantLine:
				t.Fatalf("rejected at line %d (%s), want line %d", p.Line, p.Reason, tc.wantLine)
			}
		})
	}
}

func FuzzCheck(f *testing.F) {
	f.Add([]byte("# h\n> q\n- *a* [b](c)\n"))
	f.Add([]byte("\r\n\r>>>\t|a|"))
	f.Add([]byte(strings.Repeat("a\r*_[]\n", 200)))
	f.Add([]byte("|" + strings.Repeat("a|", 130)))
	f.Fuzz(func(t *testing.T, body []byte) {
		p := Check(body)
		if p != nil && (p.Line < 1 || p.Reason == "") {
			t.Fatalf("bad problem %+v", p)
		}
		// The quick answer may only be given where the walk over every
		// line finds nothing.
		if clearlySafe(body) && len(body) <= MaxBodySize {
			if p := checkLines(body); p != nil {
				t.Fatalf("clearlySafe, but line %d: %s", p.Line, p.Reason)
			}
		}
	})
}

// BenchmarkCheck runs over prose shaped like interview notes, the bodies
// every lint passes through Check.
func BenchmarkCheck(b *testing.B) {
	body := []byte(strings.Repeat("## Context\n\nThe *team* closes the books in [three days](x) with a spreadsheet and a board pack.\n- a list item with **bold**\n\n", 60))
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if Check(body) != nil {
			b.Fatal("rejected")
		}
	}
}
