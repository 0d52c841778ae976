package report

import (
	"io"

	"github.com/personakit/persona/pkg/finding"
)

// JSON writes the report's data as indented JSON (version 1).
func JSON(w io.Writer, r *Report) error {
	return finding.WriteJSON(w, r)
}
