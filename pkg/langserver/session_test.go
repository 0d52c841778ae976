package langserver

import (
	"os"
	"reflect"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

const typedPersona = `---
kind: persona
id: ops-olivia
name: Operations Lead Olivia
icp: mid-market-saas
owners: [ops]
reviewed: 2026-11-20
role:
  title: Head of Operations
  seniority: director
goals:
  - text: See which accounts renew late before the quarter closes
    evidence:
      - 2026-10-01-revops-devtools
frustrations:
  - Reports that disagree with each other about the same month
sources:
  - 2026-10-08-controller-fintech
  - 2026-10-15-revops-martech
  - 2026-09-03-cfo-logistics-saas
---

# Operations Lead Olivia

## Goals

Olivia wants one number per account that everyone trusts.
`

// A persona typed from an empty file to a clean one in 50 edits, through
// every half-written state between: after each edit, the diagnostics of
// every open file equal persona lint's on the same text.
func TestEditingSession(t *testing.T) {
	c := start(t, "../../examples/acme-analytics")
	const rel = "personas/ops-olivia.md"
	if err := os.WriteFile(c.path(rel), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	files := markdownFiles(t, c.root)
	for _, f := range files {
		c.open(f)
	}
	const steps = 50
	text := ""
	sawInvalid := false
	for step := 1; step <= steps; step++ {
		next := typedPersona[:len(typedPersona)*step/steps]
		end := newLineIndex([]byte(text)).position(len(text))
		c.edit(rel, protocol.Range{Start: end, End: end}, next[len(text):])
		text = next
		if err := os.WriteFile(c.path(rel), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		want := lintNow(t, c.root)
		for _, f := range files {
			disk, _ := os.ReadFile(c.path(f))
			got := summarizeDiagnostics(string(disk), c.diagnostics(f))
			if w := summarizeFindings(want[f]); !reflect.DeepEqual(got, w) {
				t.Fatalf("step %d (%q), %s:\n got %+v\nwant %+v", step, text, f, got, w)
			}
			for _, d := range got {
				sawInvalid = sawInvalid || d.Rule == "frontmatter-invalid"
			}
		}
	}
	if d := c.diagnostics(rel); len(d) != 0 {
		t.Errorf("the typed persona is not clean: %+v", d)
	}
	if !sawInvalid {
		t.Error("no step was half-written YAML; the session does not test what it should")
	}
}
