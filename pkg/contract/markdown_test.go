package contract

import (
	"strings"

	"github.com/personakit/persona/pkg/model"
)

// typeText is how the README names a key's type.
func typeText(k Key) string {
	switch k.Type {
	case Text:
		return "text"
	case Slug:
		return "slug `" + SlugPattern + "`"
	case Enum:
		vals := make([]string, len(k.Values))
		for i, v := range k.Values {
			vals[i] = "`" + v + "`"
		}
		return strings.Join(vals, " \\| ")
	case EnumList:
		vals := make([]string, len(k.Values))
		for i, v := range k.Values {
			vals[i] = "`" + v + "`"
		}
		return strings.Join(vals, " \\| ") + ", or a list of them"
	case Date:
		return "date `YYYY-MM-DD` (a time may follow: `YYYY-MM-DDThh:mm[:ss][zone]`)"
	case Bool:
		return "`true` \\| `false`"
	case Number:
		return "number"
	case Count:
		return "whole number ≥ 1"
	case TextList:
		return "list of values"
	case Share:
		return "number in [0, 1] \\| `\"NN%\"`"
	case Size:
		return "number \\| text (`200-500`, `1k+`)"
	case ClaimList:
		return "list of claims: a text, or `{text, evidence: [interview, {interview, quote}]}`"
	case QuoteList:
		return "list of quotes: a text, or `{text, source}`"
	case Mapping:
		if k.Open {
			return "mapping (any keys)"
		}
		return "mapping"
	}
	return "any"
}

// markdownTable is the README's table of keys: nested keys as dotted
// rows under their mapping.
func markdownTable(keys []Key) string {
	var b strings.Builder
	b.WriteString("| key | type | notes |\n|---|---|---|\n")
	var rows func(prefix string, keys []Key)
	rows = func(prefix string, keys []Key) {
		for _, k := range keys {
			notes := k.Description
			if k.Required {
				notes = "**required.** " + notes
			}
			b.WriteString("| `" + prefix + k.Name + "` | " + typeText(k) + " | " + strings.ReplaceAll(notes, "|", "\\|") + " |\n")
			if k.Type == Mapping {
				rows(prefix+k.Name+".", k.Keys)
			}
		}
	}
	rows("", keys)
	return b.String()
}

// commonKeys are the keys every kind has.
func commonKeys() []Key {
	var out []Key
	for _, e := range table() {
		if len(e.kinds) == len(model.Kinds) {
			out = append(out, e.key)
		}
	}
	return out
}

// specificKeys are the keys only some kinds have, for kind k.
func specificKeys(k model.Kind) []Key {
	var out []Key
	for _, e := range table() {
		if len(e.kinds) == len(model.Kinds) {
			continue
		}
		for _, ek := range e.kinds {
			if ek == k {
				out = append(out, e.key)
			}
		}
	}
	return out
}

// siteKeysMarkdown is the README's list of the site keys persona leaves
// alone, one line.
func siteKeysMarkdown() string {
	names := SiteKeyNames()
	for i, n := range names {
		names[i] = "`" + n + "`"
	}
	return strings.Join(names, ", ") + "\n"
}
