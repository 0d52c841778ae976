package langserver

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

const fiona = "personas/finance-director-fiona.md"

// at is the position of the n-th occurrence (from 0) of needle in text,
// plus offset bytes: where a person's cursor would be.
func at(t *testing.T, text, needle string, offset int) protocol.Position {
	t.Helper()
	i := strings.Index(text, needle)
	if i < 0 {
		t.Fatalf("%q is not in the text", needle)
	}
	return newLineIndex([]byte(text)).position(i + offset)
}

func (c *client) read(rel string) string {
	data, err := os.ReadFile(c.path(rel))
	if err != nil {
		c.t.Fatal(err)
	}
	return string(data)
}

func (c *client) complete(rel string, pos protocol.Position) []string {
	c.t.Helper()
	var list struct {
		Items []struct {
			Label    string `json:"label"`
			TextEdit struct {
				Range   protocol.Range `json:"range"`
				NewText string         `json:"newText"`
			} `json:"textEdit"`
		} `json:"items"`
	}
	c.call("textDocument/completion", protocol.CompletionParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: c.uri(rel)}, Position: pos}}, &list)
	var out []string
	for _, it := range list.Items {
		if it.TextEdit.Range.End != pos {
			c.t.Errorf("completion %q replaces up to %+v, not the cursor %+v", it.Label, it.TextEdit.Range.End, pos)
		}
		out = append(out, it.Label)
	}
	return out
}

func TestCompletion(t *testing.T) {
	c := start(t, "../../examples/acme-analytics")
	persona := "---\nkind: persona\nid: x\now\nstatus: dr\nicp: mid\nsources:\n  - 2026-10\n  - \n  - two words\nrole:\n  sen\n  department: \n  budget_authority: \ngoals:\n  - text: A goal\n    evidence:\n      - interview: 2026-09\n      - \n  - text: Another goal\n    evi\nquotes:\n  - text: hi\n    source: \nlint:\n  ignore: [stale, quote-n\nbuying_role: [eco\nshare: \n---\n\nAs said [@2026-10-22\n"
	const rel = "personas/new.md"
	c.open(rel, persona)
	tests := []struct {
		name        string
		after       string // the cursor goes right after this text
		want, avoid []string
		exact       bool
	}{
		{name: "top-level keys by kind", after: "\now", want: []string{"owners"}, avoid: []string{"interviewee", "industries"}},
		// Keys the mapping holds already are not offered again.
		{name: "not the keys already written", after: "id: x\n", want: []string{"owners", "name"}, avoid: []string{"kind", "id", "icp", "status", "sources", "role", "goals", "quotes", "lint", "share"}},
		{name: "not the nested keys already written", after: "role:\n", want: []string{"seniority"}, avoid: []string{"department", "budget_authority"}},
		{name: "enum values", after: "status: dr", want: []string{"draft"}, exact: true},
		{name: "ICP ids after icp:", after: "icp: mid", want: []string{"mid-market-saas"}, exact: true},
		{name: "interview ids in sources", after: "  - 2026-10", want: []string{"2026-10-01-revops-devtools", "2026-10-29-founder-small-agency"}, avoid: []string{"2026-09-03-cfo-logistics-saas"}},
		{name: "nested keys", after: "  sen", want: []string{"seniority"}, exact: true},
		{name: "nested values", after: "  budget_authority: ", want: []string{"true", "false"}, exact: true},
		{name: "claim item keys", after: "    evi", want: []string{"evidence"}, exact: true},
		{name: "interview ids in evidence mappings", after: "interview: 2026-09", want: []string{"2026-09-03-cfo-logistics-saas", "2026-09-17-finance-director-hr-tech"}, exact: true},
		{name: "quote source ids", after: "    source: ", want: []string{"2026-09-03-cfo-logistics-saas"}},
		{name: "rule ids in lint.ignore", after: "quote-n", want: []string{"quote-not-found"}, exact: true},
		{name: "enum list values in a flow list", after: "[eco", want: []string{"economic-buyer"}, exact: true},
		{name: "interview ids in a body citation", after: "[@2026-10-22", want: []string{"2026-10-22-analytics-engineer-fintech"}, exact: true},
		{name: "nothing for a free value", after: "share: ", want: nil, exact: true},
		{name: "nothing past a word", after: "  - two words", want: nil, exact: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.complete(rel, at(t, persona, tt.after, len(tt.after)))
			if tt.exact && !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want exactly %q", got, tt.want)
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q missing from %q", w, got)
				}
			}
			for _, a := range tt.avoid {
				if slices.Contains(got, a) {
					t.Errorf("%q offered, but does not fit here: %q", a, got)
				}
			}
		})
	}
}

