package scaffold

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/model"
)

func same(s string) string { return s }

// TestBuiltinTemplatesDecodeCleanly renders every built-in template with
// and without guided answers: the result must be an entity of its kind
// with no problem at all.
func TestBuiltinTemplatesDecodeCleanly(t *testing.T) {
	datas := map[string]Data{
		"flags only": {ID: "x-1", Name: `Quote "and" colon: here`, ICP: "saas", Date: "2026-11-22"},
		"guided": {ID: "x-2", Name: "Fiona", Date: "2026-11-22", Role: "CFO: finance",
			Goals: []string{`a "quoted" goal`, "b: c"}, Frustrations: []string{"- dash"}, Sources: []string{"one", "two"},
			Set: map[string]string{"status": "active"}},
	}
	for _, k := range model.Kinds {
		for name, data := range datas {
			t.Run(string(k)+"/"+name, func(t *testing.T) {
				data.Kind = string(k)
				tmpl, err := Lookup(t.TempDir(), k, "", same)
				if err != nil {
					t.Fatal(err)
				}
				out, err := Render(tmpl, data)
				if err != nil {
					t.Fatal(err)
				}
				doc := frontmatter.Decode(data.ID+".md", out)
				if doc == nil || doc.Kind != k || len(doc.Problems) != 0 || len(doc.Unknown) != 0 || doc.ID != data.ID {
					t.Fatalf("rendered %s does not decode cleanly: %+v\n%s", k, doc, out)
				}
				if k == model.KindPersona && name == "guided" {
					p := doc.Persona
					if goals := p.ClaimTexts().Goals; len(goals) != 2 || goals[1].Value != "b: c" || len(p.Sources) != 2 || p.Role.Title.Value != "CFO: finance" {
						t.Errorf("guided answers lost: %+v", p)
					}
				}
			})
		}
	}
}

func TestLookupChain(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, content string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("persona/short.md", "named")
	write("persona.md", "kind")
	tests := []struct {
		kind          model.Kind
		name, text    string
		skipped       string
		wantBuiltinOf model.Kind
	}{
		{model.KindPersona, "short", "named", "", ""},
		{model.KindPersona, "", "kind", "", ""},
		{model.KindPersona, "missing", "kind", filepath.Join(dir, "persona/missing.md"), ""},
		{model.KindICP, "", "", "", model.KindICP},
	}
	for _, tt := range tests {
		got, err := Lookup(dir, tt.kind, tt.name, same)
		if err != nil {
			t.Fatal(err)
		}
		want := tt.text
		if tt.wantBuiltinOf != "" {
			b, _ := Builtin(tt.wantBuiltinOf)
			want = string(b)
		}
		if string(got.Text) != want || got.Skipped != tt.skipped {
			t.Errorf("Lookup(%s, %q) = %q (skipped %q), want %q (skipped %q)", tt.kind, tt.name, got.Text, got.Skipped, want, tt.skipped)
		}
	}
	if _, err := Lookup(dir, model.KindPersona, "../persona", same); err == nil {
		t.Error("a template name with a path separator was accepted")
	}
}

func TestRenderErrorsNameFileAndLine(t *testing.T) {
	_, err := Render(Template{Name: "templates/persona.md", Text: []byte("a\nb\n{{ .Nope }}\n")}, Data{})
	if err == nil || !strings.HasPrefix(err.Error(), "templates/persona.md:3:") {
		t.Fatalf("error = %v, want it to start with templates/persona.md:3:", err)
	}
	_, err = Render(Template{Name: "t.md", Text: []byte("ok\n{{ if }}")}, Data{})
	if err == nil || !strings.HasPrefix(err.Error(), "t.md:2:") {
		t.Fatalf("error = %v, want it to start with t.md:2:", err)
	}
}

func TestRenderIsBounded(t *testing.T) {
	_, err := renderWithin(Template{Name: "loop.md", Text: []byte("{{range 2000000000}}{{end}}")}, Data{}, 50*time.Millisecond)
	if err == nil || !strings.HasPrefix(err.Error(), "loop.md: still running after") {
		t.Errorf("endless template: %v", err)
	}
	_, err = Render(Template{Name: "big.md", Text: []byte("{{range 100000000}}xxxxxxxxxxxxxxxx{{end}}")}, Data{})
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("huge output: %v", err)
	}
}

func TestNameFromID(t *testing.T) {
	if got := NameFromID("finance-director-fiona"); got != "Finance Director Fiona" {
		t.Errorf("NameFromID = %q", got)
	}
}

