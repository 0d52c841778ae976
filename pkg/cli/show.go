package cli

import (
	"fmt"
	"strings"

	"github.com/personakit/persona/pkg/canonical"
	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/suggest"
	"github.com/personakit/persona/pkg/textsafe"
	"github.com/personakit/persona/pkg/words"
	"github.com/personakit/persona/pkg/workspace"
	"github.com/spf13/cobra"
)

type showOptions struct {
	kind      string
	canonical bool
}

func newShowCmd(g *globalOptions) *cobra.Command {
	o := &showOptions{}
	cmd := &cobra.Command{
		Use:   "show ID | --canonical PATH",
		Short: "Show one entity with its resolved relations",
		Long: `Show an entity and what it is connected to: an ICP's personas and the
interviews that name it; a persona's ICP and its sources, each resolved (or
marked missing); an interview's ICP and the personas that cite it. When ICPs,
personas or interviews share the ID, --kind chooses.

--canonical PATH prints a file in a stable, diff-friendly form instead: front
matter keys in a fixed order, block style, LF line endings. As a git textconv
driver it makes git diff and git log -p readable (see the README).`,
		Args: cobra.ExactArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 || o.canonical {
				return nil, cobra.ShellCompDirectiveDefault // --canonical takes a file
			}
			var ids []string
			for _, k := range model.Kinds {
				if o.kind == "" || o.kind == string(k) {
					ids = append(ids, g.idsOf(k)()...)
				}
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error { return runShow(g, o, args) },
	}
	choiceVar(cmd, &o.kind, "kind", "", "the `KIND` of the entity: icp, persona or interview", "icp", "persona", "interview")
	cmd.Flags().BoolVar(&o.canonical, "canonical", false, "print the file at PATH in a stable, diff-friendly form")
	return cmd
}

func runShow(g *globalOptions, o *showOptions, args []string) error {
	if o.canonical {
		path, err := g.abs(args[0])
		if err != nil {
			return err
		}
		// A git textconv driver is handed any path: read only a regular
		// file, and only as much as lint would.
		src, _, err := fileio.ReadRegular(path, workspace.MaxFileSize)
		if err != nil {
			return usageErrorf("%s: %v", args[0], fileio.Describe(err))
		}
		_, err = g.streams.Out.Write(canonical.Rewrite(src))
		return err
	}
	p, ws, err := g.loadFor(nil, workspace.Options{}, false)
	if err != nil {
		return err
	}
	var found []*model.Document
	var all []string
	for _, k := range model.Kinds {
		if o.kind != "" && string(k) != o.kind {
			continue
		}
		if d := ws.Lookup(k, args[0]); d != nil {
			found = append(found, d)
		}
		all = append(all, ws.IDs(k)...)
	}
	switch {
	case len(found) == 0:
		return usageErrorf("no entity has the id %q%s", args[0], suggest.DidYouMeanOr(args[0], all, "; persona list shows them all"))
	case len(found) > 1:
		var kinds []string
		for _, d := range found {
			kinds = append(kinds, string(d.Kind))
		}
		return usageErrorf("%q is the id of a %s; choose one with --kind", args[0], strings.Join(kinds, " and a "))
	}
	_, err = fmt.Fprint(g.streams.Out, describe(ws, p, found[0]))
	return err
}

// description is an entity and its relations as indented text.
type description struct {
	b  strings.Builder
	ws *workspace.Workspace
	p  *project
}

// line adds a line. Ids, names and paths are user text: no newline or
// escape code of theirs may reach the terminal or a CI log raw.
func (t *description) line(format string, args ...any) {
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = textsafe.Line(s)
		}
	}
	fmt.Fprintf(&t.b, format+"\n", args...)
}

