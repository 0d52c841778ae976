package rules

import (
	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/words"
	"github.com/personakit/persona/pkg/workspace"
)

type personaFewSources struct {
	meta
	min int
}

func (r *personaFewSources) Configure(opts map[string]config.Option, path string) error {
	return lint.SetIntOption(r.id, opts, "min", path, 1, &r.min)
}

func (r *personaFewSources) Check(c *lint.Context) {
	for _, d := range c.WS.Entities(model.KindPersona) {
		sources := d.Persona.References()
		if len(sources) == 0 || d.IsRetired() {
			continue // persona-no-sources; a retired persona's evidence is history
		}
		distinct := map[*model.Document]bool{}
		for _, s := range sources {
			if res := c.WS.ResolveSource(d, s.Value); res.Status == workspace.SourceFound {
				distinct[res.Doc] = true
			}
		}
		if len(distinct) < r.min {
			c.Report(d, sources[0].Pos, "persona cites %s; cite at least %d distinct interviews to ground it",
				words.Plural(len(distinct), "existing interview"), r.min)
		}
	}
}

// Options declares what Configure reads.
func (r *personaFewSources) Options() []lint.Option {
	return []lint.Option{
		{Name: "min", Default: "3", Description: "How many distinct existing interviews a persona must cite."},
	}
}
