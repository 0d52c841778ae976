// Package fixrun is the use case behind persona fix: lint, apply the
// certain fixes file by file, and lint again until nothing is left to fix
// (SPEC §10).
package fixrun

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"time"

	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/fixes"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/project"
	"github.com/personakit/persona/pkg/suggest"
	"github.com/personakit/persona/pkg/workspace"
)

// MaxPasses bounds the rounds of fixing: a fix can make a file an entity
// (a misspelt kind) whose keys then have fixes of their own.
const MaxPasses = 5

// Options say what persona fix fixes and how it tells.
type Options struct {
	Today time.Time
	// Targets are the PATHs (absolute) whose findings are fixed.
	Targets []string
	// Rules, when given, are the only rules whose fixes apply.
	Rules []string
	// DryRun writes nothing: the passes run on the files as the fixes
	// leave them in memory, so they announce exactly what a real run does.
	DryRun bool
	// Diff prints each changed file's unified diff instead of a line per
	// fix.
	Diff bool
	// Out receives the fixes as they are made; ErrOut the files left
	// alone and why.
	Out, ErrOut io.Writer
}

// Result is what fix did and what it left.
type Result struct {
	Fixed int // fixes applied
	Files int // files changed
	// Left are the findings still there, with shown paths, in report order.
	Left []finding.Finding
}

// CheckRules says whether every one of ids names a rule of p.
func CheckRules(p *project.Project, ids []string) error {
	var known []string
	for _, r := range p.Runner.Rules() {
		known = append(known, r.ID())
	}
	for _, id := range ids {
		if !slices.Contains(known, id) {
			return fmt.Errorf("--rule %q is not a rule%s", id, suggest.DidYouMeanOr(id, known, "; persona rules lists them"))
		}
	}
	return nil
}

// Run fixes ws, p's workspace loaded for lint.
func Run(p *project.Project, ws *workspace.Workspace, o Options) (*Result, error) {
	f := &fileFixer{p: p, o: &o, files: map[string]bool{}, edited: map[string][]byte{}}
	if o.DryRun {
		ws.Overlay = func(rel string) ([]byte, bool) {
			text, ok := f.edited[rel]
			return text, ok
		}
	}
	opts := lint.Options{Today: o.Today, Include: p.Under(o.Targets)}
	fixed := 0
	var left []finding.Finding
	for pass := 0; ; pass++ {
		// Findings keep workspace-relative paths here, to read and write
		// the files; they are shown through p.ShowRel.
		byFile, placedOn, rest := f.fixable(p.Runner.Run(ws, opts))
		left = rest
		if len(byFile) == 0 || pass == MaxPasses-1 {
			// Fixes the passes ran out before are findings still there.
			for _, fs := range byFile {
				left = append(left, fs...)
			}
			slices.SortFunc(left, lint.Compare)
			break
		}
		changed, n, err := f.fixFiles(byFile, placedOn)
		if err != nil {
			return nil, err
		}
		fixed += n
		if len(changed) == 0 {
			break // every fix collided or its file changed: nothing new to lint
		}
		for _, rel := range changed {
			ws.Put(rel)
		}
	}
	for i := range left {
		left[i].Path = p.ShowRel(left[i].Path)
	}
	return &Result{Fixed: fixed, Files: len(f.files), Left: left}, nil
}

// fileFixer applies fixes to files, or in a dry run to their text in
// memory (edited), which the next pass then reads.
type fileFixer struct {
	p      *project.Project
	o      *Options
	files  map[string]bool // the files changed, for the summary
	edited map[string][]byte
}

