// Package pii finds personal data in a line of text: e-mail addresses,
// phone numbers (validated with libphonenumber's rules) and IBANs (by their
// check digits). Lint reports what it finds; redacted reports replace it.
package pii

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"regexp"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// Kind is what a match is.
type Kind string

const (
	Email Kind = "an e-mail address"
	Phone Kind = "a phone number"
	IBAN  Kind = "an IBAN"
)

// Match is one piece of personal data: line[Start:End] is Kind.
type Match struct {
	Start, End int
	Kind       Kind
}

// Finder finds personal data. Phone numbers in international form
// (+49 …) are always recognised; national ones for Regions (ISO 3166-1).
type Finder struct {
	Regions []string
}

// DefaultRegions are the regions whose national phone formats are
// recognised when none are configured.
func DefaultRegions() []string { return []string{"US"} }

// KnownRegion reports whether phone numbers are known for an ISO 3166-1
// code (upper case).
func KnownRegion(code string) bool { return phonenumbers.GetSupportedRegions()[code] }

var (
	emailPattern = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
	// phoneCandidate finds what may be a phone number: digits with the
	// separators people write, optionally after + or in (); the phone
	// library decides.
	phoneCandidate = regexp.MustCompile(`\+?\(?\d[\d ()./-]{5,22}\d`)
	// ibanPattern is an IBAN as written, grouped by four or not; its check
	// digits decide.
	ibanPattern = regexp.MustCompile(`\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b`)
	// dateLike keeps dates out of national numbers (2026-01-01 dials in
	// Germany).
	dateLike = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$`)
)

// MinPhoneDigits is the fewest digits of a phone number the libraries
// accept with its area code; an IBAN has more. Text with fewer digits holds
// neither.
const MinPhoneDigits = 9

// Find returns the personal data in line, in order. Lines without an '@'
// or enough digits cannot hold any; ruling them out first keeps the
// expressions and the phone library off almost every line.
func (f Finder) Find(line []byte) []Match {
	var out []Match
	if mayHoldEmail(line) {
		eachMatch(emailPattern, line, func(start, end int) {
			out = append(out, Match{start, end, Email})
		})
	}
	// Every phone number the libraries accept with its area code has at
	// least nine digits, and dates (eight) are on almost every line that
	// has digits at all.
	if CountDigits(line) < MinPhoneDigits {
		return out
	}
	// An address comes first: an IBAN or a phone number inside or across
	// one ("0@0.DE89…") is part of it, and matches never overlap.
	for _, loc := range ibanPattern.FindAllIndex(line, -1) {
		if m := (Match{loc[0], loc[1], IBAN}); validIBAN(line[loc[0]:loc[1]]) && !overlaps(m, out) {
			out = append(out, m)
		}
	}
	eachMatch(phoneCandidate, line, func(start, end int) {
		m := Match{start, trimClose(line, start, end), Phone}
		if !overlaps(m, out) && f.isPhone(line, m) {
			out = append(out, m)
		}
	})
	sortMatches(out)
	return out
}

// eachMatch calls fn with each match of re in line, as FindAllIndex
// finds them, for an expression that matches no empty text and asserts
// nothing about what surrounds a match (no ^, $ or \b): the search then
// goes on in the rest of the line alone. FindAllIndex makes a list of ten
// for each line with a match, and every persona's source paths are such
// lines for phoneCandidate ("interview-01453-00").
func eachMatch(re *regexp.Regexp, line []byte, fn func(start, end int)) {
	for at := 0; at < len(line); {
		loc := re.FindIndex(line[at:])
		if loc == nil {
			return
		}
		fn(at+loc[0], at+loc[1])
		at += loc[1]
	}
}

// mayHoldEmail reports whether some '@' in line has a character of an
// address's local part right before it and one of a domain right after:
// every address emailPattern finds has one. Persona bodies cite
// interviews as [@id] on many lines, and the expression is far slower than
// this look.
func mayHoldEmail(line []byte) bool {
	for i := bytes.IndexByte(line, '@'); i >= 0; {
		if i > 0 && i+1 < len(line) && isLocalByte(line[i-1]) && isDomainByte(line[i+1]) {
			return true
		}
		next := bytes.IndexByte(line[i+1:], '@')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

func isLocalByte(c byte) bool { return isDomainByte(c) || c == '.' || c == '_' || c == '%' || c == '+' }

func isDomainByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || isDigit(c) || c == '-'
}

// Redact returns text with every match replaced by "[redacted]".
func (f Finder) Redact(text string) string {
	if !strings.ContainsAny(text, "@0123456789") {
		return text
	}
	var b strings.Builder
	for _, line := range strings.SplitAfter(text, "\n") {
		last := 0
		for _, m := range f.Find([]byte(line)) {
			b.WriteString(line[last:m.Start])
			b.WriteString("[redacted]")
			last = m.End
		}
		b.WriteString(line[last:])
	}
	return b.String()
}

// trimClose drops a trailing ')' that closes nothing in the candidate.
func trimClose(line []byte, s, e int) int {
	for e > s && line[e-1] == ')' && bytes.Count(line[s:e], []byte("(")) < bytes.Count(line[s:e], []byte(")")) {
		e--
	}
	return e
}

// isPhone asks the phone library whether the candidate is a valid number:
// in international form for any country, in national form for the
// configured regions. Candidates that are part of a longer number (money,
// ids, versions) or read as dates are not.
func (f Finder) isPhone(line []byte, m Match) bool {
	if m.Start > 0 {
		if c := line[m.Start-1]; isDigit(c) || c == '.' || c == ',' || c == '-' || c == '/' || c == '+' || isWordByte(c) {
			return false
		}
	}
	if m.End < len(line) {
		if c := line[m.End]; isDigit(c) || c == '-' || c == '/' || isWordByte(c) {
			return false
		}
	}
	text := string(line[m.Start:m.End])
	if digits := CountDigits([]byte(text)); digits < 7 || digits > 15 || dateLike.MatchString(text) {
		return false
	}
	if text[0] == '+' {
		num, err := phonenumbers.Parse(text, "ZZ")
		return err == nil && phonenumbers.IsValidNumber(num)
	}
	national := strings.TrimLeft(text, "(")
	for _, region := range f.Regions {
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

func isDigit(c byte) bool    { return c >= '0' && c <= '9' }
func isWordByte(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' }

func overlaps(m Match, others []Match) bool {
	for _, o := range others {
		if m.Start < o.End && o.Start < m.End {
			return true
		}
	}
	return false
}

// sortMatches orders matches by position; there are a handful per line.
func sortMatches(ms []Match) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
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

// CountDigits counts ASCII digits eight bytes at a time: it runs over every
// line of every interview and persona, most of which have none.
func CountDigits(b []byte) int {
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
