package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseValid(t *testing.T) {
	src := `version: 1
exclude: ["drafts/**", "archive/**"]
fields:
  allow: [jtbd, region_lead]
rules:
  persona-few-sources: {severity: warning, min: 3}
  stale: {max_age: 180d}
  interview-orphan: off
  field-unknown: error
templates: tpl/
`
	c, err := Parse(".persona.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Exclude, ","); got != "drafts/**,archive/**" {
		t.Errorf("Exclude = %q", got)
	}
	if got := strings.Join(c.FieldsAllow, ","); got != "jtbd,region_lead" {
		t.Errorf("FieldsAllow = %q", got)
	}
	if got := strings.Join(c.RuleOrder, ","); got != "persona-few-sources,stale,interview-orphan,field-unknown" {
		t.Errorf("RuleOrder = %q", got)
	}
	if c.Rules["interview-orphan"].Severity != "off" || c.Rules["field-unknown"].Severity != "error" {
		t.Errorf("severities = %+v", c.Rules)
	}
	if c.Rules["persona-few-sources"].Severity != "warning" || c.Rules["persona-few-sources"].Options["min"].Value.Value != "3" {
		t.Errorf("persona-few-sources = %+v", c.Rules["persona-few-sources"])
	}
	if c.Templates != "tpl/" {
		t.Errorf("Templates = %q", c.Templates)
	}
}

func TestParseEmptyIsDefault(t *testing.T) {
	for _, src := range []string{"", "# only a comment\n"} {
		c, err := Parse("c.yaml", []byte(src))
		if err != nil || c.Version != 1 || c.Templates != "templates" {
			t.Errorf("Parse(%q) = %+v, %v; want defaults", src, c, err)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"unknown key", "version: 1\nexclud: [x]\n", `c.yaml:2:1: unknown key "exclud"; did you mean "exclude"?`},
		{"bad version", "version: 2\n", `c.yaml:1:10: version "2" is not supported`},
		{"bad glob", "exclude: [\"a/[\"]\n", `c.yaml:1:11: exclude pattern "a/["`},
		{"exclude not a list", "exclude: drafts\n", `c.yaml:1:10: exclude must be a list`},
		{"bad severity", "rules:\n  stale: warn\n", `c.yaml:2:10: severity "warn" is not one of error, warning, info, off; did you mean "warning"?`},
		{"bad severity in mapping", "rules:\n  stale: {severity: loud}\n", `c.yaml:2:21: severity "loud" is not one of error, warning, info, off`},
		{"rule as list", "rules:\n  stale: [a]\n", `c.yaml:2:10: rule stale must be set to a severity`},
		{"rules not a mapping", "rules: [stale]\n", `c.yaml:1:8: rules must be a mapping`},
		{"fields unknown key", "fields:\n  alow: [x]\n", `c.yaml:2:3: unknown key fields.alow; did you mean "allow"?`},
		{"duplicate top key", "version: 1\nversion: 1\n", `c.yaml:2:1: key "version" is repeated`},
		{"not yaml", "rules: {\n", `c.yaml:2:1: not valid YAML`},
		{"not a mapping", "- a\n", `c.yaml:1:1: the config must be a mapping`},
		{"empty templates", "templates: \"\"\n", `c.yaml:1:12: templates must name a directory`},
		{"duplicate option", "rules:\n  stale: {max_age: 1d, max_age: 2d}\n", `c.yaml:2:24: option "max_age" is repeated`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tt.src))
			if err == nil {
				t.Fatalf("Parse succeeded, want error %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %q, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestDuration(t *testing.T) {
	tests := []struct {
		in   string
		days int
		ok   bool
	}{
		{"180d", 180, true}, {"2w", 14, true}, {"6m", 180, true}, {"1y", 365, true},
		{"180", 0, false}, {"d", 0, false}, {"-1d", 0, false}, {"1h", 0, false},
	}
	for _, tt := range tests {
		days, ok := Duration(tt.in)
		if days != tt.days || ok != tt.ok {
			t.Errorf("Duration(%q) = %d, %v; want %d, %v", tt.in, days, ok, tt.days, tt.ok)
		}
	}
}

// FuzzParse checks that no config text makes Parse panic, and that every
// error names the file with a line.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"version: 1\nexclude: [\"drafts/**\"]\nrules:\n  stale: {max_age: 180d}\n",
		"rules:\n  interview-orphan: off\nfields: {allow: [a]}\n",
		"templates: t/\n",
		"a: &a [*a, *a]\n",
		"rules: {x: {severity: [1]}}\n",
	} {
		f.Add([]byte(s))
	}
	entries, err := os.ReadDir("../../testdata/fuzz/config")
	if err != nil || len(entries) == 0 {
		f.Fatalf("seed corpus testdata/fuzz/config: %v", err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("../../testdata/fuzz/config", e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		_, err := Parse("c.yaml", src)
		if err != nil && !strings.HasPrefix(err.Error(), "c.yaml:") {
			t.Fatalf("error without position: %v", err)
		}
	})
}
