// Package diff compares the entities of two versions of a workspace and
// says what a change means: entities added, removed, renamed or modified;
// per field, scalar changes, list items added or removed and mapping keys;
// per body section, what was edited; and the changes a reviewer must not
// miss (an ICP narrowed, a persona moved, evidence dropped).
package diff

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/personakit/persona/pkg/claims"
	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/mdguard"
	"github.com/personakit/persona/pkg/model"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
)

// Result is a whole diff; its JSON form is the json format.
type Result struct {
	Version int      `json:"version"`
	Base    string   `json:"base"`
	Head    string   `json:"head"`
	Changes []Change `json:"changes"`
	Lint    Lint     `json:"lint"`
	// LintChecked says whether Lint was computed (--lint).
	LintChecked bool `json:"lint_checked"`
}

// Lint holds the lint findings a change introduces and resolves.
type Lint struct {
	Introduced []finding.Finding `json:"introduced"`
	Resolved   []finding.Finding `json:"resolved"`
}

// Change is what happened to one entity.
type Change struct {
	Kind     string          `json:"kind"`
	ID       string          `json:"id"`
	Change   string          `json:"change"` // added, removed, modified, renamed
	Path     string          `json:"path"`
	OldPath  string          `json:"old_path"`
	Name     string          `json:"name"`
	Fields   []FieldChange   `json:"fields"`
	Sections []SectionChange `json:"sections"`
	Notable  []Notable       `json:"notable"`
}

// FieldChange is one change to a front matter value. Field is a dotted
// path ("role.title"); list items of mappings are addressed by their id or
// name ("stakeholders[cfo].title").
type FieldChange struct {
	Field  string
	Change string // added, removed, modified, reordered
	Old    any
	New    any
}

// MarshalJSON writes "old" for removed, modified and reordered changes and
// "new" for added, modified and reordered ones, even when the value is a
// zero or null (a share of 0 changed to 0.3 keeps its 0).
func (f FieldChange) MarshalJSON() ([]byte, error) {
	out := struct {
		Field  string `json:"field"`
		Change string `json:"change"`
		Old    *any   `json:"old,omitempty"`
		New    *any   `json:"new,omitempty"`
	}{Field: f.Field, Change: f.Change}
	if f.Change != "added" {
		out.Old = &f.Old
	}
	if f.Change != "removed" {
		out.New = &f.New
	}
	return json.Marshal(out)
}

// SectionChange is a body section added, removed or edited.
type SectionChange struct {
	Heading string `json:"heading"`
	Change  string `json:"change"`
}

// Notable is a change a reviewer must not miss.
type Notable struct {
	Type    string `json:"type"`
	Message string `json:"message"`
}

// Options shape a diff.
type Options struct {
	// Order reports list items that only moved.
	Order bool
	// Sections names the body headings whose list items are claims
	// (claims.DefaultSections merged with the config's); nil means the
	// built-in table.
	Sections claims.Sections
	// PersonasOf, when set, lists the ids of the personas in the head
	// revision whose icp is id: an ICP whose id changed is then flagged
	// with the personas it leaves behind. Loading the head revision is
	// paid only when an ICP's id changes.
	PersonasOf func(id string) []string
}

// Side is one version of a file: its workspace-relative path and content.
type Side struct {
	Path string
	Data []byte
}

// Pair is a file change as git reports it; a missing side has no Path.
type Pair struct {
	Old, New Side
	// Renamed says git paired the two paths by rename detection.
	Renamed bool
}

// entity is a parsed side.
type entity struct {
	path string
	doc  *model.Document
	fm   *yaml.Node // the front matter mapping, or nil
	body []byte
	// invalid says why the front matter could not be read ("" when it
	// could); such an entity is listed, never compared or expanded.
	invalid string
	fmText  []byte // the raw front matter of an invalid entity
}