// fixable splits a pass's findings into the fixes to apply, by file, and
// the rest; placedOn holds the bytes each file's edits are placed on: they
// are applied to those bytes only, never to a file changed since (an
// editor saving while fix runs).
func (f *fileFixer) fixable(findings []finding.Finding) (byFile map[string][]finding.Finding, placedOn map[string][]byte, rest []finding.Finding) {
	byFile, placedOn = map[string][]finding.Finding{}, map[string][]byte{}
	fixes.PlaceAll(findings, func(rel string) ([]byte, error) {
		src, err := f.read(rel)
		if err == nil {
			placedOn[rel] = src
		}
		return src, err
	})
	for _, fd := range findings {
		if fd.Fix == nil || !f.wanted(fd) {
			rest = append(rest, fd)
			continue
		}
		byFile[fd.Path] = append(byFile[fd.Path], fd)
	}
	return byFile, placedOn, rest
}

// wanted says whether fix applies fd's suggestion.
func (f *fileFixer) wanted(fd finding.Finding) bool {
	return fd.Suggestion != nil && (len(f.o.Rules) == 0 || slices.Contains(f.o.Rules, fd.Rule))
}

// read returns the file rel as the fixes so far left it.
func (f *fileFixer) read(rel string) ([]byte, error) {
	if text, ok := f.edited[rel]; ok {
		return text, nil
	}
	src, _, err := fileio.ReadRegular(f.p.Abs(rel), workspace.MaxFileSize)
	return src, err
}

// fixFiles applies (or, in a dry run, shows) the fixes of each file's
// findings, in path order, printing a line per fix or the file's diff; it
// returns the files it changed and how many fixes it applied.
func (f *fileFixer) fixFiles(byFile map[string][]finding.Finding, placedOn map[string][]byte) ([]string, int, error) {
	fixed := 0
	var changed []string
	paths := make([]string, 0, len(byFile))
	for rel := range byFile {
		paths = append(paths, rel)
	}
	slices.Sort(paths)
	for _, rel := range paths {
		n, err := f.fixFile(rel, byFile[rel], placedOn[rel])
		if err != nil {
			return changed, fixed, err
		}
		if n > 0 {
			fixed += n
			changed = append(changed, rel)
		}
	}
	return changed, fixed, nil
}

// fixFile applies the fixes of one file's findings, placed on the bytes
// placedOn, and returns how many it applied.
func (f *fileFixer) fixFile(rel string, findings []finding.Finding, placedOn []byte) (int, error) {
	p, o := f.p, f.o
	abs, err := p.Confine(p.Abs(rel))
	if err != nil {
		fmt.Fprintf(o.ErrOut, "persona: %s not fixed: %v\n", p.ShowRel(rel), err)
		return 0, nil
	}
	before, err := f.read(rel)
	if err != nil {
		return 0, fmt.Errorf("cannot read %s to fix it: %w", p.ShowRel(rel), err)
	}
	if !bytes.Equal(before, placedOn) {
		fmt.Fprintf(o.ErrOut, "persona: %s changed while it was being fixed; left as it is, run persona fix again\n", p.ShowRel(rel))
		return 0, nil
	}
	// One edit per finding, in order; an edit that overlaps another
	// waits for the next pass.
	var edits []finding.Edit
	for _, fd := range findings {
		edits = append(edits, fd.Fix.Edits...)
	}
	after, applied := fixes.Apply(before, edits)
	n := 0
	for _, ok := range applied {
		if ok {
			n++
		}
	}
	if n == 0 {
		return 0, nil
	}
	f.files[rel] = true
	if o.Diff {
		fmt.Fprint(o.Out, fixes.Diff(filepath.ToSlash(p.ShowRel(rel)), before, after))
	} else {
		for i, fd := range findings {
			if applied[i] {
				fmt.Fprintf(o.Out, "%s:%d:%d: %s (%s)\n", p.ShowRel(rel), fd.Line, fd.Column, fd.Fix.Description, fd.Rule)
			}
		}
	}
	if o.DryRun {
		f.edited[rel] = after
	} else if err := fileio.Write(abs, after, true); err != nil {
		return 0, fmt.Errorf("cannot write %s: %w", p.ShowRel(rel), err)
	}
	return n, nil
}
