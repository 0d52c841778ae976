package firmo

import (
	"slices"
	"strings"
	"testing"
)

func fitsIndustry(icp, account string) bool {
	t := WordText(account)
	for _, p := range IndustryPhrases(icp) {
		if p.In(t) {
			return true
		}
	}
	return false
}

func TestIndustries(t *testing.T) {
	cases := []struct {
		name, icp, account string
		fit                bool
	}{
		{"equal", "software", "Software", true},
		{"a word of it", "software", "Computer Software", true},
		{"HubSpot's enum", "software", "COMPUTER_SOFTWARE", true},
		{"another word before", "software", "Application Software", true},
		{"slug words in order", "financial-services", "Financial Services", true},
		{"words in order, apart", "financial-services", "Financial and Insurance Services", true},
		{"words out of order", "financial-services", "Services, Financial", false},
		{"ampersand is and", "health-and-wellness", "Health & Wellness", true},
		{"compound written apart", "healthcare", "Health Care Equipment", true},
		{"compound with a dash", "ecommerce", "E-Commerce", true},
		{"whole words only", "software", "Softwareless", false},
		{"part of a word", "care", "Healthcare", false},
		{"other industry", "software", "Retail", false},
		{"typo", "software", "Sofware", false},
		{"ICP written as words", "Financial Services", "FINANCIAL_SERVICES", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := fitsIndustry(c.icp, c.account); got != c.fit {
				t.Errorf("%q fits %q = %v, want %v", c.icp, c.account, got, c.fit)
			}
		})
	}
}

func TestTechKeys(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"semicolons", "NetSuite;Slack", []string{"netsuite", "slack"}},
		{"commas and bars", "Net Suite, Snowflake | AT&T", []string{"netsuite", "snowflake", "atandt"}},
		{"empty items dropped", ";;  ;HubSpot;", []string{"hubspot"}},
		{"nothing", " , ", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := TechKeys(c.in); !slices.Equal(got, c.want) {
				t.Errorf("TechKeys(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestCountries(t *testing.T) {
	c := AllCountries()
	cases := map[string]string{
		"US": "US", "us": "US", "USA": "US", "U.S.": "US", "United States": "US", "United States of America": "US",
		"UK": "GB", "Great Britain": "GB", "England": "GB", "GBR": "GB", "United Kingdom": "GB",
		"Deutschland": "DE", "germany": "DE", "DEU": "DE", "South Korea": "KR", "Korea, Republic of": "KR",
		"Côte d’Ivoire": "CI", "Cote d'Ivoire": "CI", "Türkiye": "TR", "Turkey": "TR", "The Netherlands": "NL",
	}
	for in, want := range cases {
		if got, ok := c.Lookup(in); !ok || got != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"Untied States", "EMEA", "Atlantis", "ZZ"} {
		if got, ok := c.Lookup(in); ok {
			t.Errorf("Lookup(%q) = %q, want unknown", in, got)
		}
	}
	if got := c.Suggest("Untied States"); got != "US" {
		t.Errorf("Suggest(Untied States) = %q, want US", got)
	}
	if got := c.Suggest("Germny"); got != "DE" {
		t.Errorf("Suggest(Germny) = %q, want DE", got)
	}
	if n := len(c.codes); n < 240 {
		t.Errorf("only %d countries known", n)
	}
}

func TestRegions(t *testing.T) {
	r, err := NewRegions(map[string][]string{"core-eu": {"de", "fr", "nl"}, "dach": {"DE", "AT"}, "no-uk": {"europe", "-gb"}})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		item      string
		has, lack []string
		size      int // 0: any
	}{
		{"north-america", []string{"US", "CA"}, []string{"MX"}, 2},
		{"northern-america", []string{"US", "CA"}, []string{"MX"}, 0},
		{"latam", []string{"MX", "BR", "AR"}, []string{"US"}, 0},
		{"latin-america-and-the-caribbean", []string{"MX", "JM"}, []string{"US"}, 0},
		{"emea", []string{"DE", "ZA", "AE", "IL"}, []string{"US", "JP", "IN"}, 0},
		{"apac", []string{"JP", "IN", "AU", "NZ"}, []string{"AE", "DE"}, 0},
		{"eu", []string{"DE", "IE"}, []string{"GB", "CH", "NO"}, 27},
		{"nordics", []string{"DK", "FI", "IS", "NO", "SE"}, nil, 5},
		{"benelux", []string{"BE", "NL", "LU"}, nil, 3},
		{"uki", []string{"GB", "IE"}, nil, 2},
		{"anz", []string{"AU", "NZ"}, nil, 2},
		{"europe", []string{"DE", "GB", "NO"}, []string{"US"}, 0},
		{"Northern Europe", []string{"SE", "GB"}, []string{"DE"}, 0},
		{"core-eu", []string{"DE", "FR", "NL"}, nil, 3},
		{"dach", []string{"DE", "AT"}, []string{"CH"}, 2}, // the config redefines it
		{"no-uk", []string{"DE"}, []string{"GB"}, 0},
		{"Germany", []string{"DE"}, nil, 1},
		{"us", []string{"US"}, nil, 1},
	}
	for _, c := range cases {
		t.Run(c.item, func(t *testing.T) {
			set, ok := r.Resolve(c.item)
			if !ok {
				t.Fatalf("Resolve(%q) failed", c.item)
			}
			for _, code := range c.has {
				if !slices.Contains(set, code) {
					t.Errorf("%s lacks %s", c.item, code)
				}
			}
			for _, code := range c.lack {
				if slices.Contains(set, code) {
					t.Errorf("%s holds %s", c.item, code)
				}
			}
			if c.size != 0 && len(set) != c.size {
				t.Errorf("%s has %d countries: %v", c.item, len(set), set)
			}
		})
	}
	if _, ok := r.Resolve("atlantis"); ok {
		t.Error("atlantis resolved")
	}
	if msg := r.Explain("nordic"); !strings.Contains(msg, "nordics") {
		t.Errorf("Explain(nordic) = %q, want a suggestion of nordics", msg)
	}
	if _, err := NewRegions(map[string][]string{"x": {"atlantis"}}); err == nil {
		t.Error("a config region naming no country was accepted")
	}
}

func FuzzWordText(f *testing.F) {
	for _, s := range []string{"Health & Care", "COMPUTER_SOFTWARE", "É-commerce", "a\x00b", "  "} {
		f.Add(s, "healthcare")
	}
	f.Fuzz(func(t *testing.T, account, icp string) {
		wt := WordText(account)
		if !strings.HasPrefix(wt, " ") || !strings.HasSuffix(wt, " ") {
			t.Fatalf("WordText(%q) = %q is not wrapped in spaces", account, wt)
		}
		// Every word an account has fits the account.
		for _, w := range Words(account) {
			if !fitsIndustry(w, account) {
				t.Fatalf("%q does not fit %q, whose word it is", w, account)
			}
		}
		// A phrase that fits is found again in the account's words joined
		// by single spaces.
		if fitsIndustry(icp, account) && len(Words(icp)) == 1 {
			joined := strings.Join(Words(account), "")
			if !strings.Contains(joined, Words(icp)[0]) {
				t.Fatalf("%q fits %q, whose words %q do not hold it", icp, account, Words(account))
			}
		}
	})
}
