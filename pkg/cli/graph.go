package cli

import (
	"fmt"
	"strings"

	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/textsafe"
	"github.com/personakit/persona/pkg/workspace"
	"github.com/spf13/cobra"
)

type graphOptions struct {
	format string
	icp    string
}

func newGraphCmd(g *globalOptions) *cobra.Command {
	o := &graphOptions{}
	cmd := &cobra.Command{
		Use:   "graph [PATH]",
		Short: "Draw the ICP → persona → interview graph as Mermaid or Graphviz DOT",
		Example: `  persona graph > graph.mmd
  persona graph --format dot --icp mid-market-saas | dot -Tsvg > graph.svg`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error { return runGraph(g, o, args) },
	}
	choiceVar(cmd, &o.format, "format", "mermaid", "`FORMAT`: mermaid or dot", "mermaid", "dot")
	cmd.Flags().StringVar(&o.icp, "icp", "", "only this ICP, its personas and their interviews")
	completeWith(cmd, "icp", g.idsOf(model.KindICP))
	return cmd
}

func runGraph(g *globalOptions, o *graphOptions, args []string) error {
	_, ws, err := g.loadFor(args, workspace.Options{Slim: true}, false)
	if err != nil {
		return err
	}
	if err := requireICP(ws, o.icp); err != nil {
		return err
	}
	nodes, edges := graphOf(ws, o.icp)
	var out string
	if o.format == "dot" {
		out = dotGraph(nodes, edges)
	} else {
		out = mermaidGraph(nodes, edges)
	}
	_, err = fmt.Fprint(g.streams.Out, out)
	return err
}

type graphNode struct {
	key   string // kind/id, unique
	kind  model.Kind
	label string
}

type graphEdge struct{ from, to string }

// graphOf collects nodes in kind order (ICPs, personas, interviews) and
// edges ICP → persona → cited interview; focus limits it to one ICP.
func graphOf(ws *workspace.Workspace, focus string) ([]graphNode, []graphEdge) {
	var nodes []graphNode
	var edges []graphEdge
	seen := map[string]bool{}
	add := func(d *model.Document, label string) {
		if !seen[d.Entity()] {
			seen[d.Entity()] = true
			nodes = append(nodes, graphNode{key: d.Entity(), kind: d.Kind, label: label})
		}
	}
	for _, d := range ws.Entities(model.KindICP) {
		if focus == "" || d.ID == focus {
			add(d, orDefault(d.ICP.Title.Value, d.ID))
		}
	}
	var interviews []*model.Document
	for _, d := range ws.Entities(model.KindPersona) {
		icp := ws.Lookup(model.KindICP, d.Persona.ICP.Value)
		if focus != "" && (icp == nil || icp.ID != focus) {
			continue
		}
		add(d, orDefault(d.Persona.Name.Value, d.ID))
		if icp != nil {
			edges = append(edges, graphEdge{icp.Entity(), d.Entity()})
		}
		for _, iv := range ws.Cites(d) {
			interviews = append(interviews, iv)
			edges = append(edges, graphEdge{d.Entity(), iv.Entity()})
		}
	}
	for _, d := range ws.Entities(model.KindInterview) {
		if focus == "" {
			add(d, d.ID)
		}
	}
	for _, d := range interviews {
		add(d, d.ID)
	}
	return nodes, dedupe(edges)
}

func dedupe(edges []graphEdge) []graphEdge {
	seen := map[graphEdge]bool{}
	out := edges[:0]
	for _, e := range edges {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}

func mermaidGraph(nodes []graphNode, edges []graphEdge) string {
	var b strings.Builder
	b.WriteString("graph LR\n")
	// Node shapes tell the kinds apart: rectangle, stadium, parallelogram.
	brackets := map[model.Kind][2]string{
		model.KindICP: {"[", "]"}, model.KindPersona: {"([", "])"}, model.KindInterview: {"[/", "/]"},
	}
	ids := map[string]string{}
	for i, n := range nodes {
		id := fmt.Sprintf("n%d", i)
		ids[n.key] = id
		shape := brackets[n.kind]
		fmt.Fprintf(&b, "  %s%s\"%s\"%s\n", id, shape[0], mermaidText(string(n.kind)+": "+n.label), shape[1])
	}
	for _, e := range edges {
		fmt.Fprintf(&b, "  %s --> %s\n", ids[e.from], ids[e.to])
	}
	return b.String()
}

// mermaidText escapes a label for a quoted Mermaid node text.
func mermaidText(s string) string {
	return strings.NewReplacer(`"`, "#quot;", "\n", " ", "\r", " ", "<", "#lt;", ">", "#gt;").Replace(textsafe.KeepBreaks(s))
}

func dotGraph(nodes []graphNode, edges []graphEdge) string {
	var b strings.Builder
	b.WriteString("digraph persona {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n")
	shapes := map[model.Kind]string{model.KindICP: "box", model.KindPersona: "ellipse", model.KindInterview: "note"}
	for _, n := range nodes {
		fmt.Fprintf(&b, "  %s [label=%s, shape=%s];\n", dotQuote(n.key), dotQuote(string(n.kind)+": "+n.label), shapes[n.kind])
	}
	for _, e := range edges {
		fmt.Fprintf(&b, "  %s -> %s;\n", dotQuote(e.from), dotQuote(e.to))
	}
	b.WriteString("}\n")
	return b.String()
}

func dotQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "").Replace(textsafe.KeepBreaks(s)) + `"`
}