func (c *client) hoverText(rel string, pos protocol.Position) string {
	c.t.Helper()
	var h *struct {
		Contents struct {
			Value string `json:"value"`
		} `json:"contents"`
	}
	c.call("textDocument/hover", protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: c.uri(rel)}, Position: pos}}, &h)
	if h == nil {
		return ""
	}
	return h.Contents.Value
}

func TestHover(t *testing.T) {
	c := start(t, "../../examples/acme-analytics")
	c.open(fiona)
	text := c.read(fiona)
	tests := []struct {
		name, needle string
		offset       int
		want         []string
	}{
		{"an ICP reference", "icp: mid-market-saas", 8, []string{"icp mid-market-saas", "Mid-market SaaS companies closing the books by hand", "status: active", "`icps/mid-market-saas.md`"}},
		{"an interview reference", "  - 2026-09-17-finance-director-hr-tech", 8, []string{"interview 2026-09-17-finance-director-hr-tech", "`interviews/2026-09-17-finance-director-hr-tech.md`"}},
		{"a path reference", "../interviews/2026-10-08", 5, []string{"interview 2026-10-08-controller-fintech"}},
		{"a quote: the passage that says it", `"The close takes nine`, 5, []string{"Said at line", "The close takes nine working days"}},
		{"a key's description", "budget_authority", 3, []string{"**budget\\_authority** (bool)"}},
		{"an enum key lists its values", "buying_role:", 2, []string{"One of:", "economic-buyer"}},
		{"nothing on prose", "Fiona runs a finance", 3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.hoverText(fiona, at(t, text, tt.needle, tt.offset))
			if tt.want == nil && got != "" {
				t.Errorf("hover %q, want none", got)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("hover %q lacks %q", got, w)
				}
			}
		})
	}
	// A quote nobody said names the closest passage instead.
	changed := strings.Replace(text, "The close takes nine working days.", "The close takes eleven working days.", 1)
	c.replace(fiona, changed)
	if got := c.hoverText(fiona, at(t, changed, `"The close takes eleven`, 5)); !strings.Contains(got, "Not in the notes; the closest passage") {
		t.Errorf("hover on a wrong quote: %q", got)
	}
}

func (c *client) locations(method, rel string, pos protocol.Position, includeDecl bool) []protocol.Location {
	c.t.Helper()
	var raw json.RawMessage
	params := map[string]any{"textDocument": map[string]any{"uri": c.uri(rel)}, "position": pos, "context": map[string]any{"includeDeclaration": includeDecl}}
	c.call(method, params, &raw)
	var out []protocol.Location
	if string(raw) == "null" {
		return nil
	}
	var one protocol.Location
	if json.Unmarshal(raw, &one) == nil && one.URI != "" {
		return []protocol.Location{one}
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		c.t.Fatalf("%s: %s: %v", method, raw, err)
	}
	return out
}

