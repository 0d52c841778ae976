package cli

import (
	"io"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/generate"
)

// BenchmarkLoadAndLint runs `persona lint --format json` in-process over a
// generated workspace of 10,500 files (500 ICPs × 21 files).
func BenchmarkLoadAndLint(b *testing.B) {
	dir := b.TempDir()
	n, err := generate.Workspace(dir, generate.Defaults(500))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(n), "files")
	b.ReportAllocs()
	for b.Loop() {
		code := Main([]string{"lint", "--format", "json", "--today", "2026-11-22"}, IOStreams{
			In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard,
			Getenv: func(string) string { return "" }, Dir: dir,
		})
		if code != 1 { // the generator plants 5% flawed personas
			b.Fatalf("exit %d, want 1", code)
		}
	}
}
