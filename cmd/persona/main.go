// Command persona lints, scaffolds, diffs and reports ICPs, buyer personas
// and customer interviews kept as Markdown with YAML front matter.
package main

import (
	"os"

	"github.com/personakit/persona/pkg/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.SystemStreams()))
}
