package cli

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/huh/v2"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/scaffold"
	"github.com/personakit/persona/pkg/slug"
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
			if d := ws.Lookup(model.KindPersona, slug.Make(s)); d != nil {
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
		fields = append(fields, icpPicker(options, &icp))
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
		fields = append(fields, sourcesPicker(options, &sources))
	}
	// One question per page: in one shared group the pickers got what
	// height was left and showed too few choices (none of one).
	groups := make([]*huh.Group, len(fields))
	for i, f := range fields {
		groups[i] = huh.NewGroup(f)
	}
	form := huh.NewForm(groups...).
		WithInput(g.streams.In).
		WithOutput(g.streams.Out).
		WithAccessible(g.streams.Getenv("ACCESSIBLE") != "")
	if err := form.Run(); err != nil {
		if errors.Is(err, huh.ErrUserAborted) {
			return interruptedErrorf("cancelled; nothing was written")
		}
		return usageErrorf("guided mode: %v", err)
	}
	data.Name = strings.TrimSpace(name)
	data.ID = slug.Make(data.Name)
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

// pickerRows is how many choices a picker shows at once; more scroll, and
// typing / filters them.
const pickerRows = 12

// pickerHeight is the height a picker needs to show rows choices under its
// one-line title and description. huh subtracts the title and description
// from the height it computes for itself, so without it a picker of one
// choice shows none and one of five shows three.
func pickerHeight(choices int) int {
	if choices > pickerRows {
		return pickerRows + 4 // and the hint's line
	}
	return choices + 3
}

// pickerHint tells how to reach every choice when not all fit.
func pickerHint(choices int, what string) string {
	if choices <= pickerRows {
		return ""
	}
	return fmt.Sprintf("\n%d %s, %d shown: ↑↓ scroll, / filters", choices, what, pickerRows)
}

func icpPicker(options []huh.Option[string], value *string) *huh.Select[string] {
	return huh.NewSelect[string]().Title("ICP").
		Description("The ideal customer profile this person works in" + pickerHint(len(options), "ICPs")).
		Options(options...).Height(pickerHeight(len(options))).Value(value)
}

func sourcesPicker(options []huh.Option[string], value *[]string) *huh.MultiSelect[string] {
	return huh.NewMultiSelect[string]().Title("Sources").
		Description("The interviews it rests on; none keeps it a draft" + pickerHint(len(options), "interviews")).
		Options(options...).Filterable(true).Height(pickerHeight(len(options))).Value(value)
}
