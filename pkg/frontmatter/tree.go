package frontmatter

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// AliasBudget is how many nodes alias expansion may add to a front matter
// block. Real files use an alias or two; an alias bomb (nested aliases that
// multiply) expands exponentially and is refused before anything walks it.
const AliasBudget = 10_000

// treeProblem is what is wrong with a parsed block as a whole, found in one
// walk that never follows an alias twice.
type treeProblem struct {
	node *yaml.Node
	msg  string
}

// checkTree walks the block once and reports the first of: an alias
// expansion beyond AliasBudget, a key repeated in a nested mapping, a YAML
// merge key (`<<`), which would silently mix one mapping into another.
func checkTree(root *yaml.Node) *treeProblem {
	w := treeWalk{expanded: map[*yaml.Node]int{}}
	literal := w.walk(root, false)
	if w.problem != nil {
		return w.problem
	}
	if w.aliases > 0 {
		if total := w.size(root); total > literal+AliasBudget {
			return &treeProblem{node: w.firstAlias, msg: fmt.Sprintf(
				"front matter aliases expand to more than %d values (an alias bomb); write the values out instead of nesting aliases", AliasBudget)}
		}
	}
	return nil
}

type treeWalk struct {
	expanded   map[*yaml.Node]int // expanded size of nodes reached through aliases
	aliases    int
	firstAlias *yaml.Node
	problem    *treeProblem
}

// walk visits the literal tree (aliases not followed) and returns its size.
func (w *treeWalk) walk(n *yaml.Node, nested bool) int {
	if n == nil || w.problem != nil {
		return 0
	}
	switch n.Kind {
	case yaml.AliasNode:
		if w.aliases == 0 {
			w.firstAlias = n
		}
		w.aliases++
		return 1
	case yaml.MappingNode:
		seen := make(map[string]*yaml.Node, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind == yaml.ScalarNode && (k.Tag == "!!merge" || k.Value == "<<" && k.Style == 0) {
				w.problem = &treeProblem{node: k, msg: "merge keys (<<) are not supported; write the keys out in this mapping"}
				return 0
			}
			if first, ok := seen[k.Value]; ok && nested {
				w.problem = &treeProblem{node: k, msg: fmt.Sprintf(
					"key %q is repeated in this mapping (first on line %d); keep one of them", k.Value, first.Line)}
				return 0
			}
			seen[k.Value] = k
		}
	}
	size := 1
	for _, c := range n.Content {
		size += w.walk(c, nested || n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode)
	}
	return size
}

// size is the node count with every alias expanded, memoised per node so
// that the computation itself stays linear; it saturates past the budget.
func (w *treeWalk) size(n *yaml.Node) int {
	const ceiling = 1 << 40
	if n == nil {
		return 0
	}
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return 1
		}
		n = n.Alias
	}
	if s, ok := w.expanded[n]; ok {
		return s
	}
	w.expanded[n] = ceiling // a cycle counts as unbounded
	s := 1
	for _, c := range n.Content {
		s = min(s+w.size(c), ceiling)
	}
	w.expanded[n] = s
	return s
}
