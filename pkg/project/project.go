// Package project is a located workspace with its config and rule set:
// what every use case (lint, fix, diff, import, new, report) starts from.
// It loads the workspace from disk or from a git revision and says where
// a write may land.
package project

import (
	"path/filepath"
	"strings"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/lint/rules"
	"github.com/personakit/persona/pkg/workspace"
)

// Project is a located workspace, ready to load.
type Project struct {
	Loc    workspace.Location
	Config *config.Config // nil until Configure
	Runner *lint.Runner   // nil until Configure
	// Show turns an absolute path into the path the user is shown.
	Show func(abs string) string
	// realRoot is the root with its symbolic links resolved, on the first
	// write (see Confine).
	realRoot string
}

// New is the project at loc, its paths shown through show; its config is
// not read yet.
func New(loc workspace.Location, show func(abs string) string) *Project {
	return &Project{Loc: loc, Show: show}
}

// Configure reads the project's config and builds its rule set.
func (p *Project) Configure() error {
	cfg, runner, err := rules.Configured(p.Loc.ConfigPath, p.Show(p.Loc.ConfigPath))
	if err != nil {
		return err
	}
	p.Config, p.Runner = cfg, runner
	return nil
}

// ShowRel is Show for a workspace-relative path.
func (p *Project) ShowRel(rel string) string {
	return p.Show(filepath.Join(p.Loc.Root, filepath.FromSlash(rel)))
}

// Abs is the absolute path of the workspace-relative path rel.
func (p *Project) Abs(rel string) string {
	return filepath.Join(p.Loc.Root, filepath.FromSlash(rel))
}

// Load reads the workspace. Only a workspace that will be linted needs the
// rules that read file text run while it loads (forLint); commands that
// only show entities skip them. Tree warnings are in the workspace's
// Warnings.
func (p *Project) Load(opts workspace.Options, forLint bool) (*workspace.Workspace, error) {
	opts.Config, opts.Inspect = p.Config, nil
	if forLint {
		opts.Inspect = p.Runner.Inspector()
	}
	return workspace.Load(p.Loc.Root, opts)
}

// Confine returns the file a write to abs would change, links resolved, or
// an error saying why persona will not write it (SPEC §12: nothing is
// written outside the workspace or into what it excludes).
func (p *Project) Confine(abs string) (string, error) {
	if p.realRoot == "" {
		real, err := fileio.Resolve(p.Loc.Root)
		if err != nil {
			return "", err
		}
		p.realRoot = real
	}
	return workspace.Confine(p.realRoot, p.Config.Exclude, abs)
}

// ConfigDir is the directory the config's paths are relative to.
func (p *Project) ConfigDir() string {
	if p.Loc.ConfigPath != "" {
		return filepath.Dir(p.Loc.ConfigPath)
	}
	return p.Loc.Root
}

// ConfigName is the config file as the user is shown it, or the name it
// would have.
func (p *Project) ConfigName() string {
	if p.Loc.ConfigPath == "" {
		return config.FileName
	}
	return p.Show(p.Loc.ConfigPath)
}

// Under returns a filter accepting workspace-relative paths at or under
// one of targets (absolute paths inside the root).
func (p *Project) Under(targets []string) func(rel string) bool {
	prefixes := make([]string, len(targets))
	for i, t := range targets {
		rel, _ := filepath.Rel(p.Loc.Root, t)
		prefixes[i] = filepath.ToSlash(rel)
	}
	return func(rel string) bool {
		for _, p := range prefixes {
			if p == "." || rel == p || strings.HasPrefix(rel, p+"/") {
				return true
			}
		}
		return false
	}
}
