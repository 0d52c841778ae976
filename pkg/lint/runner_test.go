package lint_test

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/lint/rules"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/words"
	"github.com/personakit/persona/pkg/workspace"
)

func TestNewRunnerValidatesConfig(t *testing.T) {
	tests := []struct {
		name, cfg, want string
	}{
		{"valid", "rules:\n  stale: {severity: error, max_age: 30d}\n  interview-orphan: off\n", ""},
		{"unknown rule", "rules:\n  stael: off\n", `c.yaml:2:3: unknown rule "stael"; did you mean "stale"?`},
		{"unknown rule without suggestion", "rules:\n  zzz: off\n", "c.yaml:2:3: unknown rule \"zzz\"; `persona rules` lists them"},
		{"option of a rule without options", "rules:\n  no-owners: {min: 1}\n", `c.yaml:2:15: rule no-owners has no option "min"; it only takes severity`},
		{"unknown option", "rules:\n  icp-vague: {min: 1}\n", `c.yaml:2:15: rule icp-vague has no option "min"; did you mean "min_constraints"?`},
		{"unknown option without suggestion", "rules:\n  icp-vague: {zzz: 1}\n", `c.yaml:2:15: rule icp-vague has no option "zzz"; its options are severity, min_constraints`},
		{"bad number", "rules:\n  icp-too-many-personas: {max: many}\n", `c.yaml:2:32: rules.icp-too-many-personas.max must be a whole number of at least 1, not "many"`},
		{"bad age", "rules:\n  stale: {max_age: 0d}\n", `c.yaml:2:20: rules.stale.max_age "0d" is not an age`},
		{"bad section kind", "rules:\n  section-missing: {required: {page: [A]}}\n", `c.yaml:2:32: "page" is not a kind`},
		{"bad section list", "rules:\n  section-missing: {required: {persona: Goals}}\n", `c.yaml:2:41: the required headings of persona must be a list`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := config.Parse("c.yaml", []byte(tt.cfg))
			if err != nil {
				t.Fatal(err)
			}
			_, err = lint.NewRunner(cfg, rules.All())
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
				t.Fatalf("error = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestSeveritiesFromConfig(t *testing.T) {
	cfg, err := config.Parse("c.yaml", []byte("rules:\n  stale: error\n  interview-orphan: off\n  no-owners: {severity: info}\n"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := lint.NewRunner(cfg, rules.All())
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]lint.Severity{"stale": lint.Error, "interview-orphan": lint.Off, "no-owners": lint.Info, "field-type": lint.Error} {
		if got := r.Severity(id); got != want {
			t.Errorf("Severity(%s) = %v, want %v", id, got, want)
		}
	}
}

func TestCompareOrdersByPathLineColumnRule(t *testing.T) {
	a := lint.Finding{Path: "a.md", Line: 2, Column: 1, Rule: "z"}
	cases := []lint.Finding{
		{Path: "b.md", Line: 1, Column: 1, Rule: "a"},
		{Path: "a.md", Line: 10, Column: 1, Rule: "a"},
		{Path: "a.md", Line: 2, Column: 5, Rule: "a"},
	}
	for _, b := range cases {
		if lint.Compare(a, b) >= 0 || lint.Compare(b, a) <= 0 {
			t.Errorf("%+v should sort before %+v", a, b)
		}
	}
}

// compareAsOrWroteIt is Compare as it was, every field compared and the
// first difference taken, which its early returns must match.
func compareAsOrWroteIt(a, b lint.Finding) int {
	return cmp.Or(
		strings.Compare(a.Path, b.Path),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		strings.Compare(a.Rule, b.Rule),
		strings.Compare(a.Message, b.Message),
	)
}

func FuzzCompare(f *testing.F) {
	f.Add("a.md", 2, 1, "z", "m", "a.md", 2, 1, "z", "m")
	f.Add("a.md", 2, 1, "z", "m", "b.md", 1, 1, "a", "")
	f.Add("a.md", -1, 0, "r", "x", "a.md", 1, 0, "r", "w")
	f.Fuzz(func(t *testing.T, pathA string, lineA, colA int, ruleA, msgA, pathB string, lineB, colB int, ruleB, msgB string) {
		a := lint.Finding{Path: pathA, Line: lineA, Column: colA, Rule: ruleA, Message: msgA}
		b := lint.Finding{Path: pathB, Line: lineB, Column: colB, Rule: ruleB, Message: msgB}
		if got, want := lint.Compare(a, b), compareAsOrWroteIt(a, b); got != want {
			t.Errorf("Compare(%+v, %+v) = %d, want %d", a, b, got, want)
		}
	})
}

// floodRule reports n findings on the one persona, last line first, the
// way a rule walking a map might.
type floodRule struct{ n int }

func (floodRule) ID() string                        { return "flood" }
func (floodRule) DefaultSeverity() finding.Severity { return finding.Warning }
func (floodRule) Summary() string                   { return "floods" }
func (floodRule) Help() string                      { return "" }
func (r floodRule) Check(c *lint.Context) {
	for _, d := range c.WS.Docs {
		for line := r.n; line >= 1; line-- {
			c.Report(d, model.Pos{Line: int32(line), Column: 1}, "finding %d", line)
		}
	}
}

// TestCapBoundsWhatARunHolds: findings beyond the cap are counted as they
// come, not held, and the ones shown are still the first in output order
// with the count of the rest exact (#28: a million bad sources took 2 GB).
func TestCapBoundsWhatARunHolds(t *testing.T) {
	for _, n := range []int{100, 101, 199, 200, 201, 1000, 123_457} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			r, err := lint.NewRunner(config.Default(), append(rules.All(), floodRule{n}))
			if err != nil {
				t.Fatal(err)
			}
			ws := workspace.FromFiles(t.TempDir(), []workspace.File{{Rel: "p.md", Data: []byte("---\nkind: persona\nname: P\n---\n")}}, workspace.Options{})
			var flood []lint.Finding
			var capped string
			for _, f := range r.Run(ws, lint.Options{}) {
				switch f.Rule {
				case "flood":
					flood = append(flood, f)
				case lint.RuleFindingsCapped:
					capped = f.Message
				}
			}
			if want := min(n, lint.MaxPerFileRule); len(flood) != want || flood[0].Line != 1 || flood[want-1].Line != want {
				t.Fatalf("kept %d findings, want lines 1 to %d: %v", len(flood), want, flood[:min(len(flood), 3)])
			}
			want := ""
			if n > lint.MaxPerFileRule {
				want = fmt.Sprintf("%s of rule flood in this file left out", words.Plural(n-lint.MaxPerFileRule, "more finding"))
			}
			if !strings.HasPrefix(capped, want) || (want == "") != (capped == "") {
				t.Errorf("findings-capped says %q, want it to start %q", capped, want)
			}
		})
	}
}

// spreadRule reports n findings on every document, on every other line
// from start: two of them interleave their findings within each file.
type spreadRule struct {
	id       string
	n, start int
}

func (r spreadRule) ID() string                      { return r.id }
func (spreadRule) DefaultSeverity() finding.Severity { return finding.Warning }
func (spreadRule) Summary() string                   { return "spreads" }
func (spreadRule) Help() string                      { return "" }
func (r spreadRule) Check(c *lint.Context) {
	for _, d := range c.WS.Docs {
		for i := range r.n {
			c.Report(d, model.Pos{Line: int32(r.start + 2*i), Column: 1}, "finding %d", i)
		}
	}
}

// TestCapCountsEachFileAndRule: with two rules' findings interleaved in
// each of three files, each file and rule is capped on its own.
func TestCapCountsEachFileAndRule(t *testing.T) {
	r, err := lint.NewRunner(config.Default(), append(rules.All(), spreadRule{"many", 150, 1}, spreadRule{"few", 50, 2}))
	if err != nil {
		t.Fatal(err)
	}
	var files []workspace.File
	for _, name := range []string{"a.md", "b.md", "c.md"} {
		files = append(files, workspace.File{Rel: name, Data: []byte("---\nkind: persona\nname: P\n---\n")})
	}
	ws := workspace.FromFiles(t.TempDir(), files, workspace.Options{})
	counts := map[string]int{}
	var capped []string
	for _, f := range r.Run(ws, lint.Options{}) {
		counts[f.Path+" "+f.Rule]++
		if f.Rule == lint.RuleFindingsCapped {
			capped = append(capped, f.Path+": "+f.Message+" ("+f.Entity+")")
		}
	}
	for _, name := range []string{"a.md", "b.md", "c.md"} {
		if counts[name+" many"] != lint.MaxPerFileRule || counts[name+" few"] != 50 || counts[name+" "+lint.RuleFindingsCapped] != 1 {
			t.Errorf("%s: %d of many, %d of few, %d capped; want %d, 50, 1", name,
				counts[name+" many"], counts[name+" few"], counts[name+" "+lint.RuleFindingsCapped], lint.MaxPerFileRule)
		}
	}
	for i, c := range capped {
		name := []string{"a", "b", "c"}[i]
		want := name + ".md: 50 more findings of rule many in this file left out"
		if !strings.HasPrefix(c, want) || !strings.HasSuffix(c, "(persona/"+name+")") {
			t.Errorf("capped %d: %q, want it to start %q and name persona/%s", i, c, want, name)
		}
	}
}
