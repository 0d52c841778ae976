package contract

import (
	"net/url"

	"github.com/personakit/persona/pkg/model"
)

// SlugPattern is what an id must match.
const SlugPattern = `^[a-z0-9][a-z0-9-]*$`

type obj = map[string]any

// SchemaID is the $id of a kind's schema (or of the whole front matter,
// for kind ""): an identifier, not a place the schema is fetched from.
func SchemaID(k model.Kind) string {
	name := "front-matter"
	if k != "" {
		name = string(k)
	}
	return (&url.URL{Scheme: "https", Host: "github.com", Path: "/personakit/persona/schema/v1/" + name + ".schema.json"}).String()
}

// scalar is any single YAML value: lint reads numbers and booleans as their
// text where a text is expected.
func scalar() []string { return []string{"string", "number", "boolean"} }

// schemaOf is the JSON Schema of one key's value. Every value may be null:
// lint skips a key written without a value, as if it were absent.
func schemaOf(k Key) obj {
	var s obj
	switch k.Type {
	case Text, Size:
		s = obj{"type": append(scalar(), "null")}
		if k.Required {
			// Required text must hold more than spaces (field-required).
			s = obj{"anyOf": []any{obj{"type": "string", "pattern": `\S`}, obj{"type": []string{"number", "boolean"}}}}
		}
	case Slug:
		s = obj{"anyOf": []any{obj{"type": "string", "pattern": SlugPattern}, obj{"type": "integer", "minimum": 0}, obj{"type": "null"}}}
	case Enum:
		values := make([]any, 0, len(k.Values)+1)
		for _, v := range k.Values {
			values = append(values, v)
		}
		s = obj{"enum": append(values, nil)}
	case EnumList:
		values := make([]any, 0, len(k.Values)+1)
		for _, v := range k.Values {
			values = append(values, v)
		}
		values = append(values, nil)
		s = obj{"anyOf": []any{obj{"enum": values}, obj{"type": "array", "items": obj{"enum": values}}}}
	case Date:
		s = obj{"type": []string{"string", "null"}, "pattern": DatePattern()}
		if k.Required {
			s = obj{"type": "string", "pattern": DatePattern()}
		}
	case Bool:
		s = obj{"type": []string{"boolean", "null"}}
	case Number:
		s = obj{"type": []string{"number", "null"}}
	case Count:
		s = obj{"type": []string{"integer", "null"}, "minimum": 1}
	case TextList:
		s = obj{"type": []string{"array", "null"}, "items": obj{"type": append(scalar(), "null")}}
	case Share:
		s = obj{"anyOf": []any{
			obj{"type": "number", "minimum": 0, "maximum": 1},
			obj{"type": "string", "pattern": PercentPattern()},
			obj{"type": "null"},
		}}
	case ClaimList:
		ref := obj{"anyOf": []any{obj{"type": "string", "pattern": `\S`}, obj{"type": []string{"number", "boolean"}}}}
		evidence := obj{"anyOf": []any{
			obj{"type": append(scalar(), "null")},
			obj{"type": "object", "required": []string{"interview"}, "additionalProperties": false, "properties": obj{
				"interview": withDescription(ref, EvidenceInterviewDesc),
				"quote":     obj{"type": append(scalar(), "null"), "description": EvidenceQuoteDesc},
			}},
		}}
		claim := obj{"type": "object", "required": []string{"text"}, "additionalProperties": false, "properties": obj{
			"text":     withDescription(ref, ClaimTextDescription),
			"evidence": obj{"type": []string{"array", "null"}, "items": evidence, "description": ClaimEvidenceDescription},
		}}
		s = obj{"type": []string{"array", "null"}, "items": obj{"anyOf": []any{obj{"type": append(scalar(), "null")}, claim}}}
	case QuoteList:
		text := obj{"anyOf": []any{obj{"type": "string", "pattern": `\S`}, obj{"type": []string{"number", "boolean"}}}}
		q := obj{"type": "object", "required": []string{"text"}, "additionalProperties": false, "properties": obj{
			"text":   withDescription(text, QuoteTextDescription),
			"source": obj{"type": append(scalar(), "null"), "description": QuoteSourceDescription},
		}}
		s = obj{"type": []string{"array", "null"}, "items": obj{"anyOf": []any{obj{"type": append(scalar(), "null")}, q}}}
	case Mapping:
		props := obj{}
		for _, sub := range k.Keys {
			props[sub.Name] = schemaOf(sub)
		}
		s = obj{"type": []string{"object", "null"}, "properties": props, "additionalProperties": k.Open}
	default: // Any
		s = obj{}
	}
	s["description"] = k.Description
	return s
}

// Schema is the JSON Schema (draft 2020-12) of a kind's front matter. It
// accepts what lint accepts without a contract finding (field-type,
// field-required, field-unknown, id-invalid): allow are the extra keys
// fields.allow permits. One check JSON Schema cannot express is left to
// lint: a range's min above its max.
func Schema(k model.Kind, allow []string) map[string]any {
	props := obj{}
	var required []string
	var standIns []any
	for _, key := range Keys(k) {
		switch {
		case key.Name == "kind":
			props["kind"] = obj{"const": string(k), "description": key.Description}
		case key.StandIn != "":
			// Either key, holding more than spaces, will do; the key
			// itself may then be null or blank.
			alone := key
			alone.Required = false
			props[key.Name] = schemaOf(alone)
			standIns = append(standIns,
				obj{"required": []string{key.Name}, "properties": obj{key.Name: schemaOf(key)}},
				obj{"required": []string{key.StandIn}, "properties": obj{key.StandIn: schemaOf(Key{Type: Text, Required: true, Description: describedAs(k, key.StandIn)})}})
			continue
		default:
			props[key.Name] = schemaOf(key)
		}
		if key.Required {
			required = append(required, key.Name)
		}
	}
	for _, extra := range allow {
		if _, known := props[extra]; !known {
			props[extra] = obj{"description": "A key the workspace allows under fields.allow in .persona.yaml."}
		}
	}
	s := obj{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  SchemaID(k),
		"title":                "persona " + string(k) + " front matter",
		"description":          "The YAML front matter of a persona " + string(k) + " file, as persona lint accepts it.",
		"type":                 "object",
		"properties":           props,
		"required":             required,
		"additionalProperties": false,
	}
	if standIns != nil {
		s["anyOf"] = standIns
	}
	return s
}

// FrontMatterSchema covers all three kinds, chosen by `kind`.
func FrontMatterSchema(allow []string) map[string]any {
	defs := obj{}
	var refs []any
	for _, k := range model.Kinds {
		s := Schema(k, allow)
		delete(s, "$schema")
		defs[string(k)] = s
		refs = append(refs, obj{"$ref": SchemaID(k)})
	}
	return obj{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         SchemaID(""),
		"title":       "persona entity front matter",
		"description": "The YAML front matter of a persona ICP, persona or interview file, chosen by its kind.",
		"oneOf":       refs,
		"$defs":       defs,
	}
}

// withDescription is a copy of schema s with a description.
func withDescription(s obj, description string) obj {
	out := obj{"description": description}
	for k, v := range s {
		out[k] = v
	}
	return out
}

// describedAs is the description of kind k's key name.
func describedAs(k model.Kind, name string) string {
	for _, key := range Keys(k) {
		if key.Name == name {
			return key.Description
		}
	}
	return ""
}