func parse(s Side, sections claims.Sections) *entity {
	if s.Path == "" || s.Data == nil {
		return nil
	}
	doc, fm, b := frontmatter.DecodeTree(s.Path, s.Data)
	if doc == nil {
		return nil
	}
	if doc.Persona != nil {
		// Claims written in the body gain and lose evidence too.
		claims.Attach(doc.Persona, b.Body, b.BodyLine, sections)
	}
	if doc.Kind == "" {
		if len(doc.Problems) == 0 {
			return nil
		}
		kind := frontmatter.DeclaredKind(b.Text)
		if kind == "" {
			return nil // a typo'd kind or a TOML block: not one of ours in this revision
		}
		id := frontmatter.Stem(s.Path)
		p := doc.Problems[0]
		return &entity{path: s.Path, body: b.Body,
			doc:     &model.Document{Path: s.Path, Kind: kind, ID: id},
			invalid: fmt.Sprintf("line %d: %s", p.Pos.Line, p.Message), fmText: b.Text}
	}
	return &entity{path: s.Path, doc: doc, fm: fm, body: b.Body}
}

func key(e *entity) string { return string(e.doc.Kind) + "/" + e.doc.ID }

// Compute turns file pairs into entity changes, sorted by kind (ICPs,
// personas, interviews) and id.
func Compute(pairs []Pair, opts Options) []Change {
	if opts.Sections == nil {
		opts.Sections = claims.DefaultSections()
	}
	type match struct{ old, new *entity }
	var matched []match
	var removed, added []*entity
	for _, p := range pairs {
		o, n := parse(p.Old, opts.Sections), parse(p.New, opts.Sections)
		switch {
		case o != nil && n != nil && (p.Old.Path == p.New.Path || key(o) == key(n) ||
			(p.Renamed && o.doc.Kind == n.doc.Kind)):
			// A git rename keeps the entity even when its id, taken from
			// the file name, changes with it.
			matched = append(matched, match{o, n})
		default:
			if o != nil {
				removed = append(removed, o)
			}
			if n != nil {
				added = append(added, n)
			}
		}
	}
	// The same kind and id at a new path is a rename, whether or not git's
	// rename detection paired the files.
	byKey := map[string]*entity{}
	for _, o := range removed {
		byKey[key(o)] = o
	}
	var stillAdded []*entity
	for _, n := range added {
		if o, ok := byKey[key(n)]; ok {
			matched = append(matched, match{o, n})
			delete(byKey, key(n))
			continue
		}
		stillAdded = append(stillAdded, n)
	}
	out := []Change{}
	for _, n := range stillAdded {
		c := newChange(n, "added")
		c.Notable = notableAdded(n)
		out = append(out, c)
	}
	for _, o := range removed {
		if _, ok := byKey[key(o)]; !ok {
			continue
		}
		c := newChange(o, "removed")
		c.OldPath, c.Path = o.path, ""
		c.Notable = notableRemoved(o)
		out = append(out, c)
	}
	for _, m := range matched {
		c := newChange(m.new, "modified")
		if m.old.path != m.new.path {
			c.Change, c.OldPath = "renamed", m.old.path
		}
		if m.old.invalid == "" && m.new.invalid == "" {
			c.Fields = fieldChanges("", m.old.fm, m.new.fm, opts)
		}
		if m.old.doc.ID != m.new.doc.ID && m.old.doc.IDPos.Line == 0 && m.new.doc.IDPos.Line == 0 {
			// Both ids come from file names, so the front matter shows no
			// change; the rename did it.
			c.Fields = append([]FieldChange{{Field: "id", Change: "modified", Old: m.old.doc.ID, New: m.new.doc.ID}}, c.Fields...)
		}
		if c.Fields == nil {
			c.Fields = []FieldChange{}
		}
		c.Sections = sectionChanges(m.old.body, m.new.body)
		unchangedFM := bytes.Equal(m.old.fmText, m.new.fmText) // both invalid alike, or both valid
		if c.Change == "modified" && len(c.Fields) == 0 && len(c.Sections) == 0 && unchangedFM {
			continue // only formatting changed
		}
		c.Notable = notable(m.old, m.new, c.Fields, opts)
		out = append(out, c)
	}
	kindOrder := map[string]int{"icp": 0, "persona": 1, "interview": 2}
	slices.SortFunc(out, func(a, b Change) int {
		return cmp.Or(cmp.Compare(kindOrder[a.Kind], kindOrder[b.Kind]), strings.Compare(a.ID, b.ID),
			strings.Compare(a.Path+a.OldPath, b.Path+b.OldPath))
	})
	return out
}

