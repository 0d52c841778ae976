package report

import (
	"encoding/json"
	"io"
)

// JSON writes the report's data as indented JSON (version 1).
func JSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
