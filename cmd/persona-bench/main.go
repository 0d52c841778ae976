// Command persona-bench is the development tool behind .ci/bench: it
// generates workspaces, runs the "floor" program (walk, read, split and
// decode every front matter into yaml.Node on all cores: the least any
// linter of these files must do), and times commands against each other.
// It is not shipped in releases.
//
//	persona-bench generate DIR ICPS     write ICPS × 21 files under DIR
//	persona-bench hostile KIND N DIR    write one hostile input of size N
//	persona-bench names DIR             write the hostile-name workspace
//	persona-bench realprose [--near-duplicates] SRC DST [CORPORA]
//	                                    copy a realistic workspace with its
//	                                    claims in real prose (generate.RealProse)
//	persona-bench accounts FILE N SHAPE write N accounts as CSV (hubspot,
//	                                    salesforce or table)
//	persona-bench icps DIR N            write N ICPs for persona match
//	persona-bench floor DIR             the floor program
//	persona-bench time RUNS CMD ARGS... median wall time and peak RSS of CMD
//	persona-bench lsp PERSONA DIR EDITS  persona lsp against lint: first
//	                                    diagnostics, edit latency, memory
//	persona-bench gcshare MAX ARGS... run persona ARGS in-process as cmd/persona does; fail when the
//	                                    collector took more than MAX of its CPU (runtime/metrics)
//	persona-bench race RUNS 'CMD ARGS' 'CMD ARGS'...
//	                                    the same for several commands, run in
//	                                    turn so that machine noise hits all alike
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/generate"
	"go.yaml.in/yaml/v3"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "persona-bench:", err)
		os.Exit(2)
	}
}

// subcommands are persona-bench's commands, each given its arguments
// with the subcommand's name first.
func subcommands() map[string]func(args []string) error {
	return map[string]func(args []string) error{
		"generate":  cmdGenerate,
		"hostile":   cmdHostile,
		"accounts":  cmdAccounts,
		"icps":      cmdIcps,
		"names":     cmdNames,
		"realprose": cmdRealProse,
		"floor":     cmdFloor,
		"time":      cmdTime,
		"lsp":       cmdLsp,
		"gcshare":   cmdGcshare,
		"race":      cmdRace,
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: persona-bench generate DIR ICPS | floor DIR | time RUNS CMD [ARGS...]")
	}
	cmd, ok := subcommands()[args[0]]
	if !ok {
		return fmt.Errorf("unknown subcommand %q", args[0])
	}
	return cmd(args)
}

func cmdGenerate(args []string) error {
	// The realistic shape (generate DIR ICPS realistic) writes persona
	// pages as real teams keep them; see generate.Options.
	if len(args) != 3 && (len(args) != 4 || args[3] != "realistic") {
		return fmt.Errorf("usage: persona-bench generate DIR ICPS [realistic]")
	}
	n, err := strconv.Atoi(args[2])
	if err != nil {
		return err
	}
	opts := generate.Defaults(n)
	if len(args) == 4 {
		opts = generate.RealisticDefaults(n)
	}
	files, err := generate.Workspace(args[1], opts)
	if err != nil {
		return err
	}
	fmt.Printf("%d files in %s\n", files, args[1])
	return nil
}

func cmdHostile(args []string) error {
	if len(args) != 4 {
		return fmt.Errorf("usage: persona-bench hostile KIND N DIR")
	}
	n, err := atLeast(args[2], 1, "N must be a positive number")
	if err != nil {
		return err
	}
	return hostile(args[1], n, args[3])
}

func cmdAccounts(args []string) error {
	if len(args) != 4 {
		return fmt.Errorf("usage: persona-bench accounts FILE N SHAPE")
	}
	n, err := atLeast(args[2], 0, "N must be a number of accounts")
	if err != nil {
		return err
	}
	f, err := os.Create(args[1])
	if err != nil {
		return err
	}
	if err := generate.Accounts(f, n, 1, args[3]); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func cmdIcps(args []string) error {
	if len(args) != 3 {
		return fmt.Errorf("usage: persona-bench icps DIR N")
	}
	n, err := atLeast(args[2], 1, "N must be a positive number of ICPs")
	if err != nil {
		return err
	}
	return generate.MatchICPs(args[1], n)
}

func cmdNames(args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("usage: persona-bench names DIR")
	}
	files, err := generate.HostileNames(args[1])
	if err != nil {
		return err
	}
	fmt.Printf("%d files in %s\n", len(files), args[1])
	return nil
}

func cmdFloor(args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("usage: persona-bench floor DIR")
	}
	n, err := floor(args[1])
	if err != nil {
		return err
	}
	fmt.Printf("%d front matter blocks decoded\n", n)
	return nil
}

func cmdTime(args []string) error {
	if len(args) < 3 {
		return fmt.Errorf("usage: persona-bench time RUNS CMD [ARGS...]")
	}
	runs, err := atLeast(args[1], 1, "RUNS must be a positive number")
	if err != nil {
		return err
	}
	wall, rss, err := timeCommand(runs, args[2], args[3:])
	if err != nil {
		return err
	}
	fmt.Printf("%.3f %d\n", wall.Seconds(), rss)
	return nil
}

