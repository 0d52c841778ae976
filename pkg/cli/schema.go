package cli

import (
	"sort"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/output"
	"github.com/spf13/cobra"
)

func newSchemaCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "schema [KIND]",
		Short: "Print the JSON Schema (draft 2020-12) of the front matter",
		Long: `Print the JSON Schema (draft 2020-12) of an entity kind's front matter, or of
all three kinds when KIND is omitted. It describes what persona lint accepts
without an error: required keys, types, enums and formats, plus the extra keys
the .persona.yaml in force allows under fields.allow. Point your editor's YAML
language server at it for completion and inline checks.`,
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
					return usageErrorf("unknown kind %q%s", args[0], frontmatter.DidYouMeanOr(args[0],
						[]string{"icp", "persona", "interview"}, "; use icp, persona or interview"))
				}
				schema = KindSchema(k, p.cfg)
				schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
			} else {
				schema = FrontMatterSchema(p.cfg)
			}
			return output.WriteJSON(g.streams.Out, schema)
		},
	}
}

type obj = map[string]any

func str() obj                  { return obj{"type": "string"} }
func strList() obj              { return obj{"type": "array", "items": str()} }
func enum(values ...string) obj { return obj{"type": "string", "enum": values} }

// datePattern accepts YYYY-MM-DD, optionally followed by a time (only
// interview dates may carry one; see KindSchema).
const (
	datePattern     = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
	dateTimePattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?)?$`
)

func rangeOf(currency bool) obj {
	props := obj{"min": obj{"type": "number"}, "max": obj{"type": "number"}}
	if currency {
		props["currency"] = str()
	}
	return obj{"type": "object", "properties": props, "additionalProperties": false}
}

func closed(props obj) obj {
	return obj{"type": "object", "properties": props, "additionalProperties": false}
}

// KindSchema is the JSON Schema of one kind's front matter under cfg.
func KindSchema(k model.Kind, cfg *config.Config) obj {
	props := obj{
		"kind":     obj{"const": string(k)},
		"id":       obj{"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
		"status":   enum("draft", "proto", "active", "retired"),
		"owners":   strList(),
		"reviewed": obj{"type": "string", "pattern": datePattern},
		"tags":     strList(),
		"lint":     closed(obj{"ignore": strList(), "reason": str()}),
	}
	required := []string{"kind"}
	var title string
	switch k {
	case model.KindICP:
		title = "persona ICP front matter"
		required = append(required, "title")
		props["title"] = str()
		props["segment"] = enum("b2b", "b2c")
		props["firmographics"] = closed(obj{
			"industries": strList(), "employees": rangeOf(false), "revenue": rangeOf(true),
			"regions": strList(), "tech_stack": strList(), "business_model": str(),
		})
		props["demographics"] = closed(obj{
			"age": rangeOf(false), "income": rangeOf(true), "locations": strList(),
			"education": strList(), "occupations": strList(), "interests": strList(),
		})
		for _, l := range []string{"pains", "needs", "goals", "behaviors", "channels", "triggers", "disqualifiers", "buying_committee"} {
			props[l] = strList()
		}
	case model.KindPersona:
		title = "persona persona front matter"
		required = append(required, "name", "icp")
		props["name"] = str()
		props["type"] = enum("primary", "secondary", "supplemental", "negative")
		props["icp"] = str()
		props["role"] = closed(obj{"title": str(), "seniority": str(), "department": str(), "budget_authority": obj{"type": "boolean"}})
		props["demographics"] = obj{"type": "object", "properties": obj{"age_range": str(), "location": str(), "education": str()}}
		props["share"] = obj{"oneOf": []any{
			obj{"type": "number", "minimum": 0, "maximum": 1},
			obj{"type": "string", "pattern": `^\s*(100(\.0+)?|[0-9]{1,2}(\.[0-9]+)?)\s*%\s*$`},
		}}
		props["buying_role"] = enum("decision-maker", "economic-buyer", "champion", "influencer", "user", "blocker")
		for _, l := range []string{"goals", "motivations", "frustrations", "aspirations", "channels", "objections", "quotes", "sources"} {
			props[l] = strList()
		}
	case model.KindInterview:
		title = "persona interview front matter"
		required = append(required, "date")
		props["date"] = obj{"type": "string", "pattern": dateTimePattern}
		props["icp"] = str()
		props["interviewee"] = obj{"type": "object", "properties": obj{"role": str(), "company_size": obj{"type": []string{"string", "number"}}, "region": str()}}
		props["interviewer"] = str()
		props["consent"] = obj{"type": "boolean"}
		props["channel"] = str()
	}
	for _, extra := range cfg.FieldsAllow {
		if _, known := props[extra]; !known {
			props[extra] = obj{}
		}
	}
	sort.Strings(required)
	return obj{
		"title":                title,
		"type":                 "object",
		"properties":           props,
		"required":             required,
		"additionalProperties": false,
	}
}

// FrontMatterSchema covers all three kinds, chosen by `kind`.
func FrontMatterSchema(cfg *config.Config) obj {
	defs := obj{}
	var refs []any
	for _, k := range model.Kinds {
		defs[string(k)] = KindSchema(k, cfg)
		refs = append(refs, obj{"$ref": "#/$defs/" + string(k)})
	}
	return obj{
		"$schema": "https://json-schema.org/draft/2020-12/schema",
		"title":   "persona entity front matter",
		"oneOf":   refs,
		"$defs":   defs,
	}
}
