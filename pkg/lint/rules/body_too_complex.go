package rules

import (
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/mdguard"
	"github.com/personakit/persona/pkg/model"
)

// bodyTooComplex reports bodies that exceed the Markdown parsing limits
// while the file is loaded; reports then show them as plain text.
type bodyTooComplex struct{ meta }

func (r *bodyTooComplex) CheckText(_ *model.Document, _ []byte, b frontmatter.Block) []model.Problem {
	p := mdguard.Check(b.Body)
	if p == nil {
		return nil
	}
	return []model.Problem{{Rule: r.id, Pos: model.Pos{Line: int32(b.BodyLine + p.Line - 1), Column: 1},
		Message: "the Markdown body is too complex to parse safely (" + p.Reason + "); reports show it as plain text and read no claims from it — simplify it or split the file"}}
}
