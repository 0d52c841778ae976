package cli

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/scaffold"
	"github.com/personakit/persona/pkg/suggest"
	"github.com/personakit/persona/pkg/words"
	"github.com/personakit/persona/pkg/workspace"
	"github.com/spf13/cobra"
)

type newOptions struct {
	icp      string
	name     string
	template string
	set      []string
	force    bool
	dryRun   bool
	output   string
	today    string
}

func newNewCmd(g *globalOptions) *cobra.Command {
	o := &newOptions{}
	cmd := &cobra.Command{
		Use:   "new KIND [ID]",
		Short: "Scaffold an ICP, persona or interview from a template",
		Long: `Create a new entity from a template: <templates>/<KIND>/<NAME>.md when
--template NAME is given, else <templates>/<KIND>.md, else the built-in one.
Templates are Go text/template files that see .ID .Kind .Name .ICP .Date and
.Set (the --set pairs). The file goes to icps/, personas/ or interviews/ under
the workspace root unless -o says otherwise, and an existing file is never
replaced without --force.

Run "persona new persona" without an ID in a terminal for a guided interview
(set ACCESSIBLE=1 for a plain prompt-by-prompt mode that screen readers follow).`,
		Example: `  persona new icp mid-market-saas --name "Mid-market SaaS"
  persona new persona finance-fiona --icp mid-market-saas --name "Finance Director Fiona"
  persona new interview 2026-03-02-cfo-call --icp mid-market-saas --set role=CFO --set company_size=300
  persona new persona`,
		Args:      cobra.RangeArgs(1, 2),
		ValidArgs: []string{"icp", "persona", "interview"},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runNew(g, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.icp, "icp", "", "the `ID` of the ICP a persona or interview belongs to (must exist)")
	completeWith(cmd, "icp", g.idsOf(model.KindICP))
	f.StringVar(&o.name, "name", "", "the display name (default: from the ID)")
	f.StringVar(&o.template, "template", "", "use <templates>/<KIND>/`NAME`.md")
	f.StringArrayVar(&o.set, "set", nil, "a `key=value` for the template's .Set; repeatable")
	f.BoolVar(&o.force, "force", false, "replace an existing file")
	f.BoolVar(&o.dryRun, "dry-run", false, "print the new file instead of writing it")
	f.StringVarP(&o.output, "output", "o", "", "write to `PATH` instead of <kind dir>/<ID>.md")
	f.StringVar(&o.today, "today", "", "the `DATE` (YYYY-MM-DD) templates see as .Date (default: today)")
	return cmd
}

func runNew(g *globalOptions, o *newOptions, args []string) error {
	r, err := newRequest(g, o, args)
	if err != nil {
		return err
	}
	p, ws, err := g.loadFor(nil, workspace.Options{Slim: true}, false)
	if err != nil {
		return err
	}
	if err := completeRequest(g, o, ws, p, r, len(args) < 2); err != nil {
		return err
	}
	draft, err := scaffold.New(p, ws, r)
	if draft != nil && draft.Notice != "" {
		fmt.Fprintf(g.streams.ErrOut, "persona: %s\n", draft.Notice)
	}
	if err != nil {
		return usageError(err)
	}
	if o.dryRun {
		_, err := g.streams.Out.Write(draft.Content)
		return err
	}
	if err := scaffold.Write(p, r, draft); err != nil {
		return usageError(err)
	}
	if _, err := fmt.Fprintf(g.streams.Out, "created %s\n", p.Show(r.Target)); err != nil {
		return err
	}
	if n := bytes.Count(draft.Content, []byte("TODO")); n > 0 {
		_, err = fmt.Fprintf(g.streams.Out, "next: replace its %s with what you learned; persona lint shows each one\n", words.Plural(n, "TODO placeholder"))
	}
	return err
}

// completeRequest asks for what the arguments left out (the guided mode,
// in a terminal) and says where the file goes.
func completeRequest(g *globalOptions, o *newOptions, ws *workspace.Workspace, p *project, r *scaffold.Request, guided bool) error {
	if guided {
		if r.Kind != model.KindPersona || !g.streams.InIsTTY || !g.streams.OutIsTTY {
			return usageErrorf("persona new %s needs an ID (the guided mode runs only for personas, in a terminal)", r.Kind)
		}
		if err := guidedPersona(g, ws, &r.Data); err != nil {
			return err
		}
	}
	if o.output != "" {
		var err error
		r.Target, err = g.abs(o.output)
		return err
	}
	r.Target = filepath.Join(p.Loc.Root, scaffold.DefaultDir(r.Kind), r.Data.ID+".md")
	return nil
}

// newRequest reads persona new's arguments and flags.
func newRequest(g *globalOptions, o *newOptions, args []string) (*scaffold.Request, error) {
	kind := model.Kind(args[0])
	if kind != model.KindICP && kind != model.KindPersona && kind != model.KindInterview {
		return nil, usageErrorf("unknown kind %q%s", args[0], suggest.DidYouMeanOr(args[0],
			[]string{"icp", "persona", "interview"}, "; use icp, persona or interview"))
	}
	set := map[string]string{}
	for _, kv := range o.set {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return nil, usageErrorf("--set %q must be key=value", kv)
		}
		set[strings.TrimSpace(k)] = v
	}
	today, err := parseToday(o.today, g.now())
	if err != nil {
		return nil, err
	}
	if o.icp != "" && kind == model.KindICP {
		return nil, usageErrorf("--icp applies to personas and interviews, not to an ICP")
	}
	r := &scaffold.Request{Kind: kind, Template: o.template, SetOrder: o.set, Force: o.force,
		Data: scaffold.Data{Kind: string(kind), ICP: o.icp, Name: o.name, Date: today.Format("2006-01-02"), Set: set}}
	if len(args) == 2 {
		r.Data.ID = args[1]
		if kind == model.KindInterview && o.today == "" {
			// 2026-11-20-plant-manager-stuttgart happened on 2026-11-20.
			if d, ok := dateFromID(r.Data.ID); ok {
				r.Data.Date = d
			}
		}
	}
	return r, nil
}

// dateFromID reads the date an interview id starts with (YYYY-MM-DD-…).
func dateFromID(id string) (string, bool) {
	if len(id) < 10 || len(id) > 10 && id[10] != '-' {
		return "", false
	}
	if _, err := time.Parse("2006-01-02", id[:10]); err != nil {
		return "", false
	}
	return id[:10], true
}
