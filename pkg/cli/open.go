package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/lint/rules"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/suggest"
	"github.com/personakit/persona/pkg/workspace"
)

// project is a located workspace with its config and rule set, ready to load.
type project struct {
	loc     workspace.Location
	cfg     *config.Config
	runner  *lint.Runner
	show    func(abs string) string // absolute path → shown path
	showRel func(rel string) string // workspace-relative path → shown path
	// realRoot is the root with its symbolic links resolved, on the first
	// write (see confine).
	realRoot string
}

// locateProject finds the workspace for start (absolute) without reading
// its config.
func (g *globalOptions) locateProject(start string) (*project, error) {
	if _, err := os.Stat(start); err != nil {
		return nil, usageErrorf("%s: %v", start, describeFSError(err))
	}
	loc, err := workspace.Locate(start)
	if err != nil {
		return nil, usageErrorf("cannot find the workspace for %s: %v", start, describeFSError(err))
	}
	show, err := g.display()
	if err != nil {
		return nil, err
	}
	return &project{
		loc:     loc,
		show:    show,
		showRel: func(rel string) string { return show(filepath.Join(loc.Root, filepath.FromSlash(rel))) },
	}, nil
}

// openProject finds the workspace for start (absolute), reads its config
// and checks it against the rules. Every failure is a usage error.
func (g *globalOptions) openProject(start string) (*project, error) {
	p, err := g.locateProject(start)
	if err != nil {
		return nil, err
	}
	cfg, runner, err := rules.Configured(p.loc.ConfigPath, p.show(p.loc.ConfigPath))
	if err != nil {
		return nil, usageError(err)
	}
	p.cfg, p.runner = cfg, runner
	return p, nil
}

// load reads the workspace, printing tree warnings to errOut.
func (p *project) load(g *globalOptions) (*workspace.Workspace, error) {
	return p.loadWith(g, workspace.Options{}, true)
}

// loadWith is load with extra options (such as keeping bodies). Only a
// workspace that will be linted needs the rules that read file text run
// while it loads; commands that only show entities skip them.
func (p *project) loadWith(g *globalOptions, opts workspace.Options, forLint bool) (*workspace.Workspace, error) {
	g.tuneGC()
	opts.Config, opts.Inspect = p.cfg, nil
	if forLint {
		opts.Inspect = p.runner.Inspector()
	}
	ws, err := workspace.Load(p.loc.Root, opts)
	if err != nil {
		return nil, usageError(err)
	}
	for _, w := range ws.Warnings {
		fmt.Fprintf(g.streams.ErrOut, "persona: warning: %s\n", w)
	}
	return ws, nil
}

func describeFSError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New("no such file or directory")
	}
	return err
}

// loadFor opens the project of the optional PATH argument (default: the
// working directory) and loads its workspace.
func (g *globalOptions) loadFor(args []string, opts workspace.Options, forLint bool) (*project, *workspace.Workspace, error) {
	p, _, err := g.projectOfTargets(args, "run")
	if err != nil {
		return nil, nil, err
	}
	ws, err := p.loadWith(g, opts, forLint)
	if err != nil {
		return nil, nil, err
	}
	return p, ws, nil
}

// requireICP checks a --icp argument against the workspace.
func requireICP(ws *workspace.Workspace, id string) error {
	if id != "" && ws.Lookup(model.KindICP, id) == nil {
		return usageErrorf("icp %q does not exist%s", id, suggest.DidYouMeanOr(id, ws.IDs(model.KindICP), ""))
	}
	return nil
}

// confine returns the file a write to abs would change, links resolved, or
// an error saying why persona will not write it (SPEC §12: nothing is
// written outside the workspace or into what it excludes).
func (p *project) confine(abs string) (string, error) {
	if p.realRoot == "" {
		real, err := fileio.Resolve(p.loc.Root)
		if err != nil {
			return "", err
		}
		p.realRoot = real
	}
	return workspace.Confine(p.realRoot, p.cfg.Exclude, abs)
}
