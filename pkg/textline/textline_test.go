package textline

import (
	"strings"
	"testing"
)

func TestLines(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		lines []string
	}{
		{"LF", "a\nb\n", []string{"a", "b"}},
		{"CRLF", "a\r\nb\r\n", []string{"a", "b"}},
		{"lone CR", "a\rb\rc", []string{"a", "b", "c"}},
		{"mixed", "a\r\rb\n\r\nc", []string{"a", "", "b", "", "c"}},
		{"Unicode separators stay inside a line", "a\u2028b\u0085c\u2029d\ne", []string{"a\u2028b\u0085c\u2029d", "e"}},
		{"no ending", "abc", []string{"abc"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for b := []byte(tt.src); len(b) > 0; {
				var line []byte
				line, b = Next(b)
				got = append(got, string(line))
			}
			if strings.Join(got, "|") != strings.Join(tt.lines, "|") {
				t.Fatalf("Next gives %q, want %q", got, tt.lines)
			}
			for n, want := range tt.lines {
				off, ok := Start([]byte(tt.src), n+1)
				if !ok {
					t.Fatalf("Start(%d) = false", n+1)
				}
				rest := []byte(tt.src[off:])
				if l := Length(rest); string(rest[:l]) != want {
					t.Errorf("line %d at %d reads %q, want %q", n+1, off, rest[:l], want)
				}
			}
			if _, ok := Start([]byte(tt.src), len(tt.lines)+2); ok {
				t.Errorf("Start(%d) is true past the last line", len(tt.lines)+2)
			}
		})
	}
}

func TestEndingLength(t *testing.T) {
	for src, want := range map[string]int{"\r\nx": 2, "\nx": 1, "\rx": 1, "x": 0, "": 0} {
		if got := EndingLength([]byte(src)); got != want {
			t.Errorf("EndingLength(%q) = %d, want %d", src, got, want)
		}
	}
}

func TestToLF(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no ending", "a", "a"},
		{"LF", "a\nb\n", "a\nb\n"},
		{"CRLF", "a\r\nb\r\n", "a\nb\n"},
		{"lone CR", "a\rb\r", "a\nb\n"},
		{"CR before CRLF", "\r\r\n", "\n\n"},
		{"mixed", "a\r\n\rb\nc", "a\n\nb\nc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(ToLF([]byte(tt.in))); got != tt.want {
				t.Errorf("ToLF(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
