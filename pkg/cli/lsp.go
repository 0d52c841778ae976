package cli

import (
	"context"
	"errors"
	"time"

	"github.com/spf13/cobra"

	"github.com/personakit/persona/pkg/langserver"
)

func newLspCmd(g *globalOptions) *cobra.Command {
	var today string
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "Run the editor server (Language Server Protocol) on stdin and stdout",
		Long: `Run a Language Server Protocol server on stdin and stdout for any editor with
an LSP client: lint's diagnostics as you type, completion, hover, go to
definition, find references, fixes as code actions and document symbols.
Editors start it themselves; the README shows the setup for each.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := parseToday(today, g.now()); err != nil {
				return err
			}
			loaded := g.tuneServerGC()
			v, _, _ := buildInfo()
			err := langserver.Serve(context.Background(), langserver.Options{
				In:      g.streams.In,
				Out:     g.streams.Out,
				Log:     g.streams.ErrOut,
				Version: v,
				Loaded:  loaded,
				Today: func() time.Time {
					t, _ := parseToday(today, g.now())
					return t
				},
			})
			if errors.Is(err, langserver.ErrExitWithoutShutdown) {
				return &exitError{code: 1} // LSP: exit without shutdown exits 1
			}
			return err
		},
	}
	cmd.Flags().StringVar(&today, "today", "", "the `DATE` (YYYY-MM-DD) that stale measures from, instead of today")
	return cmd
}
