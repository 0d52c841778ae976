package rules

import (
	"fmt"
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
			keys := suggest.NewSuggester(known)
			if hint := keys.DidYouMean(name); hint != "" {
				if only := onlyFix(keys, name, hint); only != "" {
					c.ReportFix(d, k.Pos, name, only, fmt.Sprintf("rename key %q to %q", name, only), "unknown key %q in %s%s", k.Name, d.Kind.Noun(), hint)
					continue
				}
				c.Report(d, k.Pos, "unknown key %q in %s%s", k.Name, d.Kind.Noun(), hint)
				continue
			}
			c.Report(d, k.Pos, "unknown key %q in %s; remove it, or list it under fields.allow in .persona.yaml", k.Name, d.Kind.Noun())
		}
	}
}
