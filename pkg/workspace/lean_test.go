package workspace

import (
	"reflect"
	"slices"
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
	full, err := Load(root, Options{Slim: true})
	if err != nil {
		t.Fatal(err)
	}
	lean, err := Load(root, Options{Slim: true, Lean: true})
	if err != nil {
		t.Fatal(err)
	}
	f, l := full.Lookup(model.KindPersona, "fiona"), lean.Lookup(model.KindPersona, "fiona")
	if f == nil || l == nil || len(f.Persona.Claims) != 5 {
		t.Fatalf("fiona not loaded with her 5 claims: %+v, %+v", f, l)
	}
	if l.Persona.Claims != nil || l.Persona.Digest == nil {
		t.Fatalf("a lean load keeps claims %v, digest %+v; want none, and a digest", l.Persona.Claims, l.Persona.Digest)
	}
	type item struct{ ref, quote model.Str }
	evidence := func(p *model.Persona) []item {
		var out []item
		p.EachEvidence(func(ref, quote model.Str) bool {
			out = append(out, item{ref, quote})
			return true
		})
		return out
	}
	if got, want := evidence(l.Persona), evidence(f.Persona); !slices.Equal(got, want) || len(want) != 4 {
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