// describe renders an entity and its relations as indented text.
func describe(ws *workspace.Workspace, p *project, d *model.Document) string {
	t := &description{ws: ws, p: p}
	t.line("%s  %s", d.Entity(), p.ShowRel(d.Path))
	t.line("status: %s", d.Status)
	if d.Reviewed.Valid {
		t.line("reviewed: %s", d.Reviewed.Time.Format("2006-01-02"))
	}
	if len(d.Owners) > 0 {
		t.line("owners: %s", joinStr(d.Owners))
	}
	switch d.Kind {
	case model.KindICP:
		t.icp(d)
	case model.KindPersona:
		t.persona(d)
	case model.KindInterview:
		t.interview(d)
	}
	return t.b.String()
}

func (t *description) icp(d *model.Document) {
	t.line("title: %s", d.ICP.Title.Value)
	personas := t.ws.PersonasOf(d.ID)
	t.line("personas: %d", len(personas))
	for _, pd := range personas {
		t.line("  - %s  %s  (%s, %s)", pd.ID, pd.Persona.Name.Value, pd.Status, orDefault(pd.Persona.Type.Value, "primary"))
	}
	var ivs []string
	for _, iv := range t.ws.Entities(model.KindInterview) {
		if iv.Interview.ICP.Value == d.ID {
			ivs = append(ivs, iv.ID)
		}
	}
	t.line("interviews naming it: %d", len(ivs))
	for _, id := range ivs {
		t.line("  - %s", id)
	}
}

func (t *description) persona(d *model.Document) {
	pe := d.Persona
	t.line("name: %s", pe.Name.Value)
	t.line("type: %s", orDefault(pe.Type.Value, "primary"))
	if icp := t.ws.Lookup(model.KindICP, pe.ICP.Value); icp != nil {
		t.line("icp: %s  %s  (%s)", icp.ID, icp.ICP.Title.Value, t.p.ShowRel(icp.Path))
	} else if pe.ICP.Value != "" {
		t.line("icp: %s  (missing)", pe.ICP.Value)
	} else {
		t.line("icp: none")
	}
	if pe.Role.Title.Value != "" {
		t.line("role: %s", pe.Role.Title.Value)
	}
	if pe.Share != nil {
		t.line("share: %g", *pe.Share)
	}
	if supported, claims := t.ws.EvidenceCoverage(d); claims > 0 {
		t.line("evidence coverage: evidence for %d of %s", supported, words.Plural(claims, "claim"))
	}
	// Every reference counts, claims' evidence and quotes' sources as
	// much as sources: (SPEC §9), each value once.
	refs := pe.DistinctReferences()
	t.line("sources: %d", len(refs))
	for _, s := range refs {
		t.source(d, s.Value)
	}
}

// source is one reference of the persona d and what it resolves to.
func (t *description) source(d *model.Document, ref string) {
	res := t.ws.ResolveSource(d, ref)
	switch res.Status {
	case workspace.SourceFound:
		date := ""
		if res.Doc.Interview.Date.Valid {
			date = "  " + res.Doc.Interview.Date.Time.Format("2006-01-02")
		}
		t.line("  - %s  → %s  (%s)%s", ref, res.Doc.ID, t.p.ShowRel(res.Doc.Path), date)
	case workspace.SourceNotInterview:
		t.line("  - %s  (not an interview)", ref)
	case workspace.SourceOutside:
		t.line("  - %s  (outside the workspace)", ref)
	default:
		t.line("  - %s  (missing)", ref)
	}
}

func (t *description) interview(d *model.Document) {
	iv := d.Interview
	if iv.Date.Valid {
		t.line("date: %s", iv.Date.Time.Format("2006-01-02"))
	}
	if iv.ICP.Value != "" {
		t.line("icp: %s", iv.ICP.Value)
	}
	if iv.Interviewee.Role.Value != "" {
		t.line("interviewee: %s", iv.Interviewee.Role.Value)
	}
	t.line("consent: %v", iv.Consent != nil && *iv.Consent)
	var citing []string
	for _, pd := range t.ws.CitedBy(d) {
		citing = append(citing, pd.ID)
	}
	t.line("cited by: %d", len(citing))
	for _, id := range citing {
		t.line("  - %s", id)
	}
}

func joinStr(items []model.Str) string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Value
	}
	return strings.Join(out, ", ")
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
