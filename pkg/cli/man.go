package cli

import (
	"fmt"
	"os"

	"github.com/personakit/persona/pkg/fileio"
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// newManCmd writes man pages for every command; release builds ship them.
func newManCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:    "man DIR",
		Short:  "Write man pages for every command into DIR",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := g.abs(args[0])
			if err != nil {
				return err
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return usageErrorf("cannot create %s: %v", args[0], fileio.Describe(err))
			}
			root := cmd.Root()
			root.DisableAutoGenTag = true
			header := &doc.GenManHeader{Title: "PERSONA", Section: "1", Source: "persona"}
			if err := doc.GenManTree(root, header, dir); err != nil {
				return usageErrorf("writing man pages: %v", err)
			}
			_, err = fmt.Fprintf(g.streams.Out, "man pages written to %s\n", args[0])
			return err
		},
	}
}
