package langserver

import (
	"fmt"
	"path/filepath"
	"slices"

	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/lint/rules"
	"github.com/personakit/persona/pkg/workspace"
)

// space is one loaded workspace: what persona lint would load for it, the
// open files' unsaved text laid over it, and the current findings.
type space struct {
	loc    workspace.Location
	runner *lint.Runner
	ws     *workspace.Workspace
	// findings by workspace-relative path, as persona lint reports them.
	findings map[string][]finding.Finding
	open     map[string]*buffer // by workspace-relative path
	// broken says why nothing is checked (an invalid config), or "".
	broken string
}

// buffer is an open file and its unsaved text.
type buffer struct {
	uri     string
	abs     string
	text    []byte
	version int32
	sp      *space
	rel     string // in sp; "" when the file is no Markdown of the workspace
}

// spaceFor returns the loaded workspace abs (a file) belongs to, loading it
// on first use exactly as persona lint does.
func (s *server) spaceFor(abs string) *space {
	loc, err := workspace.Locate(filepath.Dir(abs))
	if err != nil {
		return nil
	}
	if sp := s.spaces[loc.Root]; sp != nil {
		return sp
	}
	sp := &space{loc: loc, open: map[string]*buffer{}}
	s.spaces[loc.Root] = sp
	s.load(sp)
	return sp
}

// load (re)reads the config and every file of the workspace and lints it
// all; open files keep their unsaved text.
func (s *server) load(sp *space) {
	sp.broken, sp.ws, sp.findings = "", nil, map[string][]finding.Finding{}
	cfg, runner, err := rules.Configured(sp.loc.ConfigPath, sp.loc.ConfigPath)
	if err == nil {
		sp.runner = runner
		// A file in no repository and under no config is checked with its
		// directory's files only: that directory may be / or a home
		// directory, which the server must not walk.
		shallow := sp.loc.ConfigPath == "" && sp.loc.GitTop == ""
		sp.ws, err = workspace.Load(sp.loc.Root, workspace.Options{Config: cfg, Inspect: runner.Inspector(), Slim: true, Lean: true, Shallow: shallow})
	}
	if err != nil {
		sp.broken = err.Error()
		s.showError(fmt.Sprintf("persona: nothing is checked in %s: %s", sp.loc.Root, sp.broken))
		return
	}
	sp.ws.Overlay = func(rel string) ([]byte, bool) {
		if b := sp.open[rel]; b != nil {
			return b.text, true
		}
		return nil, false
	}
	// Files opened before a reload keep their unsaved text.
	for rel := range sp.open {
		sp.ws.Put(rel)
	}
	for _, f := range sp.runner.Run(sp.ws, lint.Options{Today: s.opts.Today()}) {
		sp.findings[f.Path] = append(sp.findings[f.Path], f)
	}
	if s.opts.Loaded != nil {
		s.opts.Loaded()
	}
}

// rel returns abs relative to the workspace root, '/'-separated, or false
// when it lies outside.
func (sp *space) rel(abs string) (string, bool) {
	r, err := filepath.Rel(sp.loc.Root, abs)
	if err != nil || r == "." || !filepath.IsLocal(r) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// refresh takes in a change of the file rel (its buffer, or the file on
// disk when it is not open): it decodes that file again, re-checks the
// documents the change can affect, and publishes the diagnostics of those
// that are open.
func (s *server) refresh(sp *space, rel string) {
	if sp.broken != "" {
		return
	}
	old, now := sp.ws.Put(rel)
	scope := sp.ws.Affected(rel, old, now)
	found := sp.runner.Run(sp.ws, lint.Options{Today: s.opts.Today(), Scope: scope})
	before := map[string][]finding.Finding{}
	for _, d := range scope {
		before[d.Path] = sp.findings[d.Path]
	}
	delete(sp.findings, rel)
	for _, d := range scope {
		delete(sp.findings, d.Path)
	}
	for _, f := range found {
		sp.findings[f.Path] = append(sp.findings[f.Path], f)
	}
	// The changed file is published even when it is no document now (its
	// diagnostics are then cleared), and before the others it affects.
	if b := sp.open[rel]; b != nil {
		s.publish(b)
	}
	// The others only when what they show changed: opening a file must
	// not redraw every open file that depends on it.
	for _, d := range scope {
		if b := sp.open[d.Path]; b != nil && d.Path != rel && !sameFindings(before[d.Path], sp.findings[d.Path]) {
			s.publish(b)
		}
	}
}

// sameFindings reports whether two files' findings would show alike.
func sameFindings(a, b []finding.Finding) bool {
	return slices.EqualFunc(a, b, func(x, y finding.Finding) bool {
		return x.Rule == y.Rule && x.Severity == y.Severity && x.Line == y.Line && x.Column == y.Column && x.Message == y.Message
	})
}
