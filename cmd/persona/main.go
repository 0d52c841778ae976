// Command persona lints, scaffolds, diffs and reports ICPs, buyer personas
// and customer interviews kept as Markdown with YAML front matter.
package main

import (
	"os"

	"github.com/personakit/persona/pkg/cli"
)

func main() {
	os.Exit(persona())
}

// persona runs the command line with the process's streams and lets the
// commands tune the process's garbage collector, which only the process
// may: tests that run commands in-process leave theirs alone.
func persona() int {
	streams := cli.SystemStreams()
	streams.Collector = cli.ProcessCollector()
	return cli.Main(os.Args[1:], streams)
}
