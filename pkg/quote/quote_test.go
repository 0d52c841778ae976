package quote

import (
	"strings"
	"testing"
)

const notes = `## What we heard

> We lose the *first two weeks* of every month
> to the close.

She said: "I don’t trust a revenue number until I've rebuilt it myself."
Later — about tooling — she added that **spreadsheets** break every quarter.
`

func TestOccurs(t *testing.T) {
	text := NewText(notes)
	tests := []struct {
		name, quote string
		want        bool
	}{
		{"across a line break and a blockquote", "we lose the first two weeks of every month to the close", true},
		{"emphasis in the notes", "the first two weeks", true},
		{"curly apostrophe against a straight one", "I don't trust a revenue number", true},
		{"enclosing quotation marks are not part of it", "“I don’t trust a revenue number until I’ve rebuilt it myself.”", true},
		{"a closing citation is not part of it", "until I've rebuilt it myself [@cfo-2]", true},
		{"case folded", "I DON'T TRUST A REVENUE NUMBER", true},
		{"an ellipsis matches any text", "We lose the first two weeks … to the close", true},
		{"a bracketed ellipsis", "we lose [...] every month", true},
		{"parts out of order", "to the close ... we lose", false},
		{"dashes folded", "Later - about tooling - she added", true},
		{"one word changed", "we lose the first three weeks of every month", false},
		{"a contraction spelled out is another quote", "I do not trust a revenue number", false},
		{"empty", "  ", false},
		{"only an ellipsis", "...", false},
		{"a mark that does not enclose the whole quote is part of it", `"we lose the first two weeks`, false},
		{"a mark inside the quote matches the notes' own", `She said: "I don't trust`, true},
		{"single quotes around the whole quote", "'we lose the first two weeks'", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := text.Occurs(tt.quote); got != tt.want {
				t.Errorf("Occurs(%q) = %v, want %v", tt.quote, got, tt.want)
			}
		})
	}
}

func TestLocate(t *testing.T) {
	text := NewText(notes)
	for q, want := range map[string]int{"to the close": 3, "I don't trust": 5, "spreadsheets break": 6} {
		if line, ok := text.Locate(q); !ok || line != want {
			t.Errorf("Locate(%q) = %d, %v; want line %d", q, line, ok, want)
		}
	}
}

func TestClosest(t *testing.T) {
	text := NewText(notes)
	p := text.Closest("we lose the first three weeks of every month")
	if p.Line != 2 || p.Percent < 80 || p.Percent == 100 || !strings.HasPrefix(p.Text, "we lose the first two weeks") {
		t.Errorf("Closest = %+v, want line 2 (0-based), the passage about losing two weeks, most words shared", p)
	}
	if got := NewText("").Closest("anything"); got.Percent != 0 {
		t.Errorf("Closest on empty notes = %+v", got)
	}
	if got := text.Closest("zebra quantum"); got.Percent != 0 {
		t.Errorf("Closest with nothing in common = %+v", got)
	}
}

// TestClosestIsLinear runs Closest on 4 MiB of notes: a quadratic scan
// would take minutes; the sliding window takes well under a second even
// under the race detector, so a timeout here means the algorithm changed.
func TestClosestIsLinear(t *testing.T) {
	big := strings.Repeat("the close takes eight days and nobody trusts the number ", 70_000)
	p := NewText(big).Closest("the close takes nine days and everybody trusts the number")
	if p.Percent < 60 {
		t.Errorf("Closest = %+v", p)
	}
}

func FuzzOccurs(f *testing.F) {
	f.Add(notes, "we lose … the close")
	f.Add("a\n> b", "[…] b")
	f.Fuzz(func(t *testing.T, body, q string) {
		text := NewText(body)
		text.Occurs(q)
		p := text.Closest(q)
		if p.Percent < 0 || p.Percent > 100 || p.Line < 0 || p.Line > strings.Count(body, "\n") {
			t.Fatalf("Closest = %+v for %q in %q", p, q, body)
		}
		// Every quote taken from the notes themselves occurs in them.
		if n, _ := normalize(body); len(n) > 0 && !strings.ContainsAny(n, `"'.…[]@`) && !text.Occurs(n) {
			t.Fatalf("the notes' own text %q does not occur in them", n)
		}
	})
}
