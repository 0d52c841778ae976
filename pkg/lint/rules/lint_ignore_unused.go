package rules

import (
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/suggest"
)

// ignoreUnused runs after every other rule, when it is known which
// suppressions silenced something.
type ignoreUnused struct{ meta }

func (r *ignoreUnused) Finish(c *lint.Context) {
	for _, d := range c.WS.Docs {
		for _, ig := range d.Lint.Ignore {
			switch {
			case !c.Known(ig.Value):
				c.Report(d, ig.Pos, "lint.ignore names %q, which is not a rule%s", ig.Value,
					suggest.DidYouMeanOr(ig.Value, c.RuleIDs(), "; `persona rules` lists them"))
			case !c.Enabled(ig.Value) || c.Suppressed(d, ig.Value):
			default:
				c.Report(d, ig.Pos, "lint.ignore of %s is unused, since the rule does not fire here; remove it", ig.Value)
			}
		}
	}
}
