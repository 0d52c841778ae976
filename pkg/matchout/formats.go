// Package matchout renders what persona match finds (SPEC §13): the
// summary as text, Markdown or JSON, and one row per account as CSV or
// JSON Lines. Each format is one file; Formats describes them as data.
package matchout

import (
	"fmt"
	"io"
	"sort"

	"github.com/personakit/persona/pkg/match"
)

// Format is one output format of persona match.
type Format struct {
	Name string
	// Summary renders the summary; nil for a per-row format.
	Summary func(w io.Writer, s *match.Summary, style Style) error
	// Rows makes the writer a per-row format streams into; nil for a
	// summary format.
	Rows func(w io.Writer) match.RowWriter
}

// Style says how text output may look.
type Style struct {
	Color bool
}

// Formats lists the formats by name.
func Formats() map[string]Format {
	return map[string]Format{
		"text":     {Name: "text", Summary: Text},
		"markdown": {Name: "markdown", Summary: Markdown},
		"json":     {Name: "json", Summary: JSON},
		"csv":      {Name: "csv", Rows: NewCSV},
		"jsonl":    {Name: "jsonl", Rows: NewJSONLines},
	}
}

// Names lists the format names in the order help shows them.
func Names() []string { return []string{"text", "markdown", "json", "csv", "jsonl"} }

// Lookup finds a format by name.
func Lookup(name string) (Format, error) {
	f, ok := Formats()[name]
	if !ok {
		names := Names()
		sort.Strings(names)
		return Format{}, fmt.Errorf("unknown format %q; use one of %v", name, Names())
	}
	return f, nil
}
