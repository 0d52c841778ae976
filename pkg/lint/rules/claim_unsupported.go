package rules

import (
	"slices"
	"strings"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/contract"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
)

// claimUnsupported reports claims without claim-level evidence, for teams
// that want every goal and frustration traceable to an interview.
type claimUnsupported struct {
	meta
	lists []string
}

func (r *claimUnsupported) Options() []lint.Option {
	return []lint.Option{{Name: "lists", Default: "[" + strings.Join(contract.ClaimLists(), ", ") + "]",
		Description: "The claim lists whose claims need evidence."}}
}

func (r *claimUnsupported) Configure(opts map[string]config.Option, path string) error {
	return lint.SetListOption(r.id, opts, "lists", path, "[goals, frustrations]", func(item string) (string, string) {
		if !slices.Contains(contract.ClaimLists(), item) {
			return "", "a claim list; use " + strings.Join(contract.ClaimLists(), ", ")
		}
		return item, ""
	}, &r.lists)
}

func (r *claimUnsupported) Check(c *lint.Context) {
	for _, p := range c.Entities(model.KindPersona) {
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
