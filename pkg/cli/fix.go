package cli

import (
	"fmt"

	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/fixrun"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/lint/rules"
	"github.com/personakit/persona/pkg/output"
	"github.com/personakit/persona/pkg/words"
	"github.com/personakit/persona/pkg/workspace"
	"github.com/spf13/cobra"
)

type fixOptions struct {
	rules  []string
	dryRun bool
	diff   bool
	failOn string
	today  string
}

func newFixCmd(g *globalOptions) *cobra.Command {
	o := &fixOptions{}
	cmd := &cobra.Command{
		Use:   "fix [PATH...]",
		Short: "Apply the certain fixes of lint's findings",
		Long: `Apply every certain fix (README, "persona fix") of the findings in PATHs (files or
directories; the whole workspace by default), or those of the --rule ids: a
misspelt ICP, interview id, key or kind with exactly one candidate within two
edits. Each file is rewritten atomically and only where a fix applies; comments,
key order, quoting and line endings stay as they are. Then the workspace is
linted again and what is left is printed. Running fix twice changes nothing the
second time.

Exit status: 0 when no finding at or above --fail-on is left, 1 when one is, 2
for a usage error or a file that cannot be written.`,
		Example: `  persona fix
  persona fix --dry-run --diff
  persona fix personas/ --rule persona-unknown-icp`,
		RunE: func(cmd *cobra.Command, args []string) error { return runFix(g, o, args) },
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.rules, "rule", nil, "apply only the fixes of rule `ID`; repeatable")
	completeWith(cmd, "rule", func() []string {
		var ids []string
		for _, r := range rules.All() {
			ids = append(ids, r.ID())
		}
		return ids
	})
	f.BoolVar(&o.dryRun, "dry-run", false, "write nothing; say what would change")
	f.BoolVar(&o.diff, "diff", false, "print the unified diff of each changed file")
	choiceVar(cmd, &o.failOn, "fail-on", "error", "exit 1 when a finding left is at least this severe: error, warning or info", "error", "warning", "info")
	f.StringVar(&o.today, "today", "", "the `DATE` (YYYY-MM-DD) that stale measures from, instead of today")
	return cmd
}

func runFix(g *globalOptions, o *fixOptions, args []string) error {
	failOn, _ := lint.ParseSeverity(o.failOn)
	today, err := parseToday(o.today, g.now())
	if err != nil {
		return err
	}
	p, targets, err := g.projectOfTargets(args, "fix")
	if err != nil {
		return err
	}
	if err := fixrun.CheckRules(p, o.rules); err != nil {
		return usageError(err)
	}
	// Each pass is a lint: the same soft memory limit keeps a file of a
	// million bad values from holding five passes' garbage.
	g.limitMemory()
	ws, err := g.load(p, workspace.Options{Slim: true}, true)
	if err != nil {
		return err
	}
	out := g.streams.Out
	result, err := fixrun.Run(p, ws, fixrun.Options{Today: today, Targets: targets, Rules: o.rules,
		DryRun: o.dryRun, Diff: o.diff, Out: out, ErrOut: g.streams.ErrOut})
	if err != nil {
		return err
	}
	verb := "fixed"
	if o.dryRun {
		verb = "would fix"
	}
	if result.Fixed == 0 {
		fmt.Fprintln(out, "nothing to fix")
	} else {
		fmt.Fprintf(out, "%s %s in %s\n", verb, words.Plural(result.Fixed, "finding"), words.Plural(result.Files, "file"))
	}
	if len(result.Left) > 0 {
		fmt.Fprintln(out, "left:")
	}
	report := &output.Report{Findings: result.Left, Summary: output.Summarize(ws.Files(), ws.Counts(), result.Left), Rules: p.Runner.Rules(), FailOn: failOn}
	if err := output.Text(out, report, output.Style{Color: g.color(g.streams.OutIsTTY)}); err != nil {
		return err
	}
	if finding.Fails(result.Left, failOn) {
		return errFindings
	}
	return nil
}
