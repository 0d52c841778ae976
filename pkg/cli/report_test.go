package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/model"
)

func TestReportGoldens(t *testing.T) {
	for _, f := range []struct{ format, ext string }{{"markdown", "md"}, {"html", "html"}, {"json", "json"}} {
		t.Run(f.format, func(t *testing.T) {
			stdout, stderr, code := run(t, repoRoot(t), false, nil, "report", "examples/acme-analytics", "--format", f.format, "--today", "2026-11-22")
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			golden(t, "acme-analytics.report."+f.ext, stdout)
		})
	}
}

// TestReportEscapesUserText renders a workspace whose names, lists and
// bodies are full of HTML and script: all of it must come out as text.
func TestReportEscapesUserText(t *testing.T) {
	stdout, stderr, code := run(t, repoRoot(t), false, nil, "report", "testdata/injection", "--format", "html", "--today", "2026-11-22")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, bad := range []string{"<script", "<img", "<iframe", "<svg", "<marquee", "<b>", "javascript:", "<style>body", "https://example.com/pixel.gif"} {
		if strings.Contains(stdout, bad) {
			t.Errorf("the HTML report contains %q", bad)
		}
	}
	if tag := regexp.MustCompile(`<[^>]*\son[a-z]+\s*=`).FindString(stdout); tag != "" {
		t.Errorf("an element has an event handler attribute: %s", tag)
	}
	for _, want := range []string{
		"&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;&#34;&gt;&lt;img src=x onerror=alert(5)&gt;", // persona name
		"&lt;svg onload=alert(6)&gt;", // a goal
		"[image: tracking pixel]",     // a body image, as text
		"<!-- raw HTML omitted -->",   // body HTML dropped by goldmark
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the HTML report lacks %q", want)
		}
	}
	if strings.Count(stdout, "<style>") != 1 {
		t.Error("the report must have exactly its own <style> element")
	}

	md, _, _ := run(t, repoRoot(t), false, nil, "report", "testdata/injection", "--format", "markdown", "--today", "2026-11-22")
	for _, bad := range []string{"<script", "<img", "<svg"} {
		if strings.Contains(md, bad) {
			t.Errorf("the Markdown report contains %q", bad)
		}
	}
}

func TestReportRedact(t *testing.T) {
	full, _, _ := run(t, repoRoot(t), false, nil, "report", "examples/acme-analytics", "--format", "json", "--today", "2026-11-22")
	redacted, _, code := run(t, repoRoot(t), false, nil, "report", "examples/acme-analytics", "--format", "json", "--today", "2026-11-22", "--redact")
	if code != 0 {
		t.Fatal("redacted report failed")
	}
	for _, secret := range []string{"Financial Controller", "I spend the first week of every month", `"company_size"`, `"interviewer"`} {
		if !strings.Contains(full, secret) {
			t.Fatalf("the full report lacks %q; the test would prove nothing", secret)
		}
		if strings.Contains(redacted, secret) {
			t.Errorf("the redacted report still contains %q", secret)
		}
	}
	var r struct {
		Redacted bool `json:"redacted"`
	}
	if err := json.Unmarshal([]byte(redacted), &r); err != nil || !r.Redacted {
		t.Errorf("redacted flag not set: %v", err)
	}
}

// TestSchemaAcceptsWhatLintAccepts validates the front matter of every
// example entity against persona schema with a real JSON Schema validator:
// the clean showcase must validate, and files lint calls broken must not.
func TestSchemaAcceptsWhatLintAccepts(t *testing.T) {
	root := repoRoot(t)
	for _, tc := range []struct {
		dir   string
		valid map[string]bool // entity file → validates; unlisted files must validate
	}{
		{"examples/acme-analytics", nil},
		{"examples/flawed", map[string]bool{
			"personas/crowd-c.md": false, "personas/no-icp.md": false, "personas/no-sections.md": false,
			"interviews/orphan-call.md": false, "personas/typo-icp.md": true,
		}},
	} {
		cfgPath := filepath.Join(root, tc.dir, config.FileName)
		cfg, err := config.Load(cfgPath, cfgPath)
		if err != nil {
			t.Fatal(err)
		}
		schemaJSON, err := json.Marshal(FrontMatterSchema(cfg))
		if err != nil {
			t.Fatal(err)
		}
		schema := compileSchema(t, "persona.json", schemaJSON)
		checked := 0
		err = filepath.WalkDir(filepath.Join(root, tc.dir), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
				return err
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			entity := frontmatter.Decode("x.md", src)
			if entity == nil || entity.Kind == "" {
				return nil
			}
			rel, _ := filepath.Rel(filepath.Join(root, tc.dir), p)
			rel = filepath.ToSlash(rel)
			var node yaml.Node
			if err := yaml.Unmarshal(frontmatter.Split(src).Text, &node); err != nil {
				return err
			}
			verr := schema.Validate(plain(node.Content[0]))
			want, listed := tc.valid[rel]
			if !listed {
				want = true
			}
			if (verr == nil) != want {
				t.Errorf("%s/%s: schema validation error %v, want valid=%v", tc.dir, rel, verr, want)
			}
			checked++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if checked < 5 {
			t.Fatalf("%s: only %d entities checked", tc.dir, checked)
		}
	}
}

// plain converts YAML to the values a JSON document would have, keeping
// dates as the strings they were written as.
func plain(n *yaml.Node) any {
	switch n.Kind {
	case yaml.AliasNode:
		return plain(n.Alias)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = plain(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		out := []any{}
		for _, c := range n.Content {
			out = append(out, plain(c))
		}
		return out
	}
	switch n.Tag {
	case "!!int", "!!float":
		var f float64
		if err := n.Decode(&f); err == nil {
			return json.Number(n.Value)
		}
	case "!!bool":
		return n.Value == "true"
	case "!!null":
		return nil
	}
	return n.Value
}

func TestSchemaOfOneKind(t *testing.T) {
	s := KindSchema(model.KindPersona, &config.Config{FieldsAllow: []string{"jtbd"}})
	props := s["properties"].(map[string]any)
	if _, ok := props["jtbd"]; !ok {
		t.Error("fields.allow keys are missing from the schema")
	}
	if s["additionalProperties"] != false {
		t.Error("unknown keys must not validate")
	}
}
