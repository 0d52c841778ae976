package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/suggest"
)

type personaUnknownICP struct{ meta }

func (r *personaUnknownICP) Check(c *lint.Context) {
	var ids *suggest.Suggester
	for _, d := range c.Entities(model.KindPersona) {
		ref := d.Persona.ICP
		if ref.Value == "" || c.WS.Lookup(model.KindICP, ref.Value) != nil {
			continue
		}
		if ids == nil {
			ids = suggest.NewSuggester(c.WS.IDs(model.KindICP))
		}
		if hint := ids.DidYouMean(ref.Value); hint != "" {
			if only := onlyFix(ids, ref.Value, hint); only != "" {
				c.ReportFix(d, ref.Pos, ref.Value, only, fmt.Sprintf("set icp to %q", only), "icp %q does not exist%s", ref.Value, hint)
				continue
			}
			c.Report(d, ref.Pos, "icp %q does not exist%s", ref.Value, hint)
			continue
		}
		c.Report(d, ref.Pos, "icp %q does not exist; create that ICP or point icp: at an existing one", ref.Value)
	}
}

// onlyFix is the replacement a fix may make for a misspelt value: the one
// candidate within two edits (SPEC §10), and only when it is the one the
// message suggests.
func onlyFix(s *suggest.Suggester, value, hint string) string {
	if only := s.Only(value); only != "" && strings.Contains(hint, strconv.Quote(only)) {
		return only
	}
	return ""
}
