package frontmatter

import (
	"fmt"
	"testing"
)

// TestSuggesterAgreesWithNearest checks the index against the plain scan on
// the cases a scan within budget decides alike.
func TestSuggesterAgreesWithNearest(t *testing.T) {
	ids := []string{"mid-market-saas", "enterprise-fintech", "smb-retail", "cfo-1", "cfo-2", "cfo-10", "warning", "Mixed-Case"}
	s := NewSuggester(ids)
	for _, q := range []string{
		"mid-markt-saas", "mid-market-sas", "mid-market-saas", "enterprize-fintech", "smb-retial",
		"cfo-3", "cfo-", "warn", "mixed-case", "xyz", "", "enterprise", "cfo-100", "mid-mraket-sass",
	} {
		t.Run(q, func(t *testing.T) {
			if got, want := s.Nearest(q, 3), Nearest(q, ids, 3); got != want {
				t.Errorf("Suggester.Nearest(%q) = %q, Nearest = %q", q, got, want)
			}
		})
	}
}

// TestSuggesterBounded asks for every one of thousands of misspelt ids:
// one-edit typos are found through the index; the scan for farther ones
// stops when its budget is spent instead of growing with the workspace.
func TestSuggesterBounded(t *testing.T) {
	var ids []string
	for i := range 20_000 {
		ids = append(ids, fmt.Sprintf("interview-%05d", i))
	}
	s := NewSuggester(ids)
	for i := range 20_000 {
		q := fmt.Sprintf("interveiw-%05d", i) // two edits: scanned, within budget or not
		_ = s.Nearest(q, 3)
		q = fmt.Sprintf("interview-%05dx", i) // one edit: always found
		if got := s.Nearest(q, 3); got != ids[i] {
			t.Fatalf("Nearest(%q) = %q, want %q", q, got, ids[i])
		}
	}
	if s.budget > 0 {
		t.Errorf("the scan budget was not used up (%d left); the test does not exercise the bound", s.budget)
	}
}
