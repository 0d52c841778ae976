package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/contract"
	"github.com/personakit/persona/pkg/frontmatter"
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

// CheckText looks at a persona's claims while it is loaded: only its own
// claims decide, and a lean load (lint's) keeps no claims afterwards.
func (r *claimUnsupported) CheckText(doc *model.Document, _ []byte, _ frontmatter.Block) []model.Problem {
	if doc.Kind != model.KindPersona || doc.Persona == nil || doc.IsRetired() {
		return nil
	}
	var out []model.Problem
	for _, cl := range doc.Persona.Claims {
		if len(cl.Evidence) == 0 && slices.Contains(r.lists, cl.List) {
			out = append(out, model.Problem{Rule: r.id, Pos: cl.Text.Pos, Message: fmt.Sprintf(
				"this claim of %s cites no interview; write it as {text: ..., evidence: [INTERVIEW]} with the interviews it rests on", cl.List)})
		}
	}
	return out
}
