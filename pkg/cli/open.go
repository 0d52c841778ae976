package cli

import (
	"fmt"
	"os"

	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/model"
	projectpkg "github.com/personakit/persona/pkg/project"
	"github.com/personakit/persona/pkg/suggest"
	"github.com/personakit/persona/pkg/workspace"
)

// project is a located workspace with its config and rule set.
type project = projectpkg.Project

// locateProject finds the workspace for start (absolute) without reading
// its config.
func (g *globalOptions) locateProject(start string) (*project, error) {
	if _, err := os.Stat(start); err != nil {
		return nil, usageErrorf("%s: %v", start, fileio.Describe(err))
	}
	loc, err := workspace.Locate(start)
	if err != nil {
		return nil, usageErrorf("cannot find the workspace for %s: %v", start, fileio.Describe(err))
	}
	show, err := g.display()
	if err != nil {
		return nil, err
	}
	return projectpkg.New(loc, show), nil
}

// openProject finds the workspace for start (absolute), reads its config
// and checks it against the rules. Every failure is a usage error.
func (g *globalOptions) openProject(start string) (*project, error) {
	p, err := g.locateProject(start)
	if err != nil {
		return nil, err
	}
	if err := p.Configure(); err != nil {
		return nil, usageError(err)
	}
	return p, nil
}

// load reads the workspace of p (see project.Load), printing tree
// warnings to errOut.
func (g *globalOptions) load(p *project, opts workspace.Options, forLint bool) (*workspace.Workspace, error) {
	g.tuneGC()
	ws, err := p.Load(opts, forLint)
	if err != nil {
		return nil, usageError(err)
	}
	for _, w := range ws.Warnings {
		fmt.Fprintf(g.streams.ErrOut, "persona: warning: %s\n", w)
	}
	return ws, nil
}

// loadFor opens the project of the optional PATH argument (default: the
// working directory) and loads its workspace.
func (g *globalOptions) loadFor(args []string, opts workspace.Options, forLint bool) (*project, *workspace.Workspace, error) {
	p, _, err := g.projectOfTargets(args, "run")
	if err != nil {
		return nil, nil, err
	}
	ws, err := g.load(p, opts, forLint)
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
