package frontmatter

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/contract"
	"github.com/personakit/persona/pkg/generate"
	"github.com/personakit/persona/pkg/model"
)

// problems renders a document's problems as "rule@line:col" for comparison.
func problems(d *model.Document) string {
	var out []string
	for _, p := range d.Problems {
		out = append(out, fmt.Sprintf("%s@%d:%d", p.Rule, p.Pos.Line, p.Pos.Column))
	}
	return strings.Join(out, " ")
}

func TestDecodeIgnoresOrdinaryMarkdown(t *testing.T) {
	tests := map[string]string{
		"no front matter":            "# Hello\n",
		"hugo page":                  "---\ntitle: Docs\nweight: 10\n---\nbody",
		"other tool's kind":          "---\nkind: page\n---\n",
		"capitalised key":            "---\nKind: persona\n---\n",
		"broken yaml without kind":   "---\ntitle: [oops\n---\n",
		"unclosed without kind":      "---\ntitle: x\n",
		"not a mapping without kind": "---\n- a\n- b\n---\n",
		"empty block":                "---\n---\n",
		"toml docs page":             "+++\ntitle = \"x\"\n+++\n",
		"kind is a list":             "---\nkind: [persona]\n---\n",
		"latin-1 page":               "---\ntitle: \xe9t\xe9\n---\n",
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			if d := Decode("x.md", []byte(src)); d != nil {
				t.Fatalf("Decode returned %+v, want nil", d)
			}
		})
	}
}

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"unclosed", "---\nkind: persona\nname: x\n", "frontmatter-invalid@1:1"},
		{"bad yaml (parser error line)", "---\nkind: persona\ngoals: [x\n---\n", "frontmatter-invalid@3:8"},
		{"bad yaml (scanner error line)", "---\nkind: persona\nname: x\n  bad: y\n---\n", "frontmatter-invalid@4:3"},
		{"tab indentation", "---\nkind: persona\ngoals:\n\t- x\n---\n", "frontmatter-invalid@4:1"},
		{"not a mapping", "---\n- kind\n---\n", "frontmatter-invalid@1:1"},
		{"duplicate key", "---\nkind: persona\nname: a\nname: b\n---\n", "frontmatter-invalid@4:1"},
		{"nested duplicate key", "---\nkind: persona\nrole:\n  title: a\n  title: b\n---\n", "frontmatter-invalid@5:3"},
		{"duplicate key in a list item", "---\nkind: persona\nquotes:\n  - {text: a, text: b}\n---\n", "frontmatter-invalid@4:15"},
		{"merge key", "---\nkind: persona\nbase: &b {title: x}\nrole:\n  <<: *b\n---\n", "frontmatter-invalid@5:3"},
		{"alias bomb", generate.AliasBomb(9, "1"), "frontmatter-invalid@6:14"},
		{"a few aliases are fine", "---\nkind: persona\nname: &n Fiona\ntags: [*n, *n]\n---\n", ""},
		// A 100 KB quote aliased ten times adds 1,000,000 bytes, eleven
		// times past the 1 MiB of text aliases may add.
		{"a long quote aliased ten times", "---\nkind: persona\nnotes: &q " + strings.Repeat("x", 100_000) + "\nmore: [" + strings.TrimSuffix(strings.Repeat("*q, ", 10), ", ") + "]\n---\n", ""},
		{"a long quote aliased eleven times", "---\nkind: persona\nnotes: &q " + strings.Repeat("x", 100_000) + "\nmore: [" + strings.TrimSuffix(strings.Repeat("*q, ", 11), ", ") + "]\n---\n", "frontmatter-invalid@4:8"},
		{"typo kind", "---\nkind: persnoa\n---\n", "kind-unknown@2:7"},
		{"capitalised kind", "---\nkind: Persona\n---\n", "kind-unknown@2:7"},
		{"invalid utf-8", "---\nkind: persona\nname: \xff\n---\n", "file-unreadable@1:1"},
		{"toml entity", "+++\ntitle = \"x\"\nkind = \"persona\"\n+++\n", "frontmatter-invalid@3:1"},
		{"bom and crlf", "\xEF\xBB\xBF---\r\nkind: persona\r\nshare: 2\r\n---\r\n", "field-type@3:8"},
		{"share string", "---\nkind: persona\nshare: \"125%\"\n---\n", "field-type@3:8"},
		{"list as string", "---\nkind: persona\ngoals: save time\n---\n", "field-type@3:8"},
		{"bad enum", "---\nkind: persona\ntype: primry\n---\n", "field-type@3:7"},
		{"bad status", "---\nkind: icp\nstatus: done\n---\n", "field-type@3:9"},
		{"participants 0", "---\nkind: interview\nparticipants: 0\n---\n", "field-type@3:15"},
		{"participants negative", "---\nkind: interview\nparticipants: -140\n---\n", "field-type@3:15"},
		{"participants a fraction", "---\nkind: interview\nparticipants: 1.5\n---\n", "field-type@3:15"},
		{"participants a count", "---\nkind: interview\nparticipants: 12\n---\n", ""},
		{"bad date", "---\nkind: interview\ndate: yesterday\n---\n", "field-type@3:7"},
		{"reviewed with a time is a date (SPEC §2)", "---\nkind: icp\nreviewed: 2024-01-02T10:00:00Z\n---\n", ""},
		{"reviewed that is no date", "---\nkind: icp\nreviewed: 2024-13-02\n---\n", "field-type@3:11"},
		{"bad bool", "---\nkind: interview\nconsent: \"yes\"\n---\n", "field-type@3:10"},
		{"mapping expected", "---\nkind: icp\nfirmographics: [a]\n---\n", "field-type@3:16"},
		{"range reversed", "---\nkind: icp\nfirmographics:\n  employees: {min: 10, max: 1}\n---\n", "field-type@4:14"},
		{"range not a number", "---\nkind: icp\nfirmographics:\n  employees: {min: many}\n---\n", "field-type@4:20"},
		{"list item is a mapping", "---\nkind: persona\ngoals:\n  - a: b\n---\n", "field-type@4:5"},
		{"scalar expected", "---\nkind: persona\nname: [a, b]\n---\n", "field-type@3:7"},
		{"valid persona", "---\nkind: persona\nname: Fiona\nshare: \"25%\"\ngoals: [a]\n---\n", ""},
		{"alias is followed once", "---\nkind: persona\nname: &n Fiona\ntags: [*n]\n---\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Decode("personas/x.md", []byte(tt.src))
			if d == nil {
				t.Fatal("Decode returned nil, want a document")
			}
			if got := problems(d); got != tt.want {
				t.Errorf("problems = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDecodeValues(t *testing.T) {
	src := `---
kind: persona
name: Finance Director Fiona
icp: mid-market
share: "25%"
status: draft
owners: [marketing]
reviewed: 2026-01-02
role: {title: Director, budget_authority: true, team: x}
demographics: {age_range: 35-50, pets: 2}
sources:
  - a
  - ../interviews/b.md
lint:
  ignore: [stale]
  reason: seasonal
jtbd: close faster
---
body
`
	d := Decode("personas/fiona.md", []byte(src))
	if d == nil || d.Kind != model.KindPersona {
		t.Fatalf("Decode = %+v, want a persona", d)
	}
	p := d.Persona
	checks := []struct {
		name      string
		got, want any
	}{
		{"id from file name", d.ID, "fiona"},
		{"id position unknown", d.IDPos.Line, 0},
		{"status", d.Status, model.StatusDraft},
		{"name", p.Name.Value, "Finance Director Fiona"},
		{"icp line", p.ICP.Pos.Line, 4},
		{"icp column", p.ICP.Pos.Column, 6},
		{"share", *p.Share, 0.25},
		{"reviewed", d.Reviewed.Time.Format("2006-01-02"), "2026-01-02"},
		{"budget authority", *p.Role.BudgetAuthority, true},
		{"free demographics", p.Demographics["pets"], "2"},
		{"sources", len(p.Sources), 2},
		{"second source line", p.Sources[1].Pos.Line, 13},
		{"ignore", d.Lint.Ignore[0].Value, "stale"},
		{"reason", d.Lint.Reason, "seasonal"},
		{"unknown keys", fmt.Sprint(d.Unknown), "[{role.team {9 49} [title budget_authority team]} {jtbd {17 1} [kind name icp share status owners reviewed role demographics sources lint jtbd]}]"},
		{"problems", len(d.Problems), 0},
	}
	for _, c := range checks {
		if fmt.Sprint(c.got) != fmt.Sprint(c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestICPConstraints(t *testing.T) {
	src := "---\nkind: icp\ntitle: x\nfirmographics:\n  industries: [a]\n  employees: {min: 10}\n  regions: []\n  business_model: \"\"\ndemographics:\n  age: {min: 18, max: 30}\n---\n"
	d := Decode("icps/x.md", []byte(src))
	if d.ICP.Constraints != 3 {
		t.Fatalf("Constraints = %d, want 3 (industries, employees, age)", d.ICP.Constraints)
	}
}

// TestContractKeysDecode writes every key the contract defines, at every
// depth and in every kind, and requires the decoder to know it: nothing the
// contract lists may come back as unknown.
func TestContractKeysDecode(t *testing.T) {
	var walk func(kind model.Kind, path []string, keys []contract.Key)
	walk = func(kind model.Kind, path []string, keys []contract.Key) {
		for _, k := range keys {
			full := append(append([]string(nil), path...), k.Name)
			if k.Type == contract.Mapping {
				walk(kind, full, k.Keys)
				continue
			}
			yamlText := "kind: " + string(kind) + "\n"
			indent := ""
			for _, p := range full[:len(full)-1] {
				yamlText += indent + p + ":\n"
				indent += "  "
			}
			yamlText += indent + k.Name + ": x\n"
			d := Decode("x.md", []byte("---\n"+yamlText+"---\n"))
			if d == nil || len(d.Unknown) > 0 {
				t.Errorf("%s: %s is in the contract but the decoder reports %+v", kind, strings.Join(full, "."), d)
			}
		}
	}
	for _, kind := range model.Kinds {
		walk(kind, nil, contract.Keys(kind))
	}
}

// TestRepeatedKeyMessages checks that "first on line N" names the file's
// line at every depth, not the line inside the front matter block.
func TestRepeatedKeyMessages(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"top level", "---\nkind: persona\nname: a\nname: b\n---\n",
			`key "name" is repeated (first on line 3); keep one of them`},
		{"nested", "---\nkind: persona\nrole:\n  title: a\n  title: b\n---\n",
			`key "title" is repeated in this mapping (first on line 4); keep one of them`},
		{"in a mapping of many keys", "---\nkind: persona\nrole:\n" + func() string {
			var b strings.Builder
			for i := range 20 {
				fmt.Fprintf(&b, "  k%d: v\n", i)
			}
			return b.String()
		}() + "  k3: again\n---\n",
			`key "k3" is repeated in this mapping (first on line 7); keep one of them`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Decode("x.md", []byte(tc.src))
			if d == nil || len(d.Problems) != 1 || d.Problems[0].Message != tc.want {
				t.Fatalf("problems = %+v, want one with message %q", d, tc.want)
			}
		})
	}
}

// TestDecodeSlim keeps what the contract marks as read by lint and drops
// the rest, after checking it: persona-demographics-only still counts the
// goals it does not keep, and a wrong type in a dropped key still reports.
func TestDecodeSlim(t *testing.T) {
	src := []byte("---\nkind: persona\nname: Fiona\nicp: saas\ntags: [x]\nrole: {title: CFO, seniority: director}\ngoals: [a, b]\nmotivations: [c]\nquotes: [q]\nsources: [one]\nchannels: oops\n---\n")
	full := Decode("p.md", src)
	slim := DecodeSlim("p.md", Split(src))
	if slim.Persona.Name.Value != "Fiona" || slim.Persona.ICP.Value != "saas" || len(slim.Persona.Sources) != 1 {
		t.Errorf("slim dropped what lint reads: %+v", slim.Persona)
	}
	if slim.Persona.Texts != nil || slim.Persona.Role.Seniority.Value != "" {
		t.Errorf("slim kept what lint does not read: %+v", slim.Persona)
	}
	// persona-overlap reads claims and the role's title.
	if len(slim.Persona.Claims) != 3 || slim.Persona.Role.Title.Value != "CFO" {
		t.Errorf("slim dropped what persona-overlap reads: %+v", slim.Persona)
	}
	if slim.Persona.Substance != 3 || full.Persona.Substance != 3 {
		t.Errorf("substance slim %d, full %d; want 3 both", slim.Persona.Substance, full.Persona.Substance)
	}
	if len(slim.Problems) != 1 || len(full.Problems) != 1 || slim.Problems[0] != full.Problems[0] {
		t.Errorf("problems slim %+v, full %+v; want the same field-type", slim.Problems, full.Problems)
	}
	// Every contract key the slim decoder keeps is one the contract marks
	// as read by lint.
	for _, k := range contract.Keys(model.KindPersona) {
		if !k.Lint && (k.Name == "name" || k.Name == "sources") {
			t.Errorf("%s must be kept for lint", k.Name)
		}
	}
}

// TestEnumsComeFromTheContract: the decoder refuses exactly what the
// contract's enum values leave out, kind by kind.
func TestEnumsComeFromTheContract(t *testing.T) {
	tests := []struct {
		name string
		kind model.Kind
		key  string
	}{
		{"status of an ICP", model.KindICP, "status"},
		{"status of a persona", model.KindPersona, "status"},
		{"status of an interview", model.KindInterview, "status"},
		{"segment", model.KindICP, "segment"},
		{"shares", model.KindICP, "shares"},
		{"persona type", model.KindPersona, "type"},
		{"buying role", model.KindPersona, "buying_role"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			key, ok := contract.Lookup(tt.kind, tt.key)
			if !ok {
				t.Fatalf("the contract has no %s.%s", tt.kind, tt.key)
			}
			for _, v := range append(slices.Clone(key.Values), "not-a-value") {
				doc := Decode("x.md", []byte("---\nkind: "+string(tt.kind)+"\n"+tt.key+": "+v+"\n---\n"))
				refused := slices.ContainsFunc(doc.Problems, func(p model.Problem) bool { return p.Rule == RuleFieldType })
				if want := !slices.Contains(key.Values, v); refused != want {
					t.Errorf("%s: %s refused = %v, want %v (%+v)", tt.key, v, refused, want, doc.Problems)
				}
			}
		})
	}
}

// TestDecoderReusesNodesSafely: one Decoder decoding the examples' files
// one after another, each over the YAML nodes of the one before, gives
// the documents DecodeSplit and DecodeSlim give each on its own.
func TestDecoderReusesNodesSafely(t *testing.T) {
	var files []string
	for _, dir := range []string{"../../examples/acme-analytics", "../../examples/flawed"} {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) < 20 {
		t.Fatalf("%d example files", len(files))
	}
	for _, c := range []struct {
		name        string
		slim, slabs bool
		room        bool // claims last only until the next Decode
	}{
		{"full", false, false, false},
		{"slim", true, false, false},
		{"full from slabs", false, true, false},
		{"slim from slabs", true, true, false},
		{"full with a claim room", false, true, true},
		{"slim with a claim room", true, true, true},
	} {
		slim := c.slim
		var dec Decoder
		if c.slabs {
			dec.Entities = new(model.Entities)
		}
		if c.room {
			dec.Room = new(model.ClaimRoom)
		}
		decoded := make([]*model.Document, len(files))
		for i, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			decoded[i] = dec.Decode(f, Split(src), slim)
			if c.room && decoded[i] != nil && decoded[i].Persona != nil {
				// Compared before the room is reused, then kept as
				// the others are.
				want := DecodeSplit(f, Split(src))
				if slim {
					want = DecodeSlim(f, Split(src))
				}
				if !reflect.DeepEqual(decoded[i].Persona.Claims, want.Persona.Claims) {
					t.Errorf("%s: %s's claims differ", c.name, f)
				}
				decoded[i].Persona.Claims = slices.Clone(decoded[i].Persona.Claims)
				for j, cl := range decoded[i].Persona.Claims {
					decoded[i].Persona.Claims[j].Evidence = slices.Clone(cl.Evidence)
				}
			}
		}
		for i, f := range files {
			src, _ := os.ReadFile(f)
			want := DecodeSplit(f, Split(src))
			if slim {
				want = DecodeSlim(f, Split(src))
			}
			if !reflect.DeepEqual(decoded[i], want) {
				t.Errorf("%s: %s decodes otherwise with reused nodes", c.name, f)
			}
		}
	}
}

