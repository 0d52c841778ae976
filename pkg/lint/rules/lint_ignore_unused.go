package rules

import (
	"fmt"

	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/suggest"
)

// ignoreUnused runs after every other rule, when it is known which
// suppressions silenced something.
type ignoreUnused struct{ meta }

func (r *ignoreUnused) Finish(c *lint.Context) {
	var ids *suggest.Suggester // built once, on the first unknown rule
	for _, d := range c.Docs() {
		if d.Lint == nil {
			continue
		}
		for _, ig := range d.Lint.Ignore {
			switch {
			case !c.Known(ig.Value):
				if ids == nil {
					ids = suggest.NewSuggester(c.RuleIDs())
				}
				hint := ids.DidYouMean(ig.Value)
				if only := onlyFix(ids, ig.Value, hint); only != "" {
					c.ReportFix(d, ig.Pos, ig.Value, only, fmt.Sprintf("set the rule to %q", only),
						"lint.ignore names %q, which is not a rule%s", ig.Value, hint)
					continue
				}
				if hint == "" {
					hint = "; `persona rules` lists them"
				}
				c.Report(d, ig.Pos, "lint.ignore names %q, which is not a rule%s", ig.Value, hint)
			case !c.Enabled(ig.Value) || c.Suppressed(d, ig.Value):
			default:
				c.ReportRemoval(d, ig.Pos, ig.Value, fmt.Sprintf("remove %s from lint.ignore", ig.Value),
					"lint.ignore of %s is unused, since the rule does not fire here; remove it", ig.Value)
			}
		}
	}
}
