package reporthtml

import (
	"bytes"
	"regexp"
	"testing"
	"time"

	"github.com/personakit/persona/pkg/report"
)

// TestHTMLIDsAreUnique renders personas that share an id, and ids that
// would collide with another's heading or are not id material: every
// element id is unique and every in-page link has its target.
func TestHTMLIDsAreUnique(t *testing.T) {
	persona := func(id string) string {
		return "---\nkind: persona\nid: " + id + "\nname: P\nicp: saas\n---\n"
	}
	ws := load(t, map[string]string{
		"icps/saas.md":      "---\nkind: icp\ntitle: SaaS\n---\n",
		"personas/a.md":     persona("crowd-a"),
		"personas/b.md":     persona("crowd-a"),
		"personas/c.md":     persona("crowd-a-h"),
		"personas/d.md":     persona(`"a b<c"`),
		"personas/e.md":     persona("crowd-a-2"),
		"personas/lost.md":  "---\nkind: persona\nid: crowd-a\nname: Lost\nicp: nowhere\n---\n",
		"personas/lost2.md": "---\nkind: persona\nid: saas\nname: Lost\nicp: nowhere\n---\n",
	})
	var out bytes.Buffer
	if err := HTML(&out, report.Build(ws, nil, report.Options{Title: "t", Today: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)})); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(` id="([^"]*)"`).FindAllStringSubmatch(out.String(), -1) {
		if seen[m[1]] {
			t.Errorf("id %q is used twice", m[1])
		}
		if !regexp.MustCompile(`^[A-Za-z0-9_-]+$`).MatchString(m[1]) {
			t.Errorf("id %q is not made of letters, digits, - and _", m[1])
		}
		seen[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`href="#([^"]*)"`).FindAllStringSubmatch(out.String(), -1) {
		if !seen[m[1]] {
			t.Errorf("link to #%s has no target", m[1])
		}
	}
	if len(seen) < 14 {
		t.Errorf("only %d ids in the page", len(seen))
	}
}