// TestClaimRoom decodes personas one after another in one claim room;
// each one's claims, compared before the next is decoded, are those
// decoded without one.
func TestClaimRoom(t *testing.T) {
	many := "---\nkind: persona\ngoals:\n"
	for i := range 300 {
		many += fmt.Sprintf("  - text: goal %d\n    evidence: [i%d, {interview: j%d, quote: q%d}]\n", i, i, i, i)
	}
	many += "---\n"
	files := []struct{ name, src string }{
		{"two claims with evidence", "---\nkind: persona\ngoals:\n  - text: a\n    evidence: [i1, {interview: i2, quote: q}]\n  - text: b\n    evidence: [i3]\nfrustrations: [c]\n---\n"},
		{"evidence of nulls only", "---\nkind: persona\ngoals:\n  - text: a\n    evidence: [~, null]\n  - text: b\n    evidence: []\n---\n"},
		{"fewer claims than the last", "---\nkind: persona\naspirations: [x]\n---\n"},
		{"more than the room held", many},
		{"plain claims after evidence", "---\nkind: persona\ngoals: [p, q, r]\nmotivations:\n  - text: s\n    evidence: [i9, i10, i11]\n---\n"},
	}
	dec := Decoder{Entities: new(model.Entities), Room: new(model.ClaimRoom)}
	for _, f := range files {
		got := dec.Decode("p.md", Split([]byte(f.src)), false)
		want := DecodeSplit("p.md", Split([]byte(f.src)))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: decoded in the room\n%+v\nwant\n%+v", f.name, got, want)
		}
		// No evidence is none, as it always was, not an empty list.
		for _, c := range want.Persona.Claims {
			if c.Evidence != nil && len(c.Evidence) == 0 {
				t.Errorf("%s: claim %q has an empty evidence list, not none", f.name, c.Text.Value)
			}
		}
	}
}

