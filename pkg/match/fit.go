package match

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/personakit/persona/pkg/firmo"
	"github.com/personakit/persona/pkg/words"
)

// Status is an account's fit with one ICP, or overall.
type Status string

// Statuses (SPEC §13, Fit).
const (
	Fit              Status = "fit"
	NoFit            Status = "no-fit"
	InsufficientData Status = "insufficient-data"
)

// Constraints lists the constraint names in judging order.
func Constraints() []string {
	return []string{CIndustry, CEmployees, CRevenue, CCountry, CTechnology}
}

// Verdicts are one account's verdicts on an ICP's constraints, in
// Constraints order; a constraint the ICP does not declare fits.
type Verdicts [5]firmo.Verdict

// Status combines verdicts: no-fit when any misses, fit when all fit,
// insufficient-data otherwise.
func (v Verdicts) Status() Status {
	status := Fit
	for _, x := range v {
		switch x {
		case firmo.Miss:
			return NoFit
		case firmo.Unknown:
			status = InsufficientData
		}
	}
	return status
}

// Judge gives the verdicts of every constraint of the ICP on the account,
// appending one reason per miss or unknown to why when it is not nil.
func (c *ICP) Judge(a *Account, why *[]string) Verdicts {
	v := Verdicts{firmo.Fit, firmo.Fit, firmo.Fit, firmo.Fit, firmo.Fit}
	if c.Industries != nil {
		v[0] = c.judgeIndustry(a, why)
	}
	if c.Employees != nil {
		v[1] = c.judgeEmployees(a, why)
	}
	if c.Revenue != nil {
		v[2] = c.judgeRevenue(a, why)
	}
	if c.Regions != nil {
		v[3] = c.judgeCountry(a, why)
	}
	if c.Tech != nil {
		v[4] = c.judgeTech(a, why)
	}
	return v
}

func unknown(why *[]string, constraint string, st State, in string) firmo.Verdict {
	if why == nil {
		return firmo.Unknown
	}
	if st == Absent {
		*why = append(*why, noValue(constraint))
	} else {
		*why = append(*why, constraint+" unknown: "+quote(in)+" is unreadable")
	}
	return firmo.Unknown
}

func (c *ICP) judgeIndustry(a *Account, why *[]string) firmo.Verdict {
	if a.IndustrySt != Readable {
		return unknown(why, "industry", a.IndustrySt, a.Industry)
	}
	return a.industryFacts.verdict(c.index, why, func() string { return "industry " + quote(a.Industry) + c.text.industryNot })
}

// noValue is the reason of a constraint whose value is missing.
func noValue(constraint string) string {
	switch constraint {
	case "industry":
		return "industry unknown: no value"
	case CEmployees:
		return "employees unknown: no value"
	case CRevenue:
		return "revenue unknown: no value"
	case CCountry:
		return "country unknown: no value"
	}
	return constraint + " unknown: no value"
}

// fitsIndustry reports whether an industry's firmo.WordText fits the
// ICP's industries.
func (c *ICP) fitsIndustry(wordText string) bool {
	for _, ind := range c.Industries {
		for _, p := range ind.Phrases {
			if p.In(wordText) {
				return true
			}
		}
	}
	return false
}

func labels(inds []Industry) string {
	out := make([]string, len(inds))
	for i, ind := range inds {
		out[i] = ind.Label
	}
	return strings.Join(out, ", ")
}

func (c *ICP) judgeEmployees(a *Account, why *[]string) firmo.Verdict {
	q := a.Employees
	if a.EmployeesSt != Readable {
		return unknown(why, CEmployees, a.EmployeesSt, a.EmployeesIn)
	}
	v, side := q.Within(c.Employees.Min, c.Employees.Max)
	if v == firmo.Fit || why == nil {
		return v
	}
	*why = append(*why, rangeReason(CEmployees, q, v, side, c.text.employeesMin, c.text.employeesMax, func() string {
		if a.employeesText == "" {
			a.employeesText = words.Number(q.Lo)
		}
		return a.employeesText
	}))
	return v
}

