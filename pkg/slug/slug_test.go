package slug

import (
	"regexp"
	"testing"
)

func TestMake(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Fiona F", "fiona-f"},
		{"underscores", "Bad_ID", "bad-id"},
		{"German", "Qualitätsleiterin Jördis", "qualitaetsleiterin-joerdis"},
		{"umlaut alone", "müller", "mueller"},
		{"sharp s", "Großkunde Straße", "grosskunde-strasse"},
		{"accents dropped, ö as in German", "Zoë Ångström-Čapek", "zoe-angstroem-capek"},
		{"Nordic and Polish", "Søren Łukasz", "soren-lukasz"},
		{"full-width digits", "Ｐｅｒｓｏｎａ ２", "persona-2"},
		{"empty", "  ", "id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Make(tt.in); got != tt.want {
				t.Errorf("Make(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMakeWithoutLatinLetters(t *testing.T) {
	hashed := regexp.MustCompile(`^id-[0-9a-f]{8}$`)
	a, b := Make("王芳"), Make("李雷")
	if !hashed.MatchString(a) || !hashed.MatchString(b) || a == b {
		t.Errorf("Make gave %q and %q; want two different id-XXXXXXXX", a, b)
	}
	if Make("王芳") != a {
		t.Error("the id of a name must be stable")
	}
	if c, d := Make("王芳 3"), Make("李雷 3"); c == d || !hashed.MatchString(c) {
		t.Errorf("names that leave only digits collide: %q, %q", c, d)
	}
	if got := Make("--"); !hashed.MatchString(got) {
		t.Errorf("Make(%q) = %q", "--", got)
	}
}

func FuzzMake(f *testing.F) {
	f.Add("Qualitätsleiterin Jördis")
	f.Add("王芳")
	f.Fuzz(func(t *testing.T, s string) {
		if got := Make(s); !Valid(got) {
			t.Fatalf("Make(%q) = %q, not a slug", s, got)
		}
	})
}
