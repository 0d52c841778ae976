package adopt

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/personakit/persona/pkg/claims"
	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/fixes"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/project"
	"github.com/personakit/persona/pkg/suggest"
	"github.com/personakit/persona/pkg/words"
	"github.com/personakit/persona/pkg/workspace"
)

// ImportOptions say which pages persona import adopts and how it tells.
type ImportOptions struct {
	// Kind, ICP and HeadingLevel are as in Options.
	Kind         model.Kind
	ICP          string
	HeadingLevel int
	// OutDir is where split personas go, absolute; "" means a personas/
	// directory beside each page.
	OutDir string
	// Targets are the PATHs (absolute) whose pages are adopted.
	Targets []string
	// DryRun writes nothing and explains every page in one line; Diff
	// prints each file's unified diff instead of a line per file.
	DryRun, Diff bool
	// Out receives a line per page and per file as the import goes.
	Out io.Writer
}

// Imported is what an import did.
type Imported struct {
	Written  int // files written (or, in a dry run, that would be)
	Personas int // personas among the files planned
	// ICP is the ICP every persona was given ("" for none); ICPs are the
	// workspace's.
	ICP  string
	ICPs []string
	// Skipped are the pages left alone, by reason.
	Skipped map[string][]string
}

// Import adopts the pages of p's workspace under o.Targets (SPEC §12).
// ws is the workspace as loaded, to know the ids taken and the ICPs.
func Import(p *project.Project, ws *workspace.Workspace, o ImportOptions) (*Imported, error) {
	opts, err := importPlanOptions(p, ws, o)
	if err != nil {
		return nil, err
	}
	res := &Imported{ICP: opts.ICP, ICPs: ws.IDs(model.KindICP), Skipped: map[string][]string{}}
	inTargets := p.Under(o.Targets)
	for _, rel := range ws.MarkdownFiles() {
		if !inTargets(rel) {
			continue
		}
		src, skip := readPage(p, rel)
		if skip == "" {
			var err error
			if skip, err = importPage(p, o, opts, rel, src, res); err != nil {
				return nil, err
			}
		}
		if skip != "" {
			res.Skipped[skip] = append(res.Skipped[skip], rel)
		}
	}
	return res, nil
}

// importPlanOptions are the options every page is planned with.
func importPlanOptions(p *project.Project, ws *workspace.Workspace, o ImportOptions) (Options, error) {
	opts := Options{Kind: o.Kind, ICP: o.ICP, HeadingLevel: o.HeadingLevel,
		Sections: claims.DefaultSections().Merge(p.Config.Sections), Taken: map[string]string{}}
	if o.OutDir != "" {
		rel, _ := filepath.Rel(p.Loc.Root, o.OutDir)
		opts.OutDir = filepath.ToSlash(rel)
	}
	for _, d := range ws.Entities(model.KindPersona) {
		opts.Taken[d.ID] = d.Path
	}
	icps := ws.IDs(model.KindICP)
	switch {
	case o.ICP != "" && !slices.Contains(icps, o.ICP):
		return opts, fmt.Errorf("--icp %q is not an ICP of this workspace%s", o.ICP, suggest.DidYouMeanOr(o.ICP, icps, "; create it first, or leave --icp out"))
	case o.ICP == "" && len(icps) == 1:
		opts.ICP = icps[0]
	}
	return opts, nil
}

// readPage reads the page rel, or says why it is skipped.
func readPage(p *project.Project, rel string) ([]byte, string) {
	abs := p.Abs(rel)
	if _, err := p.Confine(abs); err != nil {
		// Adopting writes the page back: never through a link that
		// leaves the workspace (lint does not load it either).
		if errors.Is(err, workspace.ErrExcludedTarget) {
			return nil, "it is a symbolic link to a file the config excludes"
		}
		return nil, "it is a symbolic link to a file outside the workspace"
	}
	src, tooLarge, err := fileio.ReadRegular(abs, workspace.MaxFileSize)
	switch {
	case err != nil:
		return nil, "it cannot be read"
	case tooLarge:
		// Only the first 8 MiB were read: adopting that would cut the
		// page short when it is written back.
		return nil, "it is larger than 8 MiB, more than persona reads of a page"
	}
	return src, ""
}