// FuzzRender feeds arbitrary template text to Render: a broken team
// template must be an error, never a panic or a hang; what renders stays
// within the output limit, and a --set key the template does not read
// changes nothing.
func FuzzRender(f *testing.F) {
	for _, k := range model.Kinds {
		b, _ := Builtin(k)
		f.Add(string(b))
	}
	f.Add(`{{define "x"}}{{template "x"}}{{end}}{{template "x"}}`)
	f.Add(`{{range .Goals}}{{.}}{{end}}{{index .Set "a"}}{{printf "%q" .Name}}`)
	bigNumber := regexp.MustCompile(`[0-9]{4,}`)
	f.Fuzz(func(t *testing.T, text string) {
		if bigNumber.MatchString(text) {
			// Loops over large numbers run into Render's deadline, which
			// TestRenderIsBounded covers; fuzzing them only burns time.
			return
		}
		tmpl := Template{Name: "f.md", Text: []byte(text)}
		data := func(unread string) Data {
			return Data{ID: "x", Goals: []string{"a"}, Set: map[string]string{"a": "b", "zz-unread": unread}}
		}
		out, err := Render(tmpl, data("1"))
		if err != nil {
			return
		}
		if len(out) > maxOutput {
			t.Fatalf("rendered %d bytes, more than the %d allowed", len(out), maxOutput)
		}
		// A --set key the template does not read (SetKeys) cannot change
		// what it renders: persona new refuses such keys as typos.
		keys, open, err := SetKeys(tmpl)
		if err != nil || open || keys["zz-unread"] {
			return
		}
		if again, err := Render(tmpl, data("2")); err == nil && !bytes.Equal(out, again) {
			t.Fatalf("a --set key SetKeys says is unread changed the output:\n%q\n%q", out, again)
		}
	})
}

func TestSetKeys(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
		open       bool
	}{
		{"index with literal keys", `{{ or (index .Set "role") "x" }} {{ index .Set "region" }}`, []string{"region", "role"}, false},
		{"field access", `{{ .Set.channel }}{{ if .Set.consent }}y{{ end }}`, []string{"channel", "consent"}, false},
		{"inside branches and defined templates", `{{ define "t" }}{{ index .Set "a" }}{{ end }}{{ with .ID }}{{ index $.Set "b" }}{{ end }}{{ range .Goals }}{{ end }}{{ template "t" . }}{{ $.Set.c }}`, []string{"a", "b", "c"}, false},
		{"ranging over Set", `{{ range $k, $v := .Set }}{{ $k }}{{ end }}`, nil, true},
		{"a computed key", `{{ index .Set .ID }}`, nil, true},
		{"Set alone", `{{ index .Set }}`, nil, true},
		{"no Set", `{{ .Name }}`, nil, false},
		{"the data printed", `{{ . }}`, nil, true},
		{"the data printed through $", `{{ range .Goals }}{{ $ }}{{ end }}`, nil, true},
		{"the data handed to a function", `{{ printf "%v" . }}`, nil, true},
		{"dot rebound by range", `{{ range .Goals }}{{ . }}{{ end }}`, nil, false},
		{"with the data itself", `{{ with . }}{{ .Set.a }}{{ end }}`, []string{"a"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keys, open, err := SetKeys(Template{Name: "t.md", Text: []byte(tt.text)})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for k := range keys {
				got = append(got, k)
			}
			sort.Strings(got)
			if strings.Join(got, ",") != strings.Join(tt.want, ",") || open != tt.open {
				t.Errorf("SetKeys = %v, open %v; want %v, open %v", got, open, tt.want, tt.open)
			}
		})
	}
}

func TestBuiltinTemplatesUseTODO(t *testing.T) {
	for _, kind := range []model.Kind{model.KindICP, model.KindPersona, model.KindInterview} {
		tmpl, err := Lookup(t.TempDir(), kind, "", func(s string) string { return s })
		if err != nil {
			t.Fatal(err)
		}
		out, err := Render(tmpl, Data{ID: "x", Kind: string(kind), Name: "X", Date: "2026-11-22"})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), "TODO") || strings.Contains(string(out), "eplace") {
			t.Errorf("built-in %s template does not mark its placeholders with TODO alone:\n%s", kind, out)
		}
		if kind != model.KindInterview && strings.Contains(string(out), "\nreviewed:") {
			t.Errorf("built-in %s template stamps reviewed before anyone validated it:\n%s", kind, out)
		}
	}
}
