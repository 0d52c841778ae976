package diff

import (
	"bytes"
	"sort"

	"github.com/personakit/persona/pkg/contract"
	"github.com/personakit/persona/pkg/frontmatter"
	"go.yaml.in/yaml/v3"
)

// Canonical rewrites a Markdown file into a stable form for line diffs
// (git textconv): front matter keys in a fixed order, every value in block
// style, two-space indentation, LF line endings. A file whose front matter
// is not a YAML mapping comes back with only its line endings normalised.
func Canonical(src []byte) []byte {
	src = bytes.ReplaceAll(frontmatter.StripBOM(src), []byte("\r\n"), []byte("\n"))
	b := frontmatter.Split(src)
	if b.Format != frontmatter.YAML || !b.Closed {
		return src
	}
	var root yaml.Node
	if err := frontmatter.UnmarshalNode(b.Text, &root); err != nil || len(root.Content) != 1 || root.Content[0].Kind != yaml.MappingNode {
		return src
	}
	m := root.Content[0]
	rank := map[string]int{}
	for i, k := range contract.Order() {
		rank[k] = i
	}
	type pair struct{ k, v *yaml.Node }
	pairs := make([]pair, 0, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		pairs = append(pairs, pair{m.Content[i], m.Content[i+1]})
	}
	sort.SliceStable(pairs, func(i, j int) bool {
		ri, oki := rank[pairs[i].k.Value]
		rj, okj := rank[pairs[j].k.Value]
		switch {
		case oki && okj:
			return ri < rj
		case oki != okj:
			return oki
		}
		return pairs[i].k.Value < pairs[j].k.Value
	})
	m.Content = m.Content[:0]
	for _, p := range pairs {
		m.Content = append(m.Content, p.k, p.v)
	}
	blockStyle(m, maxNodes)
	var out bytes.Buffer
	out.WriteString("---\n")
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(m); err != nil {
		return src
	}
	_ = enc.Close()
	out.WriteString("---\n")
	out.Write(b.Body)
	return out.Bytes()
}

// blockStyle turns flow collections ({a: 1}, [a, b]) into block style,
// visiting at most budget nodes.
func blockStyle(n *yaml.Node, budget int) int {
	if budget <= 0 || n == nil {
		return budget
	}
	budget--
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		n.Style &^= yaml.FlowStyle
	}
	for _, c := range n.Content {
		budget = blockStyle(c, budget)
	}
	return budget
}
