package cli

import (
	"fmt"
	"strings"

	"github.com/personakit/persona/pkg/scaffold"
	"github.com/personakit/persona/pkg/words"
	"github.com/spf13/cobra"
)

type initOptions struct {
	force, noExamples bool
	today             string
}

func newInitCmd(g *globalOptions) *cobra.Command {
	o := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Create a persona workspace: config, folders, examples, templates and a CI workflow",
		Long: `Create .persona.yaml, icps/, personas/, interviews/ and templates/, one
example of each kind that lint clean together, the built-in templates to
customise, and .github/workflows/persona.yml. When DIR is a subdirectory of a
git repository, the workflow goes to the repository's .github/workflows/,
where GitHub runs it, and lints DIR.

A DIR holding anything but version-control or editor metadata (.git,
.gitignore, .vscode, ...) is refused unless --force is given; even then no
existing file is replaced: the ones kept are listed. --no-examples leaves out
the example entities, for a team that starts with its own.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error { return runInit(g, o, args) },
	}
	cmd.Flags().BoolVar(&o.force, "force", false, "add to a non-empty directory (existing files are kept)")
	cmd.Flags().BoolVar(&o.noExamples, "no-examples", false, "leave out the example ICP, persona and interview")
	cmd.Flags().StringVar(&o.today, "today", "", "the `DATE` (YYYY-MM-DD) the examples are reviewed on (default: today)")
	return cmd
}

func runInit(g *globalOptions, o *initOptions, args []string) error {
	target := "."
	if len(args) == 1 {
		target = args[0]
	}
	dir, err := g.abs(target)
	if err != nil {
		return err
	}
	day, err := parseToday(o.today, g.now())
	if err != nil {
		return err
	}
	show, err := g.display()
	if err != nil {
		return err
	}
	res, err := scaffold.Init(dir, scaffold.InitOptions{Today: day.Format("2006-01-02"), Examples: !o.noExamples, Force: o.force, Show: show})
	if err != nil {
		return usageError(err)
	}
	out := g.streams.Out
	fmt.Fprintf(out, "created %s in %s:\n  %s\n", words.Plural(len(res.Created), "file"), show(dir), strings.Join(res.Created, "\n  "))
	if len(res.Kept) > 0 {
		fmt.Fprintf(out, "kept %s unchanged:\n  %s\n", words.Plural(len(res.Kept), "existing file"), strings.Join(res.Kept, "\n  "))
	}
	_, err = fmt.Fprintf(out, "next: persona -C %s lint\n", show(dir))
	return err
}
