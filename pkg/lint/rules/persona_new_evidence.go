package rules

import (
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/words"
	"github.com/personakit/persona/pkg/workspace"
)

// personaNewEvidence points a persona at the interviews of its ICP that
// came in after it was last reviewed and that it does not cite: the place a
// re-validation starts.
type personaNewEvidence struct{ meta }

func (r *personaNewEvidence) Check(c *lint.Context) {
	byICP := map[string][]*model.Document{}
	for _, iv := range c.WS.Entities(model.KindInterview) {
		if iv.Interview.Date.Valid && iv.Interview.ICP.Value != "" {
			byICP[iv.Interview.ICP.Value] = append(byICP[iv.Interview.ICP.Value], iv)
		}
	}
	for _, p := range c.WS.Entities(model.KindPersona) {
		if p.IsRetired() || !p.Reviewed.Valid || len(byICP[p.Persona.ICP.Value]) == 0 {
			continue
		}
		cited := map[*model.Document]bool{}
		for _, ref := range p.Persona.References() {
			if res := c.WS.ResolveSource(p, ref.Value); res.Status == workspace.SourceFound {
				cited[res.Doc] = true
			}
		}
		var newest *model.Document
		n := 0
		for _, iv := range byICP[p.Persona.ICP.Value] {
			if cited[iv] || !iv.Interview.Date.Time.After(p.Reviewed.Time) {
				continue
			}
			n++
			if newest == nil || iv.Interview.Date.Time.After(newest.Interview.Date.Time) ||
				iv.Interview.Date.Time.Equal(newest.Interview.Date.Time) && iv.Path < newest.Path {
				newest = iv
			}
		}
		if n > 0 {
			verb := "are"
			if n == 1 {
				verb = "is"
			}
			c.Report(p, p.Reviewed.Pos, "%s of ICP %q, dated after this persona was reviewed (%s), %s not cited; the newest is %q of %s — re-validate the persona against them",
				words.Plural(n, "interview"), p.Persona.ICP.Value, p.Reviewed.Time.Format("2006-01-02"), verb, newest.ID, newest.Interview.Date.Time.Format("2006-01-02"))
		}
	}
}