func TestDefinitionAndReferences(t *testing.T) {
	c := start(t, "../../examples/acme-analytics")
	c.open(fiona)
	text := c.read(fiona)
	def := c.locations("textDocument/definition", fiona, at(t, text, "icp: mid-market-saas", 7), false)
	if len(def) != 1 || def[0].URI != c.uri("icps/mid-market-saas.md") || def[0].Range.Start.Line != 0 {
		t.Errorf("definition of the icp: %+v", def)
	}
	def = c.locations("textDocument/definition", fiona, at(t, text, `"The close takes nine`, 3), false)
	notes := c.read("interviews/2026-09-03-cfo-logistics-saas.md")
	wantLine := protocol.UInteger(strings.Count(notes[:strings.Index(notes, "The close takes nine")], "\n"))
	if len(def) != 1 || def[0].URI != c.uri("interviews/2026-09-03-cfo-logistics-saas.md") || def[0].Range.Start.Line != wantLine {
		t.Errorf("definition of a quote: %+v, want line %d of the notes", def, wantLine)
	}
	// From an interview file: everything that cites it, in every persona.
	const iv = "interviews/2026-09-03-cfo-logistics-saas.md"
	c.open(iv)
	refs := c.locations("textDocument/references", iv, protocol.Position{Line: 3}, false)
	var inFiona []protocol.UInteger
	for _, r := range refs {
		if r.URI == c.uri(fiona) {
			inFiona = append(inFiona, r.Range.Start.Line)
		}
	}
	// Fiona cites it in a claim's evidence, a quote's source and sources.
	wantLines := []protocol.UInteger{}
	for _, needle := range []string{"interview: 2026-09-03", "source: 2026-09-03", "  - 2026-09-03-cfo"} {
		wantLines = append(wantLines, at(t, text, needle, 0).Line)
	}
	slices.Sort(inFiona)
	if !slices.Equal(inFiona, wantLines) {
		t.Errorf("references in fiona at lines %v, want %v (all: %+v)", inFiona, wantLines, refs)
	}
	// From an ICP file: its personas' icp lines, and the declaration.
	const icp = "icps/mid-market-saas.md"
	c.open(icp)
	refs = c.locations("textDocument/references", icp, protocol.Position{Line: 1}, true)
	uris := map[string]bool{}
	for _, r := range refs {
		uris[r.URI] = true
	}
	for _, f := range []string{icp, fiona, "personas/revops-ravi.md", "personas/bootstrapped-ben.md", "personas/data-engineer-dana.md"} {
		if !uris[c.uri(f)] {
			t.Errorf("references of the ICP miss %s: %+v", f, refs)
		}
	}
}

func TestCodeActionFixesTheFinding(t *testing.T) {
	c := start(t, "../../examples/acme-analytics")
	text := strings.Replace(c.read(fiona), "icp: mid-market-saas", "icp: mid-markt-saas", 1)
	c.open(fiona, text)
	diags := c.diagnostics(fiona)
	if len(diags) != 1 || diags[0].Code != "persona-unknown-icp" {
		t.Fatalf("diagnostics %+v, want one persona-unknown-icp", diags)
	}
	var actions []struct {
		Title string `json:"title"`
		Kind  string `json:"kind"`
		Edit  struct {
			Changes map[string][]protocol.TextEdit `json:"changes"`
		} `json:"edit"`
	}
	c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": c.uri(fiona)},
		"range":        diags[0].Range,
		"context":      map[string]any{"diagnostics": []any{}, "only": []string{"quickfix"}},
	}, &actions)
	if len(actions) != 1 || actions[0].Kind != "quickfix" {
		t.Fatalf("code actions %+v, want the one quick fix", actions)
	}
	edits := actions[0].Edit.Changes[c.uri(fiona)]
	if len(edits) != 1 {
		t.Fatalf("edits %+v", edits)
	}
	lines := newLineIndex([]byte(text))
	fixed := text[:lines.offset(edits[0].Range.Start)] + edits[0].NewText + text[lines.offset(edits[0].Range.End):]
	if !strings.Contains(fixed, "icp: mid-market-saas\n") {
		t.Fatalf("the fix wrote %q", fixed)
	}
	c.replace(fiona, fixed)
	if d := c.diagnostics(fiona); len(d) != 0 {
		t.Errorf("after the fix: %+v", d)
	}
}

