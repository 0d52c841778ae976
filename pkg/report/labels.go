package report

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"

	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/words"
)

// Labels both renderers (reportmd, reporthtml) write the same way.

// Href is the link to a file the report shows as p: a path relative to
// the report, percent-encoded by net/url so that '#', '?', '%', spaces and
// control characters in file names stay part of the name (String also
// writes "./" before a first segment with a colon, so that "c:x.md" does
// not read as a URL scheme); or, under --link-base, the URL already made.
func Href(p string) string {
	if plainPath(p) {
		return p // what hrefByURL would write back unchanged
	}
	return hrefByURL(p)
}

func hrefByURL(p string) string {
	if u, err := url.Parse(p); err == nil && u.IsAbs() && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
		return p
	}
	return (&url.URL{Path: p}).String()
}

// plainPath reports whether p is a relative path net/url writes as it is:
// letters, digits and "-._~/" only (nothing to escape, no colon that could
// read as a scheme), not starting with "//" (which would read as a host).
// Nearly every workspace path is one, and a report links each thousands of
// times; FuzzHref holds it to net/url.
func plainPath(p string) bool {
	if p == "" || strings.HasPrefix(p, "//") {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~/", c) >= 0) {
			return false
		}
	}
	return true
}

func ReviewedLabel(date string, stale bool) string {
	switch {
	case date == "":
		if stale {
			return "never reviewed (stale)"
		}
		return "never reviewed"
	case stale:
		return "reviewed " + date + " (stale)"
	}
	return "reviewed " + date
}

func LintLabel(c LintCounts) string {
	if c.Total() == 0 {
		return "clean"
	}
	var parts []string
	if c.Errors > 0 {
		parts = append(parts, words.Plural(c.Errors, "error"))
	}
	if c.Warnings > 0 {
		parts = append(parts, words.Plural(c.Warnings, "warning"))
	}
	if c.Infos > 0 {
		parts = append(parts, words.Plural(c.Infos, "info"))
	}
	return strings.Join(parts, ", ")
}

// EvidenceLabel is made for every persona of a report: concatenated.
func EvidenceLabel(e Evidence) string {
	label := "low: no interviews"
	if e.Interviews > 0 {
		label = e.Confidence + ": " + words.Plural(e.Interviews, "interview") + ", newest " + OrDash(e.Newest)
	}
	if e.Claims > 0 {
		label += "; evidence for " + strconv.Itoa(e.SupportedClaims) + " of " + words.Plural(e.Claims, "claim")
	}
	return label
}

func OrDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func NonEmpty(items ...string) []string {
	var out []string
	for _, it := range items {
		if strings.TrimSpace(it) != "" {
			out = append(out, it)
		}
	}
	return out
}

// CustomersLine says an ICP's measured coverage in words: "25% (1 of 4
// customers in crm/a.csv; 21.8% of value); declared 35%".
func CustomersLine(c Customers) string {
	out := fmt.Sprintf("%s (%s of %s in %s", words.Percent(c.Share), words.Number(float64(c.Fit)),
		words.Plural(c.Customers, "customer"), c.Source)
	if c.ValueShare != nil {
		out += "; " + words.Percent(*c.ValueShare) + " of value"
	}
	out += ")"
	if c.DeclaredShare != nil {
		out += "; declared " + words.Percent(*c.DeclaredShare)
	} else {
		out += "; no customer_share declared"
	}
	return out
}

// SegmentPart writes one part of an uncovered segment, "unknown" for none.
func SegmentPart(p *string) string {
	if p == nil {
		return "unknown"
	}
	return *p
}

func PercentOrDash(f *float64) string {
	if f == nil {
		return "—"
	}
	return words.Percent(*f)
}

// StatusLabel marks what is not in play: active is the default and says
// nothing, the others say what they are.
func StatusLabel(status string) string {
	switch status {
	case "", string(model.StatusActive):
		return "active"
	case string(model.StatusDraft):
		return "draft"
	case string(model.StatusProto):
		return "proto-persona (assumptions)"
	case string(model.StatusRetired):
		return "retired"
	}
	return status
}

// Percent shows a fraction as a whole percentage.
func Percent(f float64) string { return fmt.Sprintf("%.0f%%", math.Round(f*100)) }

// PersonaCount says how many personas an ICP has as lint counts them, and
// how many the report lists when that is more: "3 active of 5".
func PersonaCount(active, all int) string {
	if active == all {
		return strconv.Itoa(all)
	}
	return fmt.Sprintf("%d active of %d", active, all)
}
