package rules

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"regexp"
	"unicode/utf8"

	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
)

// piiRule scans the whole text of interviews and personas, front matter and
// body, while the file is loaded.
type piiRule struct{ meta }

func interviewPII() lint.Rule {
	return &piiRule{meta{"interview-pii", lint.Warning,
		"interview or persona text contains an e-mail address or phone number",
		"Notes in a shared repository must not identify people; replace contact details with a role (\"the CFO\")."}}
}

var (
	emailPattern = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
	phonePattern = regexp.MustCompile(`(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\d{2,4}[ .-])\d{3,4}[ .-]\d{3,4}`)
)

func (r *piiRule) CheckText(doc *model.Document, src []byte, _ frontmatter.Block) []model.Problem {
	if doc.Kind != model.KindInterview && doc.Kind != model.KindPersona {
		return nil
	}
	var out []model.Problem
	report := func(n int, line []byte, off int, what string) {
		out = append(out, model.Problem{Rule: r.id, Pos: model.Pos{Line: n, Column: column(line, off)},
			Message: "text contains " + what + "; remove it or replace it with the person's role"})
	}
	check := func(n int, line []byte) bool {
		// Lines without an '@' or enough digits to dial cannot match;
		// ruling them out first keeps the expressions off almost every
		// line, as they are this rule's whole cost.
		if bytes.IndexByte(line, '@') >= 0 {
			for _, loc := range emailPattern.FindAllIndex(line, -1) {
				report(n, line, loc[0], "an e-mail address")
			}
		}
		if countDigits(line) >= 9 {
			for _, loc := range phonePattern.FindAllIndex(line, -1) {
				if isPhone(line, loc) {
					report(n, line, loc[0], "a phone number")
				}
			}
		}
		return true
	}
	if bytes.IndexByte(src, '\r') >= 0 {
		frontmatter.Lines(src, check) // CR and CRLF line ends: the general splitter
		return out
	}
	src = frontmatter.StripBOM(src)
	for n := 1; len(src) > 0; n++ {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		check(n, line)
	}
	return out
}

// isPhone rejects matches that are part of a longer number (money, ids)
// and those with too few digits to dial.
func isPhone(line []byte, loc []int) bool {
	if loc[0] > 0 {
		if c := line[loc[0]-1]; c >= '0' && c <= '9' || c == '.' || c == ',' || c == '-' || c == '/' {
			return false
		}
	}
	if loc[1] < len(line) {
		if c := line[loc[1]]; c >= '0' && c <= '9' || c == '-' || c == '/' {
			return false
		}
	}
	digits := countDigits(line[loc[0]:loc[1]])
	return digits >= 9 && digits <= 15
}

// countDigits counts ASCII digits eight bytes at a time: it runs over
// every line of every interview and persona, most of which have none.
func countDigits(b []byte) int {
	const (
		zeros = 0x3030303030303030 // '0' in every byte
		low7  = 0x7f7f7f7f7f7f7f7f
		add   = 0x7676767676767676 // pushes bytes of 10 and more past 0x7f
		high  = 0x8080808080808080
	)
	n := 0
	for len(b) >= 8 {
		t := binary.LittleEndian.Uint64(b) ^ zeros // a digit becomes 0..9
		// High bit set in sum: the byte was 10 or more; in t: 0x80 or more.
		sum := (t & low7) + add
		n += bits.OnesCount64(^(sum | t) & high)
		b = b[8:]
	}
	for _, c := range b {
		if c-'0' <= 9 { // bytes below '0' wrap around above 9
			n++
		}
	}
	return n
}

// column is the 1-based character column of byte offset off in line.
func column(line []byte, off int) int { return utf8.RuneCount(line[:off]) + 1 }
