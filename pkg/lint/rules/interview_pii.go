package rules

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"go.yaml.in/yaml/v3"
)

// piiRule scans the whole text of interviews and personas, front matter and
// body, while the file is loaded.
type piiRule struct {
	meta
	// regions are the ISO 3166-1 codes whose national number formats are
	// recognised; international ones (+49 …) always are.
	regions []string
}

func interviewPII() lint.Rule {
	return &piiRule{meta: meta{"interview-pii", lint.Warning,
		"interview or persona text contains an e-mail address, a phone number or an IBAN",
		"Notes in a shared repository must not identify people; replace contact details with a role (\"the CFO\")."},
		regions: []string{"US"}}
}

func (r *piiRule) Configure(opts map[string]config.Option, path string) error {
	if err := lint.CheckOptionNames(r.id, opts, path, "regions"); err != nil {
		return err
	}
	o, ok := opts["regions"]
	if !ok {
		return nil
	}
	if o.Value.Kind != yaml.SequenceNode {
		return config.Errorf(path, o.Value, "rules.interview-pii.regions must be a list of ISO 3166-1 region codes, such as [US, DE]")
	}
	supported := phonenumbers.GetSupportedRegions()
	r.regions = nil
	for _, n := range o.Value.Content {
		code := strings.ToUpper(strings.TrimSpace(n.Value))
		if n.Kind != yaml.ScalarNode || !supported[code] {
			return config.Errorf(path, n, "%q is not a region code phone numbers are known for; use ISO 3166-1 alpha-2 codes such as US, DE, FR, GB", n.Value)
		}
		r.regions = append(r.regions, code)
	}
	return nil
}

var (
	emailPattern = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
	// phoneCandidate finds what may be a phone number: digits with the
	// separators people write, optionally after + or in (); the phone
	// library decides.
	phoneCandidate = regexp.MustCompile(`\+?\(?\d[\d ()./-]{5,22}\d`)
	// ibanPattern is an IBAN as written, grouped by four or not; its check
	// digits decide.
	ibanPattern = regexp.MustCompile(`\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b`)
	// isoDate keeps dates out of national numbers (2026-01-01 dials in Germany).
	isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$`)
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
		// Lines without an '@' or enough digits cannot match; ruling them
		// out first keeps the expressions and the phone library off
		// almost every line, as they are this rule's whole cost.
		if bytes.IndexByte(line, '@') >= 0 {
			for _, loc := range emailPattern.FindAllIndex(line, -1) {
				report(n, line, loc[0], "an e-mail address")
			}
		}
		if countDigits(line) < 7 {
			return true
		}
		var ibans [][]int
		for _, loc := range ibanPattern.FindAllIndex(line, -1) {
			if validIBAN(line[loc[0]:loc[1]]) {
				ibans = append(ibans, loc)
				report(n, line, loc[0], "an IBAN")
			}
		}
		for _, loc := range phoneCandidate.FindAllIndex(line, -1) {
			loc = trimCandidate(line, loc)
			if overlapsAny(loc, ibans) || !r.isPhone(line, loc) {
				continue
			}
			report(n, line, loc[0], "a phone number")
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

// trimCandidate drops a trailing ')' or a '(' that opens nothing, which the
// candidate pattern may take in at its ends.
func trimCandidate(line []byte, loc []int) []int {
	s, e := loc[0], loc[1]
	for e > s && (line[e-1] == ')' && bytes.Count(line[s:e], []byte("(")) < bytes.Count(line[s:e], []byte(")"))) {
		e--
	}
	return []int{s, e}
}

// isPhone asks the phone library whether the candidate is a valid number:
// in international form for any country, in national form for the
// configured regions. Candidates that are part of a longer number (money,
// ids, versions) or read as dates are not.
func (r *piiRule) isPhone(line []byte, loc []int) bool {
	if loc[0] > 0 {
		if c := line[loc[0]-1]; c >= '0' && c <= '9' || c == '.' || c == ',' || c == '-' || c == '/' || c == '+' || isWordByte(c) {
			return false
		}
	}
	if loc[1] < len(line) {
		if c := line[loc[1]]; c >= '0' && c <= '9' || c == '-' || c == '/' || isWordByte(c) {
			return false
		}
	}
	text := string(line[loc[0]:loc[1]])
	if digits := countDigits([]byte(text)); digits < 7 || digits > 15 || isoDate.MatchString(text) {
		return false
	}
	if text[0] == '+' {
		num, err := phonenumbers.Parse(text, "ZZ")
		return err == nil && phonenumbers.IsValidNumber(num)
	}
	national := strings.TrimLeft(text, "(")
	for _, region := range r.regions {
		// Where numbers are dialled with a trunk prefix (0 in most of
		// Europe), a national number is written with it; 4711-2026-123456
		// is an order number, not a Stuttgart line.
		if ndd := phonenumbers.GetNddPrefixForRegion(region, true); ndd != "" && ndd != "1" && !strings.HasPrefix(national, ndd) {
			continue
		}
		if num, err := phonenumbers.Parse(text, region); err == nil && phonenumbers.IsValidNumberForRegion(num, region) {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' }

func overlapsAny(loc []int, spans [][]int) bool {
	for _, s := range spans {
		if loc[0] < s[1] && s[0] < loc[1] {
			return true
		}
	}
	return false
}

// validIBAN checks an IBAN's length and its ISO 13616 check digits
// (mod 97 of the rearranged number is 1).
func validIBAN(b []byte) bool {
	s := strings.ReplaceAll(string(b), " ", "")
	if len(s) < 15 || len(s) > 34 {
		return false
	}
	s = s[4:] + s[:4]
	rem := 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			rem = (rem*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			rem = (rem*100 + int(c-'A'+10)) % 97
		default:
			return false
		}
	}
	return rem == 1
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
