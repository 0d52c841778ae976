package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// TestGuidedPersona drives the guided mode for real, through huh's
// accessible (line-by-line) mode, answering every prompt.
func TestGuidedPersona(t *testing.T) {
	dir := t.TempDir()
	if _, stderr, code := run(t, dir, false, nil, "init", "--today", "2026-11-22"); code != 0 {
		t.Fatalf("init: %s", stderr)
	}
	answers := strings.Join([]string{
		"Finance Director Fiona", // name
		"1",                      // ICP: the only one, example-segment
		"Director of Finance",    // role
		"Close in five days; Trust the numbers",
		"Manual month-end close",
		"1", // toggle the first interview
		"0", // done
	}, "\n") + "\n"
	var out, errOut bytes.Buffer
	code := Main([]string{"new", "persona", "--today", "2026-11-22"}, IOStreams{
		// huh reads each prompt's line with a fresh scanner; one byte at a
		// time keeps it from swallowing the next answers, as a terminal's
		// line discipline would.
		In:       iotest.OneByteReader(strings.NewReader(answers)),
		Out:      &out,
		ErrOut:   &errOut,
		InIsTTY:  true,
		OutIsTTY: true,
		Getenv:   func(k string) string { return map[string]string{"ACCESSIBLE": "1"}[k] },
		Dir:      dir,
	})
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "created personas/finance-director-fiona.md") {
		t.Fatalf("stdout:\n%s", out.String())
	}
	got, err := os.ReadFile(filepath.Join(dir, "personas", "finance-director-fiona.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`name: "Finance Director Fiona"`, "icp: example-segment", "status: active",
		`  title: "Director of Finance"`, `  - "Close in five days"`, `  - "Trust the numbers"`,
		`  - "Manual month-end close"`, "  - example-interview",
	} {
		if !strings.Contains(string(got), want+"\n") {
			t.Errorf("the new persona lacks %q:\n%s", want, got)
		}
	}
	// With one source, the active persona is short of evidence, nothing else.
	stdout, _, code := run(t, dir, false, nil, "lint", "--today", "2026-11-22", "--format", "json")
	if code != 0 || !strings.Contains(stdout, `"rule": "persona-few-sources"`) || strings.Count(stdout, `"rule"`) != 1 {
		t.Errorf("lint after the guided mode (exit %d):\n%s", code, stdout)
	}
}

func TestGuidedModeNeedsATerminal(t *testing.T) {
	dir := t.TempDir()
	if _, stderr, code := run(t, dir, false, nil, "init"); code != 0 {
		t.Fatal(stderr)
	}
	_, stderr, code := run(t, dir, false, nil, "new", "persona")
	if code != 2 || !strings.Contains(stderr, "needs an ID") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

func TestSplitAnswers(t *testing.T) {
	got := splitAnswers(" a; b ;\n c;; ")
	if strings.Join(got, "|") != "a|b|c" {
		t.Errorf("splitAnswers = %q", got)
	}
}
