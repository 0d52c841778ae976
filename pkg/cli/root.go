// Package cli implements persona's commands. Main is the only entry point;
// it maps every error to an exit code in one place.
package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"runtime/metrics"
	"strings"
	"sync"
	"time"

	"github.com/personakit/persona/pkg/suggest"
	"github.com/spf13/cobra"
)

// globalOptions are the flags every command shares.
type globalOptions struct {
	streams IOStreams
	chdir   string
	noColor bool
	// now is the clock; tests pin it.
	now func() time.Time
	// collectAtLimit says the command set its own soft memory limit, so
	// garbage is collected only near it (see limitMemory).
	collectAtLimit bool
}

// Main runs persona with args (without the program name) and returns the
// process exit code.
func Main(args []string, streams IOStreams) int {
	if streams.Getenv == nil {
		streams.Getenv = func(string) string { return "" }
	}
	g := &globalOptions{streams: streams, now: time.Now}
	root := newRootCmd(g)
	root.SetArgs(args)
	err := root.Execute()
	var known *exitError
	if m := unknownCommand.FindStringSubmatch(errString(err)); m != nil && !errors.As(err, &known) {
		// cobra's message spans lines and suggests by its own distance
		// ("lnt": init); say it in one line with persona's suggestion.
		var names []string
		for _, c := range root.Commands() {
			names = append(names, c.Name())
		}
		if hint := suggest.DidYouMean(m[1], names); hint != "" {
			err = usageErrorf("unknown command %q%s (persona --help lists the commands)", m[1], hint)
		} else {
			err = usageErrorf("unknown command %q; persona --help lists the commands", m[1])
		}
	}
	if err != nil && err != errFindings {
		fmt.Fprintf(streams.ErrOut, "persona: %v\n", err)
	}
	return exitCode(err)
}

func newRootCmd(g *globalOptions) *cobra.Command {
	root := &cobra.Command{
		Use:   "persona",
		Short: "Lint, scaffold, diff and report ICPs, personas and customer interviews kept as Markdown",
		Long: `persona keeps ideal customer profiles (ICPs), buyer personas and the customer
interviews behind them honest. They live as Markdown files with YAML front matter
in a git repository; persona lints them in CI, scaffolds new ones, shows what a
pull request changes and turns the repository into reports people read.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	// persona --version prints what persona version prints.
	v, c, d := buildInfo()
	root.Version = v
	root.SetVersionTemplate(versionText(v, c, d))
	root.SetIn(g.streams.In)
	root.SetOut(g.streams.Out)
	root.SetErr(g.streams.ErrOut)
	root.SetFlagErrorFunc(flagError)
	pf := root.PersistentFlags()
	pf.StringVarP(&g.chdir, "chdir", "C", "", "run as if persona was started in `DIR`")
	pf.BoolVar(&g.noColor, "no-color", false, "never colour the output (also when NO_COLOR is set)")
	root.AddCommand(
		newLintCmd(g),
		newMatchCmd(g),
		newFixCmd(g),
		newLspCmd(g),
		newImportCmd(g),
		newInitCmd(g),
		newNewCmd(g),
		newDiffCmd(g),
		newReportCmd(g),
		newListCmd(g),
		newShowCmd(g),
		newGraphCmd(g),
		newSchemaCmd(g),
		newRulesCmd(g),
		newConfigCmd(g),
		newManCmd(g),
		newVersionCmd(g),
	)
	explainArgs(root)
	return root
}

// argCount reads cobra's argument-count messages ("accepts 1 arg(s),
// received 0"), which say nothing of what the arguments are.
var argCount = regexp.MustCompile(`^(?:accepts|requires) (?:at most |at least |between )?[0-9 and]*arg\(s\), (?:only )?received ([0-9]+)$`)

// unknownCommand is cobra's error for a word that names no command.
var unknownCommand = regexp.MustCompile(`^unknown command "([^"]*)"`)

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// explainArgs makes every command's argument errors show its usage line,
// which names the arguments, instead of a bare count.
func explainArgs(c *cobra.Command) {
	if validate := c.Args; validate != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			err := validate(cmd, args)
			if err == nil {
				return nil
			}
			if unknownCommand.MatchString(err.Error()) { // cobra.NoArgs
				return usageErrorf("%s takes no arguments (got %q); usage: %s", cmd.CommandPath(), args[0], cmd.UseLine())
			}
			if m := argCount.FindStringSubmatch(err.Error()); m != nil {
				given := "no arguments"
				if len(args) > 0 {
					given = fmt.Sprintf("%d: %s", len(args), strings.Join(args, " "))
				}
				return usageErrorf("wrong number of arguments (%s); usage: %s", given, cmd.UseLine())
			}
			return usageErrorf("%v; usage: %s", err, cmd.UseLine())
		}
	}
	for _, sub := range c.Commands() {
		explainArgs(sub)
	}
}

