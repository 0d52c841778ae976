package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/contract"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/model"
	"go.yaml.in/yaml/v3"
)

// contractRules are the findings about a file's shape, which the schema
// describes; the others (evidence, references, staleness) it does not.
var contractRules = map[string]bool{
	"frontmatter-invalid": true, "kind-unknown": true, "id-invalid": true,
	"field-required": true, "field-type": true, "field-unknown": true,
}

// TestLintAndSchemaAgree lints the probe corpus (every key's right and
// wrong types, enums, nulls, dates and ranges) and the examples, and
// validates each entity's front matter with persona schema under a real
// JSON Schema validator: a file is accepted by both or by neither. The one
// check JSON Schema cannot express (a range's min above its max) lives in
// files named gap-*, which lint must refuse and the schema accept.
func TestLintAndSchemaAgree(t *testing.T) {
	root := repoRoot(t)
	generated := generatedProbes(t)
	for _, dir := range []string{"testdata/contract-probes", "examples/acme-analytics", "examples/flawed", generated} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			abs := dir
			if !filepath.IsAbs(dir) {
				abs = filepath.Join(root, dir)
			}
			stdout, stderr, code := run(t, abs, false, nil, "lint", "--format", "json", "--today", "2026-11-22", "--fail-on", "info")
			if code > 1 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var out struct {
				Findings []struct{ Rule, Path, Message string }
			}
			if err := json.Unmarshal([]byte(stdout), &out); err != nil {
				t.Fatal(err)
			}
			refused := map[string][]string{}
			for _, f := range out.Findings {
				if contractRules[f.Rule] {
					refused[f.Path] = append(refused[f.Path], f.Rule+": "+f.Message)
				}
			}
			cfg, err := config.Load(filepath.Join(abs, config.FileName), config.FileName)
			if err != nil {
				t.Fatal(err)
			}
			schemaJSON, err := json.Marshal(contract.FrontMatterSchema(cfg.FieldsAllow))
			if err != nil {
				t.Fatal(err)
			}
			schema := compileSchema(t, "front-matter.json", schemaJSON)
			checked := 0
			err = filepath.WalkDir(abs, func(p string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
					return err
				}
				src, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				rel, _ := filepath.Rel(abs, p)
				rel = filepath.ToSlash(rel)
				block := frontmatter.Split(src)
				var node yaml.Node
				if block.Format != frontmatter.YAML || yaml.Unmarshal(block.Text, &node) != nil || len(node.Content) == 0 {
					if len(refused[rel]) == 0 && frontmatter.Decode(rel, src) != nil && frontmatter.Decode(rel, src).Kind != "" {
						t.Errorf("%s: the schema cannot read it, but lint accepts it", rel)
					}
					return nil
				}
				if doc := frontmatter.Decode(rel, src); doc == nil || doc.Kind == "" {
					return nil // not an entity: neither lint nor the schema concern
				}
				checked++
				verr := schema.Validate(plain(node.Content[0]))
				lintOK, schemaOK := len(refused[rel]) == 0, verr == nil
				if strings.HasPrefix(filepath.Base(rel), "gap-") {
					if lintOK || !schemaOK {
						t.Errorf("%s: a known gap, want lint to refuse (%v) and the schema to accept (%v)", rel, refused[rel], verr)
					}
					return nil
				}
				if lintOK != schemaOK {
					t.Errorf("%s: lint %s, schema %s", rel, verdict(lintOK, refused[rel]), verdict(schemaOK, []string{errString(verr)}))
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if checked < 10 {
				t.Fatalf("only %d entities checked", checked)
			}
		})
	}
}

func verdict(ok bool, why []string) string {
	if ok {
		return "accepts"
	}
	sort.Strings(why)
	return "refuses (" + strings.Join(why, "; ") + ")"
}

// TestSchemaDescribesEveryProperty walks the schema of each kind: every
// property, at every depth, has a description, and the schema has an $id.
func TestSchemaDescribesEveryProperty(t *testing.T) {
	var walk func(path string, s map[string]any)
	walk = func(path string, s map[string]any) {
		props, _ := s["properties"].(map[string]any)
		for name, p := range props {
			ps := p.(map[string]any)
			if d, _ := ps["description"].(string); strings.TrimSpace(d) == "" {
				t.Errorf("%s.%s has no description", path, name)
			}
			walk(path+"."+name, ps)
		}
	}
	for _, k := range []string{"icp", "persona", "interview"} {
		s := contract.Schema(modelKind(k), []string{"jtbd"})
		if id, _ := s["$id"].(string); !strings.HasPrefix(id, "https://") {
			t.Errorf("%s schema $id %q", k, id)
		}
		if _, ok := s["properties"].(map[string]any)["jtbd"]; !ok {
			t.Errorf("%s schema lacks the fields.allow key", k)
		}
		walk(k, s)
	}
}

func modelKind(s string) model.Kind { return model.Kind(s) }

// generatedProbes writes, for every key of every kind at every depth, a
// file with a right value, a null, and each wrong shape (a list, a mapping,
// a single value where a list or mapping belongs, an enum value that is
// not one, a date that is none), so that no key of the contract escapes
// the agreement test.
func generatedProbes(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, config.FileName), []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	base := map[model.Kind]string{
		model.KindICP:       "kind: icp\ntitle: T\n",
		model.KindPersona:   "kind: persona\nname: N\n",
		model.KindInterview: "kind: interview\ndate: 2026-01-01\n",
	}
	good := func(k contract.Key) string {
		switch k.Type {
		case contract.Enum:
			return k.Values[0]
		case contract.Date:
			return "2026-01-02"
		case contract.Bool:
			return "true"
		case contract.Number, contract.Share, contract.Size:
			return "0.5"
		case contract.TextList:
			return "[a, b]"
		case contract.Mapping:
			return "{}"
		case contract.Slug:
			return "a-slug"
		}
		return "some text"
	}
	n := 0
	var walk func(kind model.Kind, path []string, keys []contract.Key)
	walk = func(kind model.Kind, path []string, keys []contract.Key) {
		for _, k := range keys {
			if k.Name == "kind" {
				continue // a file without a known kind is no entity at all
			}
			full := append(append([]string(nil), path...), k.Name)
			values := []string{good(k), "null", "[x]", "{x: 1}", "plain words", "2026-13-45", "-1", "yes"}
			for _, v := range values {
				doc := base[kind]
				indent := ""
				for _, p := range full[:len(full)-1] {
					doc += indent + p + ":\n"
					indent += "  "
				}
				if len(full) == 1 {
					// The probe's value replaces the base document's.
					doc = strings.Replace(doc, "\n"+k.Name+":", "\n# "+k.Name+":", 1)
				}
				doc += indent + k.Name + ": " + v + "\n"
				n++
				name := fmt.Sprintf("%s-%s-%d.md", kind, strings.ToLower(strings.NewReplacer("_", "-").Replace(strings.Join(full, "-"))), n)
				if err := os.WriteFile(filepath.Join(dir, name), []byte("---\n"+doc+"---\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if k.Type == contract.Mapping {
				walk(kind, full, k.Keys)
			}
		}
	}
	for _, kind := range model.Kinds {
		walk(kind, nil, contract.Keys(kind))
	}
	return dir
}
