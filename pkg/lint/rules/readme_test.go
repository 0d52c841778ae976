package rules

import (
	"os"

	"strings"
	"testing"

	"github.com/personakit/persona/pkg/lint"
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
		i := strings.Index(string(readme), row)
		if i < 0 {
			t.Errorf("README.md has no row starting %q", row)
			continue
		}
		// The row's last cell names each option the rule declares.
		line := string(readme[i:])
		line = line[:strings.IndexByte(line, '\n')]
		cells := strings.Split(strings.TrimSuffix(line, " |"), " | ")
		if c, ok := r.(lint.Configurable); ok {
			for _, o := range c.Options() {
				if !strings.Contains(cells[len(cells)-1], "`"+o.Name+"`") {
					t.Errorf("README.md's row of %s does not name its option %s in the last column", r.ID(), o.Name)
				}
			}
		}
	}
}
