package cli

import (
	"errors"
	"fmt"

	"github.com/personakit/persona/pkg/config"

	"github.com/spf13/cobra"
)

func newConfigCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Show or check the configuration in force",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "path [PATH]",
		Short: "Print the .persona.yaml in force for PATH (default: the current directory)",
		Long: `Print the path of the .persona.yaml that governs PATH. When no file does,
print nothing on stdout, say so on stderr and exit 0: built-in defaults apply.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			p, err := g.projectFor(args, false)
			if err != nil {
				return err
			}
			if p.Loc.ConfigPath == "" {
				fmt.Fprintf(g.streams.ErrOut, "persona: no .persona.yaml at or above %s; built-in defaults apply\n", p.Show(p.Loc.Root))
				return nil
			}
			_, err = fmt.Fprintln(g.streams.Out, p.Show(p.Loc.ConfigPath))
			return err
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:   "verify [PATH]",
		Short: "Check the .persona.yaml in force without linting",
		Long: `Check the configuration that governs PATH: its keys, rule ids, severities and
rule options. Exit 0 when it is valid; when it is not, every problem on its
own line as file:line:col: message, and exit 2.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			p, err := g.projectFor(args, true)
			var problems config.Problems
			if errors.As(err, &problems) && len(problems) > 1 {
				for _, pr := range problems {
					fmt.Fprintf(g.streams.ErrOut, "persona: %v\n", pr)
				}
				return usageErrorf("%s has %d problems", problems[0].Path, len(problems))
			}
			if err != nil {
				return err
			}
			if p.Loc.ConfigPath == "" {
				_, err = fmt.Fprintf(g.streams.Out, "no .persona.yaml at or above %s; built-in defaults apply\n", p.Show(p.Loc.Root))
				return err
			}
			_, err = fmt.Fprintf(g.streams.Out, "%s is valid\n", p.Show(p.Loc.ConfigPath))
			return err
		},
	})
	return cmd
}

// projectFor opens the project of the optional PATH argument; validate
// says whether config errors matter (path only locates the file).
func (g *globalOptions) projectFor(args []string, validate bool) (*project, error) {
	targets, err := g.targets(args)
	if err != nil {
		return nil, err
	}
	if validate {
		return g.openProject(targets[0])
	}
	return g.locateProject(targets[0])
}