func newChange(e *entity, change string) Change {
	name := ""
	switch {
	case e.doc.ICP != nil:
		name = e.doc.ICP.Title.Value
	case e.doc.Persona != nil:
		name = e.doc.Persona.Name.Value
	}
	return Change{Kind: string(e.doc.Kind), ID: e.doc.ID, Change: change, Path: e.path, Name: name,
		Fields: []FieldChange{}, Sections: []SectionChange{}, Notable: []Notable{}}
}

// maxNodes bounds how much of a YAML value is turned into a Go value or
// compared, so that alias bombs cost nothing.
const maxNodes = 10000

// value converts a YAML node into JSON-friendly Go values, typed by tag.
func value(n *yaml.Node) any {
	budget := maxNodes
	return valueWithin(n, &budget)
}

func valueWithin(n *yaml.Node, budget *int) any {
	*budget--
	if n == nil || *budget < 0 {
		return nil
	}
	switch n.Kind {
	case yaml.AliasNode:
		return valueWithin(n.Alias, budget)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[keyName(n.Content[i])] = valueWithin(n.Content[i+1], budget)
		}
		return m
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			out = append(out, valueWithin(c, budget))
		}
		return out
	case yaml.DocumentNode:
		if len(n.Content) == 1 {
			return valueWithin(n.Content[0], budget)
		}
		return nil
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	case "!!int":
		var i int64
		if n.Decode(&i) == nil {
			return i
		}
	case "!!float":
		var f float64
		if n.Decode(&f) == nil {
			return f
		}
	}
	return n.Value
}

// equal compares two values structurally.
func equal(a, b *yaml.Node) bool {
	x, _ := json.Marshal(value(a))
	y, _ := json.Marshal(value(b))
	return bytes.Equal(x, y)
}

func deref(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode {
		return n.Alias
	}
	return n
}

// keyName is the field a mapping key names: the key as written, but a
// null key, however it is written ("", "~", "null"), is "null", as the
// canonical form writes it (persona show --canonical changes no field).
func keyName(k *yaml.Node) string {
	if k.Kind == yaml.ScalarNode && k.ShortTag() == "!!null" {
		return "null"
	}
	return k.Value
}

func join(prefix, k string) string {
	if prefix == "" {
		return k
	}
	return prefix + "." + k
}

// fieldChanges compares two front matter values at path prefix.
func fieldChanges(prefix string, old, new *yaml.Node, opts Options) []FieldChange {
	old, new = deref(old), deref(new)
	var out []FieldChange
	switch {
	case old == nil && new == nil:
	case old == nil:
		out = append(out, FieldChange{Field: prefix, Change: "added", New: value(new)})
	case new == nil:
		out = append(out, FieldChange{Field: prefix, Change: "removed", Old: value(old)})
	case old.Kind == yaml.MappingNode && new.Kind == yaml.MappingNode:
		oldKeys := map[string]*yaml.Node{}
		var order []string
		for i := 0; i+1 < len(old.Content); i += 2 {
			k := keyName(old.Content[i])
			if _, dup := oldKeys[k]; !dup {
				order = append(order, k)
			}
			oldKeys[k] = old.Content[i+1]
		}
		newKeys := map[string]*yaml.Node{}
		for i := 0; i+1 < len(new.Content); i += 2 {
			k := keyName(new.Content[i])
			if _, seen := oldKeys[k]; !seen {
				if _, dup := newKeys[k]; !dup {
					order = append(order, k)
				}
			}
			newKeys[k] = new.Content[i+1]
		}
		for _, k := range order {
			o, n := oldKeys[k], newKeys[k]
			switch {
			case o == nil:
				out = append(out, expand(join(prefix, k), "added", n)...)
			case n == nil:
				out = append(out, expand(join(prefix, k), "removed", o)...)
			default:
				out = append(out, fieldChanges(join(prefix, k), o, n, opts)...)
			}
		}
	case old.Kind == yaml.SequenceNode && new.Kind == yaml.SequenceNode:
		out = append(out, listChanges(prefix, old, new, opts)...)
	case old.Kind == yaml.ScalarNode && new.Kind == yaml.ScalarNode:
		if !equal(old, new) {
			out = append(out, FieldChange{Field: prefix, Change: "modified", Old: value(old), New: value(new)})
		}
	default:
		if !equal(old, new) {
			out = append(out, FieldChange{Field: prefix, Change: "modified", Old: value(old), New: value(new)})
		}
	}
	return out
}

