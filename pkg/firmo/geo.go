package firmo

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/personakit/persona/pkg/suggest"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Countries knows every ISO 3166-1 country by its codes, its English name
// (from CLDR, through golang.org/x/text) and the variants exports write.
type Countries struct {
	byKey map[string]string // Key(spelling) → alpha-2 code
	names map[string]string // alpha-2 code → English name
	codes []string          // alpha-2 codes, sorted
}

// countryVariants are spellings CLDR's English names do not cover: the
// official long forms CRMs export, local names and everyday short names.
func countryVariants() map[string]string {
	return map[string]string{
		"U.S.": "US", "U.S.A.": "US", "United States of America": "US", "America": "US",
		"UK": "GB", "U.K.": "GB", "Great Britain": "GB", "Britain": "GB", "England": "GB",
		"Scotland": "GB", "Wales": "GB", "Northern Ireland": "GB",
		"Deutschland": "DE", "Österreich": "AT", "Schweiz": "CH", "Suisse": "CH", "Svizzera": "CH",
		"Holland": "NL", "The Netherlands": "NL", "Nederland": "NL", "España": "ES", "Italia": "IT",
		"Brasil": "BR", "Sverige": "SE", "Norge": "NO", "Danmark": "DK", "Suomi": "FI", "Polska": "PL",
		"Korea, Republic of": "KR", "Republic of Korea": "KR", "Korea": "KR",
		"Korea, Democratic People's Republic of": "KP",
		"Russian Federation":                     "RU", "Czech Republic": "CZ", "Ivory Coast": "CI", "Turkey": "TR", "Türkiye": "TR",
		"UAE": "AE", "Viet Nam": "VN", "Iran, Islamic Republic of": "IR", "Hong Kong": "HK",
		"Macau": "MO", "Macao": "MO", "PRC": "CN", "Mainland China": "CN", "Taiwan, Province of China": "TW",
		"Swaziland": "SZ", "Macedonia": "MK", "Burma": "MM", "Cape Verde": "CV", "East Timor": "TL",
		"The Bahamas": "BS", "The Gambia": "GM", "Bolivia, Plurinational State of": "BO",
		"Venezuela, Bolivarian Republic of": "VE", "Tanzania, United Republic of": "TZ",
		"Moldova, Republic of": "MD", "Lao People's Democratic Republic": "LA", "Laos": "LA",
		"Syrian Arab Republic": "SY", "Vatican": "VA", "Holy See": "VA",
		"Congo, The Democratic Republic of the": "CD", "DRC": "CD", "Republic of the Congo": "CG",
		"Micronesia, Federated States of": "FM", "Cote d'Ivoire": "CI", "Palestine, State of": "PS", "Brunei Darussalam": "BN",
	}
}

var countriesOnce = sync.OnceValue(buildCountries)

// AllCountries returns the country table, built once.
func AllCountries() *Countries { return countriesOnce() }

func buildCountries() *Countries {
	c := &Countries{byKey: map[string]string{}, names: map[string]string{}}
	names := display.English.Regions()
	add := func(spelling, code string) {
		for _, s := range []string{spelling, fold(spelling)} {
			if k := Key(s); k != "" {
				if _, taken := c.byKey[k]; !taken {
					c.byKey[k] = code
				}
			}
		}
	}
	// Codes and CLDR names first, so that a variant never shadows them.
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			r, err := language.ParseRegion(string([]rune{a, b}))
			if err != nil || !r.IsCountry() {
				continue
			}
			canon := r.Canonicalize()
			code := canon.String()
			if r.String() != code {
				continue // a deprecated code (UK, BU): added below as a variant
			}
			c.names[code] = names.Name(canon)
			c.codes = append(c.codes, code)
		}
	}
	sort.Strings(c.codes)
	for _, code := range c.codes {
		add(code, code)
		r := language.MustParseRegion(code)
		add(r.ISO3(), code)
	}
	for _, code := range c.codes {
		add(c.names[code], code)
	}
	variants := countryVariants()
	spellings := make([]string, 0, len(variants))
	for s := range variants {
		spellings = append(spellings, s)
	}
	sort.Strings(spellings)
	for _, s := range spellings {
		add(s, variants[s])
	}
	return c
}

// fold removes diacritics (Côte d’Ivoire → Cote d’Ivoire), so that the
// plain-ASCII spelling exports often use is known too.
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

// Lookup reads a country cell: a code, a name or a variant.
func (c *Countries) Lookup(s string) (string, bool) {
	code, ok := c.byKey[Key(s)]
	return code, ok
}

// Name is a country's English name.
func (c *Countries) Name(code string) string { return c.names[code] }

