package contract

import (
	"math"
	"regexp"
	"strconv"
	"time"
)

// dateLayouts are the forms a date may take: a day, optionally followed by
// a time (T or a space, with or without seconds, with or without a zone),
// as ISO 8601 date-times are written. Fractional seconds are accepted by
// time.Parse after the seconds.
func dateLayouts() []string {
	out := []string{"2006-01-02"}
	for _, sep := range []string{"T", " "} {
		for _, clock := range []string{"15:04", "15:04:05"} {
			for _, zone := range []string{"", "Z07:00"} {
				out = append(out, "2006-01-02"+sep+clock+zone)
			}
		}
	}
	return out
}

// ParseDate reads a date as the contract accepts it and returns the day.
// The pattern decides what is a date (time.Parse alone would take a
// one-digit hour), so the schema's pattern and lint agree by construction.
func ParseDate(s string) (time.Time, bool) {
	if len(s) == len("2006-01-02") {
		// The common case, a bare day: time.Parse checks exactly what the
		// pattern does (four-digit year, real month and day, leap years).
		t, err := time.Parse("2006-01-02", s)
		return t, err == nil
	}
	if !dateRE.MatchString(s) {
		return time.Time{}, false
	}
	for _, l := range dateLayouts() {
		if t, err := time.Parse(l, s); err == nil {
			y, m, d := t.Date()
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}

// Calendar days: 29 February only in leap years (divisible by 4, and by 400
// when a century).
const (
	day     = `(?:(?:[0-9]{4})-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)`
	clock   = `(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:[.,][0-9]+)?)?`
	zone    = `(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])`
	percent = `[ \t]*(?:100(?:\.0+)?|0*[0-9]?[0-9](?:\.[0-9]+)?)[ \t]*%[ \t]*`
)

var (
	dateRE    = regexp.MustCompile(DatePattern())
	percentRE = regexp.MustCompile(PercentPattern())
	numberRE  = regexp.MustCompile(`[0-9.]+`)
)

// DatePattern is the regular expression (valid in Go and ECMA-262, as JSON
// Schema uses) that matches exactly the strings ParseDate accepts.
func DatePattern() string { return `^` + day + `(?:[T ]` + clock + zone + `?)?$` }

// PercentPattern matches exactly the percentages ParsePercent accepts.
func PercentPattern() string { return `^` + percent + `$` }

// ParsePercent reads "25%" (0% to 100%, decimals allowed) as 0.25.
func ParsePercent(s string) (float64, bool) {
	if !percentRE.MatchString(s) {
		return 0, false
	}
	num := numberRE.FindString(s)
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsNaN(f) || f < 0 || f > 100 {
		return 0, false
	}
	return f / 100, true
}
