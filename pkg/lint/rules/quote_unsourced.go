package rules

import (
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
)

// quoteUnsourced reports quotes that name no interview: nobody can check
// them against what was said.
type quoteUnsourced struct{ meta }

func (r *quoteUnsourced) Check(c *lint.Context) {
	for _, p := range c.Entities(model.KindPersona) {
		for _, q := range p.Persona.QuoteItems {
			if q.Source.Value == "" {
				c.Report(p, q.Text.Pos, "quote names no interview; write it as {text: ..., source: INTERVIEW} so it can be checked against the notes")
			}
		}
	}
}
