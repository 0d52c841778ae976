package rules

import (
	"fmt"
	"slices"
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
	// One suggester per place keys live (a kind and a parent mapping), not
	// one per unknown key: a file of thousands of them asks thousands of
	// times of a few dozen keys.
	suggesters := map[string]*suggest.Suggester{}
	for _, d := range c.Docs() {
		for _, k := range d.Unknown {
			if allow[k.Name] {
				continue
			}
			parent, name := "", k.Name
			if i := strings.LastIndexByte(k.Name, '.'); i >= 0 {
				parent, name = k.Name[:i], k.Name[i+1:]
			}
			place := string(d.Kind) + "\x00" + parent
			keys := suggesters[place]
			if keys == nil {
				keys = suggest.NewSuggester(frontmatter.SubKeys(d.Kind, parent))
				suggesters[place] = keys
			}
			if hint := keys.DidYouMean(name); hint != "" {
				// A rename onto a key the mapping already has would make
				// the key repeat: that needs a person to merge the two.
				if only := onlyFix(keys, name, hint); only != "" && !slices.Contains(k.Siblings, only) {
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
