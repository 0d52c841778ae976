package rules

import (
	"time"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
)

type stale struct {
	meta
	maxAgeDays int
}

func (r *stale) Configure(opts map[string]config.Option, path string) error {
	if o, ok := opts["max_age"]; ok {
		days, ok := config.Duration(o.Value.Value)
		if !ok || days < 1 {
			return config.Errorf(path, o.Value, "rules.stale.max_age %q is not an age; write a number with d, w, m or y, such as 180d", o.Value.Value)
		}
		r.maxAgeDays = days
	}
	return nil
}

// IsStale is this rule's judgement of one entity on a day, which reports
// ask for instead of computing staleness again: an active ICP or persona
// with no valid reviewed date, or one older than max_age.
func (r *stale) IsStale(d *model.Document, today time.Time) bool {
	if (d.Kind != model.KindICP && d.Kind != model.KindPersona) || !d.IsActive() {
		return false
	}
	return !d.Reviewed.Valid || ageDays(d.Reviewed.Time, today) > r.maxAgeDays
}

// ageDays counts whole days between two dates without time.Duration, which
// cannot span more than 292 years (reviewed: 0001-01-01).
func ageDays(from, to time.Time) int { return int((to.Unix() - from.Unix()) / 86400) }

func (r *stale) Check(c *lint.Context) {
	for _, d := range c.Docs() {
		if !r.IsStale(d, c.Today) {
			continue
		}
		rev := d.Reviewed
		switch {
		case rev.Valid:
			c.Report(d, rev.Pos, "last reviewed %s, %d days ago (limit %d); re-validate it and update reviewed",
				rev.Time.Format("2006-01-02"), ageDays(rev.Time, c.Today), r.maxAgeDays)
		case rev.Pos.Line == 0: // a malformed date is field-type's finding
			c.Report(d, model.FileStart, "%s has no reviewed date; validate it against reality and add reviewed: YYYY-MM-DD", d.Kind)
		}
	}
}

// Options declares what Configure reads.
func (r *stale) Options() []lint.Option {
	return []lint.Option{
		{Name: "max_age", Default: "365d", Description: "How old reviewed may be: a number with d, w, m or y."},
	}
}
