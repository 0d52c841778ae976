package cli

import (
	"github.com/personakit/persona/pkg/fileio"
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
		return usageErrorf("cannot write %s: %v", dest, describeFSError(err))
	}
	return nil
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
