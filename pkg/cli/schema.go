package cli

import (
	"github.com/personakit/persona/pkg/contract"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/output"
	"github.com/personakit/persona/pkg/suggest"
	"github.com/spf13/cobra"
)

func newSchemaCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "schema [KIND]",
		Short: "Print the JSON Schema (draft 2020-12) of the front matter",
		Long: `Print the JSON Schema (draft 2020-12) of an entity kind's front matter, or of
all three kinds when KIND is omitted, derived from the same description of the
contract as the decoder. It accepts what persona lint accepts without a
field-type, field-required, field-unknown or id-invalid finding (plus the extra
keys the .persona.yaml in force allows under fields.allow); the one check it
cannot express is a range's min above its max. Every property has a
description, which editors show on hover. Point your editor's YAML language
server at it for completion and inline checks.`,
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: []string{"icp", "persona", "interview"},
		RunE: func(_ *cobra.Command, args []string) error {
			p, err := g.projectFor(nil, true)
			if err != nil {
				return err
			}
			var schema map[string]any
			if len(args) == 1 {
				k := model.Kind(args[0])
				if k != model.KindICP && k != model.KindPersona && k != model.KindInterview {
					return usageErrorf("unknown kind %q%s", args[0], suggest.DidYouMeanOr(args[0],
						[]string{"icp", "persona", "interview"}, "; use icp, persona or interview"))
				}
				schema = contract.Schema(k, p.Config.FieldsAllow)
			} else {
				schema = contract.FrontMatterSchema(p.Config.FieldsAllow)
			}
			return output.WriteJSON(g.streams.Out, schema)
		},
	}
}
