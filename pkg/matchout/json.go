package matchout

import (
	"io"

	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/match"
)

// JSON writes the summary as SPEC §13's JSON (version 1).
func JSON(w io.Writer, s *match.Summary, _ Style) error { return finding.WriteJSON(w, s) }
