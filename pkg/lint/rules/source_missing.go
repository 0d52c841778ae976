package rules

import (
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/workspace"
)

type sourceMissing struct{ meta }

func (r *sourceMissing) Check(c *lint.Context) {
	var ids *frontmatter.Suggester
	for _, d := range c.WS.Entities(model.KindPersona) {
		for _, s := range d.Persona.Sources {
			res := c.WS.ResolveSource(d, s.Value)
			switch res.Status {
			case workspace.SourceNotInterview:
				c.Report(d, s.Pos, "source %q is %s, which is not an interview; cite an interview file or id", s.Value, c.Path(res.Path))
			case workspace.SourceMissing:
				if ids == nil {
					ids = frontmatter.NewSuggester(c.WS.IDs(model.KindInterview))
				}
				if hint := ids.DidYouMean(s.Value); hint != "" {
					c.Report(d, s.Pos, "source %q names no interview%s", s.Value, hint)
					continue
				}
				c.Report(d, s.Pos, "source %q names no interview; fix the id or path, or add the interview", s.Value)
			}
		}
	}
}
