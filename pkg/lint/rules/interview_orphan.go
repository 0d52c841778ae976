package rules

import (
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/workspace"
)

type interviewOrphan struct{ meta }

func (r *interviewOrphan) Check(c *lint.Context) {
	interviews := c.Entities(model.KindInterview)
	if len(interviews) == 0 {
		return
	}
	// Every persona may cite the interviews checked, in or out of scope; a
	// scoped run (an edit in the editor) resolves only the references of
	// the personas that may cite them.
	cited := make(map[*model.Document]bool, len(interviews)) // most are cited
	check := func(p *model.Document) {
		for _, res := range c.Sources(p) {
			if res.Status == workspace.SourceFound {
				cited[res.Doc] = true
			}
		}
	}
	if c.Scoped() {
		for _, d := range interviews {
			for _, p := range c.WS.CitersOf(d) {
				check(p)
			}
		}
	} else {
		for _, p := range c.WS.SharedEntities(model.KindPersona) {
			check(p)
		}
	}
	for _, d := range interviews {
		if !cited[d] {
			c.Report(d, model.FileStart, "no persona cites this interview; add it to the sources of the personas it supports")
		}
	}
}
