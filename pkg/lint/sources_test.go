package lint_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/workspace"
)

// sourcesRule reports, for every reference of every persona, what
// Context.Sources says it resolves to and what Workspace.ResolveSource
// says, so that a test can compare the two.
type sourcesRule struct{}

func (sourcesRule) ID() string                        { return "sources" }
func (sourcesRule) DefaultSeverity() finding.Severity { return finding.Warning }
func (sourcesRule) Summary() string                   { return "sources" }
func (sourcesRule) Help() string                      { return "" }
func (sourcesRule) Check(c *lint.Context) {
	for _, p := range c.Entities(model.KindPersona) {
		var refs []model.Str
		for ref := range p.Persona.Refs() {
			refs = append(refs, ref)
		}
		i := 0
		for ref, got := range c.Sources(p) {
			want := c.WS.ResolveSource(p, ref.Value)
			if want.Status == workspace.SourceMissing {
				want.Path = "" // Sources leaves out the path tried
			}
			if i >= len(refs) || ref != refs[i] || got != want {
				c.Report(p, ref.Pos, "reference %d %q: Sources %+v, ResolveSource %+v", i, ref.Value, got, want)
			}
			i++
		}
		if i != len(refs) {
			c.Report(p, model.FileStart, "Sources yields %d references, Refs %d", i, len(refs))
		}
	}
}

// TestSourcesResolvesAsResolveSource: the run's table of resolved
// references answers as resolving each one does (but for the path a missing
// one was tried at), for every status, in a whole run and in a scoped one,
// for a persona that cites more documents than its row has room for, and
// for one with more references than a chunk of the table.
func TestSourcesResolvesAsResolveSource(t *testing.T) {
	persona := func(name, refs string) []byte {
		return []byte("---\nkind: persona\nname: " + name + "\nsources: [" + refs + "]\n" +
			"goals:\n  - text: Close fast\n    evidence: [cfo, nobody]\n" +
			"quotes:\n  - text: We close in ten days\n    source: cfo\n---\n")
	}
	files := []workspace.File{
		{Rel: "interviews/cfo.md", Data: []byte("---\nkind: interview\ndate: 2026-01-01\n---\nWe close in ten days.\n")},
		{Rel: "notes/plain.md", Data: []byte("just notes\n")},
		{Rel: "icps/saas.md", Data: []byte("---\nkind: icp\ntitle: SaaS\n---\n")},
		{Rel: "personas/a.md", Data: persona("A", "cfo, ../interviews/cfo.md, interviews/cfo.md, missing, ../interviews/gone.md, https://example.com/x, ../../outside.md, ../notes/plain.md, ../icps/saas.md")},
		{Rel: "personas/b.md", Data: persona("B", "")},
	}
	// Persona c cites twenty interviews in turn, more than the table
	// looks back over, so that each reference takes a slot of its own
	// until they run out; d cites them three times over.
	var many, few []string
	for i := range 20 {
		files = append(files, workspace.File{Rel: fmt.Sprintf("interviews/i%d.md", i), Data: []byte("---\nkind: interview\ndate: 2026-01-01\n---\n")})
		for range 3 {
			few = append(few, fmt.Sprintf("i%d", i))
		}
	}
	for range 420 {
		for i := range 20 {
			many = append(many, fmt.Sprintf("i%d", i))
		}
	}
	// Persona e cites two interviews more times than a chunk of the
	// table holds references.
	var more []string
	for range 9000 {
		more = append(more, "cfo", "i1")
	}
	files = append(files,
		workspace.File{Rel: "personas/c.md", Data: persona("C", strings.Join(many, ", ")+", missing, cfo")},
		workspace.File{Rel: "personas/d.md", Data: persona("D", strings.Join(few, ", ")+", cfo, i19, i0")},
		workspace.File{Rel: "personas/e.md", Data: persona("E", strings.Join(more, ", "))})
	r, err := lint.NewRunner(config.Default(), []lint.Rule{sourcesRule{}})
	if err != nil {
		t.Fatal(err)
	}
	ws := workspace.FromFiles(t.TempDir(), files, workspace.Options{})
	for _, scope := range [][]*model.Document{nil, {ws.Lookup(model.KindPersona, "a")}} {
		t.Run(fmt.Sprintf("scope of %d", len(scope)), func(t *testing.T) {
			findings := r.Run(ws, lint.Options{Scope: scope})
			for _, f := range findings {
				if f.Rule == "sources" {
					t.Errorf("%s", f.Message)
				}
			}
		})
	}
}
