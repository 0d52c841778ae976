package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/output"
	"github.com/personakit/persona/pkg/textsafe"
	"github.com/personakit/persona/pkg/words"
	"github.com/spf13/cobra"
)

type ruleInfo struct {
	ID       string        `json:"id"`
	Default  string        `json:"default"`
	Severity string        `json:"severity"`
	Summary  string        `json:"summary"`
	Help     string        `json:"help"`
	Options  []lint.Option `json:"options"`
}

// rulesWidth is the width persona rules keeps its text within.
const rulesWidth = 80

type rulesOptions struct {
	format string
}

func newRulesCmd(g *globalOptions) *cobra.Command {
	o := &rulesOptions{}
	cmd := &cobra.Command{
		Use:   "rules [PATH]",
		Short: "List every lint rule with its default severity and rationale",
		Long: `List every lint rule: its id, default severity, the severity in force under
the .persona.yaml that governs PATH (default: the current directory), its
options with their defaults, when it fires and why it matters.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error { return runRules(g, o, args) },
	}
	choiceVar(cmd, &o.format, "format", "text", "output `FORMAT`: text or json", "text", "json")
	return cmd
}

func runRules(g *globalOptions, o *rulesOptions, args []string) error {
	p, err := g.projectFor(args, true)
	if err != nil {
		return err
	}
	var infos []ruleInfo
	for _, r := range p.Runner.Rules() {
		infos = append(infos, ruleInfo{
			ID: r.ID(), Default: r.DefaultSeverity().String(), Severity: p.Runner.Severity(r.ID()).String(),
			Summary: r.Summary(), Help: r.Help(), Options: []lint.Option{},
		})
		if c, ok := r.(lint.Configurable); ok {
			infos[len(infos)-1].Options = c.Options()
		}
	}
	if o.format == "json" {
		return output.WriteJSON(g.streams.Out, map[string]any{"version": 1, "rules": infos})
	}
	if _, err := io.WriteString(g.streams.Out, rulesText(infos)); err != nil {
		return err
	}
	_, err = fmt.Fprintln(g.streams.Out, "\n"+strings.TrimSpace(`
persona rules --format json adds each rule's rationale and what its options
mean.`))
	return err
}

// rulesText is a block per rule, within 80 columns: the id and severities
// in columns, then when it fires and its options, wrapped and indented.
func rulesText(infos []ruleInfo) string {
	table := [][]string{{"RULE", "DEFAULT", "IN FORCE"}}
	for _, r := range infos {
		table = append(table, []string{r.ID, r.Default, r.Severity})
	}
	rows := strings.Split(strings.TrimRight(textsafe.Columns(table, 2), "\n"), "\n")
	var b strings.Builder
	b.WriteString(rows[0] + "\n")
	for i, r := range infos {
		b.WriteString("\n" + rows[i+1] + "\n")
		// Summaries are Markdown for the README and SARIF; a terminal
		// shows `min` as min.
		for _, l := range words.Wrap(textsafe.Line(strings.ReplaceAll(r.Summary, "`", "")), rulesWidth-4) {
			b.WriteString("    " + l + "\n")
		}
		if len(r.Options) > 0 {
			opts := make([]string, 0, len(r.Options))
			for _, o := range r.Options {
				opts = append(opts, o.Name+"="+o.Default)
			}
			for _, l := range words.Wrap("options: "+strings.Join(opts, " "), rulesWidth-4) {
				b.WriteString("    " + textsafe.Line(l) + "\n")
			}
		}
	}
	return b.String()
}
