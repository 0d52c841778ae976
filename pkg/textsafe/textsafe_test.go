package textsafe

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLine(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "personas/fiona.md", "personas/fiona.md"},
		{"non-ASCII stays", "grüße 中文", "grüße 中文"},
		{"newline forging a workflow command", "x\n::error file=a::pwned", `x\n::error file=a::pwned`},
		{"terminal escape", "a\x1b[31mred", `a\x1b[31mred`},
		{"carriage return and tab", "a\rb\tc", `a\rb\tc`},
		{"C1 control", "a\u0085b", `a\u0085b`},
		{"line separator", "a\u2028b", `a\u2028b`},
		{"bidi override", "a\u202eb", `a\u202eb`},
		{"invalid UTF-8", "a\xffb", `a\xffb`},
		{"backslash kept", `C:\x`, `C:\x`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Line(tc.in); got != tc.want {
				t.Errorf("Line(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzLine(f *testing.F) {
	f.Add("x\n\x1b\u2028\xff")
	f.Fuzz(func(t *testing.T, s string) {
		out := Line(s)
		for i := 0; i < len(out); i++ {
			if c := out[i]; c < 0x20 || c == 0x7f {
				t.Fatalf("Line(%q) = %q holds control byte %#x", s, out, c)
			}
		}
	})
}

func TestWidth(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"ASCII", "fiona", 5},
		{"Latin with accents", "Jördis", 6},
		{"decomposed accent", "Jo\u0308rdis", 6},
		{"CJK", "王芳", 4},
		{"full-width Latin", "ＡＢ", 4},
		{"emoji", "😀", 2},
		{"zero-width joiner", "a\u200Db", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Width(tt.in); got != tt.want {
				t.Errorf("Width(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestColumns(t *testing.T) {
	got := Columns([][]string{{"ID", "NAME", "ICP"}, {"wang", "王芳", "saas"}, {"joerdis", "Jördis", "retail"}}, 2)
	want := "ID       NAME    ICP\nwang     王芳    saas\njoerdis  Jördis  retail\n"
	if got != want {
		t.Errorf("Columns =\n%s\nwant\n%s", got, want)
	}
}

func TestHTML(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text is the same bytes", "<p>Grüße 漢字\tok\r\n</p>", "<p>Grüße 漢字\tok\r\n</p>"},
		{"a bell in a file name", "<a>bell\x07.md</a>", `<a>bell\x07.md</a>`},
		{"DEL and NUL", "a\x7fb\x00c", `a\x7fb\x00c`},
		{"C1 control", "next\u0085line", `next\u0085line`},
		{"noncharacters", "x\ufdd0y\ufffez\U0001fffe", `x\ufdd0y\ufffez\u1fffe`},
		{"invalid UTF-8", "a\xffb\xc3", `a\xffb\xc3`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(HTML([]byte(tt.in))); got != tt.want {
				t.Errorf("HTML(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzHTML(f *testing.F) {
	f.Add("<p>\x07\u0085\ufffe\xff</p>")
	f.Add("0123456789abcdef\x7f0123456789abcdef\x1f01234567\t\n\r\f")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := firstForbidden([]byte(s)), forbiddenSlowly(s); got != want {
			t.Fatalf("firstForbidden(%q) = %d, want %d", s, got, want)
		}
		out := HTML([]byte(s))
		if !utf8.Valid(out) || firstForbidden(out) >= 0 {
			t.Fatalf("HTML(%q) = %q still holds a forbidden code point", s, out)
		}
		if firstForbidden([]byte(s)) < 0 && string(out) != s {
			t.Fatalf("HTML changed clean text %q", s)
		}
	})
}

// forbiddenSlowly is firstForbidden one code point at a time, as the HTML
// standard words it.
func forbiddenSlowly(s string) int {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return i // invalid UTF-8
		case r < 0x20 && !strings.ContainsRune("\t\n\r\f", r), r >= 0x7f && r <= 0x9f,
			r >= 0xfdd0 && r <= 0xfdef, r&0xfffe == 0xfffe:
			return i
		}
	}
	return -1
}

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{
		"Acme": "Acme", "=HYPERLINK(1)": "'=HYPERLINK(1)", "-": "'-", "+1": "'+1", "@me": "'@me",
		"\tx": `\tx`, "a\nb": `a\nb`, "": "",
	} {
		if got := CSVCell(in); got != want {
			t.Errorf("CSVCell(%q) = %q, want %q", in, got, want)
		}
	}
}
