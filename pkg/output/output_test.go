package output

import (
	"bytes"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/lint"
)

func TestGitHubEscaping(t *testing.T) {
	r := &Report{Findings: []lint.Finding{{
		Rule: "stale", Severity: lint.Info, Path: "a,b:c%.md", Line: 3, Column: 4,
		Message: "100% done\r\nnext: line, too",
	}}}
	var b bytes.Buffer
	if err := GitHub(&b, r, Style{}); err != nil {
		t.Fatal(err)
	}
	want := "::notice file=a%2Cb%3Ac%25.md,line=3,col=4,title=stale::100%25 done%0D%0Anext: line, too\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}

func TestStepSummaryIsCut(t *testing.T) {
	r := &Report{}
	for i := 0; i < 20000; i++ {
		r.Findings = append(r.Findings, lint.Finding{Rule: "stale", Severity: lint.Warning, Path: "personas/p.md", Line: i + 1, Column: 1, Message: strings.Repeat("x", 60)})
	}
	r.Summary = Summarize(1, nil, r.Findings)
	out := StepSummary(r, 1<<20-16<<10)
	if len(out) > 1<<20 || !strings.Contains(out, "more findings are not shown") {
		t.Errorf("summary of %d bytes was not cut below 1 MiB with a note", len(out))
	}
}

func TestURIPath(t *testing.T) {
	for in, want := range map[string]string{
		"personas/a.md":      "personas/a.md",
		"with space/x#1.md":  "with%20space/x%231.md",
		"grüße.md":           "gr%C3%BC%C3%9Fe.md",
		"../outside/100%.md": "../outside/100%25.md",
	} {
		if got := uriPath(in); got != want {
			t.Errorf("uriPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFingerprintsSurviveLineMoves(t *testing.T) {
	before := []byte("---\nkind: persona\nicp: sass\n---\n")
	after := []byte("---\nkind: persona\nname: Added\nicp: sass\n---\n")
	f1 := Fingerprints([]lint.Finding{{Rule: "persona-unknown-icp", Path: "p.md", Line: 3}}, func(string) ([]byte, error) { return before, nil })
	f2 := Fingerprints([]lint.Finding{{Rule: "persona-unknown-icp", Path: "p.md", Line: 4}}, func(string) ([]byte, error) { return after, nil })
	if f1[0] != f2[0] {
		t.Errorf("fingerprint changed when the line moved: %s → %s", f1[0], f2[0])
	}
	twice := Fingerprints([]lint.Finding{{Rule: "r", Path: "p.md", Line: 3}, {Rule: "r", Path: "p.md", Line: 3}}, func(string) ([]byte, error) { return before, nil })
	if twice[0] == twice[1] {
		t.Error("two findings on one line share a fingerprint")
	}
}
