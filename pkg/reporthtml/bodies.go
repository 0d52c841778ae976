package reporthtml

import (
	"bufio"
	"bytes"
	"html/template"
	"strings"
	"unsafe"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/personakit/persona/pkg/mdguard"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/report"
	"github.com/personakit/persona/pkg/workspace"
)

// The levels entity bodies' top headings get: in the single-file report
// under the ICP's h2 and the card's h4; in a site under the page's h1 and
// the card's h2.
const (
	htmlICPLevel, htmlPersonaLevel = 3, 5
	siteICPLevel, sitePersonaLevel = 2, 3
)

// bodyKey is a body to render, by its text, and the level its top heading
// gets: bodies are found by what they say, so that bodies rendered before
// the report was built serve it, and equal bodies are rendered once.
type bodyKey struct {
	src   string
	level int
}

// bodyRef is a body by the bytes its string holds, and its level: the
// report shows the very strings Prerender rendered (Bodies.Text), so
// they are found by reference, without hashing every body's text for
// every look-up (a seventh of an HTML report's own time on 10,500
// files). Equal texts in different strings are told apart; each was
// still rendered once (renderBodySet).
type bodyRef struct {
	data  *byte
	n     int
	level int
}

func (k bodyKey) ref() bodyRef {
	return bodyRef{unsafe.StringData(k.src), len(k.src), k.level}
}

// Bodies are entity bodies being rendered to HTML ahead of the report.
type Bodies struct {
	// texts are the bodies the workspace kept, which the report takes
	// from here, so that the report and the rendered bodies use them as
	// they are. They are found by path, not by document: the report outlives the
	// workspace, and a map of documents would keep every one of them (and
	// the files their bodies were read into) until the page is written.
	texts map[string]string
	done  chan struct{}
	// html is nil if rendering failed; the report then renders its bodies
	// itself and reports the error. distinct counts the bodies rendered.
	html     map[bodyRef]template.HTML
	distinct int
}

// Text is the text of d's body, if Prerender made it.
func (b *Bodies) Text(d *model.Document) (string, bool) {
	if b == nil {
		return "", false
	}
	t, ok := b.texts[d.Path]
	return t, ok
}

// Prerender starts rendering, on all cores, the ICP and persona bodies a
// report in format ("html" or "site") shows, so that goldmark runs while
// the caller lints and builds the report; Options.Bodies hands them over.
// Other formats show none: it returns nil. A redacted or scoped report
// shows other or fewer bodies, so it is not worth starting for one.
func Prerender(ws *workspace.Workspace, format string) report.Prerendered {
	levels := map[string][2]int{"html": {htmlICPLevel, htmlPersonaLevel}, "site": {siteICPLevel, sitePersonaLevel}}
	l, ok := levels[format]
	if !ok {
		return nil
	}
	b := &Bodies{texts: map[string]string{}, done: make(chan struct{})}
	var keys []bodyKey
	for i, kind := range []model.Kind{model.KindICP, model.KindPersona} {
		for _, d := range ws.Entities(kind) {
			b.texts[d.Path] = d.Body
			keys = append(keys, bodyKey{d.Body, l[i]})
		}
	}
	go func() {
		defer close(b.done)
		html, distinct, err := renderBodySet(keys)
		if err != nil {
			return
		}
		b.html, b.distinct = make(map[bodyRef]template.HTML, len(keys)), distinct
		for i, k := range keys {
			b.html[k.ref()] = html[i]
		}
	}()
	return b
}

// renderedBodies are the bodies a report shows, as HTML.
type renderedBodies struct {
	html                   map[bodyRef]template.HTML
	icpLevel, personaLevel int
}

func (r renderedBodies) icp(src string) template.HTML {
	return r.html[bodyKey{src, r.icpLevel}.ref()]
}

func (r renderedBodies) persona(src string) template.HTML {
	return r.html[bodyKey{src, r.personaLevel}.ref()]
}

