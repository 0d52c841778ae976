package contract

import (
	"regexp"
	"testing"
)

func TestDatePatternMatchesParseDate(t *testing.T) {
	re := regexp.MustCompile(DatePattern())
	for _, s := range []string{
		"2026-11-22", "2026-13-45", "2026-02-29", "2024-02-29", "2000-02-29", "1900-02-29", "2026-04-31", "2026-12-31",
		"2019-06-24T09:00", "2019-06-24 09:00", "2019-06-24T09:00:30", "2019-06-24T09:00:30Z", "2019-06-24T09:00+02:00",
		"2019-06-24T09:00:30.5Z", "2019-06-24T24:00", "2019-06-24T09:60", "2019-06-24T", "2019-6-24", "20190624", "",
		"2019-06-24 09:00:30+05:30", "2019-06-24T09:00:30-25:00", " 2019-06-24", "0000-01-01",
		"+026-01-01", "-026-01-01", "2026-1-022", "2026-01-1 ", "２０２６-01-01",
	} {
		_, ok := ParseDate(s)
		if re.MatchString(s) != ok {
			t.Errorf("%q: pattern says %v, ParseDate says %v", s, re.MatchString(s), ok)
		}
	}
}

func TestParsePercent(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"25%", 0.25, true}, {" 50 % ", 0.5, true}, {"100%", 1, true}, {"100.0%", 1, true}, {"0%", 0, true}, {"007%", 0.07, true},
		{"12.5%", 0.125, true}, {"101%", 0, false}, {"-5%", 0, false}, {"abc%", 0, false}, {"25", 0, false}, {"1e1%", 0, false}, {"%", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParsePercent(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("ParsePercent(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzDatePattern holds the schema's pattern and the decoder's parser to
// the same answer on every input.
func FuzzDatePattern(f *testing.F) {
	f.Add("2024-02-29T23:59:59.999+01:00")
	f.Add("2019-06-24 09:00")
	re := regexp.MustCompile(DatePattern())
	f.Fuzz(func(t *testing.T, s string) {
		if _, ok := ParseDate(s); re.MatchString(s) != ok {
			t.Fatalf("%q: pattern says %v, ParseDate says %v", s, re.MatchString(s), ok)
		}
	})
}
