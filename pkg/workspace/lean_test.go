package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/model"
)

// leanPersona has claims in front matter and in its body, evidence with
// and without quotes, and references by id and by path.
const leanPersona = `---
kind: persona
name: Fiona
icp: saas
goals:
  - Close the books in five days
  - text: Trust the revenue numbers
    evidence:
      - interview: cfo
        quote: "I never trust the first number."
      - ../interviews/cto.md
frustrations: [Too many spreadsheets]
sources: [cfo]
quotes:
  - {text: "Numbers first.", source: cfo}
---

## Objections

- It costs too much. [@cfo; @cto]
- Nobody will use it.
`

// TestLeanLoadKeepsWhatRulesRead: a lean load keeps no claims, but its
// digest gives the same evidence, references and claim count as the
// claims of a full load, and ClaimsOf reads the claims back as they were,
// from the file or from the Overlay.
func TestLeanLoadKeepsWhatRulesRead(t *testing.T) {
	root := writeTree(t, map[string]string{"personas/fiona.md": leanPersona})
	full, lean := loadFullAndLean(t, root)
	f, l := full.Lookup(model.KindPersona, "fiona"), lean.Lookup(model.KindPersona, "fiona")
	if f == nil || l == nil || len(f.Persona.Claims) != 5 {
		t.Fatalf("fiona not loaded with her 5 claims: %+v, %+v", f, l)
	}
	if l.Persona.Claims != nil || l.Persona.Digest == nil {
		t.Fatalf("a lean load keeps claims %v, digest %+v; want none, and a digest", l.Persona.Claims, l.Persona.Digest)
	}
	if got, want := evidenceOf(l.Persona), evidenceOf(f.Persona); !slices.Equal(got, want) || len(want) != 4 {
		t.Errorf("lean evidence %+v, full %+v (want 4 items)", got, want)
	}
	if got, want := l.Persona.References(), f.Persona.References(); !slices.Equal(got, want) || len(want) != 6 {
		t.Errorf("lean references %+v, full %+v (want 6)", got, want)
	}
	if l.Persona.EvidenceCount() != 4 || f.Persona.EvidenceCount() != 4 {
		t.Errorf("evidence counted %d lean, %d full; want 4", l.Persona.EvidenceCount(), f.Persona.EvidenceCount())
	}
	var r Reader
	again, err := lean.ClaimsOf(l, &r)
	if err != nil || !reflect.DeepEqual(again, f.Persona.Claims) {
		t.Errorf("ClaimsOf = %+v, %v; want the full load's %+v", again, err, f.Persona.Claims)
	}
	if kept, _ := full.ClaimsOf(f, &r); &kept[0] != &f.Persona.Claims[0] {
		t.Error("ClaimsOf read again the claims a full load keeps")
	}
	lean.Overlay = func(rel string) ([]byte, bool) {
		return []byte("---\nkind: persona\nname: Fiona\ngoals: [Ship it]\n---\n"), rel == "personas/fiona.md"
	}
	if edited, err := lean.ClaimsOf(l, &r); err != nil || len(edited) != 1 || edited[0].Text.Value != "Ship it" {
		t.Errorf("ClaimsOf with the file in the Overlay = %+v, %v; want the edited claim", edited, err)
	}
}

// TestLeanLoadDigestsEachPersonaOnItsOwn: a lean load reads each persona's
// body claims as views of the buffer the next file is read into; every
// persona's evidence, references, sources and counts must still be its
// own, as a full load gives them, across many files and cores.
func TestLeanLoadDigestsEachPersonaOnItsOwn(t *testing.T) {
	files := map[string]string{}
	for i := range 60 {
		files[fmt.Sprintf("personas/p%02d.md", i)] = fmt.Sprintf(`---
kind: persona
name: P%[1]d
icp: saas
goals:
  - text: Goal %[1]d in front matter
    evidence: [{interview: i%[1]d, quote: "said %[1]d"}]
---

## Frustrations

- Frustration %[1]d %[2]s [@i%[1]d; @j%[1]d]
- https://example.com/source-%[1]d
- Another one %[1]d "as said" [@k%[1]d]
`, i, strings.Repeat("word ", i))
	}
	root := writeTree(t, files)
	full, lean := loadFullAndLean(t, root)
	for i := range 60 {
		id := fmt.Sprintf("p%02d", i)
		f, l := full.Lookup(model.KindPersona, id), lean.Lookup(model.KindPersona, id)
		if f == nil || l == nil || l.Persona.Claims != nil {
			t.Fatalf("%s: full %v, lean %v (a lean load keeps no claims)", id, f, l)
		}
		if got, want := evidenceOf(l.Persona), evidenceOf(f.Persona); !slices.Equal(got, want) || len(want) != 4 {
			t.Errorf("%s: lean evidence %+v, full %+v (want 4 items)", id, got, want)
		}
		if got, want := l.Persona.References(), f.Persona.References(); !slices.Equal(got, want) {
			t.Errorf("%s: lean references %+v, full %+v", id, got, want)
		}
		if got, want := l.Persona.Sources, f.Persona.Sources; !slices.Equal(got, want) || len(want) != 1 || !strings.HasSuffix(want[0].Value, fmt.Sprintf("-%d", i)) {
			t.Errorf("%s: lean sources %+v, full %+v (want the one link)", id, got, want)
		}
		if l.Persona.Substance != f.Persona.Substance || f.Persona.Substance != 3 {
			t.Errorf("%s: substance %d lean, %d full; want 3", id, l.Persona.Substance, f.Persona.Substance)
		}
	}
}

type evidenceItem struct{ ref, quote model.Str }

