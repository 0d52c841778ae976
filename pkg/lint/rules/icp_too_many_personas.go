package rules

import (
	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/words"
)

type icpTooManyPersonas struct {
	meta
	max int
}

func (r *icpTooManyPersonas) Configure(opts map[string]config.Option, path string) error {
	return lint.SetIntOption(r.id, opts, "max", path, 1, &r.max)
}

func (r *icpTooManyPersonas) Check(c *lint.Context) {
	for _, d := range c.Entities(model.KindICP) {
		if n := len(countedPersonas(c.WS, d)); n > r.max {
			c.Report(d, model.FileStart, "ICP has %s (limit %d); merge or retire some so the core ones stay in view", words.Plural(n, "active persona"), r.max)
		}
	}
}

// Options declares what Configure reads.
func (r *icpTooManyPersonas) Options() []lint.Option {
	return []lint.Option{
		{Name: "max", Default: "6", Description: "The most active personas an ICP may have."},
	}
}