// expand reports a key added or removed whole: a list of scalars item by
// item (so that "frustrations +x" reads the same whether or not the key
// existed), anything else as one value.
func expand(field, change string, n *yaml.Node) []FieldChange {
	n = deref(n)
	if n.Kind == yaml.SequenceNode && len(n.Content) > 0 {
		// Scalars as values, claims and quotes as their labels.
		var out []FieldChange
		for _, item := range n.Content {
			var v any = value(item)
			if deref(item).Kind != yaml.ScalarNode {
				l, ok := claimLabel(item)
				if !ok {
					out = nil
					break
				}
				v = l
			}
			fc := FieldChange{Field: field, Change: change}
			if change == "added" {
				fc.New = v
			} else {
				fc.Old = v
			}
			out = append(out, fc)
		}
		if out != nil {
			return out
		}
	}
	if change == "added" {
		return []FieldChange{{Field: field, Change: change, New: value(n)}}
	}
	return []FieldChange{{Field: field, Change: change, Old: value(n)}}
}

func allScalars(n *yaml.Node) bool {
	for _, c := range n.Content {
		if deref(c).Kind != yaml.ScalarNode {
			return false
		}
	}
	return true
}

// listChanges compares lists: strings as sets (moves only with Order),
// mappings matched by their id or name, anything else as a whole.
func listChanges(field string, old, new *yaml.Node, opts Options) []FieldChange {
	if allScalars(old) && allScalars(new) {
		keys := func(n *yaml.Node) []string {
			out := make([]string, len(n.Content))
			for i, c := range n.Content {
				out[i] = deref(c).Value
			}
			return out
		}
		out := setChanges(field, keys(old), keys(new),
			func(i int) any { return value(old.Content[i]) }, func(i int) any { return value(new.Content[i]) })
		if len(out) == 0 && opts.Order && !equal(old, new) {
			out = append(out, FieldChange{Field: field, Change: "reordered", Old: value(old), New: value(new)})
		}
		return out
	}
	if ok, out := claimListChanges(field, old, new, opts); ok {
		return out
	}
	if ok, out := keyedListChanges(field, old, new, opts); ok {
		return out
	}
	if !equal(old, new) {
		return []FieldChange{{Field: field, Change: "modified", Old: value(old), New: value(new)}}
	}
	return nil
}

// setChanges is a multiset difference of two lists by their keys:
// duplicates count, order does not. The items removed come first, in old's
// order, shown by oldValue; then those added, in new's, by newValue.
func setChanges(field string, old, new []string, oldValue, newValue func(i int) any) []FieldChange {
	var out []FieldChange
	inNew := map[string]int{}
	for _, k := range new {
		inNew[k]++
	}
	for i, k := range old {
		if inNew[k] > 0 {
			inNew[k]--
		} else {
			out = append(out, FieldChange{Field: field, Change: "removed", Old: oldValue(i)})
		}
	}
	inOld := map[string]int{}
	for _, k := range old {
		inOld[k]++
	}
	for i, k := range new {
		if inOld[k] > 0 {
			inOld[k]--
		} else {
			out = append(out, FieldChange{Field: field, Change: "added", New: newValue(i)})
		}
	}
	return out
}

