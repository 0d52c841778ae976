// Package canonical rewrites an entity file into a stable form for line
// diffs: what persona show --canonical prints for git textconv.
package canonical

import (
	"bytes"
	"sort"

	"github.com/personakit/persona/pkg/contract"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/textline"
	"github.com/personakit/persona/pkg/yamlkit"
	"go.yaml.in/yaml/v3"
)

// Rewrite rewrites a Markdown file into a stable form for line diffs
// (git textconv): front matter keys in a fixed order, every value in block
// style, two-space indentation, LF line endings. A file whose front matter
// is not a YAML mapping comes back with only its line endings normalised.
func Rewrite(src []byte) []byte {
	// Only a rewritten front matter drops the byte order mark (Split reads
	// past it); a file returned as it was keeps every byte but its line
	// endings, so that rewriting the output changes nothing: stripped
	// here, a second mark became the first and was stripped next time.
	src = textline.ToLF(src)
	b := frontmatter.Split(src)
	if b.Format != frontmatter.YAML || !b.Closed {
		return src
	}
	var root yaml.Node
	if err := yamlkit.UnmarshalNode(b.Text, &root); err != nil || len(root.Content) != 1 || root.Content[0].Kind != yaml.MappingNode {
		return src
	}
	m := root.Content[0]
	if _, aliased := blockStyle(m, maxNodes); !aliased {
		sortKeys(m)
	}
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

// sortKeys puts the keys of the mapping m in the contract's order, keys
// it does not know after them in alphabetical order.
func sortKeys(m *yaml.Node) {
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
}

// maxNodes bounds how many YAML nodes are restyled, so that alias bombs
// cost nothing.
const maxNodes = 10000

// blockStyle turns flow collections ({a: 1}, [a, b]) into block style and
// spells empty keys null, visiting at most budget nodes. It says whether
// it met an alias: keys are then left in their order, since an alias
// moved above its anchor would be an error.
func blockStyle(n *yaml.Node, budget int) (int, bool) {
	if n == nil {
		return budget, false
	}
	if budget <= 0 {
		return budget, true // not looked at: it may hold an alias
	}
	budget--
	aliased := n.Kind == yaml.AliasNode
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		n.Style &^= yaml.FlowStyle
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			// An empty key is null; yaml.v3 writes it as '', a string.
			if k.Kind == yaml.ScalarNode && k.Value == "" && k.ShortTag() == "!!null" {
				k.Value = "null"
			}
			// A comment after the key of an empty collection ("a: #c" and
			// "{}" below) goes after the value, or above the key when the
			// value has a comment of its own ("{} #d"): yaml.v3 would
			// write the "{}" on the next line without indentation, which
			// is no longer that key's value.
			if empty := (v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode) && len(v.Content) == 0; empty && k.LineComment != "" {
				switch {
				case v.LineComment == "":
					v.LineComment = k.LineComment
				case k.HeadComment == "":
					k.HeadComment = k.LineComment
				default:
					k.HeadComment += "\n" + k.LineComment
				}
				k.LineComment = ""
			}
		}
	}
	for _, c := range n.Content {
		var a bool
		budget, a = blockStyle(c, budget)
		aliased = aliased || a
	}
	return budget, aliased
}
