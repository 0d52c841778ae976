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
		type proposal struct {
			key         int // index in d.Unknown
			name, hint  string
			only, group string // the certain rename, and the mapping it is in
		}
		var proposals []proposal
		targets := map[[2]string]int{} // (mapping, new name) → renames onto it
		for i, k := range d.Unknown {
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
			p := proposal{key: i, name: name, hint: keys.DidYouMean(name)}
			if p.hint != "" {
				// A rename onto a key the mapping already has would make
				// the key repeat: that needs a person to merge the two.
				if only := onlyFix(keys, name, p.hint); only != "" && !slices.Contains(k.Siblings, only) {
					p.only, p.group = only, place+"\x00"+strings.Join(k.Siblings, "\x00")
					targets[[2]string{p.group, only}]++
				}
			}
			proposals = append(proposals, p)
		}
		for _, p := range proposals {
			k := d.Unknown[p.key]
			switch {
			case p.only != "" && targets[[2]string{p.group, p.only}] == 1:
				c.ReportFix(d, k.Pos, p.name, p.only, fmt.Sprintf("rename key %q to %q", p.name, p.only), "unknown key %q in %s%s", k.Name, d.Kind.Noun(), p.hint)
			case p.hint != "":
				// Two keys renamed onto one name (naem:, nmae:) would repeat
				// it too: neither rename is certain.
				c.Report(d, k.Pos, "unknown key %q in %s%s", k.Name, d.Kind.Noun(), p.hint)
			default:
				c.Report(d, k.Pos, "unknown key %q in %s; remove it, or list it under fields.allow in .persona.yaml", k.Name, d.Kind.Noun())
			}
		}
	}
}
