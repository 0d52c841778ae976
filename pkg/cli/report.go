package cli

import (
	"errors"
	"io"
	"net/url"
	"path/filepath"

	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/report"
	"github.com/personakit/persona/pkg/reporthtml"
	"github.com/personakit/persona/pkg/reportmd"
	"github.com/personakit/persona/pkg/workspace"
	"github.com/spf13/cobra"
)

type reportOptions struct {
	format   string
	output   string
	redact   bool
	today    string
	title    string
	icp      string
	status   string
	linkBase string
	force    bool
}

func newReportCmd(g *globalOptions) *cobra.Command {
	o := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report [PATH]",
		Short: "Summarise the workspace as Markdown, HTML or JSON",
		Long: `Summarise the workspace of PATH (default: the current directory): per ICP its
constraints, personas, share coverage and evidence matrix; per persona its role,
goals, frustrations, channels, evidence strength and staleness; the uncited
interviews; and the lint status.

html is one self-contained file (no scripts, no external requests) that reads
well on a phone and prints cleanly. --redact drops interviewee details and
quotes for sharing outside the team, and replaces quotations, e-mail
addresses, phone numbers and IBANs in bodies and lists.`,
		Example: `  persona report --format html -o persona-report.html
  persona report --format markdown > REPORT.md
  persona report --format json --redact`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error { return runReport(g, o, args) },
	}
	f := cmd.Flags()
	choiceVar(cmd, &o.format, "format", "markdown", "report `FORMAT`: markdown, html, json, or site (a directory of pages)", "markdown", "html", "json", "site")
	f.StringVarP(&o.output, "output", "o", "", "write the report to `FILE` instead of stdout (for site: the directory)")
	f.BoolVar(&o.force, "force", false, "site: replace a non-empty directory persona did not write")
	f.BoolVar(&o.redact, "redact", false, "drop interviewee details and quotes; replace quotations and personal data in bodies")
	f.StringVar(&o.today, "today", "", "the `DATE` (YYYY-MM-DD) staleness and evidence age are measured from")
	f.StringVar(&o.title, "title", "", "the report's title (default: from the workspace directory)")
	f.StringVar(&o.icp, "icp", "", "report only the ICP `ID`: its personas and interviews")
	completeWith(cmd, "icp", g.idsOf(model.KindICP))
	choiceVar(cmd, &o.status, "status", "", "report only ICPs and personas of `STATUS`: draft, proto, active or retired", "draft", "proto", "active", "retired")
	f.StringVar(&o.linkBase, "link-base", "", "link entity files as `URL`/PATH (such as https://github.com/ORG/REPO/blob/main/), so links work where the report is shared")
	return cmd
}

func runReport(g *globalOptions, o *reportOptions, args []string) error {
	render, ok := map[string]func(io.Writer, *report.Report) error{
		"markdown": reportmd.Markdown, "html": reporthtml.HTML, "json": report.JSON, "site": nil,
	}[o.format]
	if !ok {
		return usageErrorf("--format %q is not one of markdown, html, json, site", o.format)
	}
	if o.format == "site" && o.output == "" {
		return usageErrorf("--format site writes a directory of pages; name it with -o DIR")
	}
	today, err := parseToday(o.today, g.now())
	if err != nil {
		return err
	}
	link, err := reportLinks(g, o)
	if err != nil {
		return err
	}
	g.limitReportMemory()
	p, ws, err := g.loadFor(args, workspace.Options{KeepBodies: true}, true)
	if err != nil {
		return err
	}
	var siteCheck func() error
	if o.format == "site" {
		siteCheck = checkSiteTarget(g, p, o)
	}
	r, err := report.Generate(p, ws, report.GenerateOptions{Today: today, Redact: o.redact, ICP: o.icp, Status: o.status,
		Title: o.title, Link: func(rel string) string { return link(p, rel) },
		Prerender: func(ws *workspace.Workspace) report.Prerendered { return reporthtml.Prerender(ws, o.format) }})
	if err != nil {
		return usageError(err)
	}
	g.collectForReport()
	if o.format == "site" {
		if err := siteCheck(); err != nil {
			return err
		}
		return writeSite(g, o, r)
	}
	// Written as it is rendered: a report of ten thousand personas is
	// tens of megabytes, not worth holding twice.
	return g.writeStream(p, o.output, nil, func(w io.Writer) error {
		if err := render(w, r); err != nil {
			return usageErrorf("rendering the report: %v", err)
		}
		return nil
	})
}

// reportLinks is how the report links an entity file: under --link-base
// where the files are published, else relative to where the report is
// read from (the output file's directory, or the current one).
func reportLinks(g *globalOptions, o *reportOptions) (func(p *project, rel string) string, error) {
	if o.linkBase != "" {
		base, err := url.Parse(o.linkBase)
		if err != nil || !base.IsAbs() || base.Host == "" || base.Scheme != "http" && base.Scheme != "https" {
			return nil, usageErrorf("--link-base %q is not an http(s) URL; write it as https://HOST/PATH/", o.linkBase)
		}
		return func(_ *project, rel string) string { return base.JoinPath(rel).String() }, nil
	}
	from, err := g.dir()
	if err != nil {
		return nil, err
	}
	if o.output != "" {
		out, err := g.abs(o.output)
		if err != nil {
			return nil, err
		}
		from = filepath.Dir(out)
		if o.format == "site" {
			// Entity files are linked from the pages one level down.
			from = filepath.Join(out, "personas")
		}
	}
	return func(p *project, rel string) string {
		target := p.Abs(rel)
		if r, err := filepath.Rel(from, target); err == nil {
			return filepath.ToSlash(r)
		}
		return filepath.ToSlash(target)
	}, nil
}

// checkSiteTarget starts checking, while the report is built, that the
// -o directory is neither the workspace nor holds a file persona reads;
// what it returns waits for the answer. Looking through the 10,500 pages
// of an old site takes tens of milliseconds.
func checkSiteTarget(g *globalOptions, p *project, o *reportOptions) func() error {
	out, err := g.abs(o.output)
	if err != nil {
		return func() error { return err }
	}
	if fileio.Within(out, p.Loc.Root) {
		return func() error {
			return usageErrorf("refusing to write the site to %s: it holds the workspace; choose a directory outside it, such as site/", o.output)
		}
	}
	// What the directory holds is all that could be replaced: none of it
	// may be what persona reads (a config, a template, an entity or any
	// Markdown file of the workspace).
	found := make(chan string, 1)
	go func() {
		path, _ := p.InputUnder(out)
		found <- path
	}()
	return func() error {
		if path := <-found; path != "" {
			return usageErrorf("refusing to write the site to %s: it holds %s, which persona reads; choose another directory", o.output, p.Show(path))
		}
		return nil
	}
}

// writeSite writes the report as a site into the -o directory, whole or
// not at all, once checkSiteTarget has found it may.
func writeSite(g *globalOptions, o *reportOptions, r *report.Report) error {
	out, err := g.abs(o.output)
	if err != nil {
		return err
	}
	err = fileio.WriteDir(out, o.force, func(write func(string, []byte) error) error {
		return reporthtml.Site(r, func(f reporthtml.SiteFile) error { return write(f.Name, f.Data) })
	})
	switch {
	case errors.Is(err, fileio.ErrNotOurs):
		return usageErrorf("refusing to write the site to %s: %v; choose an empty directory, or add --force to replace it", o.output, err)
	case err != nil:
		return usageErrorf("cannot write the site to %s: %v", o.output, fileio.Describe(err))
	}
	return nil
}
