package rules

import (
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/workspace"
)

// sourceAbsolute reports sources written as absolute file paths: they name
// a place on the author's machine, and every other checkout (a colleague's,
// CI's) resolves them to nothing or to something else.
type sourceAbsolute struct{ meta }

// windowsAbsolute matches a drive path (C:\x, C:/x) or a UNC path (\\host\x),
// which are absolute on Windows whatever system lint runs on.
var windowsAbsolute = regexp.MustCompile(`^(?:[A-Za-z]:[\\/]|\\\\)`)

func (r *sourceAbsolute) Check(c *lint.Context) {
	for _, d := range c.Entities(model.KindPersona) {
		for s := range d.Persona.Refs() {
			if !isAbsoluteRef(s.Value) {
				continue
			}
			how := "cite the interview's id or a path relative to the workspace"
			if res := c.WS.ResolveSource(d, s.Value); res.Status == workspace.SourceFound {
				how = fmt.Sprintf("cite it as %q", res.Doc.ID)
			}
			c.Report(d, s.Pos, "source %q is an absolute path, which breaks on every other machine; %s", s.Value, how)
		}
	}
}

// isAbsoluteRef reports whether a source names a file by an absolute path
// or a file: URL.
func isAbsoluteRef(ref string) bool {
	if !strings.ContainsAny(ref, `/\:`) {
		return false // an id, as nearly every reference is: no path or scheme
	}
	if filepath.IsAbs(ref) || len(ref) > 0 && ref[0] == '/' || windowsAbsolute.MatchString(ref) {
		return true
	}
	if len(ref) < len("file:") || !strings.EqualFold(ref[:len("file:")], "file:") {
		return false // no file: URL (a scheme is what precedes the first colon), parsed or not
	}
	u, err := url.Parse(ref)
	return err == nil && u.Scheme == "file"
}