// evidenceOf lists p's evidence items, from its claims or its digest.
func evidenceOf(p *model.Persona) []evidenceItem {
	var out []evidenceItem
	p.EachEvidence(func(ref, quote model.Str) bool {
		out = append(out, evidenceItem{ref, quote})
		return true
	})
	return out
}

// loadFullAndLean loads root slim, keeping claims, and lean, keeping
// their digests: what a rule sees either way must agree.
func loadFullAndLean(t *testing.T, root string) (full, lean *Workspace) {
	t.Helper()
	full, err := Load(root, Options{Slim: true})
	if err != nil {
		t.Fatal(err)
	}
	if lean, err = Load(root, Options{Slim: true, Lean: true}); err != nil {
		t.Fatal(err)
	}
	return full, lean
}

// TestLeanDecodingKeepsItsRoomSmall: decoders that read one lean persona
// after another, as FromFiles and an edit do, empty their claim room for
// each: it holds one persona's evidence, not every one's before it.
func TestLeanDecodingKeepsItsRoomSmall(t *testing.T) {
	var d decoders
	opts := Options{Lean: true}.withDefaults()
	for i := range 300 {
		src := fmt.Sprintf("---\nkind: persona\nname: P%d\ngoals:\n  - text: a goal\n    evidence: [i1, i2, i3]\n---\n\n## Frustrations\n\n- one [@i1; @i2]\n- two [@i3]\n", i)
		doc := decodeFile(fmt.Sprintf("personas/p%d.md", i), []byte(src), false, opts, &d)
		if doc == nil || doc.Persona == nil || doc.Persona.EvidenceCount() != 6 {
			t.Fatalf("persona %d: %+v", i, doc)
		}
	}
	if n := cap(d.digest.Room.Evidence); n > 256 {
		t.Errorf("the claim room holds room for %d evidence items after 300 personas of 6", n)
	}
}

// TestLeanLoadKeepsNoViewOfTheFilesItRead: a lean load parses front
// matter into views of the buffer each core reads the next file into
// (yamlkit.Nodes.Views); every value a document keeps must be a copy.
// Each document of a lean load of many files, with long values in every
// kind of field a document keeps, equals the same file decoded alone
// from bytes nothing reuses.
func TestLeanLoadKeepsNoViewOfTheFilesItRead(t *testing.T) {
	long := func(what string, i int) string {
		return fmt.Sprintf("%s %d %s", what, i, strings.Repeat("long-enough-not-to-be-interned ", 1+i%3))
	}
	files := map[string]string{}
	for i := range 40 {
		files[fmt.Sprintf("personas/p%02d.md", i)] = fmt.Sprintf(`---
kind: persona
id: persona-with-a-rather-long-identifier-%[1]d
title: %[2]q
icp: icp-with-a-long-identifier-that-is-not-interned-%[1]d
status: active
owners: [%[3]q, 'single quoted owner who is %[1]d years in the job']
role: {title: %[4]s, seniority: director, department: %[5]q}
demographics: {%[6]s: %[7]q}
sources: [interviews/interview-with-a-long-file-name-%[1]d.md, "https://example.com/a-long-source/%[1]d"]
a_long_unknown_key_that_the_contract_does_not_know_%[1]d: x
role_extra: {another_long_unknown_nested_key_that_is_unknown_%[1]d: y}
goals:
  - text: %[8]q
    evidence:
      - interview: interview-with-a-long-file-name-%[1]d
        quote: "a quote long enough to be a view %[1]d"
  - 'a goal written in single quotes, long enough %[1]d'
quotes:
  - text: "a quote item with \"escapes\" inside it %[1]d"
    source: interview-with-a-long-file-name-%[1]d
lint:
  ignore: [persona-overlap]
  reason: %[9]q
---

## Frustrations

- A frustration written in the body %[1]d [@interview-with-a-long-file-name-%[1]d]
`, i, long("Title as the name", i), long("owner", i), long("Role title", i), long("department", i),
			fmt.Sprintf("a_long_free_demographics_key_%d", i), long("demographic value", i), long("goal", i), long("reason", i))
		files[fmt.Sprintf("icps/i%02d.md", i)] = fmt.Sprintf("---\nkind: icp\nid: icp-with-a-long-identifier-that-is-not-interned-%d\ntitle: %q\nfirmographics: {industries: [%q], business_model: %q}\npains: [%q]\n---\n", i, long("ICP title", i), long("industry", i), long("model", i), long("pain", i))
		files[fmt.Sprintf("interviews/interview-with-a-long-file-name-%d.md", i)] = fmt.Sprintf("---\nkind: interview\ndate: 2026-01-%02d\nicp: icp-with-a-long-identifier-that-is-not-interned-%d\ninterviewee: {role: %q, company: %q}\ninterviewer: %q\n---\nNotes %d.\n", 1+i%28, i, long("interviewee role", i), long("company", i), long("interviewer", i), i)
		files[fmt.Sprintf("notes/k%02d.md", i)] = fmt.Sprintf("---\nkind: persnoa\nname: %q\n---\n", long("misspelt kind", i))
	}
	root := writeTree(t, files)
	ws, err := Load(root, Options{Slim: true, Lean: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(ws.Docs) != 4*40 {
		t.Fatalf("loaded %d documents, want %d", len(ws.Docs), 4*40)
	}
	for _, doc := range ws.Docs {
		src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(doc.Path)))
		if err != nil {
			t.Fatal(err)
		}
		alone := decodeFile(doc.Path, src, false, ws.opts, &decoders{})
		if !reflect.DeepEqual(doc, alone) {
			t.Errorf("%s as loaded:\n%+v\ndecoded alone:\n%+v", doc.Path, doc, alone)
		}
	}
}
