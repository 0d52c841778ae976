package diff

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/canonical"
	"github.com/personakit/persona/pkg/claims"
	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/generate"
	"go.yaml.in/yaml/v3"
)

func node(t testing.TB, src string) *yaml.Node {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(src), &n); err != nil {
		t.Fatal(err)
	}
	if len(n.Content) == 0 {
		return nil
	}
	return n.Content[0]
}

func render(fcs []FieldChange) string {
	var out []string
	for _, f := range fcs {
		b, _ := json.Marshal(f)
		out = append(out, string(b))
	}
	return strings.Join(out, "\n")
}

func TestFieldChanges(t *testing.T) {
	tests := []struct {
		name, old, new string
		order          bool
		want           string
	}{
		{"scalar", "share: 0.2", "share: 0.3", false, `{"field":"share","change":"modified","old":0.2,"new":0.3}`},
		{"zero survives", "share: 0", "share: 0.5", false, `{"field":"share","change":"modified","old":0,"new":0.5}`},
		{"type change", "share: 0.2", `share: "20%"`, false, `{"field":"share","change":"modified","old":0.2,"new":"20%"}`},
		{"same value", "a: 1", "a: 1", false, ``},
		{"key added", "a: 1", "a: 1\nb: x", false, `{"field":"b","change":"added","new":"x"}`},
		{"list key added itemised", "a: 1", "a: 1\ngoals: [x, y]", false, `{"field":"goals","change":"added","new":"x"}` + "\n" + `{"field":"goals","change":"added","new":"y"}`},
		{"key removed", "a: 1\nb: [1]", "a: 1", false, `{"field":"b","change":"removed","old":1}`},
		{"set semantics", "g: [a, b, c]", "g: [c, d, a]", false, `{"field":"g","change":"removed","old":"b"}` + "\n" + `{"field":"g","change":"added","new":"d"}`},
		{"duplicates count", "g: [a, a]", "g: [a]", false, `{"field":"g","change":"removed","old":"a"}`},
		{"order ignored", "g: [a, b]", "g: [b, a]", false, ``},
		{"order reported", "g: [a, b]", "g: [b, a]", true, `{"field":"g","change":"reordered","old":["a","b"],"new":["b","a"]}`},
		{"nested", "role: {title: A, seniority: x}", "role: {title: B, seniority: x}", false, `{"field":"role.title","change":"modified","old":"A","new":"B"}`},
		{"keyed list", "s: [{id: a, v: 1}, {id: b, v: 2}]", "s: [{id: b, v: 3}, {id: c, v: 4}]", false,
			`{"field":"s[a]","change":"removed","old":{"id":"a","v":1}}` + "\n" + `{"field":"s[b].v","change":"modified","old":2,"new":3}` + "\n" + `{"field":"s[c]","change":"added","new":{"id":"c","v":4}}`},
		{"list of name-keyed mappings", "s: [{name: x, r: 1}]", "s: [{name: x, r: 2}]", false, `{"field":"s[x].r","change":"modified","old":1,"new":2}`},
		{"mixed list", "s: [a, {b: 1}]", "s: [a, {b: 2}]", false, `{"field":"s","change":"modified","old":["a",{"b":1}],"new":["a",{"b":2}]}`},
		{"null", "a: null", "a: 1", false, `{"field":"a","change":"modified","old":null,"new":1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(fieldChanges("", node(t, tt.old), node(t, tt.new), Options{Order: tt.order}))
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestSections(t *testing.T) {
	old := "intro\n\n# A\none\n\n## B\ntwo\n\n```\n# not a heading\n```\n\n## C\nthree\n"
	new := "intro changed\n\n# A\none\n\n## B\ntwo, edited\n\n## D\nfour\n"
	got := fmt.Sprint(sectionChanges([]byte(old), []byte(new)))
	want := "[{(before the first heading) modified} {B modified} {D added} {C removed}]"
	if got != want {
		t.Errorf("sectionChanges = %s, want %s", got, want)
	}
	if got := sectionChanges([]byte("# A\r\ntext \r\n"), []byte("# A\ntext\n")); len(got) != 0 {
		t.Errorf("line endings alone count as a change: %v", got)
	}
}

func TestComputeMatching(t *testing.T) {
	persona := func(id, extra string) []byte {
		return []byte("---\nkind: persona\nid: " + id + "\nname: N\n" + extra + "---\nbody\n")
	}
	pairs := []Pair{
		{Old: Side{"p/a.md", persona("a", "")}, New: Side{"p/a.md", persona("a", "share: 0.1\n")}},
		{Old: Side{"p/b.md", persona("b", "")}},                                        // deleted…
		{New: Side{"q/b.md", persona("b", "goals: [x]\n")}},                            // …and added elsewhere: renamed
		{New: Side{"p/c.md", persona("c", "")}},                                        // added
		{Old: Side{"p/d.md", persona("d", "")}},                                        // removed
		{Old: Side{"p/e.md", persona("e", "")}, New: Side{"p/e.md", persona("e", "")}}, // unchanged
		{Old: Side{"README.md", []byte("# not an entity")}, New: Side{"README.md", []byte("# still not")}},
	}
	var got []string
	for _, c := range Compute(pairs, Options{}) {
		got = append(got, c.ID+":"+c.Change+":"+c.OldPath+">"+c.Path)
	}
	want := "a:modified:>p/a.md b:renamed:p/b.md>q/b.md c:added:>p/c.md d:removed:p/d.md>"
	if strings.Join(got, " ") != want {
		t.Errorf("Compute = %v, want %s", got, want)
	}
}

func TestNotableICPScope(t *testing.T) {
	icp := func(firmo string) []byte {
		return []byte("---\nkind: icp\nid: s\ntitle: S\nfirmographics:\n" + firmo + "---\n")
	}
	tests := []struct{ old, new, want string }{
		{"  employees: {min: 100, max: 1000}\n", "  employees: {min: 200, max: 1000}\n", "icp-narrowed"},
		{"  employees: {min: 100, max: 1000}\n", "  employees: {min: 50}\n", "icp-widened"},
		{"  employees: {min: 100, max: 1000}\n", "  employees: {min: 50, max: 500}\n", "icp-constraints-changed"},
		{"  industries: [a, b]\n", "  industries: [a]\n", "icp-narrowed"},
		{"  industries: [a]\n", "  industries: [a, b]\n", "icp-widened"},
		{"  industries: [a]\n", "  industries: [a]\n  regions: [x]\n", "icp-narrowed"},
	}
	for _, tt := range tests {
		cs := Compute([]Pair{{Old: Side{"i.md", icp(tt.old)}, New: Side{"i.md", icp(tt.new)}}}, Options{})
		if len(cs) != 1 || len(cs[0].Notable) != 1 || cs[0].Notable[0].Type != tt.want {
			t.Errorf("%q → %q: %+v, want %s", tt.old, tt.new, cs, tt.want)
		}
	}
}

func TestLintDelta(t *testing.T) {
	f := func(rule, path string, line int) finding.Finding {
		return finding.Finding{Rule: rule, Path: path, Line: line, Message: "m", Severity: finding.Warning}
	}
	base := []finding.Finding{f("stale", "a.md", 3), f("no-owners", "old.md", 1), f("stale", "gone.md", 1)}
	head := []finding.Finding{f("stale", "a.md", 9), f("no-owners", "new.md", 1), f("field-type", "a.md", 2)}
	d := LintDelta(base, head, map[string]string{"old.md": "new.md"})
	if len(d.Introduced) != 1 || d.Introduced[0].Rule != "field-type" || len(d.Resolved) != 1 || d.Resolved[0].Path != "gone.md" {
		t.Errorf("LintDelta = %+v", d)
	}
}

// FuzzDiff feeds pairs of arbitrary files to Compute: no input may
// panic, an unchanged file yields no change, and a file compared with its
// canonical form (persona show --canonical) has no field changed.
func FuzzDiff(f *testing.F) {
	f.Add([]byte("---\nkind: persona\nname: A\ngoals: [x]\n---\n# H\nbody"), []byte("---\nkind: persona\nname: B\ngoals: [y]\n---\n# H\nother"))
	f.Add([]byte("---\nkind: icp\nfirmographics: {employees: {min: 1}}\n---\n"), []byte("---\nkind: icp\nfirmographics: {employees: {max: 1}}\n---\n"))
	f.Add([]byte("---\nkind: persona\na: &a [*a]\n---\n"), []byte("---\nkind: persona\na: [{id: x}, {id: x}]\n---\n"))
	f.Fuzz(func(t *testing.T, old, new []byte) {
		_ = Compute([]Pair{{Old: Side{"x.md", old}, New: Side{"x.md", new}}}, Options{Order: true})
		if cs := Compute([]Pair{{Old: Side{"x.md", old}, New: Side{"x.md", canonical.Rewrite(old)}}}, Options{Order: true}); len(cs) > 0 && len(cs[0].Fields) > 0 {
			t.Fatalf("the canonical form changes fields: %+v", cs[0].Fields)
		}
		if cs := Compute([]Pair{{Old: Side{"x.md", old}, New: Side{"x.md", old}}}, Options{Order: true}); len(cs) != 0 {
			t.Fatalf("an unchanged file reports changes: %+v", cs)
		}
	})
}

func TestComputeListsInvalidEntities(t *testing.T) {
	valid := []byte("---\nkind: persona\nname: Bomb\n---\n")
	tests := []struct {
		name       string
		pair       Pair
		wantChange string
		wantTypes  string
	}{
		{"alias bomb on both sides", Pair{Old: Side{"p/bomb.md", []byte(generate.AliasBomb(9, "1"))}, New: Side{"p/bomb.md", []byte(generate.AliasBomb(9, "2"))}},
			"modified", "frontmatter-invalid frontmatter-invalid"},
		{"became invalid", Pair{Old: Side{"p/bomb.md", valid}, New: Side{"p/bomb.md", []byte(generate.AliasBomb(9, "2"))}},
			"modified", "frontmatter-invalid"},
		{"invalid alike on both sides, body edited", Pair{Old: Side{"p/bomb.md", []byte(generate.AliasBomb(9, "1") + "old body\n")},
			New: Side{"p/bomb.md", []byte(generate.AliasBomb(9, "1") + "new body\n")}},
			"modified", "frontmatter-invalid frontmatter-invalid"},
		{"added invalid", Pair{New: Side{"p/bomb.md", []byte(generate.AliasBomb(9, "2"))}}, "added", "frontmatter-invalid"},
		{"removed invalid", Pair{Old: Side{"p/bomb.md", []byte(generate.AliasBomb(9, "2"))}}, "removed", "removed frontmatter-invalid"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			changes := Compute([]Pair{tc.pair}, Options{})
			if len(changes) != 1 {
				t.Fatalf("got %d changes, want 1: %+v", len(changes), changes)
			}
			c := changes[0]
			var types []string
			for _, n := range c.Notable {
				types = append(types, n.Type)
			}
			if c.Kind != "persona" || c.ID != "bomb" || c.Change != tc.wantChange || strings.Join(types, " ") != tc.wantTypes || len(c.Fields) != 0 {
				t.Errorf("got %s %s/%s fields=%d notable=%q; want %s persona/bomb notable=%q",
					c.Change, c.Kind, c.ID, len(c.Fields), types, tc.wantChange, tc.wantTypes)
			}
		})
	}
}

func TestClaimNotables(t *testing.T) {
	frontMatter := func(goals, quote string) []byte {
		return []byte("---\nkind: persona\nname: F\nsources: [a]\ngoals:\n" + goals + "quotes:\n  - {text: " + quote + ", source: a}\n---\n")
	}
	body := func(heading, goals, quote string) []byte {
		return []byte("---\nkind: persona\nname: F\nsources: [a]\n---\n\n## " + heading + "\n\n" + goals + "\n- Trust numbers\n  > " + quote + " [@a]\n")
	}
	want := []string{
		`claim-evidence-lost: claim of goals lost all its evidence: "Close fast"`,
		`claim-added-without-evidence: claim of goals added without evidence: "Hire analysts"`,
		`quote-edited: quote from a edited: "we lose two weeks" → "we lose three weeks"`,
	}
	tests := []struct {
		name     string
		old, new []byte
		sections claims.Sections
		want     []string
	}{
		{name: "front matter",
			old:  frontMatter("  - text: Close fast\n    evidence: [a]\n  - Trust numbers\n", "we lose two weeks"),
			new:  frontMatter("  - Close fast\n  - Trust numbers\n  - Hire analysts\n", "we lose three weeks"),
			want: want},
		{name: "body",
			old:  body("Goals", "- Close fast [@a]", "we lose two weeks"),
			new:  body("Goals", "- Close fast\n- Hire analysts", "we lose three weeks"),
			want: want},
		{name: "body under a heading of the config's sections",
			old:      body("What they want", "- Close fast [@a]", "we lose two weeks"),
			new:      body("What they want", "- Close fast\n- Hire analysts", "we lose three weeks"),
			sections: claims.DefaultSections().Merge(map[string][]string{"goals": {"What they want"}}),
			want:     want},
		{name: "body under a heading that names no claim list",
			old:  body("Background", "- Close fast [@a]", "we lose two weeks"),
			new:  body("Background", "- Close fast\n- Hire analysts", "we lose three weeks"),
			want: nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			changes := Compute([]Pair{{Old: Side{"p.md", tc.old}, New: Side{"p.md", tc.new}}}, Options{Sections: tc.sections})
			if len(changes) != 1 {
				t.Fatalf("changes = %+v", changes)
			}
			var got []string
			for _, n := range changes[0].Notable {
				got = append(got, n.Type+": "+n.Message)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("notables =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestClaimLabel(t *testing.T) {
	tests := []struct {
		name, yaml, want string
		ok               bool
	}{
		{"a text", `Close fast`, "Close fast", true},
		{"a claim with evidence", `{text: Close fast, evidence: [cfo-1, {interview: cfo-2, quote: We wait}]}`, "Close fast [cfo-1, cfo-2]", true},
		{"a claim with one reference", `{text: Close fast, evidence: cfo-1}`, "Close fast [cfo-1]", true},
		{"a claim without evidence", `{text: Close fast}`, "Close fast", true},
		{"a quote", `{text: We wait, source: cfo-2}`, "We wait [cfo-2]", true},
		{"no text", `{evidence: [cfo-1]}`, "", false},
		{"another key", `{role: CFO, text: x}`, "", false},
		{"a nested list as text", `{text: [a]}`, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n yaml.Node
			if err := yaml.Unmarshal([]byte(tt.yaml), &n); err != nil {
				t.Fatal(err)
			}
			got, ok := claimLabel(n.Content[0])
			if got != tt.want || ok != tt.ok {
				t.Errorf("claimLabel = %q, %v; want %q, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestNullKeysAreOneField: a null key is the same field however it is
// written (the canonical form writes "null"); a quoted empty key is not
// null.
func TestNullKeysAreOneField(t *testing.T) {
	for _, tt := range []struct {
		name, old, new string
		changed        bool
	}{
		{"empty and null", "&s:", "&s null:", false},
		{"tilde and null", "~: 1", "null: 1", false},
		{"quoted empty and null", "'': 1", "null: 1", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			side := func(key string) Side { return Side{"x.md", []byte("---\nkind: icp\n" + key + "\n---\n")} }
			cs := Compute([]Pair{{Old: side(tt.old), New: side(tt.new)}}, Options{Order: true})
			if changed := len(cs) > 0 && len(cs[0].Fields) > 0; changed != tt.changed {
				t.Errorf("fields changed = %v, want %v: %+v", changed, tt.changed, cs)
			}
		})
	}
}
