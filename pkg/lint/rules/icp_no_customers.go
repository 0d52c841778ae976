package rules

import (
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/words"
)

type icpNoCustomers struct{ meta }

func (r *icpNoCustomers) Check(c *lint.Context) {
	cov := c.Customers
	if cov == nil {
		return
	}
	for _, d := range c.Entities(model.KindICP) {
		n, matched := cov.Fit[d.ID]
		if !d.IsActive() || !matched || n > 0 {
			continue
		}
		c.Report(d, d.ICP.Firmographics.Pos, "no customer in %s fits this ICP (of %s); widen its firmographics or retire it if the market has moved",
			cov.Source, words.Plural(cov.Customers, "customer"))
	}
}
