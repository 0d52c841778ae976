package rules

import (
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/suggest"
)

type personaUnknownICP struct{ meta }

func (r *personaUnknownICP) Check(c *lint.Context) {
	var ids *suggest.Suggester
	for _, d := range c.WS.Entities(model.KindPersona) {
		ref := d.Persona.ICP
		if ref.Value == "" || c.WS.Lookup(model.KindICP, ref.Value) != nil {
			continue
		}
		if ids == nil {
			ids = suggest.NewSuggester(c.WS.IDs(model.KindICP))
		}
		if hint := ids.DidYouMean(ref.Value); hint != "" {
			c.Report(d, ref.Pos, "icp %q does not exist%s", ref.Value, hint)
			continue
		}
		c.Report(d, ref.Pos, "icp %q does not exist; create that ICP or point icp: at an existing one", ref.Value)
	}
}
