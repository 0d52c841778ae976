package project

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/workspace"
)

// InputFile says what persona input path is ("" when it is none): a config
// file, a file in the templates directory, or an entity file. Links are
// resolved first, so a symlink to an entity is an entity too.
func (p *Project) InputFile(path string) string {
	real := path
	if r, err := filepath.EvalSymlinks(path); err == nil {
		real = r
	} else if !errors.Is(err, os.ErrNotExist) {
		return ""
	}
	return p.NewInputChecker().What(path, real)
}

// InputChecker tells persona's input files apart, with what is the same
// for every file looked up once, so that checking the ten thousand pages
// of an old site costs little more than a stat each.
type InputChecker struct {
	// config is the workspace's config file, stated once: nil when it has
	// none.
	config    os.FileInfo
	templates string // the templates directory, links resolved
}

func (p *Project) NewInputChecker() InputChecker {
	dir := filepath.Join(p.Loc.Root, filepath.FromSlash(p.Config.Templates))
	if realDir, err := filepath.EvalSymlinks(dir); err == nil {
		dir = realDir
	}
	c := InputChecker{templates: dir}
	if p.Loc.ConfigPath != "" {
		c.config, _ = os.Stat(p.Loc.ConfigPath)
	}
	return c
}

// What is InputFile for path, whose links resolve to real.
func (c InputChecker) What(path, real string) string {
	if filepath.Base(real) == config.FileName || filepath.Base(path) == config.FileName {
		return "a persona config file"
	}
	if c.config != nil {
		if info, err := os.Stat(real); err == nil && os.SameFile(info, c.config) {
			return "the workspace's config file"
		}
	}
	if real != c.templates && fileio.Within(c.templates, real) {
		return "a template of this workspace"
	}
	if frontmatter.IsPage(real) {
		src, _, err := fileio.ReadRegular(real, workspace.MaxFileSize)
		if err == nil {
			switch doc := frontmatter.Decode(filepath.Base(real), src); {
			case doc != nil && doc.Kind != "":
				return doc.Kind.Noun() + " entity file"
			case doc != nil:
				return "an entity file with invalid front matter"
			}
		}
	}
	return ""
}

// SameFile says whether a and b name the same existing file.
func SameFile(a, b string) bool {
	ai, err := os.Stat(a)
	if err != nil {
		return false
	}
	bi, err := os.Stat(b)
	return err == nil && os.SameFile(ai, bi)
}

// InputUnder returns a file under dir that persona reads (see InputFile),
// or a Markdown file of the workspace, with what it is; "" when dir holds
// none. A directory about to be replaced whole must hold none.
func (p *Project) InputUnder(dir string) (path, what string) {
	inputs := p.NewInputChecker()
	realDir, realDirErr := filepath.EvalSymlinks(dir)
	filepath.WalkDir(dir, func(file string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		var why string
		if rel, err := filepath.Rel(dir, file); realDirErr == nil && err == nil && file != dir && d.Type()&fs.ModeSymlink == 0 {
			// The walk follows no link, so below dir only the file
			// itself could be one: its real path is dir's joined with
			// the rest, found without resolving every file's ancestors.
			why = inputs.What(file, filepath.Join(realDir, rel))
		} else {
			why = p.InputFile(file)
		}
		if why == "" && frontmatter.IsPage(file) && fileio.Within(p.Loc.Root, file) {
			why = "a Markdown file of the workspace"
		}
		if why != "" {
			path, what = file, why
			return filepath.SkipAll
		}
		return nil
	})
	return path, what
}