// importPage plans the page rel and writes what the plan says, or returns
// why the page is skipped.
func importPage(p *project.Project, o ImportOptions, opts Options, rel string, src []byte, res *Imported) (string, error) {
	plan := PlanPage(rel, src, opts)
	if plan.Skipped != "" {
		if o.DryRun {
			// A dry run explains every page, one line each.
			fmt.Fprintf(o.Out, "%s: skipped: %s\n", p.ShowRel(rel), plan.Skipped)
		}
		return plan.Skipped, nil
	}
	if o.DryRun {
		fmt.Fprintf(o.Out, "%s: %s\n", p.ShowRel(rel), plan.Why)
	}
	for _, w := range plan.Writes {
		if w.Kind == model.KindPersona {
			res.Personas++
		}
		n, err := applyWrite(p, o, w, src)
		if err != nil {
			return "", err
		}
		res.Written += n
	}
	return "", nil
}

// applyWrite writes (or, in a dry run, shows) one planned file and says so;
// it returns 1 when the file is (or would be) written. src is the page the
// write came from.
func applyWrite(p *project.Project, o ImportOptions, w Write, src []byte) (int, error) {
	out := o.Out
	shown := p.ShowRel(w.Path)
	abs, err := p.Confine(p.Abs(w.Path))
	if err != nil {
		return 0, fmt.Errorf("will not write %s: %w; remove the link or choose another --out", shown, err)
	}
	var before []byte
	if !w.InPlace {
		existing, _, err := fileio.ReadRegular(abs, workspace.MaxFileSize)
		switch {
		case err == nil && bytes.Equal(existing, w.Content):
			fmt.Fprintf(out, "unchanged %s\n", shown)
			return 0, nil
		case err == nil:
			fmt.Fprintf(out, "kept %s: it exists and differs from the persona %q of %s; not overwritten\n", shown, w.ID, p.ShowRel(w.From))
			return 0, nil
		case !errors.Is(err, fs.ErrNotExist):
			return 0, fmt.Errorf("cannot check %s before writing it: %w", shown, err)
		}
	} else {
		before = src
	}
	note := ""
	if w.Proto {
		note = ", status: proto (no evidence yet)"
	}
	switch {
	case o.Diff:
		fmt.Fprint(out, fixes.Diff(filepath.ToSlash(shown), before, w.Content))
	case w.InPlace:
		fmt.Fprintf(out, "adopted %s as %s %q%s\n", shown, w.Kind, w.ID, note)
	default:
		fmt.Fprintf(out, "split %s into %s (persona %q%s)\n", p.ShowRel(w.From), shown, w.ID, note)
	}
	if o.DryRun {
		return 1, nil
	}
	if err := fileio.Write(abs, w.Content, w.InPlace); err != nil {
		return 0, fmt.Errorf("cannot write %s: %w", shown, err)
	}
	return 1, nil
}

// SkippedLines are the lines that sum up the skipped pages: one per
// reason, in order, naming the first three pages.
func SkippedLines(skipped map[string][]string, show func(rel string) string) []string {
	reasons := make([]string, 0, len(skipped))
	for r := range skipped {
		reasons = append(reasons, r)
	}
	slices.Sort(reasons)
	lines := make([]string, 0, len(reasons))
	for _, r := range reasons {
		paths := skipped[r]
		shown := make([]string, 0, min(len(paths), 3))
		for _, rel := range paths[:min(len(paths), 3)] {
			shown = append(shown, show(rel))
		}
		more := ""
		if len(paths) > 3 {
			more = fmt.Sprintf(" and %d more", len(paths)-3)
		}
		lines = append(lines, fmt.Sprintf("skipped %s (%s%s): %s", words.Plural(len(paths), "page"), strings.Join(shown, ", "), more, r))
	}
	return lines
}
