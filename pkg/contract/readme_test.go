package contract

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"

	"github.com/personakit/persona/pkg/model"
)

var update = flag.Bool("update", false, "rewrite the README's key tables from the contract")

// TestREADMEKeyTables holds the README's key tables to the contract: each
// sits between <!-- contract:NAME --> markers and must be exactly what
// markdownTable renders; -update rewrites them.
func TestREADMEKeyTables(t *testing.T) {
	const path = "../../README.md"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	tables := []struct {
		name string
		want string
	}{
		{"common", markdownTable(commonKeys())},
		{"icp", markdownTable(specificKeys(model.KindICP))},
		{"persona", markdownTable(specificKeys(model.KindPersona))},
		{"interview", markdownTable(specificKeys(model.KindInterview))},
		{"site", siteKeysMarkdown()},
	}
	for _, tb := range tables {
		open, closing := "<!-- contract:"+tb.name+" -->\n", "<!-- /contract:"+tb.name+" -->"
		i, j := strings.Index(text, open), strings.Index(text, closing)
		if i < 0 || j < i {
			t.Errorf("README.md has no %s...%s block", strings.TrimSpace(open), closing)
			continue
		}
		want := tb.want
		if got := text[i+len(open) : j]; got != want {
			if *update {
				text = text[:i+len(open)] + want + text[j:]
				continue
			}
			t.Errorf("README.md's %s table differs from the contract (go test ./pkg/contract -update rewrites it):\n%s",
				tb.name, udiff.Unified("README.md", "contract", got, want))
		}
	}
	if *update {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
