package rules

import (
	"strings"

	"github.com/personakit/persona/pkg/lint"
)

type ignoreNoReason struct{ meta }

func (r *ignoreNoReason) Check(c *lint.Context) {
	for _, d := range c.Docs() {
		if d.Lint != nil && len(d.Lint.Ignore) > 0 && strings.TrimSpace(d.Lint.Reason) == "" {
			c.Report(d, d.Lint.Pos, "lint.ignore has no reason; add lint.reason saying why the rule does not apply here")
		}
	}
}
