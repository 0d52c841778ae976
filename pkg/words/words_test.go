package words

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct{ name, got, want string }{
		{"one", Plural(1, "interview"), "1 interview"},
		{"many", Plural(3, "interview"), "3 interviews"},
		{"y to ies", Plural(2, "entity"), "2 entities"},
		{"ey stays", Plural(2, "key"), "2 keys"},
		{"percent", Percent(0.4), "40%"},
		{"percent with a decimal", Percent(1.0 / 3), "33.3%"},
		{"number", Number(10000000), "10,000,000"},
		{"negative number", Number(-1234), "-1,234"},
		{"fraction", Number(0.5), "0.5"},
		{"range", Range(f(50), f(1000), ""), "50–1,000"},
		{"open above", Range(f(50), nil, "EUR"), "at least 50 EUR"},
		{"open below", Range(nil, f(500), ""), "at most 500"},
		{"none", Range(nil, nil, "USD"), "any"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name, s string
		width   int
		want    []string
	}{
		{"fits", "a persona cites", 20, []string{"a persona cites"}},
		{"breaks at spaces", "a persona cites too few interviews", 16, []string{"a persona cites", "too few", "interviews"}},
		{"a long word stays whole", "see https://example.invalid/a/very/long/path now", 10, []string{"see", "https://example.invalid/a/very/long/path", "now"}},
		{"runs of spaces", "  a   b  ", 10, []string{"a b"}},
		{"empty", "", 10, nil},
		{"counts characters, not bytes", "ééé ééé", 7, []string{"ééé ééé"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Wrap(tt.s, tt.width); !slices.Equal(got, tt.want) {
				t.Errorf("Wrap = %q, want %q", got, tt.want)
			}
		})
	}
}

// pluralAsSprintfWroteIt is Plural as it was, with fmt, which its
// concatenation must match.
func pluralAsSprintfWroteIt(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	if strings.HasSuffix(word, "y") && !strings.HasSuffix(word, "ey") {
		return fmt.Sprintf("%d %sies", n, word[:len(word)-1])
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func FuzzPlural(f *testing.F) {
	for _, seed := range []struct {
		n    int
		word string
	}{{0, "interview"}, {1, "entity"}, {2, "entity"}, {-1, "key"}, {1 << 40, "y"}, {3, ""}, {2, "ey"}} {
		f.Add(seed.n, seed.word)
	}
	f.Fuzz(func(t *testing.T, n int, word string) {
		if got, want := Plural(n, word), pluralAsSprintfWroteIt(n, word); got != want {
			t.Errorf("Plural(%d, %q) = %q, want %q", n, word, got, want)
		}
	})
}
