package rules

import (
	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
)

type stale struct {
	meta
	maxAgeDays int
}

func (r *stale) Configure(opts map[string]config.Option, path string) error {
	if err := lint.CheckOptionNames(r.id, opts, path, "max_age"); err != nil {
		return err
	}
	if o, ok := opts["max_age"]; ok {
		days, ok := config.Duration(o.Value.Value)
		if !ok || days < 1 {
			return config.Errorf(path, o.Value, "rules.stale.max_age %q is not an age; write a number with d, w, m or y, such as 180d", o.Value.Value)
		}
		r.maxAgeDays = days
	}
	return nil
}

// MaxAgeDays is the age in force, so that reports call stale exactly what
// this rule does.
func (r *stale) MaxAgeDays() int { return r.maxAgeDays }

func (r *stale) Check(c *lint.Context) {
	for _, d := range c.WS.Docs {
		if (d.Kind != model.KindICP && d.Kind != model.KindPersona) || !d.IsActive() {
			continue
		}
		rev := d.Reviewed
		if !rev.Valid {
			if rev.Pos.Line == 0 { // a malformed date is field-type's finding
				c.Report(d, model.FileStart, "%s has no reviewed date; validate it against reality and add reviewed: YYYY-MM-DD", d.Kind)
			}
			continue
		}
		// Whole days between the dates, counted without time.Duration,
		// which cannot span more than 292 years (reviewed: 0001-01-01).
		age := int((c.Today.Unix() - rev.Time.Unix()) / 86400)
		if age > r.maxAgeDays {
			c.Report(d, rev.Pos, "last reviewed %s, %d days ago (limit %d); re-validate it and update reviewed",
				rev.Time.Format("2006-01-02"), age, r.maxAgeDays)
		}
	}
}
