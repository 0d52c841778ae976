package yamlkit

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// AliasBudget is how many nodes alias expansion may add to a front matter
// block, and AliasTextBudget how many bytes of text. Real files use an
// alias or two; an alias bomb (nested aliases that multiply) expands
// exponentially, and a long quote aliased a thousand times makes a report
// a thousand times its file: both are refused before anything walks them.
const (
	AliasBudget     = 10_000
	AliasTextBudget = 1 << 20
)

// TreeProblem is what is wrong with a parsed block as a whole, found in one
// walk that never follows an alias twice.
type TreeProblem struct {
	Node    *yaml.Node
	Message string
}

// CheckTree walks the block's mapping once and reports the first of: a
// repeated key (at the top level first, then in nested mappings), a YAML
// merge key (`<<`), which would silently mix one mapping into another, and
// an alias expansion beyond AliasBudget. offset turns the block's lines into
// the file's, for the messages.
func CheckTree(m *yaml.Node, offset int) *TreeProblem {
	w := treeWalk{offset: offset, seen: map[string]*yaml.Node{}}
	literal := w.walk(m, true)
	if w.problem != nil {
		return w.problem
	}
	if w.firstAlias != nil {
		w.expanded = map[*yaml.Node]expansion{}
		switch total := w.size(m); {
		case total.nodes > literal.nodes+AliasBudget:
			return &TreeProblem{Node: w.firstAlias, Message: fmt.Sprintf(
				"front matter aliases expand to more than %d values (an alias bomb); write the values out instead of nesting aliases", AliasBudget)}
		case total.text > literal.text+AliasTextBudget:
			return &TreeProblem{Node: w.firstAlias, Message: fmt.Sprintf(
				"front matter aliases repeat more than %d MiB of text; write the values out instead of repeating long ones through aliases", AliasTextBudget>>20)}
		}
	}
	return nil
}

// expansion is the size of a tree: its nodes, and the bytes of its
// scalars' values.
type expansion struct{ nodes, text int }

type treeWalk struct {
	offset     int
	seen       map[string]*yaml.Node    // one mapping's keys; reused, as a mapping is checked before its children
	expanded   map[*yaml.Node]expansion // expanded size of nodes, only when there are aliases
	firstAlias *yaml.Node
	problem    *TreeProblem
}

// walk visits the literal tree (aliases not followed) and returns its size.
func (w *treeWalk) walk(n *yaml.Node, top bool) expansion {
	if n == nil || w.problem != nil {
		return expansion{}
	}
	switch n.Kind {
	case yaml.AliasNode:
		if w.firstAlias == nil {
			w.firstAlias = n
		}
		return expansion{nodes: 1}
	case yaml.MappingNode:
		if w.problem = w.checkMapping(n, top); w.problem != nil {
			return expansion{}
		}
	}
	size := expansion{nodes: 1, text: len(n.Value)}
	for _, c := range n.Content {
		s := w.walk(c, false)
		size.nodes, size.text = size.nodes+s.nodes, size.text+s.text
	}
	return size
}

// checkMapping reports a repeated key, then a merge key, in one mapping.
func (w *treeWalk) checkMapping(n *yaml.Node, top bool) *TreeProblem {
	// Small mappings, nearly all of them, are checked pairwise, which is
	// quicker than filling a map; large ones through the map, so that the
	// time stays linear.
	const small = 32 // a persona's own keys are twenty or so
	if len(n.Content) > 2*small {
		clear(w.seen)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		var first *yaml.Node
		if len(n.Content) <= 2*small {
			for j := 0; j < i && first == nil; j += 2 {
				if n.Content[j].Value == k.Value {
					first = n.Content[j]
				}
			}
		} else if first = w.seen[k.Value]; first == nil {
			w.seen[k.Value] = k
		}
		if first == nil {
			continue
		}
		where := ""
		if !top {
			where = " in this mapping"
		}
		return &TreeProblem{Node: k, Message: fmt.Sprintf(
			"key %q is repeated%s (first on line %d); keep one of them", k.Value, where, first.Line+w.offset)}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			return &TreeProblem{Node: k, Message: "merge keys (<<) are not supported; write the keys out in this mapping"}
		}
	}
	return nil
}

// size is the node count and text with every alias expanded, memoised per
// node so that the computation itself stays linear; each saturates past
// the budget.
func (w *treeWalk) size(n *yaml.Node) expansion {
	const ceiling = 1 << 40
	if n == nil {
		return expansion{}
	}
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return expansion{nodes: 1}
		}
		n = n.Alias
	}
	if s, ok := w.expanded[n]; ok {
		return s
	}
	w.expanded[n] = expansion{ceiling, ceiling} // a cycle counts as unbounded
	s := expansion{nodes: 1, text: len(n.Value)}
	for _, c := range n.Content {
		e := w.size(c)
		s = expansion{min(s.nodes+e.nodes, ceiling), min(s.text+e.text, ceiling)}
	}
	w.expanded[n] = s
	return s
}
