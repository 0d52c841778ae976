package rules

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/quote"
	"github.com/personakit/persona/pkg/workspace"
)

// quoteNotFound checks every quote that names its interview against the
// interview's notes (SPEC §9): a "quote" nobody said is the made-up
// persona this tool exists to catch.
type quoteNotFound struct{ meta }

// notes is an interview's body, normalised for matching, and the file line
// its body starts on.
type notes struct {
	text     *quote.Text
	bodyLine int
}

func (r *quoteNotFound) Check(c *lint.Context) {
	// Interview bodies are read only for interviews a quote cites, once
	// each, and dropped when the rule is done: lint keeps no bodies.
	read := map[*model.Document]*notes{}
	notesOf := func(d *model.Document) *notes {
		if n, ok := read[d]; ok {
			return n
		}
		var n *notes
		src, _, err := fileio.ReadRegular(filepath.Join(c.WS.Root, filepath.FromSlash(d.Path)), workspace.MaxFileSize)
		if err == nil {
			src, _ = frontmatter.FromUTF16(src)
			b := frontmatter.Split(src)
			n = &notes{text: quote.NewText(string(b.Body)), bodyLine: b.BodyLine}
		}
		read[d] = n
		return n
	}
	check := func(p *model.Document, ref, words model.Str) {
		res := c.WS.ResolveSource(p, ref.Value)
		if res.Status != workspace.SourceFound || strings.TrimSpace(words.Value) == "" {
			return // source-missing says what is wrong with the reference
		}
		n := notesOf(res.Doc)
		if n == nil || n.text.Occurs(words.Value) {
			return
		}
		msg := fmt.Sprintf("quote does not occur in interview %q", res.Doc.ID)
		if best := n.text.Closest(words.Value); best.Percent > 0 {
			msg += fmt.Sprintf("; the closest passage, at %s:%d, holds %d%% of its words: %s", c.Path(res.Doc.Path),
				n.bodyLine+best.Line, best.Percent, quoteShort(best.Text))
		}
		c.Report(p, words.Pos, "%s — quote the notes word for word (an ellipsis … may skip text), or fix the source", msg)
	}
	for _, p := range c.WS.Entities(model.KindPersona) {
		for _, cl := range p.Persona.Claims {
			for _, e := range cl.Evidence {
				check(p, e.Ref, e.Quote)
			}
		}
		for _, q := range p.Persona.QuoteItems {
			if q.Source.Value != "" {
				check(p, q.Source, q.Text)
			}
		}
	}
}
