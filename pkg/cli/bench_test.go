package cli

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
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

// BenchmarkDiffOneChange measures persona diff of a one-persona change in
// a 20,000-file git repository against a full lint of the same repository;
// the target is diff ≤ 5% of lint.
func BenchmarkDiffOneChange(b *testing.B) {
	dir := b.TempDir()
	if _, err := generate.Workspace(dir, generate.Defaults(952)); err != nil { // 952 × 21 ≈ 20,000 files
		b.Fatal(err)
	}
	git := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=b", "GIT_AUTHOR_EMAIL=b@example.invalid", "GIT_COMMITTER_NAME=b", "GIT_COMMITTER_EMAIL=b@example.invalid")
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q", "-b", "main")
	git("add", "-A")
	git("commit", "-q", "-m", "base")
	persona := filepath.Join(dir, "personas", "icp-00007", "persona-00007-2.md")
	src, err := os.ReadFile(persona)
	if err != nil {
		b.Fatal(err)
	}
	changed := strings.Replace(string(src), "share: 0.1", "share: 0.2", 1)
	if err := os.WriteFile(persona, []byte(changed), 0o644); err != nil {
		b.Fatal(err)
	}
	b.Run("lint", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			benchRun(b, dir, 1, "lint", "--format", "json", "--today", "2026-11-22")
		}
	})
	b.Run("diff", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			benchRun(b, dir, 1, "diff", "main", "--format", "json", "--exit-code")
		}
	})
}
