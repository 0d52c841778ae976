package pii

import (
	"reflect"
	"regexp"
	"testing"
)

func TestCountDigits(t *testing.T) {
	var all []byte
	for c := 0; c < 256; c++ {
		all = append(all, byte(c))
	}
	for _, s := range []string{"", "abc", "0123456789", "+1 (415) 555-0134", "zoë 42 ÿ/:9", string(all), string(all[40:]) + "9"} {
		want := 0
		for _, c := range []byte(s) {
			if c >= '0' && c <= '9' {
				want++
			}
		}
		if got := CountDigits([]byte(s)); got != want {
			t.Errorf("CountDigits(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, line string
		regions    []string
		want       []Match
	}{
		{"e-mail", "mail jane.doe@example.com today", nil, []Match{{5, 25, Email}}},
		{"international phone, any region", "call +49 711 1234567.", nil, []Match{{5, 20, Phone}}},
		{"national phone of a configured region", "call (030) 123 45 67", []string{"DE"}, []Match{{5, 20, Phone}}},
		{"national phone of another region", "call (030) 123 45 67", []string{"US"}, nil},
		{"an IBAN, not a phone", "IBAN DE89 3704 0044 0532 0130 00", []string{"DE"}, []Match{{5, 32, IBAN}}},
		{"order numbers and dates", "order 4711-2026-123456 on 2026-01-01", []string{"DE", "US"}, nil},
		{"in order of position", "+1 415 555 0134 or a@b.io", nil, []Match{{0, 15, Phone}, {19, 25, Email}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Finder{Regions: tt.regions}.Find([]byte(tt.line))
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %+v, want %+v", tt.line, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("Find(%q)[%d] = %+v (%q), want %+v", tt.line, i, got[i], tt.line[got[i].Start:got[i].End], tt.want[i])
				}
			}
		})
	}
}

func TestRedact(t *testing.T) {
	in := "Jane (jane@acme.io, +44 20 7946 0958) said so.\nIBAN GB82WEST12345698765432\nNothing here; 2026-01-01.\n"
	want := "Jane ([redacted], [redacted]) said so.\nIBAN [redacted]\nNothing here; 2026-01-01.\n"
	if got := (Finder{Regions: DefaultRegions()}).Redact(in); got != want {
		t.Errorf("Redact =\n%q\nwant\n%q", got, want)
	}
}

func TestMayHoldEmail(t *testing.T) {
	for _, tc := range []struct {
		name, line string
		want       bool
	}{
		{"address", "write to jane@acme.io today", true},
		{"citation", "Close the books fast. [@interview-00001-03]", false},
		{"citation then address", "[@interview-1] or ops@acme.io", true},
		{"at the end", "who@", false},
		{"at the start", "@acme.io", false},
		{"space after", "jane@ acme.io", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := mayHoldEmail([]byte(tc.line)); got != tc.want {
				t.Errorf("mayHoldEmail(%q) = %v, want %v", tc.line, got, tc.want)
			}
			if tc.want == false && emailPattern.MatchString(tc.line) {
				t.Errorf("%q holds an address the look rules out", tc.line)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	f.Add("+49 711 1234567 a@b.io DE89 3704 0044 0532 0130 00", "DE")
	f.Add("Close fast. [@interview-1] and x@y.zz", "US")
	f.Add("source: interviews/icp-01453/interview-01453-00.md, 555-0134 555-0135(415) 555 0134 a@b.io,c@d.ee@f.gg", "US")
	f.Fuzz(func(t *testing.T, line, region string) {
		if emailPattern.MatchString(line) && !mayHoldEmail([]byte(line)) {
			t.Fatalf("mayHoldEmail rules out %q, which holds an address", line)
		}
		for _, re := range []*regexp.Regexp{emailPattern, phoneCandidate} {
			var each [][]int
			eachMatch(re, []byte(line), func(start, end int) { each = append(each, []int{start, end}) })
			if all := re.FindAllIndex([]byte(line), -1); !reflect.DeepEqual(each, all) {
				t.Fatalf("%s in %q: eachMatch finds %v, FindAllIndex %v", re, line, each, all)
			}
		}
		ms := Finder{Regions: []string{region}}.Find([]byte(line))
		prev := 0
		for _, m := range ms {
			if m.Start < prev || m.End <= m.Start || m.End > len(line) {
				t.Fatalf("bad match %+v in %q", m, line)
			}
			prev = m.End
		}
	})
}
