package rules

import (
	"fmt"
	"slices"
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

// quoteCheck is one quote to look for in one interview: a workspace of
// 50,000 files holds a hundred thousand of them, so it is a value of 40
// bytes, and only the quotes not found get a quoteMiss.
type quoteCheck struct {
	persona   *model.Document
	interview *model.Document
	words     model.Str
}

// quoteMiss is the outcome of a quote not found: msg, and fix, the quote
// as the notes write it when it differs from them only in punctuation
// (SPEC §10).
type quoteMiss struct {
	check    int
	msg, fix string
}

func (r *quoteNotFound) Check(c *lint.Context) {
	// Room for every quote, counted first: grown by doubling, the checks
	// of 52,500 files held up to twice their 4 MB.
	personas := c.Entities(model.KindPersona)
	n := 0
	for _, p := range personas {
		n += p.Persona.QuoteCount()
	}
	checks := make([]quoteCheck, 0, n)
	// Each persona's references resolved, as the run resolved them once
	// for every rule (Context.Sources): its sources, then its evidence,
	// then its quotes' sources, in the order they are walked here.
	var resolved []workspace.Source
	next := 0
	add := func(p *model.Document, ref, words model.Str) {
		var res workspace.Source
		if next < len(resolved) {
			res = resolved[next]
		} else {
			res = c.WS.ResolveSource(p, ref.Value) // not walked as Refs walks them: never so far
		}
		next++
		if res.Status != workspace.SourceFound || strings.TrimSpace(words.Value) == "" {
			return // source-missing says what is wrong with the reference
		}
		checks = append(checks, quoteCheck{persona: p, interview: res.Doc, words: words})
	}
	for _, p := range personas {
		resolved = resolved[:0]
		for _, src := range c.Sources(p) {
			resolved = append(resolved, src)
		}
		next = len(p.Persona.Sources)
		p.Persona.EachEvidence(func(ref, quote model.Str) bool {
			add(p, ref, quote)
			return true
		})
		for _, q := range p.Persona.QuoteItems {
			if q.Source.Value != "" {
				add(p, q.Source, q.Text)
			}
		}
	}
	// Group the quotes by the interview they cite, so that each
	// interview's notes are read once, on all cores, and dropped as soon
	// as its quotes are checked: lint keeps no bodies.
	groups := groupByInterview(checks)
	misses := make([][]quoteMiss, len(groups))
	parallel.Each(len(groups), func(int) func(int) {
		// Each core reads the notes into one buffer, and normalises
		// them into another: nothing of them is kept.
		var buf []byte
		var room quote.Room
		return func(i int) { misses[i], buf = r.checkInterview(c, checks, groups[i], buf, &room) }
	})
	var all []quoteMiss
	for _, m := range misses {
		all = append(all, m...)
	}
	slices.SortFunc(all, func(a, b quoteMiss) int { return a.check - b.check })
	for _, m := range all {
		q := checks[m.check]
		if m.fix != "" {
			c.ReportFix(q.persona, q.words.Pos, q.words.Value, m.fix, "quote the notes as they read", "%s", m.msg)
		} else {
			c.Report(q.persona, q.words.Pos, "%s", m.msg)
		}
	}
}

// groupByInterview lists the indexes of checks by the interview they cite,
// the interviews in the order first cited: slices of one array.
func groupByInterview(checks []quoteCheck) [][]int32 {
	group := make(map[*model.Document]int32)
	var sizes []int32
	of := make([]int32, len(checks))
	for i, q := range checks {
		g, ok := group[q.interview]
		if !ok {
			g = int32(len(sizes))
			group[q.interview] = g
			sizes = append(sizes, 0)
		}
		of[i] = g
		sizes[g]++
	}
	all := make([]int32, len(checks))
	groups := make([][]int32, len(sizes))
	at := int32(0)
	for g, n := range sizes {
		groups[g] = all[at : at : at+n]
		at += n
	}
	for i, g := range of {
		groups[g] = append(groups[g], int32(i))
	}
	return groups
}

// checkInterview reads the notes of the interview the checks at indexes
// cite into buf, looks for their quotes and returns those not found. It
// also returns the buffer to read the next notes into: nothing of these is
// kept, nor of their normalised text in room.
func (r *quoteNotFound) checkInterview(c *lint.Context, checks []quoteCheck, indexes []int32, buf []byte, room *quote.Room) ([]quoteMiss, []byte) {
	iv := checks[indexes[0]].interview
	body, bodyLine, read, err := c.WS.BodyInto(iv, buf)
	if err != nil {
		return nil, read // the loader reported an unreadable file
	}
	text := quote.NewTextInPlace(body).NormaliseInto(room) // the body was read for this alone
	var notes []byte                                       // as written, read again only for a fix
	var misses []quoteMiss
	// The outcome for each quote looked for, by its words: a quote
	// aliased a thousand times, in a row or in turn with others, is
	// looked for once (a map only once the interview has two checks).
	type outcome struct {
		found bool
		miss  quoteMiss
	}
	var looked map[string]outcome
	if len(indexes) > 1 {
		looked = map[string]outcome{}
	}
	for _, i := range indexes {
		q := checks[i]
		if o, ok := looked[q.words.Value]; ok {
			if !o.found {
				o.miss.check = int(i)
				misses = append(misses, o.miss)
			}
			continue
		}
		if line, ok := text.Locate(q.words.Value); ok {
			if c.QuoteFound != nil {
				c.QuoteFound(iv, q.words.Value, line)
			}
			if looked != nil {
				looked[q.words.Value] = outcome{found: true}
			}
			continue
		}
		m := quoteMiss{check: int(i), msg: fmt.Sprintf("quote does not occur in interview %q", iv.ID)}
		if best := text.Closest(q.words.Value); best.Percent > 0 {
			m.msg += fmt.Sprintf("; the closest passage, at %s:%d, holds %d%% of its words: %s", c.Path(iv.Path),
				bodyLine+best.Line, best.Percent, quoteShort(best.Text))
			if notes == nil {
				notes, _, _ = c.WS.Body(iv)
			}
			if written, ok := text.PunctuationSlip(q.words.Value, notes); ok {
				m.fix = written
			}
		}
		m.msg += " — quote the notes word for word (an ellipsis … may skip text), or fix the source"
		misses = append(misses, m)
		if looked != nil {
			looked[q.words.Value] = outcome{miss: m}
		}
	}
	return misses, read
}

// Costly: it reads the notes of every interview a quote cites.
func (r *quoteNotFound) Costly() {}
