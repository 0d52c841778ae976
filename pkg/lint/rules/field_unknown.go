package rules

import (
	"strings"

	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/suggest"
)

type fieldUnknown struct{ meta }

func (r *fieldUnknown) Check(c *lint.Context) {
	allow := map[string]bool{}
	for _, k := range c.WS.Config.FieldsAllow {
		allow[k] = true
	}
	for _, d := range c.WS.Docs {
		for _, k := range d.Unknown {
			if allow[k.Name] {
				continue
			}
			parent, name := "", k.Name
			if i := strings.LastIndexByte(k.Name, '.'); i >= 0 {
				parent, name = k.Name[:i], k.Name[i+1:]
			}
			known := frontmatter.SubKeys(d.Kind, parent)
			if hint := suggest.DidYouMean(name, known); hint != "" {
				c.Report(d, k.Pos, "unknown key %q in %s%s", k.Name, d.Kind.Noun(), hint)
				continue
			}
			c.Report(d, k.Pos, "unknown key %q in %s; remove it, or list it under fields.allow in .persona.yaml", k.Name, d.Kind.Noun())
		}
	}
}
