package match

import (
	"github.com/personakit/persona/pkg/firmo"
)

// maxFacts bounds each cache of facts: exports repeat a few hundred
// industries, countries and technology lists over millions of rows, but a
// column of free text must not grow memory with the rows.
const maxFacts = 1024

// textFacts is what one distinct industry or technology cell says for
// every ICP.
type textFacts struct {
	st      State
	known   bool     // an industry some ICP's industries fit
	fits    []bool   // per ICP index
	reasons []string // per ICP index, made when first asked for
}

// facts works out what a cell says once per distinct cell: a worker's
// cache, not shared, so no lock is taken.
type facts struct {
	icps       []*ICP
	countries  *firmo.Countries
	industries map[string]*textFacts
	techs      map[string]*textFacts
	codes      map[string]string     // country cell → code, "" when unknown
	inRegions  map[string]*textFacts // country code → the ICPs whose regions hold it
}

func newFacts(icps []*ICP) *facts {
	return &facts{icps: icps, countries: firmo.AllCountries(), industries: map[string]*textFacts{},
		techs: map[string]*textFacts{}, codes: map[string]string{}, inRegions: map[string]*textFacts{}}
}

func (f *facts) industry(cell string) *textFacts {
	if t, ok := f.industries[cell]; ok {
		return t
	}
	wt := firmo.WordText(cell)
	t := &textFacts{st: Unreadable, fits: make([]bool, len(f.icps))}
	if firmo.HasWords(wt) {
		t.st = Readable
		for i, c := range f.icps {
			if c.Industries != nil && c.fitsIndustry(wt) {
				t.fits[i], t.known = true, true
			}
		}
	}
	if len(f.industries) < maxFacts {
		f.industries[cell] = t
	}
	return t
}

func (f *facts) tech(cell string) *textFacts {
	if t, ok := f.techs[cell]; ok {
		return t
	}
	keys := firmo.TechKeys(cell)
	t := &textFacts{st: Unreadable, fits: make([]bool, len(f.icps))}
	if len(keys) > 0 {
		t.st = Readable
		for i, c := range f.icps {
			t.fits[i] = c.Tech != nil && c.fitsTech(keys)
		}
	}
	if len(f.techs) < maxFacts {
		f.techs[cell] = t
	}
	return t
}

func (f *facts) country(cell string) (string, bool) {
	if code, ok := f.codes[cell]; ok {
		return code, code != ""
	}
	code, _ := f.countries.Lookup(cell)
	if len(f.codes) < maxFacts {
		f.codes[cell] = code
	}
	return code, code != ""
}

// regions says for a country which ICPs' regions hold it.
func (f *facts) regions(code string) *textFacts {
	if t, ok := f.inRegions[code]; ok {
		return t
	}
	t := &textFacts{st: Readable, fits: make([]bool, len(f.icps))}
	for i, c := range f.icps {
		t.fits[i] = c.Regions != nil && c.Regions.Countries[code]
	}
	f.inRegions[code] = t // codes are a few hundred at most
	return t
}

// verdict is Fit when the ICP of index k fits, else Miss with its reason,
// made by reason once per distinct cell and ICP.
func (t *textFacts) verdict(k int, why *[]string, reason func() string) firmo.Verdict {
	if t.fits[k] {
		return firmo.Fit
	}
	if why != nil {
		if t.reasons == nil {
			t.reasons = make([]string, len(t.fits))
		}
		if t.reasons[k] == "" {
			t.reasons[k] = reason()
		}
		*why = append(*why, t.reasons[k])
	}
	return firmo.Miss
}
