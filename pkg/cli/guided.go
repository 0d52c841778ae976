package cli

import (
	"errors"
	"strings"

	"charm.land/huh/v2"
	"github.com/personakit/persona/pkg/lint/rules"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/scaffold"
	"github.com/personakit/persona/pkg/workspace"
)

// guidedPersona asks for a persona's essentials, as a persona generator
// would, and fills data with the answers. ACCESSIBLE=1 switches huh to its
// line-by-line mode, which screen readers follow and tests drive.
func guidedPersona(g *globalOptions, ws *workspace.Workspace, data *scaffold.Data) error {
	var name, icp, role, goals, frustrations string
	var sources []string
	required := func(what string) func(string) error {
		return func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New(what + " is required")
			}
			return nil
		}
	}
	fields := []huh.Field{
		huh.NewInput().Title("Name").Description("How the team will call this person, e.g. Finance Director Fiona").
			Value(&name).Validate(func(s string) error {
			if err := required("a name")(s); err != nil {
				return err
			}
			if d := ws.Lookup(model.KindPersona, rules.Slugify(s)); d != nil {
				return errors.New("a persona with the id " + d.ID + " exists already")
			}
			return nil
		}),
	}
	if icps := ws.Entities(model.KindICP); len(icps) > 0 {
		options := make([]huh.Option[string], 0, len(icps))
		for _, d := range icps {
			label := d.ID
			if d.ICP.Title.Value != "" {
				label += " — " + d.ICP.Title.Value
			}
			options = append(options, huh.NewOption(label, d.ID))
		}
		fields = append(fields, huh.NewSelect[string]().Title("ICP").Description("The ideal customer profile this person works in").
			Options(options...).Value(&icp))
	}
	fields = append(fields,
		huh.NewInput().Title("Role").Description("Their job title").Value(&role),
		huh.NewText().Title("Goals").Description("What they want to achieve; separate several with ;").Value(&goals),
		huh.NewText().Title("Frustrations").Description("What gets in their way; separate several with ;").Value(&frustrations),
	)
	if interviews := ws.Entities(model.KindInterview); len(interviews) > 0 {
		options := make([]huh.Option[string], 0, len(interviews))
		for _, d := range interviews {
			options = append(options, huh.NewOption(d.ID, d.ID))
		}
		fields = append(fields, huh.NewMultiSelect[string]().Title("Sources").
			Description("The interviews this persona rests on (none yet keeps it a draft)").
			Options(options...).Value(&sources))
	}
	form := huh.NewForm(huh.NewGroup(fields...)).
		WithInput(g.streams.In).
		WithOutput(g.streams.Out).
		WithAccessible(g.streams.Getenv("ACCESSIBLE") != "")
	if err := form.Run(); err != nil {
		if errors.Is(err, huh.ErrUserAborted) {
			return usageErrorf("cancelled; nothing was written")
		}
		return usageErrorf("guided mode: %v", err)
	}
	data.Name = strings.TrimSpace(name)
	data.ID = rules.Slugify(data.Name)
	data.ICP = icp
	data.Role = strings.TrimSpace(role)
	data.Goals = splitAnswers(goals)
	data.Frustrations = splitAnswers(frustrations)
	data.Sources = sources
	if len(sources) > 0 && data.Set["status"] == "" {
		data.Set["status"] = "active"
	}
	return nil
}

// splitAnswers splits a free-text answer into list items at ';' and line
// breaks.
func splitAnswers(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' }) {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}
