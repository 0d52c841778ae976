package rules

import (
	"fmt"
	"math"
	"strconv"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/words"
	"go.yaml.in/yaml/v3"
)

type icpShareMismatch struct {
	meta
	tolerance float64
}

func (r *icpShareMismatch) Check(c *lint.Context) {
	cov := c.Customers
	if cov == nil || cov.Customers == 0 {
		return
	}
	for _, d := range c.Entities(model.KindICP) {
		declared := d.ICP.CustomerShare
		n, matched := cov.Fit[d.ID]
		if declared == nil || !matched || d.IsRetired() {
			continue
		}
		measured := float64(n) / float64(cov.Customers)
		// Compare at the precision shares are shown in, so that a share
		// exactly at the tolerance is not a finding by a rounding error.
		if math.Round(math.Abs(*declared-measured)*1e6) <= math.Round(r.tolerance*1e6) {
			continue
		}
		c.Report(d, d.ICP.CustomerSharePos, "customer_share says %s of customers, but %s of %s in %s fit (%s); update customer_share or the ICP's firmographics",
			words.Percent(*declared), words.Number(float64(n)), words.Plural(cov.Customers, "customer"), cov.Source, words.Percent(measured))
	}
}

func (r *icpShareMismatch) Configure(opts map[string]config.Option, path string) error {
	o, ok := opts["tolerance"]
	if !ok {
		return nil
	}
	f, err := strconv.ParseFloat(o.Value.Value, 64)
	if o.Value.Kind != yaml.ScalarNode || err != nil || f < 0 || f > 1 {
		return config.Errorf(path, o.Value, "rules.%s.tolerance must be a fraction from 0 to 1, such as 0.1, not %q", r.id, o.Value.Value)
	}
	r.tolerance = f
	return nil
}

// Options declares what Configure reads.
func (r *icpShareMismatch) Options() []lint.Option {
	return []lint.Option{
		{Name: "tolerance", Default: fmt.Sprint(0.1), Description: "How far the declared customer_share may be from the measured share of customers, as a fraction."},
	}
}