// Spellings lists every known spelling's key with its code, sorted by key:
// what a warehouse query joins a country column against.
func (c *Countries) Spellings() [][2]string {
	out := make([][2]string, 0, len(c.byKey))
	for k, code := range c.byKey {
		out = append(out, [2]string{k, code})
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// Suggest names the country an unrecognised cell most likely means, or "".
func (c *Countries) Suggest(s string) string {
	k := Key(s)
	if k == "" {
		return ""
	}
	keys := make([]string, 0, len(c.byKey))
	for key := range c.byKey {
		if len(key) > 3 {
			keys = append(keys, key)
		}
	}
	sort.Strings(keys)
	if near := suggest.Nearest(k, keys, 3); near != "" {
		return c.byKey[near]
	}
	return ""
}

// Regions resolves an ICP's regions items to sets of countries: a country
// (code or name), a UN M49 region or sub-region, a go-to-market region, or
// a region the config defines (match.regions), which wins over the others.
type Regions struct {
	countries *Countries
	named     map[string][]string // Key(name) → sorted codes
}

// goToMarket are the regions sales teams plan by (SPEC §13), as M49 codes
// or countries; "-" before an item takes it away.
func goToMarket() map[string][]string {
	return map[string][]string{
		"north-america": {"US", "CA"},
		"latam":         {"419"},
		"emea":          {"150", "002", "145"},
		"apac":          {"142", "-145", "009"},
		"eu": {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
			"IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"},
		"dach":    {"DE", "AT", "CH"},
		"nordics": {"DK", "FI", "IS", "NO", "SE"},
		"benelux": {"BE", "NL", "LU"},
		"uki":     {"GB", "IE"},
		"anz":     {"AU", "NZ"},
	}
}

// m49Aliases are the UN's own names where CLDR's English names differ.
func m49Aliases() map[string]string {
	return map[string]string{
		"latin-america-and-the-caribbean": "419",
		"south-eastern-asia":              "035",
	}
}

// NewRegions builds the resolver with the config's regions (name →
// countries or regions, resolved against the built-in ones). It returns an
// error naming the first item it cannot resolve.
func NewRegions(custom map[string][]string) (*Regions, error) {
	r := &Regions{countries: AllCountries(), named: map[string][]string{}}
	names := display.English.Regions()
	for n := 1; n < 1000; n++ {
		g, err := language.ParseRegion(fmt.Sprintf("%03d", n))
		if err != nil || !g.IsGroup() {
			continue
		}
		r.named[Key(names.Name(g))] = r.m49(g)
	}
	for name, code := range m49Aliases() {
		r.named[Key(name)] = r.m49(language.MustParseRegion(code))
	}
	for name, items := range goToMarket() {
		set, err := r.resolveAll(items)
		if err != nil {
			return nil, err
		}
		r.named[Key(name)] = set
	}
	customNames := make([]string, 0, len(custom))
	for name := range custom {
		customNames = append(customNames, name)
	}
	sort.Strings(customNames)
	resolved := map[string][]string{}
	for _, name := range customNames {
		set, err := r.resolveAll(custom[name])
		if err != nil {
			return nil, fmt.Errorf("match.regions.%s: %w", name, err)
		}
		resolved[Key(name)] = set
	}
	for k, set := range resolved {
		r.named[k] = set
	}
	return r, nil
}

func (r *Regions) m49(g language.Region) []string {
	var out []string
	for _, code := range r.countries.codes {
		if g.Contains(language.MustParseRegion(code)) {
			out = append(out, code)
		}
	}
	return out
}

func (r *Regions) resolveAll(items []string) ([]string, error) {
	in := map[string]bool{}
	for _, item := range items {
		remove := strings.HasPrefix(item, "-")
		item = strings.TrimPrefix(item, "-")
		var set []string
		if g, err := language.ParseRegion(item); err == nil && g.IsGroup() && len(item) == 3 && allDigits(item) {
			set = r.m49(g)
		} else if s, ok := r.Resolve(item); ok {
			set = s
		} else {
			return nil, fmt.Errorf("%q is not a country or region%s", item, r.didYouMean(item))
		}
		for _, c := range set {
			in[c] = !remove
		}
	}
	out := make([]string, 0, len(in))
	for c, ok := range in {
		if ok {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out, nil
}

// Resolve returns the countries a regions item names, sorted.
func (r *Regions) Resolve(item string) ([]string, bool) {
	if set, ok := r.named[Key(item)]; ok {
		return set, true
	}
	if code, ok := r.countries.Lookup(item); ok {
		return []string{code}, true
	}
	return nil, false
}

func (r *Regions) didYouMean(item string) string {
	names := make([]string, 0, len(r.named))
	for k := range r.named {
		names = append(names, k)
	}
	sort.Strings(names)
	return suggest.DidYouMean(Key(item), names)
}

// Explain says why a regions item is unknown, with a suggestion.
func (r *Regions) Explain(item string) string {
	return fmt.Sprintf("region %q is not a country or region%s", item, r.didYouMean(item))
}
