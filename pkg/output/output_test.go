package output

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/finding"
)

func TestGitHubEscaping(t *testing.T) {
	r := &Report{Findings: []finding.Finding{{
		Rule: "stale", Severity: finding.Info, Path: "a,b:c%.md", Line: 3, Column: 4,
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
		r.Findings = append(r.Findings, finding.Finding{Rule: "stale", Severity: finding.Warning, Path: "personas/p.md", Line: i + 1, Column: 1, Message: strings.Repeat("x", 60)})
	}
	r.Summary = Summarize(1, nil, r.Findings)
	out := StepSummary(r, 1<<20-16<<10)
	if len(out) > 1<<20 || !strings.Contains(out, "more findings are not shown") {
		t.Errorf("summary of %d bytes was not cut below 1 MiB with a note", len(out))
	}
}

func TestURIReference(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "personas/a.md", "personas/a.md"},
		{"space and fragment", "with space/x#1.md", "with%20space/x%231.md"},
		{"non-ASCII", "grüße.md", "gr%C3%BC%C3%9Fe.md"},
		{"percent", "../outside/100%.md", "../outside/100%25.md"},
		{"brackets and bar", "p/[draft]|v2.md", "p/%5Bdraft%5D%7Cv2.md"},
		{"colon in the first segment is no scheme", "c:x.md", "./c:x.md"},
		{"colon later is fine", "p/c:x.md", "p/c:x.md"},
		{"query and controls", "a?b\n\x01.md", "a%3Fb%0A%01.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := URIReference(tt.in)
			if got != tt.want {
				t.Errorf("URIReference(%q) = %q, want %q", tt.in, got, tt.want)
			}
			// RFC 3986: a relative reference with none of the characters a
			// URI cannot hold, whose first segment has no colon.
			u, err := url.Parse(got)
			if err != nil || u.Scheme != "" || strings.TrimPrefix(u.Path, "./") != tt.in {
				t.Errorf("%q does not parse back to the path %q: %+v %v", got, tt.in, u, err)
			}
			if strings.ContainsAny(got, "[]| #?\"<>\\^`{}") {
				t.Errorf("%q holds a character an RFC 3986 reference cannot", got)
			}
		})
	}
}

func TestSARIFKeepsTheMostSevere(t *testing.T) {
	r := &Report{}
	for i := 0; i < SARIFMaxResults+500; i++ {
		sev := finding.Info
		if i%100 == 0 {
			sev = finding.Error
		}
		r.Findings = append(r.Findings, finding.Finding{Rule: "r", Severity: sev, Path: "p.md", Line: i + 1, Column: 1, Message: "m"})
	}
	var b bytes.Buffer
	if err := SARIF(&b, r, Style{}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Invocations []struct {
				ToolExecutionNotifications []struct{ Message struct{ Text string } }
			}
			Results []struct {
				Level     string
				Locations []struct {
					PhysicalLocation struct{ Region struct{ StartLine int } }
				}
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != SARIFMaxResults {
		t.Fatalf("%d results, want %d", len(run.Results), SARIFMaxResults)
	}
	errors, prev := 0, 0
	for _, res := range run.Results {
		if res.Level == "error" {
			errors++
		}
		line := res.Locations[0].PhysicalLocation.Region.StartLine
		if line <= prev {
			t.Fatalf("results out of order: line %d after %d", line, prev)
		}
		prev = line
	}
	if errors != (SARIFMaxResults+500)/100 {
		t.Errorf("%d errors kept, want every one", errors)
	}
	if len(run.Invocations) != 1 || !strings.Contains(run.Invocations[0].ToolExecutionNotifications[0].Message.Text, "leaves 500 out") {
		t.Errorf("no notification of what was left out: %+v", run.Invocations)
	}
}

func TestByteColumns(t *testing.T) {
	src := []byte("plain\r\nZoë: zoe@x.io\n漢字 x\n")
	findings := []finding.Finding{
		{Path: "p.md", Line: 1, Column: 3},
		{Path: "p.md", Line: 2, Column: 6},
		{Path: "p.md", Line: 3, Column: 4},
		{Path: "p.md", Line: 9, Column: 2},
		{Path: "gone.md", Line: 1, Column: 5},
	}
	read := func(p string) ([]byte, error) {
		if p == "gone.md" {
			return nil, os.ErrNotExist
		}
		return src, nil
	}
	got := ByteColumns(findings, read)
	want := []int{3, 7, 8, 2, 5}
	if !slices.Equal(got, want) {
		t.Errorf("ByteColumns = %v, want %v", got, want)
	}
}

func TestFingerprintsSurviveLineMoves(t *testing.T) {
	before := []byte("---\nkind: persona\nicp: sass\n---\n")
	after := []byte("---\nkind: persona\nname: Added\nicp: sass\n---\n")
	f1 := Fingerprints([]finding.Finding{{Rule: "persona-unknown-icp", Path: "p.md", Line: 3}}, func(string) ([]byte, error) { return before, nil })
	f2 := Fingerprints([]finding.Finding{{Rule: "persona-unknown-icp", Path: "p.md", Line: 4}}, func(string) ([]byte, error) { return after, nil })
	if f1[0] != f2[0] {
		t.Errorf("fingerprint changed when the line moved: %s → %s", f1[0], f2[0])
	}
	twice := Fingerprints([]finding.Finding{{Rule: "r", Path: "p.md", Line: 3}, {Rule: "r", Path: "p.md", Line: 3}}, func(string) ([]byte, error) { return before, nil })
	if twice[0] == twice[1] {
		t.Error("two findings on one line share a fingerprint")
	}
}

// TestFormatsAsData: every format is described once, and the description
// holds what SPEC §3 and §10 say of it.
func TestFormatsAsData(t *testing.T) {
	var ci, fixes []string
	for _, name := range Formats() {
		if _, err := Lookup(name); err != nil {
			t.Errorf("%s has no printer: %v", name, err)
		}
		if ForCI(name) {
			ci = append(ci, name)
		}
		if ShowsFixes(name) {
			fixes = append(fixes, name)
		}
	}
	if got := strings.Join(ci, " "); got != "codequality github junit rdjsonl sarif" {
		t.Errorf("CI formats = %s", got)
	}
	if got := strings.Join(fixes, " "); got != "json rdjsonl sarif" {
		t.Errorf("formats with fixes = %s", got)
	}
	if !ListsFiles("junit") || ListsFiles("text") || MaxResults("sarif") != SARIFMaxResults || !WritesStepSummary("github") {
		t.Error("junit lists files, sarif is capped, github writes the job summary")
	}
	if _, err := Lookup("xml"); err == nil {
		t.Error("an unknown format has a printer")
	}
}
