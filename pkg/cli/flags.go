package cli

import (
	"errors"
	"slices"
	"strings"

	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/suggest"
	"github.com/personakit/persona/pkg/workspace"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// choice is a string flag limited to a fixed set of values: parsing refuses
// any other with one message shape (and a suggestion), and shell
// completion offers the set, so bash and fish stop offering file names.
// An empty default means "not given" and is accepted.
type choice struct {
	name    string
	value   *string
	allowed []string
}

func (c *choice) String() string { return *c.value }
func (c *choice) Type() string   { return "string" }

func (c *choice) Set(s string) error {
	if !slices.Contains(c.allowed, s) {
		return usageErrorf("--%s %q is not one of %s%s", c.name, s, strings.Join(c.allowed, ", "),
			suggest.DidYouMean(s, c.allowed))
	}
	*c.value = s
	return nil
}

// choiceVar defines a choice flag on cmd with default def.
func choiceVar(cmd *cobra.Command, p *string, name, def, usage string, allowed ...string) {
	*p = def
	cmd.Flags().Var(&choice{name: name, value: p, allowed: allowed}, name, usage)
	completeWith(cmd, name, func() []string { return allowed })
}

// completeWith registers a completion of flag name on cmd from values,
// computed when the shell asks (ids come from the workspace then).
func completeWith(cmd *cobra.Command, name string, values func() []string) {
	// Registering fails only for an unknown or twice-registered flag;
	// TestCompletion asks every flag for its values, so it would show.
	_ = cmd.RegisterFlagCompletionFunc(name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values(), cobra.ShellCompDirectiveNoFileComp
	})
}

// flagError turns pflag's "invalid argument ... for ... flag: cause" into
// the cause when it is ours, which already names the flag.
func flagError(c *cobra.Command, err error) error {
	var invalid *pflag.InvalidValueError
	var ours *exitError
	if errors.As(err, &invalid) && errors.As(err, &ours) {
		return ours
	}
	return usageErrorf("%v; run '%s --help' for its flags", err, c.CommandPath())
}

// idsOf lists the ids of one kind in the workspace of the current directory
// (after --chdir), for completion; nothing when it cannot be loaded.
func (g *globalOptions) idsOf(kind model.Kind) func() []string {
	return func() []string {
		_, ws, err := g.loadFor(nil, workspace.Options{Slim: true}, false)
		if err != nil {
			return nil
		}
		return ws.IDs(kind)
	}
}
