package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/textsafe"
)

// GitHub writes one GitHub Actions workflow command per finding, which the
// runner turns into annotations on the pull request.
func GitHub(w io.Writer, r *Report, _ Style) error {
	var b strings.Builder
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,title=%s::%s\n",
			githubCommand(f.Severity), escapeProperty(textsafe.KeepBreaks(f.Path)), f.Line, f.Column,
			escapeProperty(textsafe.KeepBreaks(f.Rule)), escapeData(textsafe.KeepBreaks(f.Message)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func githubCommand(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	}
	return "notice"
}

// escapeData and escapeProperty follow @actions/core's command.ts.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
