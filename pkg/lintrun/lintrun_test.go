package lintrun

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/personakit/persona/pkg/project"
	"github.com/personakit/persona/pkg/workspace"
)

// open is the examples' flawed workspace as a project, paths shown
// relative to its root.
func open(t *testing.T) (*project.Project, *workspace.Workspace) {
	t.Helper()
	root, err := filepath.Abs("../../examples/flawed")
	if err != nil {
		t.Fatal(err)
	}
	loc, err := workspace.Locate(root)
	if err != nil {
		t.Fatal(err)
	}
	p := project.New(loc, func(abs string) string { rel, _ := filepath.Rel(root, abs); return filepath.ToSlash(rel) })
	if err := p.Configure(); err != nil {
		t.Fatal(err)
	}
	ws, err := p.Load(workspace.Options{Slim: true}, true)
	if err != nil {
		t.Fatal(err)
	}
	return p, ws
}

// TestRunWithoutTheCLI: the use case reports the workspace's findings,
// and PATHs narrow them to the files under them (and the listed files
// with them).
func TestRunWithoutTheCLI(t *testing.T) {
	p, ws := open(t)
	today := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	all, err := Run(p, ws, Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]bool{}
	for _, f := range all.Findings {
		files[f.Path] = true
	}
	if len(files) < 5 || !files["personas/typo-icp.md"] || all.Listed != nil {
		t.Fatalf("findings in %d files (%v), listed filter %v", len(files), files, all.Listed != nil)
	}
	one, err := Run(p, ws, Options{Today: today, Targets: []string{p.Abs("personas/typo-icp.md")}})
	if err != nil {
		t.Fatal(err)
	}
	if len(one.Findings) == 0 || one.Listed == nil || !one.Listed("personas/typo-icp.md") || one.Listed("personas/no-icp.md") {
		t.Fatalf("with a PATH: %d findings", len(one.Findings))
	}
	for _, f := range one.Findings {
		if f.Path != "personas/typo-icp.md" {
			t.Errorf("a finding outside the PATH: %+v", f)
		}
	}
}

// TestNewFromRevNeedsGit: outside a git repository --new-from-rev says
// what it needs.
func TestNewFromRevNeedsGit(t *testing.T) {
	root := t.TempDir()
	loc, err := workspace.Locate(root)
	if err != nil {
		t.Fatal(err)
	}
	p := project.New(loc, func(abs string) string { return abs })
	if err := p.Configure(); err != nil {
		t.Fatal(err)
	}
	ws, err := p.Load(workspace.Options{Slim: true}, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Run(p, ws, Options{NewFromRev: "HEAD"}); err == nil {
		t.Fatal("--new-from-rev outside a git repository passed")
	}
}
