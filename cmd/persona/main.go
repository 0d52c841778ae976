// Command persona lints, scaffolds, diffs and reports ICPs, buyer personas
// and customer interviews kept as Markdown with YAML front matter.
package main

import (
	"os"
	"runtime"

	"github.com/personakit/persona/pkg/cli"
)

func main() {
	// Nothing in persona writes a heap profile, and the runtime's samples
	// of one (a stack per 512 KiB allocated, kept to the end) count
	// against the soft memory limit lint collects under.
	runtime.MemProfileRate = 0
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