// bodiesOf renders the bodies of r's ICPs and their personas, top
// headings at icpLevel and personaLevel (below the heading each sits
// under), taking those Prerender rendered already.
func bodiesOf(r *report.Report, icpLevel, personaLevel int) (renderedBodies, error) {
	n := len(r.Unassigned)
	for _, c := range r.ICPs {
		n += 1 + len(c.Personas)
	}
	want := make([]bodyKey, 0, n)
	for _, c := range r.ICPs {
		want = append(want, bodyKey{c.Body, icpLevel})
		for _, p := range c.Personas {
			want = append(want, bodyKey{p.Body, personaLevel})
		}
	}
	for _, p := range r.Unassigned {
		want = append(want, bodyKey{p.Body, personaLevel})
	}
	var have map[bodyRef]template.HTML
	if pre, ok := r.Prerendered.(*Bodies); ok && pre != nil {
		<-pre.done
		have = pre.html
	}
	// The bodies rendered ahead are all there is to show when the report
	// leaves none out: their map serves as it is, not copied key by key
	// on one core before the first page.
	out := renderedBodies{html: have, icpLevel: icpLevel, personaLevel: personaLevel}
	if hasEvery(have, want) {
		return out, nil
	}
	out.html = make(map[bodyRef]template.HTML, len(want))
	var missing []bodyKey
	for _, k := range want {
		if h, ok := have[k.ref()]; ok {
			out.html[k.ref()] = h
		} else {
			missing = append(missing, k)
		}
	}
	if len(missing) == 0 {
		return out, nil
	}
	more, _, err := renderBodySet(missing)
	if err != nil {
		return out, err
	}
	for i, k := range missing {
		out.html[k.ref()] = more[i]
	}
	return out, nil
}

// hasEvery says whether html holds the body of every key in want (a nil
// map holds none).
func hasEvery(html map[bodyRef]template.HTML, want []bodyKey) bool {
	for _, k := range want {
		if _, ok := html[k.ref()]; !ok {
			return false
		}
	}
	return true
}

// renderBodySet converts bodies to HTML on all cores, each distinct one
// once, and returns each key's, in order, and how many it rendered; a
// blank body is "". goldmark is most of the cost of an HTML report.
func renderBodySet(keys []bodyKey) ([]template.HTML, int, error) {
	jobs := make([]bodyKey, 0, len(keys))
	job := make([]int, len(keys)) // 1 + the job rendering each key, 0 for none
	seen := make(map[bodyKey]int, len(keys))
	for i, k := range keys {
		if strings.TrimSpace(k.src) == "" {
			continue
		}
		if job[i] = seen[k]; job[i] == 0 {
			jobs = append(jobs, k)
			job[i], seen[k] = len(jobs), len(jobs)
		}
	}
	out := make([]template.HTML, len(jobs))
	err := onAllCores(len(jobs), func() func(int) error {
		// One converter per worker and heading shift; the body's own top
		// heading decides the shift.
		converters := map[int]goldmark.Markdown{}
		parser := newBodyRenderer(0).Parser()
		// One buffer per worker, and a buffered writer over it that
		// goldmark would otherwise make anew for every body, growing and
		// wrapping buffers body after body; and one for the bytes goldmark
		// reads, each body copied there from its string.
		var buf bytes.Buffer
		var src []byte
		w := bufio.NewWriter(&buf)
		plain := newPlainMarkdown()
		return func(i int) error {
			src = append(src[:0], jobs[i].src...)
			if mdguard.Check(src) != nil {
				// Too complex to parse in bounded time: shown as the text
				// it is (lint reports body-too-complex).
				out[i] = template.HTML(`<pre class="plain-body">` + template.HTMLEscapeString(jobs[i].src) + `</pre>`) //nolint:gosec
				return nil
			}
			buf.Reset()
			if plain.render(&buf, src, jobs[i].level) {
				out[i] = template.HTML(buf.String()) //nolint:gosec // plain text, escaped
				return nil
			}
			doc := parser.Parse(text.NewReader(src))
			top := 6
			_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if h, ok := n.(*ast.Heading); ok && entering {
					top = min(top, h.Level)
				}
				return ast.WalkContinue, nil
			})
			shift := max(jobs[i].level-top, 0)
			md, ok := converters[shift]
			if !ok {
				md = newBodyRenderer(shift)
				converters[shift] = md
			}
			buf.Reset()
			err := md.Renderer().Render(w, src, doc) // flushes w
			// goldmark escapes all text and, without WithUnsafe, drops raw
			// HTML and dangerous link targets: its output is safe.
			out[i] = template.HTML(buf.String()) //nolint:gosec
			return err
		}
	})
	if err != nil {
		return nil, 0, err
	}
	html := make([]template.HTML, len(keys))
	for i, j := range job {
		if j > 0 {
			html[i] = out[j-1]
		}
	}
	return html, len(jobs), nil
}
