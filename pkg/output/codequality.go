package output

import (
	"crypto/sha256"
	"encoding/hex"
	"io"

	"github.com/personakit/persona/pkg/finding"
)

type cqIssue struct {
	Description string     `json:"description"`
	CheckName   string     `json:"check_name"`
	Fingerprint string     `json:"fingerprint"`
	Severity    string     `json:"severity"`
	Location    cqLocation `json:"location"`
}

type cqLocation struct {
	Path  string  `json:"path"`
	Lines cqLines `json:"lines"`
}

type cqLines struct {
	Begin int `json:"begin"`
}

// CodeQuality writes GitLab's Code Quality report: a JSON array of issues
// with unique fingerprints.
func CodeQuality(w io.Writer, r *Report, _ Style) error {
	issues := make([]cqIssue, 0, len(r.Findings))
	for i, f := range r.Findings {
		// The stable fingerprint is unique per rule, file, line text and
		// occurrence; hash it to the hex form GitLab shows.
		sum := sha256.Sum256([]byte(r.fingerprint(i)))
		issues = append(issues, cqIssue{
			Description: f.Message,
			CheckName:   f.Rule,
			Fingerprint: hex.EncodeToString(sum[:16]),
			Severity:    map[finding.Severity]string{finding.Error: "major", finding.Warning: "minor", finding.Info: "info"}[f.Severity],
			Location:    cqLocation{Path: f.Path, Lines: cqLines{Begin: f.Line}},
		})
	}
	return WriteJSON(w, issues)
}
