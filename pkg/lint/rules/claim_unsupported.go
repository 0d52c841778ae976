package rules

import (
	"slices"
	"strings"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"go.yaml.in/yaml/v3"
)

// claimUnsupported reports claims without claim-level evidence, for teams
// that want every goal and frustration traceable to an interview.
type claimUnsupported struct {
	meta
	lists []string
}

func claimLists() []string {
	return []string{"goals", "motivations", "frustrations", "aspirations", "objections"}
}

func (r *claimUnsupported) Options() []lint.Option {
	return []lint.Option{{Name: "lists", Default: "[" + strings.Join(claimLists(), ", ") + "]",
		Description: "The claim lists whose claims need evidence."}}
}

func (r *claimUnsupported) Configure(opts map[string]config.Option, path string) error {
	o, ok := opts["lists"]
	if !ok {
		return nil
	}
	if o.Value.Kind != yaml.SequenceNode {
		return config.Errorf(path, o.Value, "rules.claim-unsupported.lists must be a list of claim lists, such as [goals, frustrations]")
	}
	r.lists = nil
	for _, n := range o.Value.Content {
		if n.Kind != yaml.ScalarNode || !slices.Contains(claimLists(), n.Value) {
			return config.Errorf(path, n, "%q is not a claim list; use %s", n.Value, strings.Join(claimLists(), ", "))
		}
		r.lists = append(r.lists, n.Value)
	}
	return nil
}

func (r *claimUnsupported) Check(c *lint.Context) {
	for _, p := range c.WS.Entities(model.KindPersona) {
		if p.IsRetired() {
			continue
		}
		for _, cl := range p.Persona.Claims {
			if len(cl.Evidence) == 0 && slices.Contains(r.lists, cl.List) {
				c.Report(p, cl.Text.Pos, "this claim of %s cites no interview; write it as {text: ..., evidence: [INTERVIEW]} with the interviews it rests on", cl.List)
			}
		}
	}
}
