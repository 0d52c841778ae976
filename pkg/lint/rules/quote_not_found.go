package rules

import (
	"fmt"
	"strings"

	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/parallel"
	"github.com/personakit/persona/pkg/quote"
	"github.com/personakit/persona/pkg/workspace"
)

// quoteNotFound checks every quote that names its interview against the
// interview's notes (SPEC §9): a "quote" nobody said is the made-up
// persona this tool exists to catch.
type quoteNotFound struct{ meta }

// quoteCheck is one quote to look for in one interview.
type quoteCheck struct {
	persona *model.Document
	words   model.Str
	// found and msg are the outcome; fix is the quote as the notes write
	// it, when it differs from them only in punctuation (SPEC §10).
	found bool
	msg   string
	fix   string
}

func (r *quoteNotFound) Check(c *lint.Context) {
	// Group the quotes by the interview they cite, so that each
	// interview's notes are read once, on all cores, and dropped as soon
	// as its quotes are checked: lint keeps no bodies.
	byInterview := map[*model.Document][]*quoteCheck{}
	var order []*model.Document
	var all []*quoteCheck
	add := func(p *model.Document, ref, words model.Str) {
		res := c.WS.ResolveSource(p, ref.Value)
		if res.Status != workspace.SourceFound || strings.TrimSpace(words.Value) == "" {
			return // source-missing says what is wrong with the reference
		}
		q := &quoteCheck{persona: p, words: words, found: true}
		if byInterview[res.Doc] == nil {
			order = append(order, res.Doc)
		}
		byInterview[res.Doc] = append(byInterview[res.Doc], q)
		all = append(all, q)
	}
	for _, p := range c.Entities(model.KindPersona) {
		for _, cl := range p.Persona.Claims {
			for _, e := range cl.Evidence {
				add(p, e.Ref, e.Quote)
			}
		}
		for _, q := range p.Persona.QuoteItems {
			if q.Source.Value != "" {
				add(p, q.Source, q.Text)
			}
		}
	}
	parallel.Each(len(order), func(int) func(int) {
		var buf []byte // each core reads the notes into one buffer
		return func(i int) { buf = r.checkInterview(c, order[i], byInterview[order[i]], buf) }
	})
	for _, q := range all {
		switch {
		case q.found:
		case q.fix != "":
			c.ReportFix(q.persona, q.words.Pos, q.words.Value, q.fix, "quote the notes as they read", "%s", q.msg)
		default:
			c.Report(q.persona, q.words.Pos, "%s", q.msg)
		}
	}
}

// checkInterview reads one interview's notes into buf and looks for its
// quotes; each quoteCheck is written by this goroutine only. It returns the
// buffer to read the next notes into: nothing of these is kept.
func (r *quoteNotFound) checkInterview(c *lint.Context, iv *model.Document, checks []*quoteCheck, buf []byte) []byte {
	body, bodyLine, read, err := c.WS.BodyInto(iv, buf)
	if err != nil {
		return read // the loader reported an unreadable file
	}
	text := quote.NewTextInPlace(body) // the body was read for this alone
	var notes []byte                   // as written, read again only for a fix
	for _, q := range checks {
		if text.Occurs(q.words.Value) {
			continue
		}
		q.found = false
		q.msg = fmt.Sprintf("quote does not occur in interview %q", iv.ID)
		if best := text.Closest(q.words.Value); best.Percent > 0 {
			q.msg += fmt.Sprintf("; the closest passage, at %s:%d, holds %d%% of its words: %s", c.Path(iv.Path),
				bodyLine+best.Line, best.Percent, quoteShort(best.Text))
			if notes == nil {
				notes, _, _ = c.WS.Body(iv)
			}
			if written, ok := text.PunctuationSlip(q.words.Value, notes); ok {
				q.fix = written
			}
		}
		q.msg += " — quote the notes word for word (an ellipsis … may skip text), or fix the source"
	}
	return read
}

// Costly: it reads the notes of every interview a quote cites.
func (r *quoteNotFound) Costly() {}
