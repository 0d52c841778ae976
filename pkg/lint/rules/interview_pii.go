package rules

import (
	"bytes"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/pii"
	"github.com/personakit/persona/pkg/yamlkit"
)

// piiRule scans the whole text of interviews and personas, front matter and
// body, while the file is loaded.
type piiRule struct {
	meta
	// regions are the ISO 3166-1 codes whose national number formats are
	// recognised; international ones (+49 …) always are.
	regions []string
}

func interviewPII() lint.Rule {
	return &piiRule{meta: meta{"interview-pii", lint.Warning,
		"interview or persona text contains an e-mail address, a phone number or an IBAN",
		"Notes in a shared repository must not identify people; replace contact details with a role (\"the CFO\")."},
		regions: pii.DefaultRegions()}
}

func (r *piiRule) Configure(opts map[string]config.Option, path string) error {
	return lint.SetListOption(r.id, opts, "regions", path, "[US, DE] (ISO 3166-1 region codes)", func(item string) (string, string) {
		code := strings.ToUpper(strings.TrimSpace(item))
		if !pii.KnownRegion(code) {
			return "", "a region code phone numbers are known for; use ISO 3166-1 alpha-2 codes such as US, DE, FR, GB"
		}
		return code, ""
	}, &r.regions)
}

func (r *piiRule) CheckText(doc *model.Document, src []byte, b frontmatter.Block) []model.Problem {
	if doc.Kind != model.KindInterview && doc.Kind != model.KindPersona {
		return nil
	}
	// A body without an '@' and with fewer digits in all than a phone
	// number has cannot hold personal data, and most bodies are prose:
	// the lines are then walked only up to the body, one vectorised look
	// over the body instead of two per line.
	last := math.MaxInt
	if (b.Closed || b.Format == frontmatter.None) && bytes.IndexByte(b.Body, '@') < 0 && pii.CountDigits(b.Body) < pii.MinPhoneDigits {
		last = b.BodyLine - 1
	}
	finder := pii.Finder{Regions: r.regions}
	var out []model.Problem
	check := func(n int, line []byte) bool {
		if n > last {
			return false
		}
		for _, m := range finder.Find(line) {
			out = append(out, model.Problem{Rule: r.id, Pos: model.Pos{Line: int32(n), Column: int32(column(line, m.Start))},
				Message: "text contains " + string(m.Kind) + "; remove it or replace it with the person's role"})
		}
		return true
	}
	if bytes.IndexByte(src, '\r') >= 0 {
		frontmatter.Lines(src, check) // CR and CRLF line ends: the general splitter
		return out
	}
	src = yamlkit.StripBOM(src)
	for n := 1; len(src) > 0 && n <= last; n++ {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		check(n, line)
	}
	return out
}

// Regions are the regions whose national phone formats are recognised, so
// that redacted reports remove what lint finds.
func (r *piiRule) Regions() []string { return r.regions }

// column is the 1-based character column of byte offset off in line.
func column(line []byte, off int) int { return utf8.RuneCount(line[:off]) + 1 }

// Options declares what Configure reads.
func (r *piiRule) Options() []lint.Option {
	return []lint.Option{
		{Name: "regions", Default: "[US]", Description: "ISO 3166-1 codes of the regions whose national phone numbers are recognised (international ones always are)."},
	}
}
