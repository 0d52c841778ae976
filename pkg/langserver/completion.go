package langserver

import (
	"regexp"
	"sort"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/personakit/persona/pkg/contract"
	"github.com/personakit/persona/pkg/model"
)

// maxCompletions bounds a completion list; the list says it is incomplete,
// so the editor asks again as more is typed.
const maxCompletions = 200

var (
	typingKey   = regexp.MustCompile(`^[ \t]*(?:- )*([A-Za-z0-9_-]*)$`)
	typingValue = regexp.MustCompile(`^[ \t]*(?:- )*([A-Za-z0-9_][A-Za-z0-9_.-]*)[ \t]*:[ \t]*(\[(?:[^\],\[]*,)*[ \t]*)?["']?([^\s,\[\]"']*)$`)
	typingItem  = regexp.MustCompile(`^[ \t]*- ([^:#]*)$`)
	typingCite  = regexp.MustCompile(`\[[^\]]*@([A-Za-z0-9_.-]*)$`)
)

func (s *server) completion(_ *glsp.Context, p *protocol.CompletionParams) (any, error) {
	list := &protocol.CompletionList{Items: []protocol.CompletionItem{}}
	b := s.buffers[p.TextDocument.URI]
	if b == nil {
		return list, nil
	}
	c := newCursor(b, p.Position)
	before := c.before()
	var items []candidate
	var typed string
	switch {
	case !c.inHead:
		if m := typingCite.FindStringSubmatch(before); m != nil {
			typed, items = m[1], s.entityIDs(b, model.KindInterview)
		}
	case typingValue.MatchString(before):
		m := typingValue.FindStringSubmatch(before)
		typed = m[3]
		items = s.valuesFor(b, c.kind, append(append([]string(nil), c.parents...), m[1]), m[2] != "")
	case typingItem.MatchString(before) && len(c.parents) > 0:
		typed = typingItem.FindStringSubmatch(before)[1]
		if strings.ContainsAny(typed, " \t") {
			return list, nil // past a word: nothing to complete
		}
		items = s.valuesFor(b, c.kind, c.parents, true)
		if len(items) == 0 || len(c.parents) >= 1 && contract.ItemKeys(c.kind, dotted(c.parents...)) != nil {
			items = append(items, keyCandidates(keysUnder(c.kind, c.parents))...)
		}
	case typingKey.MatchString(before):
		typed = typingKey.FindStringSubmatch(before)[1]
		present := map[string]bool{}
		if !strings.Contains(before, "- ") {
			present = c.siblingKeys(c.lastHead)
		}
		for _, k := range keyCandidates(keysUnder(c.kind, c.parents)) {
			if !present[k.label] {
				items = append(items, k)
			}
		}
	}
	start := protocol.Position{Line: protocol.UInteger(c.line), Character: protocol.UInteger(utf16Count(c.text[:c.at-len(typed)]))}
	end := protocol.Position{Line: protocol.UInteger(c.line), Character: protocol.UInteger(utf16Count(c.text[:c.at]))}
	seen := map[string]bool{}
	for _, it := range items {
		if !strings.HasPrefix(strings.ToLower(it.label), strings.ToLower(typed)) || seen[it.label] {
			continue
		}
		if len(list.Items) == maxCompletions {
			list.IsIncomplete = true
			break
		}
		seen[it.label] = true
		kind := it.kind
		item := protocol.CompletionItem{
			Label:    it.label,
			Kind:     &kind,
			TextEdit: protocol.TextEdit{Range: protocol.Range{Start: start, End: end}, NewText: it.insert},
		}
		if it.detail != "" {
			item.Detail = ptr(it.detail)
		}
		if it.doc != "" {
			item.Documentation = protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: it.doc}
		}
		list.Items = append(list.Items, item)
	}
	return list, nil
}

// candidate is one completion before it is placed.
type candidate struct {
	label, insert, detail, doc string
	kind                       protocol.CompletionItemKind
}

func keyCandidates(keys []contract.Key) []candidate {
	var out []candidate
	for _, k := range keys {
		if k.Site {
			continue // another tool's key: not persona's to suggest
		}
		out = append(out, candidate{label: k.Name, insert: k.Name + ": ", detail: string(k.Type), doc: k.Description, kind: protocol.CompletionItemKindProperty})
	}
	return out
}

