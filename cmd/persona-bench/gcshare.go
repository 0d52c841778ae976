package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"

	"github.com/personakit/persona/pkg/cli"
)

// gcShare runs persona with args in this process, with the collector
// settings cmd/persona gives it, and returns the share of the CPU the run
// used that went to the garbage collector, with the CPU seconds of each.
// The runtime's CPU classes are estimates updated at each collection: one
// collection ends the run so that they count all of it.
func gcShare(args []string) (share, gc, total float64, code int) {
	names := []string{"/cpu/classes/gc/total:cpu-seconds", "/cpu/classes/user:cpu-seconds", "/cpu/classes/scavenge/total:cpu-seconds"}
	read := func() []float64 {
		s := make([]metrics.Sample, len(names))
		for i, n := range names {
			s[i].Name = n
		}
		metrics.Read(s)
		out := make([]float64, len(s))
		for i := range s {
			out[i] = s[i].Value.Float64()
		}
		return out
	}
	before := read()
	streams := cli.SystemStreams()
	streams.Collector = cli.ProcessCollector()
	code = cli.Main(args, streams)
	runtime.GC()
	after := read()
	gc = after[0] - before[0]
	for i := range after {
		total += after[i] - before[i]
	}
	if total > 0 {
		share = gc / total
	}
	return share, gc, total, code
}

// gcShareCommand is persona-bench gcshare MAX ARGS...: it fails when the
// collector took more than MAX of the run's CPU, the sign that the live
// heap outgrew the memory limit and the collector runs without pause.
func gcShareCommand(max float64, args []string) error {
	share, gc, total, code := gcShare(args)
	fmt.Printf("%.3f %.2f %.2f\n", share, gc, total)
	if code > 1 {
		return fmt.Errorf("persona %v exited %d", args, code)
	}
	if share > max {
		fmt.Fprintf(os.Stderr, "persona-bench: the collector took %.0f%% of the CPU of persona %v (%.2f of %.2f CPU seconds), more than %.0f%%\n",
			share*100, args, gc, total, max*100)
		os.Exit(1)
	}
	return nil
}
