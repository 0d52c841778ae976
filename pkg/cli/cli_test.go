package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"time"

	"github.com/aymanbagabas/go-udiff"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/golden")

// repoRoot is the repository checkout the tests run in.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// run executes persona in-process with buffers, as if started in dir.
func run(t *testing.T, dir string, tty bool, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(args, IOStreams{
		In:       strings.NewReader(""),
		Out:      &out,
		ErrOut:   &errOut,
		OutIsTTY: tty,
		Getenv:   func(k string) string { return env[k] },
		Dir:      dir,
	})
	return out.String(), errOut.String(), code
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(repoRoot(t), "testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/cli -update to create it)", err)
	}
	if got != string(want) {
		// The difference, not the whole output: a blind -update is how a
		// regression gets blessed.
		t.Errorf("%s differs from the golden file (go test ./pkg/cli -update rewrites it once the change is right):\n%s",
			name, udiff.Unified("golden/"+name, "got", string(want), got))
	}
}

func TestLintGolden(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		golden string
		code   int
	}{
		{"flawed json", []string{"lint", "examples/flawed", "--format", "json", "--today", "2026-11-22"}, "flawed.json", 1},
		{"flawed text", []string{"lint", "examples/flawed", "--today", "2026-11-22"}, "flawed.txt", 1},
		{"showcase json", []string{"lint", "examples/acme-analytics", "--format", "json", "--today", "2026-11-22"}, "acme-analytics.json", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := run(t, repoRoot(t), false, nil, tt.args...)
			if code != tt.code || stderr != "" {
				t.Fatalf("exit %d, stderr %q; want exit %d and no stderr", code, stderr, tt.code)
			}
			golden(t, tt.golden, stdout)
		})
	}
}

// TestShowcaseHasNoErrorsOnAnyDate keeps the README's first command true
// whatever the date: the showcase exits 0, and the only findings time can
// add are stale warnings.
func TestShowcaseHasNoErrorsOnAnyDate(t *testing.T) {
	for _, today := range []string{"2026-11-22", "2031-06-30", "2099-12-31"} {
		t.Run(today, func(t *testing.T) {
			stdout, stderr, code := run(t, repoRoot(t), false, nil, "lint", "examples/acme-analytics", "--today", today, "--format", "json")
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q\n%s", code, stderr, stdout)
			}
			var got struct{ Findings []struct{ Rule string } }
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatal(err)
			}
			for _, f := range got.Findings {
				if f.Rule != "stale" {
					t.Errorf("finding %s on %s; only stale may appear as time passes", f.Rule, today)
				}
			}
		})
	}
}

// TestCorpora lints real Markdown trees nobody here wrote: a docs site and a
// 16-language glossary must load with zero entities and zero findings. A
// clone has no ../shared, so the test skips there; CI sets
// PERSONA_REQUIRE_CORPORA=1, which turns the skip into a failure.
func TestCorpora(t *testing.T) {
	corpora := filepath.Join(repoRoot(t), "..", "shared", "corpora")
	if _, err := os.Stat(corpora); err != nil {
		if os.Getenv("PERSONA_REQUIRE_CORPORA") != "" {
			t.Fatalf("PERSONA_REQUIRE_CORPORA is set but the corpora are not beside the checkout at %s: %v", corpora, err)
		}
		t.Skipf("the corpora are not beside the checkout at %s; set PERSONA_REQUIRE_CORPORA=1 to make this a failure", corpora)
	}
	for _, name := range []string{"hugo-docs", "cncf-glossary"} {
		t.Run(name, func(t *testing.T) {
			stdout, stderr, code := run(t, filepath.Join(corpora, name), false, nil, "lint", "--format", "json")
			// No entity: the guard says so on stderr (SPEC §12), and only that.
			guard := regexp.MustCompile(`^persona: warning: read [0-9,]+ Markdown files, but none has kind: icp, persona or interview in its front matter, so nothing was checked; [^\n]+\n$`)
			if code != 0 || !guard.MatchString(stderr) {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			for _, want := range []string{`"findings": []`, `"icp": 0`, `"persona": 0`, `"interview": 0`} {
				if !strings.Contains(stdout, want) {
					t.Errorf("output lacks %s:\n%s", want, stdout)
				}
			}
			if strings.Contains(stdout, `"files": 0,`) {
				t.Errorf("no files were read:\n%s", stdout)
			}
		})
	}
}

func TestColour(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "examples")
	tests := []struct {
		name  string
		tty   bool
		env   map[string]string
		args  []string
		color bool
	}{
		{"terminal", true, nil, nil, true},
		{"pipe", false, nil, nil, false},
		{"NO_COLOR", true, map[string]string{"NO_COLOR": "1"}, nil, false},
		{"--no-color", true, nil, []string{"--no-color"}, false},
		{"to a file", true, nil, []string{"-o", filepath.Join(t.TempDir(), "out.txt")}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"lint", "flawed", "--today", "2026-11-22"}, tt.args...)
			stdout, _, code := run(t, dir, tt.tty, tt.env, args...)
			if code != 1 {
				t.Fatalf("exit %d, want 1", code)
			}
			if got := strings.Contains(stdout, "\x1b["); got != tt.color {
				t.Errorf("colour = %v, want %v:\n%s", got, tt.color, stdout)
			}
		})
	}
}

func TestTodayDefaultsToTheClock(t *testing.T) {
	got, err := parseToday("", time.Date(2031, 5, 6, 23, 59, 0, 0, time.UTC))
	if err != nil || got.Format("2006-01-02") != "2031-05-06" {
		t.Fatalf("parseToday = %v, %v", got, err)
	}
}