// valuesFor lists what may be written as the value of the key at keys (or,
// with item, as an item of the list there): enum values, the ids of the
// entities a reference names, rule ids.
func (s *server) valuesFor(b *buffer, k model.Kind, keys []string, item bool) []candidate {
	last := keys[len(keys)-1]
	key, known := keyOf(k, keys)
	switch {
	case len(keys) == 1 && last == "kind":
		return enumCandidates([]string{string(model.KindICP), string(model.KindPersona), string(model.KindInterview)})
	case last == "icp" && len(keys) == 1:
		return s.entityIDs(b, model.KindICP)
	case len(keys) == 1 && last == "sources",
		len(keys) == 2 && last == "evidence",
		len(keys) == 3 && keys[1] == "evidence" && last == "interview",
		len(keys) == 2 && keys[0] == "quotes" && last == "source":
		if k == model.KindPersona {
			return s.entityIDs(b, model.KindInterview)
		}
	case len(keys) == 2 && keys[0] == "lint" && last == "ignore":
		var out []candidate
		if b.sp != nil && b.sp.runner != nil {
			for _, r := range b.sp.runner.Rules() {
				out = append(out, candidate{label: r.ID(), insert: r.ID(), detail: r.DefaultSeverity().String(), doc: r.Summary(), kind: protocol.CompletionItemKindValue})
			}
		}
		return out
	case known && (key.Type == contract.Enum || key.Type == contract.EnumList):
		if key.Type == contract.Enum && item {
			return nil
		}
		return enumCandidates(key.Values)
	case known && key.Type == contract.Bool && !item:
		return enumCandidates([]string{"true", "false"})
	}
	return nil
}

func enumCandidates(values []string) []candidate {
	out := make([]candidate, len(values))
	for i, v := range values {
		out[i] = candidate{label: v, insert: v, kind: protocol.CompletionItemKindEnumMember}
	}
	return out
}

// entityIDs lists the ids of a kind's entities in the buffer's workspace,
// each with its name and path.
func (s *server) entityIDs(b *buffer, k model.Kind) []candidate {
	if b.sp == nil || b.sp.ws == nil {
		return nil
	}
	var out []candidate
	for _, d := range b.sp.ws.Docs {
		if d.Kind != k || d.ID == "" {
			continue
		}
		out = append(out, candidate{label: d.ID, insert: d.ID, detail: titleOf(d), doc: describe(d), kind: protocol.CompletionItemKindReference})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].label < out[j].label })
	return out
}

// titleOf is what people call an entity: an ICP's title, a persona's name,
// an interview's date and interviewee.
func titleOf(d *model.Document) string {
	switch {
	case d.ICP != nil:
		return d.ICP.Title.Value
	case d.Persona != nil:
		return d.Persona.Name.Value
	case d.Interview != nil:
		parts := []string{}
		if d.Interview.Date.Valid {
			parts = append(parts, d.Interview.Date.Time.Format("2006-01-02"))
		}
		if r := d.Interview.Interviewee.Role.Value; r != "" {
			parts = append(parts, r)
		}
		return strings.Join(parts, ", ")
	}
	return ""
}

// describe is the hover text of an entity: kind, id, title, status, path.
func describe(d *model.Document) string {
	var sb strings.Builder
	sb.WriteString("**" + markdownText(string(d.Kind)+" "+d.ID) + "**")
	if t := titleOf(d); t != "" {
		sb.WriteString(" — " + markdownText(t))
	}
	status := string(d.Status)
	if status == "" {
		status = string(model.StatusActive)
	}
	sb.WriteString("\n\nstatus: " + markdownText(status) + "\n\n`" + strings.ReplaceAll(d.Path, "`", "'") + "`")
	return sb.String()
}

var markdownSpecial = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, "#", `\#`, "|", `\|`)

// markdownText escapes user text for a Markdown hover, so a name written
// with asterisks or brackets shows as written.
func markdownText(s string) string { return markdownSpecial.Replace(s) }