// claimListChanges compares lists of claims or quotes (texts, or
// mappings of a text and the interviews it cites) as sets of what a
// reviewer reads: each item's text with its evidence ids in brackets, so
// that an edited claim reads as one removed and one added, never as raw
// JSON (SPEC §7). It declines lists with any other kind of item.
func claimListChanges(field string, old, new *yaml.Node, opts Options) (bool, []FieldChange) {
	labels := func(n *yaml.Node) ([]string, bool) {
		out := make([]string, 0, len(n.Content))
		for _, c := range n.Content {
			l, ok := claimLabel(c)
			if !ok {
				return nil, false
			}
			out = append(out, l)
		}
		return out, true
	}
	ol, ok1 := labels(old)
	nl, ok2 := labels(new)
	if !ok1 || !ok2 {
		return false, nil
	}
	out := setChanges(field, ol, nl, func(i int) any { return ol[i] }, func(i int) any { return nl[i] })
	if len(out) == 0 && opts.Order && !slices.Equal(ol, nl) {
		out = append(out, FieldChange{Field: field, Change: "reordered", Old: ol, New: nl})
	}
	return true, out
}

// claimLabel is a claim or quote item as a reviewer reads it: its text,
// then the interviews it cites in brackets ("Close fast [cfo-1, cfo-2]").
// It declines a mapping with keys other than a claim's or a quote's.
func claimLabel(n *yaml.Node) (string, bool) {
	n = deref(n)
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Value, true
	case yaml.MappingNode:
	default:
		return "", false
	}
	text, hasText := "", false
	var refs []string
	ref := func(v *yaml.Node) bool {
		v = deref(v)
		switch {
		case v.Kind == yaml.ScalarNode:
			if v.Value != "" {
				refs = append(refs, v.Value)
			}
			return true
		case v.Kind == yaml.MappingNode:
			for i := 0; i+1 < len(v.Content); i += 2 {
				if v.Content[i].Value == "interview" && deref(v.Content[i+1]).Kind == yaml.ScalarNode {
					refs = append(refs, deref(v.Content[i+1]).Value)
				}
			}
			return true
		}
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, deref(n.Content[i+1])
		switch k {
		case "text":
			if v.Kind != yaml.ScalarNode {
				return "", false
			}
			text, hasText = v.Value, true
		case "evidence":
			items := []*yaml.Node{v}
			if v.Kind == yaml.SequenceNode {
				items = v.Content
			}
			for _, item := range items {
				if !ref(item) {
					return "", false
				}
			}
		case "source":
			if !ref(v) {
				return "", false
			}
		default:
			return "", false
		}
	}
	if !hasText {
		return "", false
	}
	if len(refs) > 0 {
		return text + " [" + strings.Join(refs, ", ") + "]", true
	}
	return text, true
}

// itemKey is the id (or name) of a mapping list item.
func itemKey(n *yaml.Node) string {
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		return ""
	}
	for _, k := range []string{"id", "name"} {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k && deref(n.Content[i+1]).Kind == yaml.ScalarNode {
				return deref(n.Content[i+1]).Value
			}
		}
	}
	return ""
}

func keyedListChanges(field string, old, new *yaml.Node, opts Options) (bool, []FieldChange) {
	oldItems, newItems := map[string]*yaml.Node{}, map[string]*yaml.Node{}
	var oldOrder, newOrder []string
	for _, c := range old.Content {
		k := itemKey(c)
		if k == "" || oldItems[k] != nil {
			return false, nil
		}
		oldItems[k] = c
		oldOrder = append(oldOrder, k)
	}
	for _, c := range new.Content {
		k := itemKey(c)
		if k == "" || newItems[k] != nil {
			return false, nil
		}
		newItems[k] = c
		newOrder = append(newOrder, k)
	}
	var out []FieldChange
	for _, k := range oldOrder {
		sub := field + "[" + k + "]"
		if n, ok := newItems[k]; ok {
			out = append(out, fieldChanges(sub, oldItems[k], n, opts)...)
		} else {
			out = append(out, FieldChange{Field: sub, Change: "removed", Old: value(oldItems[k])})
		}
	}
	for _, k := range newOrder {
		if _, ok := oldItems[k]; !ok {
			out = append(out, FieldChange{Field: field + "[" + k + "]", Change: "added", New: value(newItems[k])})
		}
	}
	if len(out) == 0 && opts.Order && !slices.Equal(oldOrder, newOrder) {
		out = append(out, FieldChange{Field: field, Change: "reordered", Old: oldOrder, New: newOrder})
	}
	return true, out
}