// dir is the directory paths are relative to: --chdir, resolved against
// the injected working directory.
func (g *globalOptions) dir() (string, error) {
	base := g.streams.Dir
	if base == "" {
		var err error
		if base, err = filepath.Abs("."); err != nil {
			return "", usageErrorf("cannot find the current directory: %v", err)
		}
	}
	if g.chdir == "" {
		return base, nil
	}
	d := g.chdir
	if !filepath.IsAbs(d) {
		d = filepath.Join(base, d)
	}
	return filepath.Clean(d), nil
}

// abs resolves a user-given path against dir().
func (g *globalOptions) abs(p string) (string, error) {
	base, err := g.dir()
	if err != nil {
		return "", err
	}
	if filepath.IsAbs(p) {
		return filepath.Clean(p), nil
	}
	return filepath.Join(base, p), nil
}

// shownArg is a path argument as the user meant it: relative to --chdir
// when one was given.
func (g *globalOptions) shownArg(a string) string {
	if g.chdir == "" || filepath.IsAbs(a) {
		return a
	}
	return filepath.Join(g.chdir, a)
}

// color reports whether output to a stream may be coloured.
func (g *globalOptions) color(isTTY bool) bool {
	return isTTY && !g.noColor && g.streams.Getenv("NO_COLOR") == ""
}

// display returns the function that shows an absolute path relative to
// the working directory, '/'-separated, as CI annotations expect.
func (g *globalOptions) display() (func(abs string) string, error) {
	base, err := g.dir()
	if err != nil {
		return nil, err
	}
	return func(abs string) string {
		rel, err := filepath.Rel(base, abs)
		if err != nil {
			return filepath.ToSlash(abs)
		}
		return filepath.ToSlash(rel)
	}, nil
}

// Garbage collection for a short-lived process that decodes many small
// YAML documents: collect a quarter as often as Go's default (GOGC=400).
// The lint command sets a soft memory limit (lintMemoryLimit) and then
// collects only near it: its live heap is small next to what decoding
// throws away, so the collections at 4, 8, 16 MiB ... that a GOGC makes
// are wasted work, and the limit keeps the heap of huge workspaces within
// budget. Reports hold
// bodies and keep GOGC. GOGC and GOMEMLIMIT in the environment win.
const (
	gcPercent       = 400
	lintMemoryLimit = 125 << 20
)

// tuneGC is called where a command starts loading a workspace, not in
// Main, which tests call many times in one process.
func (g *globalOptions) tuneGC() {
	switch {
	case g.streams.Getenv("GOGC") != "":
	case g.collectAtLimit:
		g.streams.Collector.gcPercent(-1)
	default:
		g.streams.Collector.gcPercent(gcPercent)
	}
}

// collectForReport is called once a report is built. Loading throws away
// far more than it keeps, hence GOGC=400 while it runs; what a report
// holds from then on (the report, its rendered bodies, its views) lives
// until the report is written, and GOGC=400 would let the heap grow to
// five times that. Go's default lets it grow to twice, for a collection or
// two more.
func (g *globalOptions) collectForReport() {
	if g.streams.Getenv("GOGC") == "" {
		g.streams.Collector.gcPercent(100)
	}
}

// serverMemoryLimit is the editor server's soft memory limit once its
// workspace is loaded. The server keeps the workspace decoded for as long
// as the editor runs; Go's GOGC of 100 would let the heap grow to twice
// that live set, which on 52,500 files is twice lint's peak. The limit
// caps the peak there and costs nothing on smaller workspaces.
const serverMemoryLimit = 200 << 20

// tuneServerGC sets up persona lsp's collector: while a workspace loads,
// lint's (collect only near lint's limit, since loading throws away far
// more than it keeps); once loaded, Go's GOGC under serverMemoryLimit. In
// both, the limit follows the live heap as lint's does (limitMemory). It
// returns what the server calls after each load. GOGC or GOMEMLIMIT in the
// environment leave it all to the runtime.
func (g *globalOptions) tuneServerGC() func() {
	if g.streams.Getenv("GOGC") != "" || g.streams.Getenv("GOMEMLIMIT") != "" {
		return nil
	}
	g.streams.Collector.gcPercent(-1)
	limit := g.followLiveHeap(lintMemoryLimit, limitPolicy{lintRaiseAt, lintGrowTo})
	return func() {
		limit.atLeast(serverMemoryLimit)
		g.streams.Collector.gcPercent(100)
	}
}

// reportMemoryFloor is the report's soft memory limit to start with. A
// report keeps every body, so its live heap is several times lint's. At
// 256 MiB the HTML report of 10,500 realistic files (about 350 MiB with
// no limit) met the limit while it loaded, and collecting and returning
// memory to stay under it took a seventh of its time: 0.93 s and 325
// MiB, against 0.80 s and 348 MiB at 384 (the site 1.34 s against 1.16
// s); at 52,500 files the limit follows the live heap long before.
const reportMemoryFloor = 384 << 20

