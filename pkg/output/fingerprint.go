package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strconv"

	"github.com/personakit/persona/pkg/lint"
)

// Fingerprints computes, for each finding, an identity that survives edits
// elsewhere in the file and re-runs on other days: the rule, the path and
// the trimmed text of the offending line (as GitHub's primaryLocationLineHash
// does), plus an occurrence number among findings that share those.
// lineText returns a file's content (bounded by the caller); a file it
// cannot return hashes by path and line number instead. Findings come
// sorted by path, so one file's lines are held at a time.
func Fingerprints(findings []lint.Finding, lineText func(path string) ([]byte, error)) []string {
	seen := map[string]int{}
	out := make([]string, len(findings))
	current, read := "", false
	var lines [][]byte
	for i, f := range findings {
		if !read || f.Path != current {
			current, read, lines = f.Path, true, nil
			if src, err := lineText(f.Path); err == nil {
				lines = bytes.Split(src, []byte("\n"))
			}
		}
		h := sha256.New()
		h.Write([]byte(f.Rule + "\x00" + f.Path + "\x00"))
		if f.Line >= 1 && f.Line <= len(lines) {
			h.Write(bytes.TrimSpace(lines[f.Line-1]))
		} else {
			h.Write([]byte(strconv.Itoa(f.Line)))
		}
		key := hex.EncodeToString(h.Sum(nil))[:16]
		seen[key]++
		out[i] = key + ":" + strconv.Itoa(seen[key])
	}
	return out
}

// fingerprint returns the i-th fingerprint, or one derived from the
// finding's location when none were computed.
func (r *Report) fingerprint(i int) string {
	if i < len(r.Fingerprints) {
		return r.Fingerprints[i]
	}
	f := r.Findings[i]
	sum := sha256.Sum256([]byte(f.Rule + "\x00" + f.Path + "\x00" + strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column) + "\x00" + f.Message))
	return hex.EncodeToString(sum[:8]) + ":1"
}
