package cli

import (
	"io"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/generate"
)

// benchWorkspace generates the 10,500-file workspace (500 ICPs × 21 files)
// the benchmarks share.
func benchWorkspace(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	n, err := generate.Workspace(dir, generate.Defaults(500))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(n), "files")
	b.ReportAllocs()
	return dir
}

// benchRun runs persona in-process with its output discarded.
func benchRun(b *testing.B, dir string, wantCode int, args ...string) {
	b.Helper()
	code := Main(args, IOStreams{
		In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard,
		Getenv: func(string) string { return "" }, Dir: dir,
	})
	if code != wantCode {
		b.Fatalf("persona %v: exit %d, want %d", args, code, wantCode)
	}
}

// BenchmarkLoadAndLint runs `persona lint --format json` over the generated
// workspace; the generator plants 5% flawed personas, so it exits 1.
func BenchmarkLoadAndLint(b *testing.B) {
	dir := benchWorkspace(b)
	for b.Loop() {
		benchRun(b, dir, 1, "lint", "--format", "json", "--today", "2026-11-22")
	}
}

// BenchmarkReport renders the HTML report of the same workspace; the
// target is at most twice the time of BenchmarkLoadAndLint.
func BenchmarkReport(b *testing.B) {
	dir := benchWorkspace(b)
	for b.Loop() {
		benchRun(b, dir, 0, "report", "--format", "html", "--today", "2026-11-22")
	}
}