func cmdLsp(args []string) error {
	if len(args) != 4 {
		return fmt.Errorf("usage: persona-bench lsp PERSONA DIR EDITS")
	}
	edits, err := atLeast(args[3], 1, "EDITS must be a positive number")
	if err != nil {
		return err
	}
	return lspBench(args[1], args[2], edits)
}

func cmdGcshare(args []string) error {
	if len(args) < 3 {
		return fmt.Errorf("usage: persona-bench gcshare MAX PERSONA-ARGS...")
	}
	max, err := strconv.ParseFloat(args[1], 64)
	if err != nil || max <= 0 || max > 1 {
		return fmt.Errorf("MAX must be a share of the CPU, such as 0.25")
	}
	return gcShareCommand(max, args[2:])
}

func cmdRace(args []string) error {
	if len(args) < 3 {
		return fmt.Errorf("usage: persona-bench race RUNS 'CMD ARGS' ['CMD ARGS']")
	}
	runs, err := atLeast(args[1], 1, "RUNS must be a positive number")
	if err != nil {
		return err
	}
	return race(runs, args[2:])
}

// floor walks dir, reads every .md file and decodes its front matter into a
// yaml.Node on all cores, as the cheapest possible persona would.
func floor(dir string) (int, error) {
	paths := make(chan string, 256)
	var wg sync.WaitGroup
	counts := make([]int, runtime.GOMAXPROCS(0))
	for w := range counts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range paths {
				src, err := os.ReadFile(p)
				if err != nil {
					continue
				}
				b := frontmatter.Split(src)
				if b.Format != frontmatter.YAML || !b.Closed {
					continue
				}
				var n yaml.Node
				if yaml.Unmarshal(b.Text, &n) == nil {
					counts[w]++
				}
			}
		}()
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			paths <- p
		}
		return nil
	})
	close(paths)
	wg.Wait()
	total := 0
	for _, c := range counts {
		total += c
	}
	return total, err
}

// race runs each command once per round, in turn, for runs rounds after a
// warm-up round, and prints "median-seconds peak-rss-kib" per command.
func race(runs int, commands []string) error {
	walls := make([][]time.Duration, len(commands))
	peaks := make([]int64, len(commands))
	for round := 0; round <= runs; round++ {
		for i, c := range commands {
			fields := strings.Fields(c)
			wall, rss, err := timeOnce(fields[0], fields[1:])
			if err != nil {
				return err
			}
			peaks[i] = max(peaks[i], rss)
			if round > 0 {
				walls[i] = append(walls[i], wall)
			}
		}
	}
	for i := range commands {
		sort.Slice(walls[i], func(a, b int) bool { return walls[i][a] < walls[i][b] })
		fmt.Printf("%.3f %d\n", walls[i][len(walls[i])/2].Seconds(), peaks[i])
	}
	return nil
}

// timeOnce runs a command and returns its wall time and peak RSS (KiB).
// Exit status 1 (findings) counts as success.
func timeOnce(name string, args []string) (time.Duration, int64, error) {
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = nil, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
		return 0, 0, fmt.Errorf("%s: %v\n%s", name, err, stderr.String())
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	return wall, rss, nil
}

// timeCommand runs a command runs times (after one warm-up run) and returns
// the median wall time and the largest peak RSS in KiB. Exit status 1
// (findings) counts as success.
func timeCommand(runs int, name string, args []string) (time.Duration, int64, error) {
	var walls []time.Duration
	var peak int64
	for i := 0; i <= runs; i++ {
		wall, rss, err := timeOnce(name, args)
		if err != nil {
			return 0, 0, err
		}
		peak = max(peak, rss)
		if i > 0 { // the first run warms the page cache
			walls = append(walls, wall)
		}
	}
	sort.Slice(walls, func(i, j int) bool { return walls[i] < walls[j] })
	return walls[len(walls)/2], peak, nil
}

// atLeast reads a count argument of at least least, or fails with msg.
func atLeast(arg string, least int, msg string) (int, error) {
	n, err := strconv.Atoi(arg)
	if err != nil || n < least {
		return 0, errors.New(msg)
	}
	return n, nil
}

func cmdRealProse(args []string) error {
	nearDuplicates := slices.Contains(args, "--near-duplicates")
	args = slices.DeleteFunc(slices.Clone(args), func(a string) bool { return a == "--near-duplicates" })
	if len(args) != 3 && len(args) != 4 {
		return fmt.Errorf("usage: persona-bench realprose [--near-duplicates] SRC DST [CORPORA]")
	}
	corpora := filepath.Join("..", "shared", "corpora")
	if len(args) == 4 {
		corpora = args[3]
	}
	return generate.RealProse(args[1], args[2], corpora, nearDuplicates)
}
