package cli

import (
	"bufio"
	"io"

	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/match"
	projectpkg "github.com/personakit/persona/pkg/project"
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
		return usageErrorf("cannot write %s: %v", dest, fileio.Describe(err))
	}
	return nil
}

// writeRendered is writeOutput for an output that render writes as it
// goes: a lint report of thousands of findings is streamed to stdout or
// to the file (atomically, as writeOutput writes it) instead of being
// held whole first, which at 52,500 files was 16 MB of buffer grown and
// thrown away while every entity was still in memory. A failure to write
// says so, as writeOutput's does; any other is render's, about format.
func (g *globalOptions) writeRendered(p *project, format, dest string, render func(io.Writer) error) error {
	var writeErr, renderErr error
	err := g.writeStream(p, dest, nil, func(w io.Writer) error {
		bw := bufio.NewWriterSize(writerNoting{w, &writeErr}, 64<<10)
		if renderErr = render(bw); renderErr != nil {
			return renderErr
		}
		return bw.Flush()
	})
	switch {
	case writeErr != nil && dest == "":
		return usageErrorf("writing the output: %v", writeErr)
	case writeErr != nil:
		return usageErrorf("cannot write %s: %v", dest, fileio.Describe(writeErr))
	case renderErr != nil:
		return usageErrorf("rendering %s: %v", format, renderErr)
	}
	return err
}

// writerNoting passes writes on to w and keeps the first error w gave.
type writerNoting struct {
	w   io.Writer
	err *error
}

func (n writerNoting) Write(b []byte) (int, error) {
	c, err := n.w.Write(b)
	if err != nil && *n.err == nil {
		*n.err = err
	}
	return c, err
}

// outputPath resolves -o's dest, refusing what persona reads: its inputs
// (see project.InputFile) and the files a command names in reads, each of them
// what (such as "an account file").
func (g *globalOptions) outputPath(p *project, dest, what string, reads ...string) (string, error) {
	path, err := g.abs(dest)
	if err != nil {
		return "", err
	}
	if why := p.InputFile(path); why != "" {
		return "", usageErrorf("refusing to write over %s: it is %s; choose another output file", dest, why)
	}
	for _, r := range reads {
		if r == path || projectpkg.SameFile(r, path) {
			return "", usageErrorf("refusing to write over %s: it is %s this command reads; choose another output file", dest, what)
		}
	}
	return path, nil
}

// writeStream is writeOutput for output produced as it is computed: to
// stdout as it comes, or atomically to a file, which is never one of the
// account files read.
func (g *globalOptions) writeStream(p *project, dest string, inputs []match.Input, fill func(io.Writer) error) error {
	if dest == "" {
		return fill(g.streams.Out)
	}
	var reads []string
	for _, in := range inputs {
		if in.Path != "-" {
			reads = append(reads, in.Path)
		}
	}
	path, err := g.outputPath(p, dest, "an account file", reads...)
	if err != nil {
		return err
	}
	var failed error
	err = fileio.WriteFrom(path, true, func(w io.Writer) error {
		failed = fill(w)
		return failed
	})
	if failed != nil {
		return failed
	}
	if err != nil {
		return usageErrorf("cannot write %s: %v", dest, fileio.Describe(err))
	}
	return nil
}
