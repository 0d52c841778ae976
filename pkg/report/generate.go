package report

import (
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/lint/rules"
	"github.com/personakit/persona/pkg/match"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/project"
	"github.com/personakit/persona/pkg/suggest"
	"github.com/personakit/persona/pkg/workspace"
)

// GenerateOptions say what persona report covers.
type GenerateOptions struct {
	Today  time.Time
	Redact bool
	// ICP and Status narrow the report ("" for all).
	ICP, Status string
	// Title defaults to the workspace directory's name.
	Title string
	// Prerender, when set, starts rendering the bodies of ws the report
	// will show while lint runs and the report is built (nil when the
	// format shows none).
	Prerender func(ws *workspace.Workspace) Prerendered
	// Link turns a workspace-relative path into the link the report
	// shows.
	Link func(rel string) string
}

// Generate is persona report's model of ws, p's workspace loaded with its
// bodies for lint: the entities, their findings and the customer
// coverage the accounts measure.
func Generate(p *project.Project, ws *workspace.Workspace, o GenerateOptions) (*Report, error) {
	if o.ICP != "" && ws.Lookup(model.KindICP, o.ICP) == nil {
		return nil, fmt.Errorf("--icp %q names no ICP%s", o.ICP, suggest.DidYouMeanOr(o.ICP, ws.IDs(model.KindICP), "; persona list --kind icp lists them"))
	}
	var bodies Prerendered
	if o.Prerender != nil && !o.Redact && o.ICP == "" && o.Status == "" {
		// A redacted or scoped report shows other or fewer bodies: not
		// worth starting on.
		bodies = o.Prerender(ws)
	}
	customers, accounts, err := match.Measure(p.Config, p.ConfigDir(), p.Show, ws.Entities(model.KindICP))
	if err != nil {
		return nil, match.Describe(err)
	}
	// quote-not-found finds every quote the report shows; it says where.
	var located quoteLines
	findings := p.Runner.Run(ws, lint.Options{Today: o.Today, Customers: customers, QuoteFound: located.add})
	title := o.Title
	if title == "" {
		title = "Persona report: " + filepath.Base(p.Loc.Root)
	}
	return Build(ws, findings, Options{
		Today: o.Today, Stale: rules.Staleness(p.Runner, o.Today), Redact: o.Redact, PIIRegions: rules.PIIRegions(p.Runner.Rules()),
		Title: title, Display: o.Link, ICP: o.ICP, Status: o.Status, Bodies: bodies, Accounts: accounts,
		QuoteLine: located.line,
	}), nil
}

// quoteLines are the lines quote-not-found found quotes on, by interview
// and quote; its zero value is ready.
type quoteLines struct {
	mu    sync.Mutex
	lines map[quoteAt]int
}

type quoteAt struct {
	interview *model.Document
	quote     string
}

func (q *quoteLines) add(iv *model.Document, quote string, line int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.lines == nil {
		q.lines = map[quoteAt]int{}
	}
	q.lines[quoteAt{iv, quote}] = line
}

// line is where quote starts in iv's notes, if quote-not-found found it;
// called once the lint run is done.
func (q *quoteLines) line(iv *model.Document, quote string) (int, bool) {
	line, ok := q.lines[quoteAt{iv, quote}]
	return line, ok
}
