package report

import "testing"

// TestHref: paths are percent-encoded where they must be, and plain ones
// are written as they are.
func TestHref(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"plain", "personas/ana-1.md", "personas/ana-1.md"},
		{"up", "../interviews/i.md", "../interviews/i.md"},
		{"space and hash", "a b/#1.md", "a%20b/%231.md"},
		{"colon first", "c:x.md", "./c:x.md"},
		{"url", "https://example.com/a b", "https://example.com/a b"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Href(tt.in); got != tt.want {
				t.Errorf("Href(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzHref holds the shortcut for plain paths to net/url.
func FuzzHref(f *testing.F) {
	for _, s := range []string{"personas/a.md", "//x", "a:b", "~/.x", "-", "a%20b", "https://h/p"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if got, want := Href(p), hrefByURL(p); got != want {
			t.Fatalf("Href(%q) = %q, net/url writes %q", p, got, want)
		}
	})
}
