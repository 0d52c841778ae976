package cli

import (
	"os"
	"time"

	"github.com/personakit/persona/pkg/fileio"
)

// parseToday reads --today (YYYY-MM-DD); empty means the day of now. Every
// command that judges dates takes it, so runs and tests are reproducible.
func parseToday(s string, now time.Time) (time.Time, error) {
	if s == "" {
		y, m, d := now.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, usageErrorf("--today %q is not a date; write it as YYYY-MM-DD", s)
	}
	return t, nil
}

// targets resolves the PATH arguments (default: the working directory).
func (g *globalOptions) targets(args []string) ([]string, error) {
	if len(args) == 0 {
		args = []string{"."}
	}
	out := make([]string, 0, len(args))
	for _, a := range args {
		abs, err := g.abs(a)
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(abs); err != nil {
			// Name the path as it was asked for, -C included, not "."
			return nil, usageErrorf("%s: %v", g.shownArg(a), fileio.Describe(err))
		}
		out = append(out, abs)
	}
	return out, nil
}

// projectOfTargets resolves the PATH arguments and opens the workspace of
// the first; every PATH must lie in it, since one run works on one
// workspace (verb names the command in the message: "lint", "fix").
func (g *globalOptions) projectOfTargets(args []string, verb string) (*project, []string, error) {
	targets, err := g.targets(args)
	if err != nil {
		return nil, nil, err
	}
	p, err := g.openProject(targets[0])
	if err != nil {
		return nil, nil, err
	}
	for _, t := range targets {
		if !fileio.Within(p.Loc.Root, t) {
			return nil, nil, usageErrorf("%s is outside the workspace %s; %s each workspace on its own", p.Show(t), p.Show(p.Loc.Root), verb)
		}
	}
	return p, targets, nil
}
