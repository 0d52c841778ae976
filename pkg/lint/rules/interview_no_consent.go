package rules

import (
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
)

type interviewNoConsent struct{ meta }

func (r *interviewNoConsent) Check(c *lint.Context) {
	for _, d := range c.Entities(model.KindInterview) {
		iv := d.Interview
		switch {
		case iv.Consent == nil && iv.ConsentPos.Line == 0:
			c.Report(d, model.FileStart, "interview does not record consent; add consent: true once the interviewee agreed to notes being kept")
		case iv.Consent != nil && !*iv.Consent:
			c.Report(d, iv.ConsentPos, "interviewee did not consent to notes being kept; remove the notes or record consent: true")
		}
	}
}
