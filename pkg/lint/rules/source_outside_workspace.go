package rules

import (
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/workspace"
)

type sourceOutside struct{ meta }

func (r *sourceOutside) Check(c *lint.Context) {
	for _, d := range c.Entities(model.KindPersona) {
		for s, res := range c.Sources(d) {
			if res.Status == workspace.SourceOutside {
				c.Report(d, s.Pos, "source %q points outside the workspace; move the interview into the repository and cite it there", s.Value)
			}
		}
	}
}
