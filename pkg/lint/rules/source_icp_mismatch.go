package rules

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/words"
	"github.com/personakit/persona/pkg/workspace"
)

type sourceICPMismatch struct{ meta }

func (r *sourceICPMismatch) Check(c *lint.Context) {
	for _, d := range c.Entities(model.KindPersona) {
		icp := c.WS.Lookup(model.KindICP, d.Persona.ICP.Value)
		if icp == nil || d.IsRetired() {
			continue // persona-no-icp or persona-unknown-icp says what is wrong
		}
		for s, res := range c.Sources(d) {
			if res.Status != workspace.SourceFound {
				continue
			}
			iv := res.Doc.Interview
			other := iv.ICP.Value
			if other != "" && other != d.Persona.ICP.Value && c.WS.Lookup(model.KindICP, other) != nil {
				c.Report(d, s.Pos, "interview %q is about ICP %q, not %q; cite interviews with this persona's ICP",
					res.Doc.ID, other, d.Persona.ICP.Value)
				continue
			}
			if icp.ICP.Firmographics.Employees == nil {
				continue
			}
			lo, hi, ok := parseCompanySize(iv.Interviewee.CompanySize.Value)
			if ok && !icp.ICP.Firmographics.Employees.Contains(lo, hi) {
				c.Report(d, s.Pos, "interview %q is with a company of %s employees, outside ICP %q's range %s; cite interviews with companies that fit the ICP",
					res.Doc.ID, iv.Interviewee.CompanySize.Value, icp.ID, rangeOf(icp.ICP.Firmographics.Employees))
			}
		}
	}
}

var sizePattern = regexp.MustCompile(`^(?:([<>]=?|~|about|up to)\s*)?(\d+(?:\.\d+)?k?)\s*(\+|(?:-|–|—|to)\s*(\d+(?:\.\d+)?k?))?(?:\s*employees)?$`)

// parseCompanySize reads an interviewee's company size ("250", "200-500",
// "50 to 200", "1k+", "<50") as a range of head counts. Free text it cannot
// read is not judged.
func parseCompanySize(s string) (lo, hi float64, ok bool) {
	s = strings.TrimSpace(s)
	if plainCount(s) {
		// The common shape, "250": every cited interview of every persona
		// passes through here, so it skips the expression.
		f, err := strconv.ParseFloat(s, 64)
		return f, f, err == nil
	}
	return parseCompanySizeText(s)
}

// parseCompanySizeText is parseCompanySize by the expression, for any shape.
func parseCompanySizeText(s string) (lo, hi float64, ok bool) {
	s = strings.ToLower(strings.TrimSpace(strings.ReplaceAll(s, ",", "")))
	m := sizePattern.FindStringSubmatch(s)
	if m == nil {
		return 0, 0, false
	}
	first, ok := headCount(m[2])
	if !ok {
		return 0, 0, false
	}
	lo, hi = first, first
	switch {
	case m[3] == "+":
		hi = math.Inf(1)
	case m[4] != "":
		if hi, ok = headCount(m[4]); !ok || hi < lo {
			return 0, 0, false
		}
	}
	switch m[1] {
	case "<", "<=", "up to":
		lo = 0
	case ">", ">=":
		hi = math.Inf(1)
	}
	return lo, hi, true
}

// plainCount reports a head count written as digits alone, short enough
// to be exact as a float.
func plainCount(s string) bool {
	if s == "" || len(s) > 15 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func headCount(s string) (float64, bool) {
	mult := 1.0
	if strings.HasSuffix(s, "k") {
		s, mult = strings.TrimSuffix(s, "k"), 1000
	}
	f, err := strconv.ParseFloat(s, 64)
	return f * mult, err == nil
}

func rangeOf(r *model.Range) string {
	if r == nil {
		return "any"
	}
	return words.Range(r.Min, r.Max, r.Currency)
}
