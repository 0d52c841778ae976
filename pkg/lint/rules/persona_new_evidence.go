package rules

import (
	"sort"

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
	// Each ICP's dated interviews, newest first (ties by path), so that a
	// persona needs a binary search and its own references, not a walk
	// over every interview of its ICP.
	personas := c.Entities(model.KindPersona)
	wanted := map[string]bool{} // the ICPs of the personas checked
	for _, p := range personas {
		wanted[p.Persona.ICP.Value] = true
	}
	interviews := c.WS.SharedEntities(model.KindInterview)
	if c.Scoped() { // only the interviews of those ICPs, from the index
		interviews = nil
		for icp := range wanted {
			interviews = append(interviews, c.WS.InterviewsOf(icp)...)
		}
	}
	byICP := map[string][]*model.Document{}
	for _, iv := range interviews {
		if iv.Interview.Date.Valid && iv.Interview.ICP.Value != "" && wanted[iv.Interview.ICP.Value] {
			byICP[iv.Interview.ICP.Value] = append(byICP[iv.Interview.ICP.Value], iv)
		}
	}
	for _, ivs := range byICP {
		sort.Slice(ivs, func(a, b int) bool {
			ta, tb := ivs[a].Interview.Date.Time, ivs[b].Interview.Date.Time
			return ta.After(tb) || ta.Equal(tb) && ivs[a].Path < ivs[b].Path
		})
	}
	for _, p := range personas {
		ivs := byICP[p.Persona.ICP.Value]
		if p.IsRetired() || !p.Reviewed.Valid || len(ivs) == 0 {
			continue
		}
		newer := sort.Search(len(ivs), func(i int) bool { return !ivs[i].Interview.Date.Time.After(p.Reviewed.Time) })
		if newer == 0 {
			continue
		}
		// What the persona cites, from the run's table (Context.Sources):
		// resolved again here, each reference cost a lookup in maps of
		// every file, which at 52,500 files missed the caches.
		cited := map[*model.Document]bool{}
		for _, res := range c.Sources(p) {
			if res.Status == workspace.SourceFound {
				cited[res.Doc] = true
			}
		}
		// Uncited = newer minus the cited ones among them; the newest
		// uncited is found within len(cited)+1 steps.
		n := newer
		for d := range cited {
			if d.Interview.ICP.Value == p.Persona.ICP.Value && d.Interview.Date.Valid && d.Interview.Date.Time.After(p.Reviewed.Time) {
				n--
			}
		}
		if n == 0 {
			continue
		}
		newest := ivs[0]
		for i := 1; cited[newest] && i < newer; i++ {
			newest = ivs[i]
		}
		verb := "are"
		if n == 1 {
			verb = "is"
		}
		c.Report(p, p.Reviewed.Pos, "%s of ICP %q, dated after this persona was reviewed (%s), %s not cited; the newest is %q of %s — re-validate the persona against them",
			words.Plural(n, "interview"), p.Persona.ICP.Value, p.Reviewed.Time.Format("2006-01-02"), verb, newest.ID, newest.Interview.Date.Time.Format("2006-01-02"))
	}
}