// section is a stretch of body under one heading.
type section struct {
	heading string
	text    []byte
}

// preamble names the part of a body before its first heading.
const preamble = "(before the first heading)"

// sections splits a Markdown body at its headings (any level; headings in
// code blocks do not count), keying repeated headings by occurrence.
func sections(body []byte) []section {
	if mdguard.Check(body) != nil {
		// Too complex to parse in bounded time: compared as one section.
		return []section{{preamble, bytes.TrimSpace(body)}}
	}
	doc := goldmark.DefaultParser().Parse(text.NewReader(body))
	type cut struct {
		start   int
		heading string
	}
	var cuts []cut
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Lines().Len() == 0 {
			continue
		}
		start := h.Lines().At(0).Start
		for start > 0 && body[start-1] != '\n' {
			start--
		}
		cuts = append(cuts, cut{start, strings.TrimSpace(string(h.Lines().Value(body)))})
	}
	var out []section
	first := len(body)
	if len(cuts) > 0 {
		first = cuts[0].start
	}
	if pre := bytes.TrimSpace(body[:first]); len(pre) > 0 {
		out = append(out, section{preamble, pre})
	}
	seen := map[string]int{}
	for i, c := range cuts {
		end := len(body)
		if i+1 < len(cuts) {
			end = cuts[i+1].start
		}
		name := c.heading
		seen[name]++
		if seen[name] > 1 {
			name += " (" + string(rune('0'+min(seen[name], 9))) + ")"
		}
		out = append(out, section{name, bytes.TrimSpace(body[c.start:end])})
	}
	return out
}

func sectionChanges(old, new []byte) []SectionChange {
	if bytes.Equal(bytes.TrimSpace(old), bytes.TrimSpace(new)) {
		return []SectionChange{}
	}
	o, n := sections(old), sections(new)
	oldByName := map[string][]byte{}
	for _, s := range o {
		oldByName[s.heading] = s.text
	}
	newByName := map[string]bool{}
	out := []SectionChange{}
	for _, s := range n {
		newByName[s.heading] = true
		prev, ok := oldByName[s.heading]
		switch {
		case !ok:
			out = append(out, SectionChange{s.heading, "added"})
		case !bytes.Equal(normalise(prev), normalise(s.text)):
			out = append(out, SectionChange{s.heading, "modified"})
		}
	}
	for _, s := range o {
		if !newByName[s.heading] {
			out = append(out, SectionChange{s.heading, "removed"})
		}
	}
	return out
}

// normalise ignores line-ending and trailing-blank differences.
func normalise(b []byte) []byte {
	lines := bytes.Split(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\n"))
	for i, l := range lines {
		lines[i] = bytes.TrimRight(l, " \t\r")
	}
	return bytes.Join(lines, []byte("\n"))
}

// LintDelta compares the findings of the base and head workspaces. A
// finding's identity is its rule, file and message, not its line, so that
// edits elsewhere in a file do not count; renamed files are followed.
func LintDelta(base, head []finding.Finding, renamed map[string]string) Lint {
	id := func(f finding.Finding, path string) string { return f.Rule + "\x00" + path + "\x00" + f.Message }
	baseCount := map[string]int{}
	for _, f := range base {
		p := f.Path
		if to, ok := renamed[p]; ok {
			p = to
		}
		baseCount[id(f, p)]++
	}
	headCount := map[string]int{}
	for _, f := range head {
		headCount[id(f, f.Path)]++
	}
	out := Lint{Introduced: []finding.Finding{}, Resolved: []finding.Finding{}}
	used := map[string]int{}
	for _, f := range head {
		k := id(f, f.Path)
		used[k]++
		if used[k] > baseCount[k] {
			out.Introduced = append(out.Introduced, f)
		}
	}
	used = map[string]int{}
	for _, f := range base {
		p := f.Path
		if to, ok := renamed[p]; ok {
			p = to
		}
		k := id(f, p)
		used[k]++
		if used[k] > headCount[k] {
			out.Resolved = append(out.Resolved, f)
		}
	}
	return out
}
