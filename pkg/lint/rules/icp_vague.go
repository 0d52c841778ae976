package rules

import (
	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/words"
)

type icpVague struct {
	meta
	minConstraints int
}

func (r *icpVague) Configure(opts map[string]config.Option, path string) error {
	return lint.SetIntOption(r.id, opts, "min_constraints", path, 1, &r.minConstraints)
}

func (r *icpVague) Check(c *lint.Context) {
	for _, d := range c.Entities(model.KindICP) {
		if n := d.ICP.Constraints; n < r.minConstraints {
			c.Report(d, model.FileStart, "ICP constrains %s; add firmographics or demographics until it constrains at least %d",
				words.Plural(n, "attribute"), r.minConstraints)
		}
	}
}

// Options declares what Configure reads.
func (r *icpVague) Options() []lint.Option {
	return []lint.Option{
		{Name: "min_constraints", Default: "2", Description: "How many firmographic or demographic attributes an ICP must constrain."},
	}
}
