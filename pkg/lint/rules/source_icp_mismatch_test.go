package rules

import (
	"strings"
	"testing"
)

func TestSourceICPMismatch(t *testing.T) {
	other := fm("kind: icp", "title: Other", "firmographics: {industries: [a], regions: [b]}")
	runRuleCases(t, "source-icp-mismatch", []ruleCase{
		{"interview of another icp", with(map[string]string{"icps/other.md": other,
			"interviews/two.md": fm("kind: interview", "date: 2026-01-01", "icp: other", "consent: true")}), "", []string{"personas/fiona.md:9:16 warning"}},
		{"interview names an unknown icp", with(map[string]string{
			"interviews/two.md": fm("kind: interview", "date: 2026-01-01", "icp: ghost", "consent: true")}), "", nil},
		{"company too large", with(map[string]string{
			"interviews/three.md": fm("kind: interview", "date: 2026-01-01", "interviewee: {company_size: 5000}", "consent: true")}), "", []string{"personas/fiona.md:9:21 warning"}},
		{"company range overlapping", with(map[string]string{
			"interviews/three.md": fm("kind: interview", "date: 2026-01-01", "interviewee: {company_size: 50-150}", "consent: true")}), "", nil},
		{"free text size", with(map[string]string{
			"interviews/three.md": fm("kind: interview", "date: 2026-01-01", "interviewee: {company_size: mid-sized}", "consent: true")}), "", nil},
	})
}

func TestParseCompanySize(t *testing.T) {
	tests := []struct {
		in     string
		lo, hi float64
		ok     bool
	}{
		{"250", 250, 250, true},
		{" 0250 ", 250, 250, true},
		{", 250", 250, 250, true},
		{"1234567890123456", 1234567890123456, 1234567890123456, true},
		{"1,200", 1200, 1200, true},
		{"200-500", 200, 500, true},
		{"50 to 200 employees", 50, 200, true},
		{"1k+", 1000, 1e308, true},
		{"<50", 0, 50, true},
		{"500-200", 0, 0, false},
		{"small", 0, 0, false},
	}
	for _, tt := range tests {
		lo, hi, ok := parseCompanySize(tt.in)
		if ok != tt.ok || (ok && (lo != tt.lo || (hi != tt.hi && !(tt.hi == 1e308 && hi > 1e308)))) {
			t.Errorf("parseCompanySize(%q) = %g, %g, %v; want %g, %g, %v", tt.in, lo, hi, ok, tt.lo, tt.hi, tt.ok)
		}
	}
}

// FuzzParseCompanySize holds the quick path for plain digits to the
// expression every other shape goes through.
func FuzzParseCompanySize(f *testing.F) {
	for _, s := range []string{"250", " 007 ", "1,200", "200-500", "", "99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lo, hi, ok := parseCompanySize(s)
		wantLo, wantHi, wantOK := parseCompanySizeText(strings.TrimSpace(s))
		if lo != wantLo || hi != wantHi || ok != wantOK {
			t.Fatalf("parseCompanySize(%q) = %g, %g, %v; the expression says %g, %g, %v", s, lo, hi, ok, wantLo, wantHi, wantOK)
		}
	})
}
