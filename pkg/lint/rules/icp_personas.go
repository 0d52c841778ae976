package rules

import (
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/workspace"
)

// countedPersonas returns the personas of an ICP that count towards persona
// counts and shares: active and not negative.
func countedPersonas(ws *workspace.Workspace, icp *model.Document) []*model.Document {
	var out []*model.Document
	for _, p := range ws.PersonasOf(icp.ID) {
		if p.CountsInICP() {
			out = append(out, p)
		}
	}
	return out
}