// TestClaimItemNames: messages and unknown keys name a claim's keys and
// its evidence's by their full path.
func TestClaimItemNames(t *testing.T) {
	tests := []struct {
		name, items, want string
	}{
		{"text not a value", "  - text: [a, b]", "goals.text must be a single value"},
		{"evidence not a list", "  - text: a\n    evidence: i1", "goals.evidence must be a list of interview references"},
		{"interview not a value", "  - text: a\n    evidence: [{interview: [i1]}]", "goals.evidence.interview must be a single value"},
		{"quote not a value", "  - text: a\n    evidence: [{interview: i1, quote: {a: b}}]", "goals.evidence.quote must be a single value"},
		{"evidence without interview", "  - text: a\n    evidence: [{quote: q}]", "an item of goals.evidence written as a mapping needs interview"},
		{"unknown key of a claim", "  - text: a\n    why: b", "unknown goals.why"},
		{"unknown key of evidence", "  - text: a\n    evidence: [{interview: i1, page: 3}]", "unknown goals.evidence.page"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Decode("personas/x.md", []byte("---\nkind: persona\ngoals:\n"+tt.items+"\n---\n"))
			var said []string
			for _, p := range d.Problems {
				said = append(said, p.Message)
			}
			for _, k := range d.Unknown {
				said = append(said, "unknown "+k.Name)
			}
			if !slices.ContainsFunc(said, func(s string) bool { return strings.Contains(s, tt.want) }) {
				t.Errorf("said %q, want %q", said, tt.want)
			}
		})
	}
}