// limitReportMemory caps the heap GOGC=400 lets a report grow to while it
// loads: below the floor the limit changes nothing; above it, it follows
// the live heap (followLiveHeap), which keeps the heap near twice what
// the report holds instead of five times.
func (g *globalOptions) limitReportMemory() {
	if g.streams.Getenv("GOMEMLIMIT") == "" && g.streams.Getenv("GOGC") == "" {
		g.followLiveHeap(reportMemoryFloor, limitPolicy{reportRaiseAt, reportGrowTo})
	}
}

// limitMemory applies the lint command's soft memory limit, which follows
// the live heap (followLiveHeap).
func (g *globalOptions) limitMemory() {
	if g.streams.Getenv("GOMEMLIMIT") != "" {
		return
	}
	g.followLiveHeap(lintMemoryLimit, limitPolicy{lintRaiseAt, lintGrowTo})
	g.collectAtLimit = true
}

// softLimit is a soft memory limit that follows the live heap: a limit
// below what the process must keep would have the collector run without
// pause, taking half the CPU for nothing. After each collection that
// leaves the live heap above the policy's raiseAt thousandths of the
// limit, the limit becomes growTo thousandths of the live heap
// (nextLimit).
type softLimit struct {
	c      Collector
	mu     sync.Mutex
	limit  int64
	policy limitPolicy
}

// limitPolicy says, in thousandths, when a soft limit is raised (of the
// limit) and to what (of the live heap).
type limitPolicy struct{ raiseAt, growTo int64 }

// Lint and the editor wait for three quarters, which holds their peak
// memory near the limit while the live heap stays below it, and then
// keep the limit at five quarters of the live heap: a collection
// whenever the heap grows by a quarter of what it keeps, less what the
// runtime takes itself. At 52,500 realistic files twice the live heap
// gave a peak of 206 MiB, one and a half 156 MiB and four thirds 148
// MiB, in the same time within 3%: the collections saved near the first
// limit outweigh the ones added after. Since a load's documents and
// digests come from slabs, the runtime takes less of the limit for room
// in spans, and four thirds let real prose of 52,500 files peak at 147
// MiB where five quarters peak at 138 MiB in the same time (2.79 s
// against 2.82 s). A report, which holds every body and has no such
// budget, raises it from half to twice: between half and three quarters
// live, each collection frees less than half the limit, and on a
// 10,500-file report that was a collection every 100 ms for a second.
const (
	lintRaiseAt, lintGrowTo     = 750, 1250
	reportRaiseAt, reportGrowTo = 500, 2000
)

// followLiveHeap sets the soft memory limit to limit and lets it follow
// the live heap from then on.
func (g *globalOptions) followLiveHeap(limit int64, policy limitPolicy) *softLimit {
	l := &softLimit{c: g.streams.Collector, limit: limit, policy: policy}
	l.c.memoryLimit(limit)
	if l.c.AfterEachGC != nil {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/cpu/classes/gc/total:cpu-seconds"}, {Name: "/cpu/classes/total:cpu-seconds"}}
		l.c.AfterEachGC(func() {
			metrics.Read(s)
			if s[0].Value.Kind() != metrics.KindUint64 {
				return
			}
			busy := false
			if s[1].Value.Kind() == metrics.KindFloat64 && s[2].Value.Kind() == metrics.KindFloat64 {
				busy = s[1].Value.Float64() > s[2].Value.Float64()*busyShare
			}
			l.follow(int64(s[0].Value.Uint64()), busy)
		})
	}
	return l
}

// busyShare is the collector's share of the process's CPU past which a
// raised limit grows as a report's does, to twice the live heap: four
// thirds held lint of 52,500 realistic files at 148 MiB with the
// collector at 15%, but the same files in real prose, whose rules make
// more garbage after loading, at 28% and a quarter slower.
const busyShare = 0.2

func (l *softLimit) follow(live int64, busy bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	policy := l.policy
	if busy {
		policy.growTo = max(policy.growTo, reportGrowTo)
	}
	if next, raise := nextLimit(l.limit, live, policy); raise {
		l.limit = next
		l.c.memoryLimit(next)
	}
}

// atLeast raises the limit to min when it is lower.
func (l *softLimit) atLeast(min int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.limit < min {
		l.limit = min
		l.c.memoryLimit(min)
	}
}

// nextLimit is the soft memory limit after a collection that left live
// bytes: growTo thousandths of the live heap once that is more than
// raiseAt thousandths of the limit, and more than the limit. (No heap
// comes near the 9 PB at which live*1000 would overflow.) Below that, each collection frees at least the
// rest of the limit and the limit holds the peak; above it, collections
// would free less and less, and come ever more often.
func nextLimit(limit, live int64, p limitPolicy) (int64, bool) {
	if next := live * p.growTo / 1000; live*1000 > limit*p.raiseAt && next > limit {
		return next, true
	}
	return limit, false
}
