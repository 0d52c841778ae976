package report

import (
	"fmt"
	"testing"

	"github.com/personakit/persona/pkg/words"
)

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

// evidenceLabelAsSprintfWroteIt is EvidenceLabel as it was, with fmt,
// which its concatenation must match.
func evidenceLabelAsSprintfWroteIt(e Evidence) string {
	label := "low: no interviews"
	if e.Interviews > 0 {
		label = fmt.Sprintf("%s: %s, newest %s", e.Confidence, words.Plural(e.Interviews, "interview"), OrDash(e.Newest))
	}
	if e.Claims > 0 {
		label += fmt.Sprintf("; evidence for %d of %s", e.SupportedClaims, words.Plural(e.Claims, "claim"))
	}
	return label
}

func FuzzEvidenceLabel(f *testing.F) {
	f.Add(0, 0, 0, "", "low")
	f.Add(1, 3, 2, "2026-01-01", "high")
	f.Add(2, 1, 1, " ", "medium")
	f.Add(-1, -2, 5, "%d", "%s")
	f.Fuzz(func(t *testing.T, interviews, claims, supported int, newest, confidence string) {
		e := Evidence{Interviews: interviews, Claims: claims, SupportedClaims: supported, Newest: newest, Confidence: confidence}
		if got, want := EvidenceLabel(e), evidenceLabelAsSprintfWroteIt(e); got != want {
			t.Errorf("EvidenceLabel(%+v) = %q, want %q", e, got, want)
		}
	})
}