func TestDocumentSymbols(t *testing.T) {
	c := start(t, "../../examples/acme-analytics")
	c.open(fiona)
	var syms []protocol.DocumentSymbol
	c.call("textDocument/documentSymbol", protocol.DocumentSymbolParams{TextDocument: protocol.TextDocumentIdentifier{URI: c.uri(fiona)}}, &syms)
	var names []string
	for _, s := range syms {
		names = append(names, s.Name)
	}
	for _, w := range []string{"kind", "id", "role", "frustrations", "sources", "Finance Director Fiona"} {
		if !slices.Contains(names, w) {
			t.Errorf("symbols %q lack %q", names, w)
		}
	}
	h1 := syms[len(syms)-1]
	if h1.Name != "Finance Director Fiona" || len(h1.Children) == 0 || h1.Children[0].Name != "Day in the life" {
		t.Errorf("the H1 does not hold its sections: %+v", h1)
	}
	if syms[0].Name != "kind" || syms[0].Range.Start.Line != 1 {
		t.Errorf("first symbol %+v, want kind on line 1", syms[0])
	}
}

// Findings count columns in code points; LSP counts UTF-16 code units. A
// line with an accent (one unit) and an emoji (two) before the finding
// shows where the two differ.
func TestNonASCIIPositions(t *testing.T) {
	c := start(t, "../../examples/acme-analytics")
	text := strings.Replace(c.read(fiona), "  - 2026-09-17-finance-director-hr-tech\n", "  - [zoë-😀, no-such-interview]\n", 1)
	text = strings.Replace(text, "sources:\n  - [", "sources: [", 1)
	text = strings.Replace(text, "sources: [zoë-😀, no-such-interview]\n", "sources: [zoë-😀, no-such-interview]\n", 1)
	// sources is now a flow list on one line, with the rest after it.
	text = strings.Replace(c.read(fiona), "sources:\n  - 2026-09-03-cfo-logistics-saas\n  - 2026-09-17-finance-director-hr-tech\n  - ../interviews/2026-10-08-controller-fintech.md\n",
		"sources: [2026-09-03-cfo-logistics-saas, 2026-09-17-finance-director-hr-tech, zoë-😀, no-such-interview]\n", 1)
	c.open(fiona, text)
	var missing []wireDiagnostic
	for _, d := range c.diagnostics(fiona) {
		if d.Code == "source-missing" {
			missing = append(missing, d)
		}
	}
	if len(missing) != 2 {
		t.Fatalf("source-missing diagnostics %+v", missing)
	}
	line := at(t, text, "sources: [", 0).Line
	prefix := "sources: [2026-09-03-cfo-logistics-saas, 2026-09-17-finance-director-hr-tech, zoë-😀, "
	// zoë-😀 starts after the two ids; no-such-interview after it, where
	// code points (one per character) and UTF-16 (two for the emoji) part.
	wantZoe := protocol.Position{Line: line, Character: protocol.UInteger(len("sources: [2026-09-03-cfo-logistics-saas, 2026-09-17-finance-director-hr-tech, "))}
	wantNo := protocol.Position{Line: line, Character: protocol.UInteger(len([]rune(prefix)) + 1)}
	if missing[0].Range.Start != wantZoe || missing[1].Range.Start != wantNo {
		t.Errorf("positions %+v and %+v, want %+v and %+v", missing[0].Range, missing[1].Range, wantZoe, wantNo)
	}
	if end := missing[0].Range.End.Character - missing[0].Range.Start.Character; end != 6 {
		t.Errorf("zoë-😀 spans %d UTF-16 units, want 6", end)
	}
}