// rangeReason is the reason a figure or band misses a {min, max} range or
// straddles one of its bounds (side < 0 the lower, > 0 the upper), both
// bounds as reasons write them; figure writes an exact figure, made once
// per account however many ICPs it misses.
func rangeReason(name string, q firmo.Quantity, v firmo.Verdict, side int, lower, upper string, figure func() string) string {
	bound, dir := lower, " below "
	if side > 0 {
		bound, dir = upper, " above "
	}
	switch {
	case q.Exact:
		return name + " " + figure() + " is" + dir + bound
	case v == firmo.Miss:
		return name + " band " + q.Band + " is" + dir + bound
	}
	return name + " band " + q.Band + " straddles " + bound
}

func (c *ICP) judgeRevenue(a *Account, why *[]string) firmo.Verdict {
	if a.RevenueSt == Unreadable {
		if why != nil {
			*why = append(*why, "revenue unknown: "+a.RevenueWhy)
		}
		return firmo.Unknown
	}
	if a.RevenueSt != Readable {
		return unknown(why, "revenue", a.RevenueSt, a.RevenueIn)
	}
	lo, hi, ok := c.Revenue.Bounds(a.RevenueCur)
	if !ok {
		if why != nil {
			*why = append(*why, "revenue unknown: no rate for "+a.RevenueCur)
		}
		return firmo.Unknown
	}
	v, side := a.Revenue.Within(lo, hi)
	if v == firmo.Fit || why == nil {
		return v
	}
	*why = append(*why, rangeReason(CRevenue, a.Revenue, v, side, c.text.revenueMin, c.text.revenueMax, func() string {
		if a.revenueText == "" {
			a.revenueText = words.Number(a.Revenue.Lo) + " " + a.RevenueCur
		}
		return a.revenueText
	}))
	return v
}

func (c *ICP) judgeCountry(a *Account, why *[]string) firmo.Verdict {
	if a.CountrySt != Readable {
		if a.CountrySt == Unreadable {
			if why != nil {
				*why = append(*why, "country unknown: "+quote(a.CountryIn)+" is not a known country")
			}
			return firmo.Unknown
		}
		return unknown(why, "country", a.CountrySt, a.CountryIn)
	}
	return a.countryFacts.verdict(c.index, why, func() string {
		return "country " + a.Country + " is not in " + strings.Join(c.Regions.Labels, ", ")
	})
}

func (c *ICP) judgeTech(a *Account, why *[]string) firmo.Verdict {
	if a.TechSt != Readable {
		return unknown(why, "technologies", a.TechSt, a.TechIn)
	}
	return a.techFacts.verdict(c.index, why, func() string {
		if a.techQuoted == "" {
			a.techQuoted = quote(a.TechIn)
		}
		return "technologies " + a.techQuoted + c.text.techNone
	})
}

// fitsTech reports whether a technology list's keys hold one of the ICP's.
func (c *ICP) fitsTech(keys []string) bool {
	for _, k := range c.Tech.Keys {
		if slices.Contains(keys, k) {
			return true
		}
	}
	return false
}

// quote writes a cell in a reason: quoted, on one line, at most 60
// characters.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 60 {
		cut := 57
		for cut > 0 && (s[cut]&0xC0) == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return strconv.Quote(s)
}

// standardBands are the employee bands uncovered segments group by.
func standardBands() []struct {
	lo, hi float64
	label  string
} {
	return []struct {
		lo, hi float64
		label  string
	}{
		{1, 10, "1-10"}, {11, 50, "11-50"}, {51, 200, "51-200"}, {201, 500, "201-500"},
		{501, 1000, "501-1,000"}, {1001, 5000, "1,001-5,000"}, {5001, 10000, "5,001-10,000"},
		{10001, math.Inf(1), "10,001+"},
	}
}

// EmployeeBand names the standard band a head count or band falls in; a
// band that spans several keeps its own text; "" when unknown.
func EmployeeBand(q firmo.Quantity, st State) string {
	if st != Readable {
		return ""
	}
	for _, b := range standardBands() {
		hi := q.Hi
		if q.HiOpen {
			hi = math.Nextafter(q.Hi, math.Inf(-1))
		}
		// Head counts are whole: 10.5 belongs to the band that holds 10.
		lo := math.Floor(q.Lo)
		if lo <= 0 && b.lo == 1 {
			lo = 1
		}
		if lo >= b.lo && math.Floor(hi) <= b.hi {
			return b.label
		}
	}
	if q.Exact {
		return words.Number(q.Lo)
	}
	return q.Band
}
