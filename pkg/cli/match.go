package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/personakit/persona/pkg/accounts"
	"github.com/personakit/persona/pkg/contract"
	"github.com/personakit/persona/pkg/match"
	"github.com/personakit/persona/pkg/matchout"
	"github.com/personakit/persona/pkg/matchsql"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/words"
	"github.com/personakit/persona/pkg/workspace"
	"github.com/spf13/cobra"
)

type matchOptions struct {
	format    string
	output    string
	columns   []string
	failUnder string
	by        string
	sql       string
	table     string
}

func newMatchCmd(g *globalOptions) *cobra.Command {
	o := &matchOptions{}
	cmd := &cobra.Command{
		Use:   "match [FILE...]",
		Short: "Check the ICPs against the customer base: which accounts fit which ICP, and why",
		Long: `Match accounts exported from a CRM or a warehouse against the workspace's ICPs.
FILEs are CSV (delimiter and encoding detected), JSON Lines (.jsonl, .ndjson),
Parquet, any of them gzip-compressed, or - for standard input; without FILE the
config's match.accounts are read. Columns are found by header (HubSpot and
Salesforce exports need no configuration); --column names the others.

text, markdown and json give the summary: per ICP the customers that fit, the
share of customers by count and by value against the declared customer_share,
the constraint that excludes the most, the customers in no ICP and the largest
of them, uncovered segments and data quality. csv and jsonl give one row per
account with its status and the reasons for every miss or unknown.

With --sql, print one query that gives the same statuses inside the warehouse,
for a table of any size.

Exit status: 0 when the output was written; 1 when --fail-under is given and
the share of customers that fit some ICP is below it; 2 for a usage error or
unreadable input.`,
		Example: `  persona match crm/hubspot-companies.csv
  persona match accounts.parquet --format markdown --fail-under 0.6
  persona match --format csv -o fit.csv
  persona match --column employees="Headcount (LinkedIn)" accounts.csv
  persona match --sql duckdb --table analytics.accounts`,
		RunE: func(_ *cobra.Command, args []string) error { return runMatch(g, o, args) },
	}
	f := cmd.Flags()
	choiceVar(cmd, &o.format, "format", "text", "`FORMAT`: "+strings.Join(matchout.Names(), ", "), matchout.Names()...)
	f.StringVarP(&o.output, "output", "o", "", "write to `FILE` instead of stdout")
	f.StringArrayVar(&o.columns, "column", nil, "read a field from this column, as `FIELD=HEADER`; repeatable; fields: "+strings.Join(accounts.FieldNames(), ", "))
	completeWith(cmd, "column", func() []string {
		out := make([]string, 0, accounts.FieldCount)
		for _, n := range accounts.FieldNames() {
			out = append(out, n+"=")
		}
		return out
	})
	f.StringVar(&o.failUnder, "fail-under", "", "exit 1 when the share of customers that fit some ICP is below `FRACTION` (0.6 or 60%)")
	choiceVar(cmd, &o.by, "by", "count", "what --fail-under measures: count or value (needs a value column)", "count", "value")
	choiceVar(cmd, &o.sql, "sql", "", "print a query for `DIALECT` instead of matching: "+strings.Join(matchsql.Dialects(), ", "), matchsql.Dialects()...)
	f.StringVar(&o.table, "table", "", "with --sql: the `TABLE` that holds the accounts")
	return cmd
}

func runMatch(g *globalOptions, o *matchOptions, args []string) error {
	columns, err := parseColumns(o.columns)
	if err != nil {
		return err
	}
	threshold, err := parseFraction(o.failUnder)
	if err != nil {
		return err
	}
	if (o.sql == "") != (o.table == "") {
		return usageErrorf("--sql and --table go together: --sql DIALECT --table NAME")
	}
	p, ws, err := g.loadFor(nil, workspace.Options{}, false)
	if err != nil {
		return err
	}
	// Matching keeps little and throws away much as it streams: Go's own
	// collector pace keeps its heap near that little (loading set 400).
	g.collectForReport()
	settings, err := matchSettings(p, columns)
	if err != nil {
		return err
	}
	icps := ws.Entities(model.KindICP)
	if o.sql != "" {
		if len(args) > 0 {
			return usageErrorf("--sql reads the table, not files; drop %s", strings.Join(args, " "))
		}
		query, err := matchsql.Compile(o.sql, o.table, columns, icps, settings)
		if err != nil {
			return usageError(err)
		}
		return g.writeOutput(p, o.output, []byte(query))
	}
	inputs, err := matchInputs(g, p, args)
	if err != nil {
		return err
	}
	summary, err := matchAccounts(g, p, o, match.Options{ICPs: icps, Settings: settings, Inputs: inputs, Columns: columns, Stdin: g.streams.In})
	if err != nil {
		return err
	}
	if threshold != nil {
		if covered := summary.Covered(o.by == "value"); covered < *threshold {
			return &exitError{code: ExitFindings, err: fmt.Errorf("%s of customers (by %s) fit some ICP, below --fail-under %s",
				words.Percent(covered), o.by, words.Percent(*threshold))}
		}
	}
	return nil
}

