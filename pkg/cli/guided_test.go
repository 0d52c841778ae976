package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"charm.land/huh/v2"
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
		`  title: "Director of Finance"`, `  - text: "Close in five days"`, `  - text: "Trust the numbers"`,
		`  - text: "Manual month-end close"`, "    evidence: [example-interview]", "  - example-interview",
	} {
		if !strings.Contains(string(got), want+"\n") {
			t.Errorf("the new persona lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(string(got), "\nreviewed:") {
		t.Errorf("the new persona is stamped reviewed before anyone validated it:\n%s", got)
	}
	// With one source the active persona is short of evidence; it has not
	// been reviewed yet; and the one thing the guided mode does not ask,
	// the department, is a TODO left for the author. Nothing else.
	stdout, _, code := run(t, dir, false, nil, "lint", "--today", "2026-11-22", "--format", "json")
	for _, want := range []string{`"rule": "persona-few-sources"`, `"rule": "stale"`, `template text \"TODO-department\"`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("lint after the guided mode lacks %s", want)
		}
	}
	if code != 1 || strings.Count(stdout, `"rule"`) != 3 {
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

// TestSourcesPickerShowsEveryChoice renders the Sources picker as a
// terminal shows it: every interview is visible (one, five, twelve), and
// beyond what fits the description says how to reach the rest.
func TestSourcesPickerShowsEveryChoice(t *testing.T) {
	for _, n := range []int{1, 5, 12, 30} {
		for _, rows := range []int{24, 40, 60} {
			t.Run(fmt.Sprintf("%d interviews in %d rows", n, rows), func(t *testing.T) {
				options := make([]huh.Option[string], n)
				for i := range options {
					id := fmt.Sprintf("interview-%02d", i+1)
					options[i] = huh.NewOption(id, id)
				}
				var chosen []string
				form := huh.NewForm(huh.NewGroup(sourcesPicker(options, &chosen))).WithWidth(80).WithHeight(rows)
				form.Init()
				view := form.View()
				for i := 1; i <= min(n, pickerRows); i++ {
					if id := fmt.Sprintf("interview-%02d", i); !strings.Contains(view, id) {
						t.Errorf("%s is not shown:\n%s", id, view)
					}
				}
				if hint := fmt.Sprintf("%d interviews, %d shown", n, pickerRows); (n > pickerRows) != strings.Contains(view, hint) {
					t.Errorf("scroll hint %q shown: %v, want %v:\n%s", hint, strings.Contains(view, hint), n > pickerRows, view)
				}
			})
		}
	}
}

func TestCancelExits130(t *testing.T) {
	if got := exitCode(interruptedErrorf("cancelled; nothing was written")); got != 130 {
		t.Errorf("a cancelled command exits %d, want 130 (128 + SIGINT)", got)
	}
}
