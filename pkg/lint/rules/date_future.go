package rules

import (
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
)

// dateFuture reports dates after today: an interview that has not happened
// yet is no evidence, and a reviewed date in the future hides staleness for
// as long as it is ahead.
type dateFuture struct{ meta }

func (r *dateFuture) Check(c *lint.Context) {
	today := c.Today.Format("2006-01-02")
	future := func(d model.Date) bool { return d.Valid && d.Time.Format("2006-01-02") > today }
	for _, d := range c.Docs() {
		if d.Kind == model.KindInterview && future(d.Interview.Date) {
			c.Report(d, d.Interview.Date.Pos, "interview date %s is after today (%s); an interview that has not happened is no evidence — fix the date",
				d.Interview.Date.Time.Format("2006-01-02"), today)
		}
		if d.Kind != "" && future(d.Reviewed) {
			c.Report(d, d.Reviewed.Pos, "reviewed %s is after today (%s); set it to the day it was really validated",
				d.Reviewed.Time.Format("2006-01-02"), today)
		}
	}
}
