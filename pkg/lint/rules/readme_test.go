package rules

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEListsEveryRule keeps the README's rule table in step with the
// registry: every rule, with its default severity.
func TestREADMEListsEveryRule(t *testing.T) {
	readme, err := os.ReadFile("../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range All() {
		row := "| `" + r.ID() + "` | " + r.DefaultSeverity().String() + " |"
		if !strings.Contains(string(readme), row) {
			t.Errorf("README.md has no row starting %q", row)
		}
	}
}
