package cli

import (
	"bytes"

	"github.com/personakit/persona/pkg/diff"
	"github.com/personakit/persona/pkg/workspace"
	"github.com/spf13/cobra"
)

type diffOptions struct {
	format   string
	lint     bool
	order    bool
	exitCode bool
	output   string
	today    string
}

func newDiffCmd(g *globalOptions) *cobra.Command {
	o := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff [BASE [HEAD]]",
		Short: "Show what a change means for the ICPs, personas and interviews",
		Long: `Compare the entities of two git revisions: BASE defaults to the merge base of
HEAD and the default branch (origin/HEAD, else main, else master), HEAD to the
working tree (untracked files included). Only files git reports as changed are
read; renames are followed, by git's rename detection and by kind and id.

Per entity: added, removed, modified or renamed; per field, scalar changes,
list items added and removed (order changes only with --order) and mapping
keys; per body section (Markdown heading), what was edited. Changes a
reviewer must not miss are called out: an ICP narrowed or widened, a persona
moved to another ICP, evidence removed, a share changed, an entity retired.
--lint adds the lint findings the change introduces and resolves.`,
		Example: `  persona diff
  persona diff origin/main --format markdown --lint > comment.md
  persona diff v1.0 v1.1 --format json`,
		Args: cobra.MaximumNArgs(2),
		RunE: func(_ *cobra.Command, args []string) error { return runDiff(g, o, args) },
	}
	f := cmd.Flags()
	choiceVar(cmd, &o.format, "format", "text", "`FORMAT`: text, markdown or json", "text", "markdown", "json")
	f.BoolVar(&o.lint, "lint", false, "add the lint findings introduced and resolved (lints both sides)")
	f.BoolVar(&o.order, "order", false, "also report list items that only changed order")
	f.BoolVar(&o.exitCode, "exit-code", false, "exit 1 when entities changed, like git diff --exit-code")
	f.StringVarP(&o.output, "output", "o", "", "write to `FILE` instead of stdout")
	f.StringVar(&o.today, "today", "", "the `DATE` (YYYY-MM-DD) stale measures from, for --lint")
	return cmd
}

func runDiff(g *globalOptions, o *diffOptions, args []string) error {
	today, err := parseToday(o.today, g.now())
	if err != nil {
		return err
	}
	p, err := g.projectFor(nil, true)
	if err != nil {
		return err
	}
	co := diff.CompareOptions{Order: o.order, Lint: o.lint, Today: today,
		LoadWorktree: func(opts workspace.Options, forLint bool) (*workspace.Workspace, error) {
			return g.load(p, opts, forLint)
		}}
	if len(args) > 0 {
		co.Base = args[0]
	}
	if len(args) > 1 {
		co.Head = args[1]
	}
	result, err := diff.Compare(p, co)
	if err != nil {
		return usageError(err)
	}
	var buf bytes.Buffer
	switch o.format {
	case "json":
		err = diff.JSON(&buf, result)
	case "markdown":
		err = diff.Markdown(&buf, result)
	default:
		err = diff.Text(&buf, result, o.output == "" && g.color(g.streams.OutIsTTY))
	}
	if err != nil {
		return err
	}
	if err := g.writeOutput(p, o.output, buf.Bytes()); err != nil {
		return err
	}
	if o.exitCode && len(result.Changes) > 0 {
		return errFindings
	}
	return nil
}
