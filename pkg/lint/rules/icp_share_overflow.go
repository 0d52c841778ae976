package rules

import (
	"fmt"
	"strings"

	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/words"
)

type icpShareOverflow struct{ meta }

func (r *icpShareOverflow) Check(c *lint.Context) {
	for _, d := range c.Entities(model.KindICP) {
		if d.ICP.Shares.Value == "overlapping" {
			continue // the personas are overlapping user types (SPEC §12)
		}
		total := 0.0
		var parts []string
		for _, p := range countedPersonas(c.WS, d) {
			if p.Persona.Share == nil {
				continue
			}
			total += *p.Persona.Share
			parts = append(parts, fmt.Sprintf("%s %s", p.ID, words.Percent(*p.Persona.Share)))
		}
		// Shares are often written as thirds; allow for rounding.
		if total > 1.0005 {
			c.Report(d, model.FileStart, "the shares of this ICP's personas add up to %s (%s); lower them to 100%% or less, or set shares: overlapping if its personas overlap",
				words.Percent(total), strings.Join(parts, ", "))
		}
	}
}
