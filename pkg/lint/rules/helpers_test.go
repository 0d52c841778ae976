package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/match"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/workspace"
)

// today is the fixed date every rule test measures staleness from.
var today = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// cleanWorkspace lints with no findings at all; each test case changes or
// adds files to make one rule fire (or not).
func cleanWorkspace() map[string]string {
	files := map[string]string{
		"icps/saas.md": `---
kind: icp
title: SaaS
owners: [sales]
reviewed: 2026-10-01
firmographics:
  industries: [software]
  employees: {min: 100, max: 1000}
---
`,
		"personas/fiona.md": `---
kind: persona
name: Fiona
icp: saas
owners: [marketing]
reviewed: 2026-10-01
share: 0.5
goals: [Close faster]
sources: [one, two, three]
---
`,
	}
	for _, id := range []string{"one", "two", "three"} {
		files["interviews/"+id+".md"] = "---\nkind: interview\ndate: 2026-09-01\nicp: saas\ninterviewee: {company_size: 200}\nconsent: true\n---\n"
	}
	return files
}

// with returns the clean workspace with files replaced or added; an empty
// content deletes the file.
func with(changes map[string]string) map[string]string {
	files := cleanWorkspace()
	for p, c := range changes {
		if c == "" {
			delete(files, p)
			continue
		}
		files[p] = c
	}
	return files
}

// lintFindings writes files (and .persona.yaml when cfg is not empty) to a
// temporary workspace, lints it and returns the findings of rule as
// "path:line:col severity".
func lintFindings(t *testing.T, files map[string]string, cfg, rule string) []string {
	t.Helper()
	return lintFindingsOf(t, files, cfg, rule, false)
}

// lintMessages is lintFindings with each finding's message after it.
func lintMessages(t *testing.T, files map[string]string, cfg, rule string) []string {
	t.Helper()
	return lintFindingsOf(t, files, cfg, rule, true)
}

func lintFindingsOf(t *testing.T, files map[string]string, cfg, rule string, withMessages bool) []string {
	t.Helper()
	root := t.TempDir()
	if cfg != "" {
		files[config.FileName] = cfg
	}
	for p, content := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := config.Default()
	if cfg != "" {
		var err error
		if c, err = config.Parse(config.FileName, []byte(cfg)); err != nil {
			t.Fatal(err)
		}
	}
	runner, err := lint.NewRunner(c, All())
	if err != nil {
		t.Fatal(err)
	}
	// Every case is linted from a workspace that keeps claims, as the
	// report loads one, and as lint does (slim and lean): both must find
	// the same.
	var out []string
	loads := []struct {
		name string
		opts workspace.Options
	}{{"full", workspace.Options{}}, {"lean", workspace.Options{Slim: true, Lean: true}}}
	for i, load := range loads {
		opts := load.opts
		opts.Config, opts.Inspect = c, runner.Inspector()
		ws, err := workspace.Load(root, opts)
		if err != nil {
			t.Fatal(err)
		}
		customers, _, err := match.Measure(c, root, func(abs string) string {
			rel, _ := filepath.Rel(root, abs)
			return filepath.ToSlash(rel)
		}, ws.Entities(model.KindICP))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range runner.Run(ws, lint.Options{Today: today, Customers: customers}) {
			if f.Rule == rule {
				got = append(got, fmt.Sprintf("%s:%d:%d %s", f.Path, f.Line, f.Column, f.Severity))
				if withMessages {
					got[len(got)-1] += " " + f.Message
				}
			}
		}
		if i == 0 {
			out = got
		} else if !slices.Equal(got, out) {
			t.Errorf("%s: a %s load finds %q, a full one %q", rule, load.name, got, out)
		}
	}
	return out
}

// ruleCase is one table row of a rule test.
type ruleCase struct {
	name  string
	files map[string]string
	cfg   string
	want  []string
}

func runRuleCases(t *testing.T, rule string, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := lintFindings(t, tc.files, tc.cfg, rule)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s findings = %q, want %q", rule, got, tc.want)
			}
		})
	}
}

func TestCleanWorkspaceIsClean(t *testing.T) {
	for _, r := range All() {
		if got := lintFindings(t, cleanWorkspace(), "", r.ID()); len(got) != 0 {
			t.Errorf("%s fires on the clean workspace: %q", r.ID(), got)
		}
	}
}

func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range All() {
		if seen[r.ID()] {
			t.Errorf("rule %s registered twice", r.ID())
		}
		seen[r.ID()] = true
		if r.Summary() == "" || r.Help() == "" {
			t.Errorf("rule %s lacks a summary or help", r.ID())
		}
		if _, err := os.Stat(strings.ReplaceAll(r.ID(), "-", "_") + ".go"); err != nil {
			t.Errorf("rule %s has no file of its own: %v", r.ID(), err)
		}
	}
	if len(seen) != 42 {
		t.Errorf("%d rules registered, the contract has 42", len(seen))
	}
}

// fm builds a file whose front matter holds lines; lines[i] is on file
// line i+2.
func fm(lines ...string) string {
	return "---\n" + strings.Join(lines, "\n") + "\n---\n"
}

// persona is the clean persona with extra or replaced keys.
func persona(lines ...string) string {
	base := []string{"kind: persona", "name: Fiona", "icp: saas", "owners: [marketing]", "reviewed: 2026-10-01",
		"share: 0.5", "goals: [Close faster]", "sources: [one, two, three]"}
	return fm(merge(base, lines)...)
}

// merge replaces base lines by key ("key: ...") and appends new keys.
func merge(base, changes []string) []string {
	out := slices.Clone(base)
	for _, c := range changes {
		key, _, _ := strings.Cut(c, ":")
		replaced := false
		for i, b := range out {
			if bk, _, _ := strings.Cut(b, ":"); bk == key && !strings.HasPrefix(c, " ") {
				if strings.HasSuffix(c, ": <delete>") {
					out = append(out[:i], out[i+1:]...)
				} else {
					out[i] = c
				}
				replaced = true
				break
			}
		}
		if !replaced {
			out = append(out, c)
		}
	}
	return out
}

// configErrorCase is a config a rule must refuse, with part of the message.
type configErrorCase struct{ name, cfg, want string }

// configErrorCases parses each config and builds the rules from it: one of
// the two must fail with a message containing want.
func configErrorCases(t *testing.T, cases []configErrorCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := config.Parse(config.FileName, []byte(tc.cfg))
			if err == nil {
				_, err = lint.NewRunner(c, All())
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// loadWithAllRules loads root as a report does, bodies kept, with every
// rule's default runner inspecting each file.
func loadWithAllRules(t *testing.T, root string) (*lint.Runner, *workspace.Workspace) {
	t.Helper()
	runner, err := lint.NewRunner(config.Default(), All())
	if err != nil {
		t.Fatal(err)
	}
	ws, err := workspace.Load(root, workspace.Options{Inspect: runner.Inspector(), KeepBodies: true})
	if err != nil {
		t.Fatal(err)
	}
	return runner, ws
}
