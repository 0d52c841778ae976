package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"unicode/utf8"

	"github.com/personakit/persona/pkg/finding"
)

// Fingerprints computes, for each finding, an identity that survives edits
// elsewhere in the file and re-runs on other days: the rule, the path and
// the trimmed text of the offending line (as GitHub's primaryLocationLineHash
// does), plus an occurrence number among findings that share those.
// lineText returns a file's content (bounded by the caller); a file it
// cannot return hashes by path and line number instead. Findings come
// sorted by path, so one file's lines are held at a time.
func Fingerprints(findings []finding.Finding, lineText func(path string) ([]byte, error)) []string {
	seen := map[string]int{}
	out := make([]string, len(findings))
	eachLine(findings, lineText, func(i int, line []byte, ok bool) {
		f := findings[i]
		h := sha256.New()
		h.Write([]byte(f.Rule + "\x00" + f.Path + "\x00"))
		if ok {
			h.Write(bytes.TrimSpace(line))
		} else {
			h.Write([]byte(strconv.Itoa(f.Line)))
		}
		key := hex.EncodeToString(h.Sum(nil))[:16]
		seen[key]++
		out[i] = key + ":" + strconv.Itoa(seen[key])
	})
	return out
}

// ByteColumns converts each finding's column (in characters) to a 1-based
// UTF-8 byte column, as reviewdog's rdjson counts them. A line that cannot
// be read keeps the character column.
func ByteColumns(findings []finding.Finding, lineText func(path string) ([]byte, error)) []int {
	out := make([]int, len(findings))
	eachLine(findings, lineText, func(i int, line []byte, ok bool) {
		col := findings[i].Column
		out[i] = col
		if !ok || col < 1 {
			return
		}
		off := 0
		for n := 1; n < col && off < len(line); n++ {
			_, size := utf8.DecodeRune(line[off:])
			off += size
		}
		out[i] = off + 1
	})
	return out
}

// eachLine calls fn with the text of each finding's line (without its line
// end). Findings come sorted by path, so one file's lines are held at a
// time; ok is false where the file or the line cannot be had.
func eachLine(findings []finding.Finding, lineText func(path string) ([]byte, error), fn func(i int, line []byte, ok bool)) {
	current, read := "", false
	var lines [][]byte
	for i, f := range findings {
		if !read || f.Path != current {
			current, read, lines = f.Path, true, nil
			if src, err := lineText(f.Path); err == nil {
				lines = bytes.Split(src, []byte("\n"))
			}
		}
		if f.Line >= 1 && f.Line <= len(lines) {
			fn(i, bytes.TrimSuffix(lines[f.Line-1], []byte("\r")), true)
		} else {
			fn(i, nil, false)
		}
	}
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
