package rules

import (
	"fmt"
	"strings"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/words"
	"github.com/personakit/persona/pkg/workspace"
)

type personaFewSources struct {
	meta
	min int
	// external counts each distinct URL of external evidence as one source.
	external bool
}

func (r *personaFewSources) Configure(opts map[string]config.Option, path string) error {
	if err := lint.SetIntOption(r.id, opts, "min", path, 1, &r.min); err != nil {
		return err
	}
	return lint.SetBoolOption(r.id, opts, "external", path, &r.external)
}

func (r *personaFewSources) Check(c *lint.Context) {
	for _, d := range c.Entities(model.KindPersona) {
		if !d.Persona.HasReferences() || d.IsRetired() {
			continue // persona-no-sources; a retired persona's evidence is history
		}
		distinct := map[*model.Document]bool{}
		urls := map[string]bool{}
		var first model.Pos // where the finding points: the first reference
		seen := false
		for s, res := range c.Sources(d) {
			if !seen {
				first, seen = s.Pos, true
			}
			switch res.Status {
			case workspace.SourceFound:
				distinct[res.Doc] = true
			case workspace.SourceExternal:
				urls[strings.TrimSpace(s.Value)] = true
			}
		}
		counted := len(distinct)
		if r.external {
			counted += len(urls)
		}
		if counted >= r.min {
			continue
		}
		extra := ""
		switch {
		case r.external && len(urls) > 0:
			extra = " and " + words.Plural(len(urls), "external source")
		case len(urls) > 0:
			extra = fmt.Sprintf(" (and %s, which count with rules.persona-few-sources.external: true)", words.Plural(len(urls), "external source"))
		}
		c.Report(d, first, "persona cites %s%s; cite at least %d distinct interviews to ground it",
			words.Plural(len(distinct), "existing interview"), extra, r.min)
	}
}

// Options declares what Configure reads.
func (r *personaFewSources) Options() []lint.Option {
	return []lint.Option{
		{Name: "min", Default: "3", Description: "How many distinct existing interviews a persona must cite."},
		{Name: "external", Default: "false", Description: "Whether each distinct URL of external evidence (a research repository, a survey) counts as one of them."},
	}
}
