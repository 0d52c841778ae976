package rules

import "github.com/personakit/persona/pkg/lint"

type idDuplicate struct{ meta }

func (r *idDuplicate) Check(c *lint.Context) {
	for _, d := range c.Docs() {
		if d.Kind == "" {
			continue
		}
		if first := c.WS.Lookup(d.Kind, d.ID); first != nil && first != d {
			c.Report(d, d.IDPos, "%s id %q is already used by %s; give this %s another id",
				d.Kind, d.ID, c.Path(first.Path), d.Kind)
		}
	}
}
