package cli

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/scaffold"
	"github.com/personakit/persona/pkg/slug"
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
	kind := model.Kind(args[0])
	if kind != model.KindICP && kind != model.KindPersona && kind != model.KindInterview {
		return usageErrorf("unknown kind %q%s", args[0], suggest.DidYouMeanOr(args[0],
			[]string{"icp", "persona", "interview"}, "; use icp, persona or interview"))
	}
	set := map[string]string{}
	for _, kv := range o.set {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return usageErrorf("--set %q must be key=value", kv)
		}
		set[strings.TrimSpace(k)] = v
	}
	today, err := parseToday(o.today, g.now())
	if err != nil {
		return err
	}
	if o.icp != "" && kind == model.KindICP {
		return usageErrorf("--icp applies to personas and interviews, not to an ICP")
	}
	p, ws, err := g.loadFor(nil, workspace.Options{Slim: true}, false)
	if err != nil {
		return err
	}
	data := scaffold.Data{Kind: string(kind), ICP: o.icp, Name: o.name, Date: today.Format("2006-01-02"), Set: set}
	if len(args) == 2 {
		data.ID = args[1]
		if kind == model.KindInterview && o.today == "" {
			// 2026-11-20-plant-manager-stuttgart happened on 2026-11-20.
			if d, ok := dateFromID(data.ID); ok {
				data.Date = d
			}
		}
	} else {
		if kind != model.KindPersona || !g.streams.InIsTTY || !g.streams.OutIsTTY {
			return usageErrorf("persona new %s needs an ID (the guided mode runs only for personas, in a terminal)", kind)
		}
		if err := guidedPersona(g, ws, &data); err != nil {
			return err
		}
	}
	target := filepath.Join(p.loc.Root, scaffold.DefaultDir(kind), data.ID+".md")
	if o.output != "" {
		if target, err = g.abs(o.output); err != nil {
			return err
		}
	}
	if err := checkNew(ws, p, kind, &data, o.force, target); err != nil {
		return err
	}
	tmpl, err := scaffold.Lookup(filepath.Join(p.loc.Root, p.cfg.Templates), kind, o.template, p.show)
	if err != nil {
		return usageError(err)
	}
	if tmpl.Skipped != "" {
		fmt.Fprintf(g.streams.ErrOut, "persona: %s does not exist; using %s\n", tmpl.Skipped, tmpl.Name)
	}
	if err := checkSetKeys(tmpl, set, o.set); err != nil {
		return err
	}
	content, err := scaffold.Render(tmpl, data)
	if err != nil {
		return usageError(err)
	}
	// A template must produce an entity of the kind asked for; catch a
	// broken team template before it lands in the repository.
	doc := frontmatter.Decode(filepath.Base(target), content)
	if doc != nil {
		for _, prob := range doc.Problems {
			if prob.Rule == frontmatter.RuleFrontmatterInvalid {
				return usageErrorf("%s produced invalid front matter (line %d of the output: %s)", tmpl.Name, prob.Pos.Line, prob.Message)
			}
			if prob.Rule == frontmatter.RuleFieldType {
				// A value the contract rejects, usually from --set
				// (share=abc): refuse it now rather than write a file
				// that fails lint.
				return usageErrorf("the new %s would be refused by lint: %s (line %d of the output of %s); fix the --set value", kind, prob.Message, prob.Pos.Line, tmpl.Name)
			}
		}
	}
	if doc == nil || doc.Kind != kind {
		return usageErrorf("%s did not produce a %s: its front matter must start with --- and set kind: %s", tmpl.Name, kind, kind)
	}
	if o.dryRun {
		_, err := g.streams.Out.Write(content)
		return err
	}
	dest := target
	if fileio.Within(p.loc.Root, target) {
		// A path in the workspace may still lead out of it through a
		// link; one given outside it (--output) is the user's to choose.
		if dest, err = p.confine(target); err != nil {
			return usageErrorf("will not write %s: %v; remove the link or choose another path", p.show(target), err)
		}
	}
	if err := fileio.Write(dest, content, o.force); err != nil {
		if errors.Is(err, fileio.ErrExists) {
			return usageErrorf("%s exists; pass --force to replace it", p.show(target))
		}
		return usageErrorf("cannot write %s: %v", p.show(target), describeFSError(err))
	}
	if _, err := fmt.Fprintf(g.streams.Out, "created %s\n", p.show(target)); err != nil {
		return err
	}
	if n := bytes.Count(content, []byte("TODO")); n > 0 {
		_, err = fmt.Fprintf(g.streams.Out, "next: replace its %s with what you learned; persona lint shows each one\n", words.Plural(n, "TODO placeholder"))
	}
	return err
}