// matchSettings reads the config's match: section, adding its columns to
// those --column named (which win).
func matchSettings(p *project, columns map[accounts.Field]string) (*match.Settings, error) {
	configured, err := match.ColumnsOf(p.Config.Match.Columns)
	if err != nil {
		return nil, usageError(err)
	}
	for f, h := range configured {
		if columns[f] == "" {
			columns[f] = h
		}
	}
	settings, err := match.NewSettings(p.Config.Match)
	if err != nil {
		return nil, usageErrorf("%s: %v", p.Show(p.Loc.ConfigPath), err)
	}
	return settings, nil
}

// matchAccounts matches the accounts as they stream, writing the format's
// rows and summary, and returns the summary.
func matchAccounts(g *globalOptions, p *project, o *matchOptions, opts match.Options) (*match.Summary, error) {
	format, _ := matchout.Lookup(o.format)
	var summary *match.Summary
	render := func(w io.Writer) error {
		if format.Rows != nil {
			opts.Rows = format.Rows(w)
		}
		var err error
		if summary, err = match.Run(opts); err != nil {
			return err
		}
		if format.Summary != nil {
			return format.Summary(w, summary, matchout.Style{})
		}
		return nil
	}
	if err := g.writeStream(p, o.output, opts.Inputs, render); err != nil {
		return nil, matchError(err)
	}
	if format.Summary == nil {
		for _, n := range summary.Notes {
			fmt.Fprintf(g.streams.ErrOut, "persona: note: %s\n", n)
		}
	}
	return summary, nil
}

// matchError is an error reading the accounts: exit 2.
func matchError(err error) error { return usageError(match.Describe(err)) }

func parseColumns(specs []string) (map[accounts.Field]string, error) {
	out := map[accounts.Field]string{}
	for _, s := range specs {
		name, header, ok := strings.Cut(s, "=")
		f, known := accounts.ParseField(name)
		switch {
		case !ok || strings.TrimSpace(header) == "":
			return nil, usageErrorf("--column %q: write FIELD=HEADER, such as employees=\"Headcount (LinkedIn)\"", s)
		case !known:
			return nil, usageErrorf("--column %q: %q is not a field; the fields are %s", s, name, strings.Join(accounts.FieldNames(), ", "))
		}
		out[f] = header
	}
	return out, nil
}

// parseFraction reads --fail-under: a fraction in [0, 1] or a percentage.
func parseFraction(s string) (*float64, error) {
	if s == "" {
		return nil, nil
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	ok := err == nil && f >= 0 && f <= 1
	if strings.HasSuffix(strings.TrimSpace(s), "%") {
		f, ok = contract.ParsePercent(s)
	}
	if !ok {
		return nil, usageErrorf("--fail-under %q is not a fraction from 0 to 1 or a percentage such as 60%%", s)
	}
	return &f, nil
}

// matchInputs are the FILE arguments, or the config's match.accounts
// (relative to the config's directory).
func matchInputs(g *globalOptions, p *project, args []string) ([]match.Input, error) {
	var out []match.Input
	for _, a := range args {
		if a == "-" {
			out = append(out, match.Input{Name: "-", Path: "-"})
			continue
		}
		path, err := g.abs(a)
		if err != nil {
			return nil, err
		}
		out = append(out, match.Input{Name: g.shownArg(a), Path: path})
	}
	if len(args) > 0 {
		return out, nil
	}
	if len(p.Config.Match.Accounts) == 0 {
		return nil, usageErrorf("no account files: name them (persona match accounts.csv) or list them under match.accounts in %s", p.ConfigName())
	}
	return match.ConfiguredInputs(p.Config, p.ConfigDir(), p.Show), nil
}
