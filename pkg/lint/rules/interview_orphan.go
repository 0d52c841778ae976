package rules

import (
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/workspace"
)

type interviewOrphan struct{ meta }

func (r *interviewOrphan) Check(c *lint.Context) {
	cited := map[*model.Document]bool{}
	for _, p := range c.WS.Entities(model.KindPersona) {
		for _, s := range p.Persona.References() {
			if res := c.WS.ResolveSource(p, s.Value); res.Status == workspace.SourceFound {
				cited[res.Doc] = true
			}
		}
	}
	for _, d := range c.WS.Entities(model.KindInterview) {
		if !cited[d] {
			c.Report(d, model.FileStart, "no persona cites this interview; add it to the sources of the personas it supports")
		}
	}
}