// onlyICP is the ICP a new persona belongs to when --icp is not given: the
// workspace's only ICP. With none or several it says what to do, since a
// persona without an ICP fails lint at once.
func onlyICP(ws *workspace.Workspace) (string, error) {
	ids := ws.IDs(model.KindICP)
	switch len(ids) {
	case 1:
		return ids[0], nil
	case 0:
		return "", usageErrorf("a persona belongs to an ICP and this workspace has none; create one first with persona new icp ID")
	}
	const shown = 10
	list := ids
	if len(list) > shown {
		list = list[:shown]
	}
	more := ""
	if len(ids) > shown {
		more = fmt.Sprintf(" and %d more (persona list --kind icp)", len(ids)-shown)
	}
	return "", usageErrorf("say which ICP the persona belongs to with --icp: %s%s", strings.Join(list, ", "), more)
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

// checkSetKeys refuses --set keys the template never reads: they would be
// dropped without a word, usually because of a typo.
func checkSetKeys(tmpl scaffold.Template, set map[string]string, order []string) error {
	if len(set) == 0 {
		return nil
	}
	used, open, err := scaffold.SetKeys(tmpl)
	if err != nil {
		return usageError(err)
	}
	if open {
		return nil
	}
	known := make([]string, 0, len(used))
	for k := range used {
		known = append(known, k)
	}
	sort.Strings(known)
	for _, kv := range order {
		k, _, _ := strings.Cut(kv, "=")
		k = strings.TrimSpace(k)
		if used[k] {
			continue
		}
		if len(known) == 0 {
			return usageErrorf("--set %s: %s reads no --set keys", k, tmpl.Name)
		}
		return usageErrorf("--set %s: %s does not use it%s", k, tmpl.Name,
			suggest.DidYouMeanOr(k, known, "; it reads "+strings.Join(known, ", ")))
	}
	return nil
}

// checkNew validates the id, the name and the ICP of a new entity against
// the workspace.
//
// With force, the entity already at target is the one being replaced, so
// its id is not taken.
func checkNew(ws *workspace.Workspace, p *project, kind model.Kind, data *scaffold.Data, force bool, target string) error {
	if data.ID != slug.Make(data.ID) {
		return usageErrorf("id %q is not a slug (lowercase letters, digits and dashes); try %q", data.ID, slug.Make(data.ID))
	}
	if slug.ReservedOnWindows(data.ID) && filepath.Base(target) == data.ID+".md" {
		return usageErrorf("id %q would name the file %s.md, which Windows cannot check out; choose another id, such as %s-%s", data.ID, data.ID, data.ID, kind)
	}
	if existing := ws.Lookup(kind, data.ID); existing != nil &&
		!(force && filepath.Join(p.loc.Root, filepath.FromSlash(existing.Path)) == target) {
		return usageErrorf("%s id %q is already used by %s; choose another id", kind, data.ID, p.showRel(existing.Path))
	}
	if data.Name == "" {
		data.Name = scaffold.NameFromID(data.ID)
	}
	if kind == model.KindPersona && data.ICP == "" {
		icp, err := onlyICP(ws)
		if err != nil {
			return err
		}
		data.ICP = icp
	}
	if data.ICP != "" && ws.Lookup(model.KindICP, data.ICP) == nil {
		return usageErrorf("icp %q does not exist%s", data.ICP, suggest.DidYouMeanOr(data.ICP, ws.IDs(model.KindICP),
			"; create it first with persona new icp "+data.ICP))
	}
	return nil
}
