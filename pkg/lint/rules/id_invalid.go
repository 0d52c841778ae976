package rules

import (
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/slug"
)

type idInvalid struct{ meta }

func (r *idInvalid) Check(c *lint.Context) {
	for _, d := range c.Docs() {
		if d.Kind == "" || slug.Valid(d.ID) {
			continue
		}
		if d.IDPos.Line == 0 {
			c.Report(d, d.IDPos, "the file name gives the id %q, which is not a slug; rename the file to %q or set id: %s",
				d.ID, slug.Make(d.ID)+".md", slug.Make(d.ID))
			continue
		}
		c.Report(d, d.IDPos, "id %q is not a slug; use lowercase letters, digits and dashes, such as %q", d.ID, slug.Make(d.ID))
	}
}
