package cli

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/workspace"
)

// writeOutput sends a command's rendered output to stdout (dest "") or to
// the file dest. A report is an output the command exists to write, so a
// regular file is replaced, atomically and keeping its mode; a FIFO or a
// device is written in place. What persona reads as input (the config, a
// template, an entity file) is never a destination.
func (g *globalOptions) writeOutput(p *project, dest string, data []byte) error {
	if dest == "" {
		if _, err := g.streams.Out.Write(data); err != nil {
			return usageErrorf("writing the output: %v", err)
		}
		return nil
	}
	path, err := g.outputPath(p, dest, "")
	if err != nil {
		return err
	}
	if err := fileio.Write(path, data, true); err != nil {
		return usageErrorf("cannot write %s: %v", dest, describeFSError(err))
	}
	return nil
}

// outputPath resolves -o's dest, refusing what persona reads: its inputs
// (see inputFile) and the files a command names in reads, each of them
// what (such as "an account file").
func (g *globalOptions) outputPath(p *project, dest, what string, reads ...string) (string, error) {
	path, err := g.abs(dest)
	if err != nil {
		return "", err
	}
	if why := p.inputFile(path); why != "" {
		return "", usageErrorf("refusing to write over %s: it is %s; choose another output file", dest, why)
	}
	for _, r := range reads {
		if r == path || sameFile(r, path) {
			return "", usageErrorf("refusing to write over %s: it is %s this command reads; choose another output file", dest, what)
		}
	}
	return path, nil
}

// inputFile says what persona input path is ("" when it is none): a config
// file, a file in the templates directory, or an entity file. Links are
// resolved first, so a symlink to an entity is an entity too.
func (p *project) inputFile(path string) string {
	real := path
	if r, err := filepath.EvalSymlinks(path); err == nil {
		real = r
	} else if !errors.Is(err, os.ErrNotExist) {
		return ""
	}
	return p.newInputChecker().what(path, real)
}

// inputChecker tells persona's input files apart, with what is the same
// for every file looked up once, so that checking the ten thousand pages
// of an old site costs little more than a stat each.
type inputChecker struct {
	configPath string // the workspace's config, "" when it has none
	templates  string // the templates directory, links resolved
}

func (p *project) newInputChecker() inputChecker {
	dir := filepath.Join(p.loc.Root, filepath.FromSlash(p.cfg.Templates))
	if realDir, err := filepath.EvalSymlinks(dir); err == nil {
		dir = realDir
	}
	return inputChecker{configPath: p.loc.ConfigPath, templates: dir}
}

// what is inputFile for path, whose links resolve to real.
func (c inputChecker) what(path, real string) string {
	if filepath.Base(real) == config.FileName || filepath.Base(path) == config.FileName {
		return "a persona config file"
	}
	if c.configPath != "" && sameFile(real, c.configPath) {
		return "the workspace's config file"
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

func sameFile(a, b string) bool {
	ai, err := os.Stat(a)
	if err != nil {
		return false
	}
	bi, err := os.Stat(b)
	return err == nil && os.SameFile(ai, bi)
}
