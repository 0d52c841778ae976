package model

import "testing"

func TestNoun(t *testing.T) {
	for k, want := range map[Kind]string{KindICP: "an ICP", KindPersona: "a persona", KindInterview: "an interview", "page": "a page", "index": "an index"} {
		if got := k.Noun(); got != want {
			t.Errorf("%q.Noun() = %q, want %q", k, got, want)
		}
	}
}

func TestRangeContains(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name   string
		r      *Range
		lo, hi float64
		want   bool
	}{
		{"no range fits all", nil, 1, 1, true},
		{"inside", &Range{Min: f(50), Max: f(500)}, 200, 200, true},
		{"on the bounds", &Range{Min: f(50), Max: f(500)}, 500, 500, true},
		{"above", &Range{Min: f(50), Max: f(500)}, 501, 900, false},
		{"below", &Range{Min: f(50), Max: f(500)}, 10, 49, false},
		{"partly overlapping is a fit", &Range{Min: f(50), Max: f(500)}, 400, 900, true},
		{"open above", &Range{Min: f(50)}, 1e9, 1e9, true},
		{"open below", &Range{Max: f(50)}, 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.Contains(tt.lo, tt.hi); got != tt.want {
				t.Errorf("Contains(%g, %g) = %v, want %v", tt.lo, tt.hi, got, tt.want)
			}
		})
	}
}

func TestDocumentState(t *testing.T) {
	d := &Document{Kind: KindPersona, ID: "fiona", Status: StatusRetired, Persona: &Persona{Type: Str{Value: "negative"}}}
	if d.Entity() != "persona/fiona" || d.IsActive() || !d.IsRetired() || !d.Persona.IsNegative() {
		t.Errorf("a retired negative persona reads as %q active=%v retired=%v negative=%v", d.Entity(), d.IsActive(), d.IsRetired(), d.Persona.IsNegative())
	}
	if (&Document{}).Entity() != "" {
		t.Error("a file that is no entity has no entity label")
	}
	if (Pos{}).Or(FileStart) != FileStart || (Pos{Line: 3, Column: 2}).Or(FileStart) != (Pos{Line: 3, Column: 2}) {
		t.Error("Pos.Or")
	}
}
