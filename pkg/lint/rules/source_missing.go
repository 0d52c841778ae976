package rules

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/suggest"
	"github.com/personakit/persona/pkg/workspace"
)

type sourceMissing struct{ meta }

func (r *sourceMissing) Check(c *lint.Context) {
	var ids, paths *suggest.Suggester
	for _, d := range c.Entities(model.KindPersona) {
		for s, res := range c.Sources(d) {
			switch res.Status {
			case workspace.SourceNotInterview:
				c.Report(d, s.Pos, "source %q is %s, which is not an interview; cite an interview file or id", s.Value, c.Path(res.Path))
			case workspace.SourceMissing:
				if ids == nil {
					ids = c.WS.InterviewIDs().Suggester()
				}
				if hint := ids.DidYouMean(s.Value); hint != "" {
					if only := onlyFix(ids, s.Value, hint); only != "" {
						c.ReportFix(d, s.Pos, s.Value, only, fmt.Sprintf("cite interview %q", only), "source %q names no interview%s", s.Value, hint)
						continue
					}
					c.Report(d, s.Pos, "source %q names no interview%s", s.Value, hint)
					continue
				}
				// The paths' index is built on the first missing path, once:
				// a workspace citing by id never pays for it.
				allPaths := func() *suggest.Suggester {
					if paths == nil {
						paths = c.WS.InterviewPaths().Suggester()
					}
					return paths
				}
				if near := nearInterviewPath(allPaths, d.Path, s.Value); near != "" {
					c.Report(d, s.Pos, "source %q names no interview; did you mean %q?", s.Value, near)
					continue
				}
				c.Report(d, s.Pos, "source %q names no interview; fix the id or path, or add the interview", s.Value)
			}
		}
	}
}

// nearInterviewPath suggests an interview path for a misspelt path source,
// written the way the source was: relative to the workspace root, or to
// the persona's directory.
func nearInterviewPath(index func() *suggest.Suggester, from, ref string) string {
	ref = filepath.ToSlash(ref)
	if filepath.IsAbs(ref) || !strings.Contains(ref, "/") && !strings.HasSuffix(ref, ".md") {
		return "" // an id: the id suggestions had their say
	}
	paths := index()
	if near := paths.Nearest(path.Clean(ref), 3); near != "" {
		return near
	}
	dir := path.Dir(from)
	if near := paths.Nearest(path.Join(dir, ref), 3); near != "" {
		if rel, err := filepath.Rel(filepath.FromSlash(dir), filepath.FromSlash(near)); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return ""
}

// LenientOnDrafts: a draft may cite interviews not yet written up.
func (r *sourceMissing) LenientOnDrafts() {}
