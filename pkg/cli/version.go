package cli

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Set at link time by the release build (-ldflags "-X ...").
var (
	version = ""
	commit  = ""
	date    = ""
)

// buildInfo returns version, commit and date, falling back to what the Go
// toolchain recorded for `go install` builds.
func buildInfo() (v, c, d string) {
	v, c, d = version, commit, date
	if info, ok := debug.ReadBuildInfo(); ok {
		if v == "" && info.Main.Version != "" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if c == "" {
					c = s.Value
				}
			case "vcs.time":
				if d == "" {
					d = s.Value
				}
			}
		}
	}
	if v == "" {
		v = "(devel)"
	}
	if c == "" {
		c = "unknown"
	}
	if d == "" {
		d = "unknown"
	}
	return v, c, d
}

// versionText is what persona version and persona --version print. It is
// also cobra's version template, so it must hold no template actions.
func versionText(v, c, d string) string {
	clean := strings.NewReplacer("{", "(", "}", ")")
	return clean.Replace(fmt.Sprintf("persona %s\ncommit: %s\nbuilt: %s\n", v, c, d))
}

func newVersionCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version, commit and build date",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := io.WriteString(g.streams.Out, versionText(buildInfo()))
			return err
		},
	}
}
