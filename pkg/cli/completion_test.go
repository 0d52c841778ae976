package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestCompletion asks the shell-completion entry point (what bash, zsh and
// fish scripts call) for each flag's values: allowed-value flags offer
// their values and no file names; id flags and show offer the workspace's
// ids.
func TestCompletion(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "examples", "acme-analytics")
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"lint --format", []string{"lint", "--format", ""}, []string{"codequality", "github", "json", "junit", "markdown", "rdjsonl", "sarif", "text"}},
		{"lint --fail-on", []string{"lint", "--fail-on", ""}, []string{"error", "warning", "info"}},
		{"diff --format", []string{"diff", "--format", ""}, []string{"text", "markdown", "json"}},
		{"report --format", []string{"report", "--format", ""}, []string{"markdown", "html", "json", "site"}},
		{"list --kind", []string{"list", "--kind", ""}, []string{"icp", "persona", "interview"}},
		{"list --status", []string{"list", "--status", ""}, []string{"draft", "proto", "active", "retired"}},
		{"list --format", []string{"list", "--format", ""}, []string{"table", "json", "csv"}},
		{"list --sort", []string{"list", "--sort", ""}, listColumns()},
		{"graph --format", []string{"graph", "--format", ""}, []string{"mermaid", "dot"}},
		{"rules --format", []string{"rules", "--format", ""}, []string{"text", "json"}},
		{"show --kind", []string{"show", "--kind", ""}, []string{"icp", "persona", "interview"}},
		{"new --icp", []string{"new", "persona", "x", "--icp", ""}, []string{"mid-market-saas"}},
		{"graph --icp", []string{"graph", "--icp", ""}, []string{"mid-market-saas"}},
		{"show ids of a kind", []string{"show", "--kind", "icp", ""}, []string{"mid-market-saas"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := run(t, dir, false, nil, append([]string{"__complete"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			lines := strings.Split(strings.TrimSpace(stdout), "\n")
			directive := lines[len(lines)-1]
			if directive != ":4" { // cobra.ShellCompDirectiveNoFileComp
				t.Errorf("directive %s, want :4 (no file names)", directive)
			}
			if got := strings.Join(lines[:len(lines)-1], ","); got != strings.Join(tt.want, ",") {
				t.Errorf("completions %s, want %s", got, strings.Join(tt.want, ","))
			}
		})
	}
	t.Run("show offers every id", func(t *testing.T) {
		stdout, _, _ := run(t, dir, false, nil, "__complete", "show", "")
		for _, id := range []string{"mid-market-saas", "finance-director-fiona"} {
			if !strings.Contains(stdout, id+"\n") {
				t.Errorf("show does not offer %s:\n%s", id, stdout)
			}
		}
	})
}

// TestHelpTextsStandAlone: help is all a user has at the terminal, so it
// never points at the contract's sections ("SPEC §10") and no flag's usage
// keeps a stray pair of backticks after its placeholder is taken out.
func TestHelpTextsStandAlone(t *testing.T) {
	g := &globalOptions{streams: IOStreams{Out: &strings.Builder{}, ErrOut: &strings.Builder{}, Getenv: func(string) string { return "" }}}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, text := range []string{c.Short, c.Long, c.Example} {
			if strings.Contains(text, "SPEC") || strings.Contains(text, "§") {
				t.Errorf("%s: help points at the contract: %q", c.CommandPath(), text)
			}
		}
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if _, usage := pflag.UnquoteUsage(f); strings.Contains(usage, "`") || strings.Contains(usage, "SPEC") {
				t.Errorf("%s --%s: usage %q", c.CommandPath(), f.Name, usage)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRootCmd(g))
}
