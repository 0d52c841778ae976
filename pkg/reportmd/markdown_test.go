package reportmd

import "testing"

func TestMDPath(t *testing.T) {
	tests := map[string]string{
		"personas/fiona.md":   "personas/fiona.md",
		"c:x.md":              "./c:x.md",
		"a b/c#d?.md":         "a%20b/c%23d%3F.md",
		"p|q[1](2)<3>.md":     "p%7Cq%5B1%5D%282%29%3C3%3E.md",
		"100%.md":             "100%25.md",
		"new\nline\x1b.md":    "new%0Aline%1B.md",
		"interviews/grüße.md": "interviews/gr%C3%BC%C3%9Fe.md",
	}
	for in, want := range tests {
		if got := mdPath(in); got != want {
			t.Errorf("mdPath(%q) = %q, want %q", in, got, want)
		}
	}
}
