package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/personakit/persona/pkg/generate"
)

// lintFlawed lints examples/flawed in one format, as CI would.
func lintFlawed(t *testing.T, format string, env map[string]string) string {
	t.Helper()
	stdout, stderr, code := run(t, repoRoot(t), false, env, "lint", "examples/flawed", "--format", format, "--today", "2026-11-22")
	if code != 1 || stderr != "" {
		t.Fatalf("exit %d, stderr %q; want 1 and nothing on stderr", code, stderr)
	}
	return stdout
}

func TestFormatGoldens(t *testing.T) {
	for _, f := range []string{"sarif", "github", "junit", "markdown", "rdjsonl", "codequality"} {
		t.Run(f, func(t *testing.T) {
			ext := map[string]string{"sarif": "sarif", "github": "txt", "junit": "xml", "markdown": "md", "rdjsonl": "jsonl", "codequality": "json"}[f]
			golden(t, "flawed."+f+"."+ext, lintFlawed(t, f, nil))
		})
	}
}

// TestSARIFValidates checks the SARIF output against the official 2.1.0
// schema and GitHub code scanning's upload requirements.
func TestSARIFValidates(t *testing.T) {
	schemaText, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	schema := compileSchema(t, "sarif-schema-2.1.0.json", schemaText)
	out := lintFlawed(t, "sarif", nil)
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("SARIF does not validate against the 2.1.0 schema: %v", err)
	}

	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID               string
						ShortDescription struct{ Text string }
						FullDescription  struct{ Text string }
						Help             struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
				PartialFingerprints map[string]string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	ids := map[string]bool{}
	for _, r := range run.Tool.Driver.Rules {
		if ids[r.ID] {
			t.Errorf("rule %s listed twice", r.ID)
		}
		ids[r.ID] = true
		if r.ShortDescription.Text == "" || r.FullDescription.Text == "" || r.Help.Text == "" {
			t.Errorf("rule %s lacks a description or help", r.ID)
		}
	}
	if len(run.Results) == 0 {
		t.Fatal("no results")
	}
	for _, res := range run.Results {
		loc := res.Locations[0].PhysicalLocation
		if !ids[res.RuleID] || loc.Region.StartLine < 1 || loc.Region.StartColumn < 1 ||
			strings.HasPrefix(loc.ArtifactLocation.URI, "/") || res.PartialFingerprints["primaryLocationLineHash"] == "" {
			t.Errorf("result does not meet code scanning's requirements: %+v", res)
		}
	}
	if again := lintFlawed(t, "sarif", nil); again != out {
		t.Error("two runs gave different SARIF; fingerprints must be stable")
	}
}

// workflowCommand is the grammar of an annotation command.
var workflowCommand = regexp.MustCompile(`^::(error|warning|notice) file=[^,:\r\n]+,line=[1-9][0-9]*,col=[1-9][0-9]*,title=[a-z-]+::[^\r\n]+$`)

func TestGitHubAnnotations(t *testing.T) {
	summary := filepath.Join(t.TempDir(), "summary.md")
	if err := os.WriteFile(summary, []byte("earlier step\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := lintFlawed(t, "github", map[string]string{"GITHUB_STEP_SUMMARY": summary})
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for _, l := range lines {
		if !workflowCommand.MatchString(l) {
			t.Errorf("not a workflow command: %q", l)
		}
	}
	if len(lines) != 50 {
		t.Errorf("%d annotations, want one per finding (50)", len(lines))
	}
	got, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(got), "earlier step\n<!-- markdownlint-disable MD013 -->\n# persona lint") ||
		strings.Count(string(got), "\n| ") != 52 {
		t.Errorf("step summary was not appended with every finding:\n%s", got)
	}
}

func TestJUnitParses(t *testing.T) {
	out := lintFlawed(t, "junit", nil)
	var suites struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string    `xml:"name,attr"`
				Failure *struct{} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(out), &suites); err != nil {
		t.Fatalf("JUnit is not XML: %v", err)
	}
	cases, failures := 0, 0
	seenSuites := map[string]bool{}
	for _, s := range suites.Suites {
		if seenSuites[s.Name] {
			t.Errorf("suite %s appears twice", s.Name)
		}
		seenSuites[s.Name] = true
		names := map[string]bool{}
		for _, c := range s.Cases {
			if names[c.Name] {
				t.Errorf("suite %s: case name %q is not unique", s.Name, c.Name)
			}
			names[c.Name] = true
			cases++
			if c.Failure != nil {
				failures++
			}
		}
	}
	// 50 findings in 16 files, plus one passing case for each of the 3 clean
	// entity files (icps/sunset.md and two interviews).
	if cases != suites.Tests || cases != 50+3 || failures != 18 || failures != suites.Failures {
		t.Errorf("cases %d (tests=%d), failures %d (failures=%d); want 53 cases and the 18 errors as failures",
			cases, suites.Tests, failures, suites.Failures)
	}
}

func TestRDJSONLAndCodeQuality(t *testing.T) {
	scanner := bufio.NewScanner(strings.NewReader(lintFlawed(t, "rdjsonl", nil)))
	n := 0
	for scanner.Scan() {
		var d struct {
			Message  string
			Severity string
			Location struct {
				Path  string
				Range struct{ Start struct{ Line int } }
			}
			Code struct{ Value string }
		}
		if err := json.Unmarshal(scanner.Bytes(), &d); err != nil {
			t.Fatalf("line %d is not JSON: %v", n+1, err)
		}
		if d.Message == "" || d.Location.Path == "" || d.Location.Range.Start.Line < 1 || d.Code.Value == "" ||
			(d.Severity != "ERROR" && d.Severity != "WARNING" && d.Severity != "INFO") {
			t.Errorf("incomplete diagnostic: %s", scanner.Text())
		}
		n++
	}
	if n != 50 {
		t.Errorf("%d diagnostics, want 50", n)
	}

	var issues []struct {
		Fingerprint string `json:"fingerprint"`
		Severity    string `json:"severity"`
		CheckName   string `json:"check_name"`
	}
	if err := json.Unmarshal([]byte(lintFlawed(t, "codequality", nil)), &issues); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, is := range issues {
		if seen[is.Fingerprint] || is.Fingerprint == "" {
			t.Errorf("fingerprint %q is empty or not unique", is.Fingerprint)
		}
		seen[is.Fingerprint] = true
	}
	if len(issues) != 50 {
		t.Errorf("%d issues, want 50", len(issues))
	}
}

// compileSchema compiles a JSON Schema document with a real validator.
func compileSchema(t *testing.T, name string, text []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(text)))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(name)
	if err != nil {
		t.Fatalf("%s does not compile: %v", name, err)
	}
	return schema
}

// TestSARIFCapWarns lints a workspace with more findings than code scanning
// takes in one run: the log keeps 25,000 and stderr says so.
func TestSARIFCapWarns(t *testing.T) {
	dir := t.TempDir()
	var body strings.Builder
	body.WriteString("---\nkind: interview\ndate: 2026-01-01\nconsent: true\n---\n")
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&body, "mail p%d@example.org\n", i)
	}
	for i := 0; i < 251; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("i%03d.md", i)), []byte(body.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, ".persona.yaml"), []byte("rules: {interview-orphan: off}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := run(t, dir, false, nil, "lint", "--format", "sarif", "--today", "2026-11-22")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if want := "persona: warning: this SARIF log holds the 25000 most severe of 25100 findings and leaves 100 out"; !strings.HasPrefix(stderr, want) {
		t.Errorf("stderr %q, want it to start with %q", stderr, want)
	}
	if n := strings.Count(stdout, `"ruleId"`); n != 25000 {
		t.Errorf("%d results, want 25000", n)
	}
}

// TestHostileNamesStayWellFormed lints a workspace whose file names hold
// every character that breaks an unescaped output, in every CI format.
func TestHostileNamesStayWellFormed(t *testing.T) {
	dir := t.TempDir()
	files, err := generate.HostileNames(dir)
	if err != nil {
		t.Fatal(err)
	}
	lintAs := func(format string) string {
		t.Helper()
		stdout, stderr, code := run(t, dir, false, nil, "lint", "--format", format, "--today", "2026-11-22")
		if code != 1 || stderr != "" {
			t.Fatalf("%s: exit %d, stderr %q", format, code, stderr)
		}
		return stdout
	}
	entities := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".md") {
			entities++
		}
	}

	t.Run("sarif", func(t *testing.T) {
		schemaText, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata", "sarif-schema-2.1.0.json"))
		if err != nil {
			t.Fatal(err)
		}
		out := lintAs("sarif")
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := compileSchema(t, "sarif-schema-2.1.0.json", schemaText).Validate(doc); err != nil {
			t.Fatalf("SARIF does not validate: %v", err)
		}
		var log struct {
			Runs []struct {
				Results []struct {
					Locations []struct {
						PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
					}
				}
			}
		}
		if err := json.Unmarshal([]byte(out), &log); err != nil {
			t.Fatal(err)
		}
		uris := map[string]bool{}
		for _, res := range log.Runs[0].Results {
			uri := res.Locations[0].PhysicalLocation.ArtifactLocation.URI
			uris[uri] = true
			if !uriReference.MatchString(uri) {
				t.Errorf("%q is not an RFC 3986 relative reference without a scheme", uri)
			}
			u, err := url.Parse(uri)
			if err != nil || u.Scheme != "" || u.RawQuery != "" || u.Fragment != "" {
				t.Errorf("%q parses as %+v, %v", uri, u, err)
			}
		}
		if len(uris) != entities {
			t.Errorf("%d distinct URIs, want one per entity file (%d)", len(uris), entities)
		}
	})
	t.Run("junit", func(t *testing.T) {
		dec := xml.NewDecoder(strings.NewReader(lintAs("junit")))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("JUnit is not well-formed XML: %v", err)
			}
		}
	})
	t.Run("github", func(t *testing.T) {
		out := lintAs("github")
		for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if !workflowCommand.MatchString(l) {
				t.Errorf("not a workflow command: %q", l)
			}
		}
	})
	t.Run("rdjsonl and codequality", func(t *testing.T) {
		for _, l := range strings.Split(strings.TrimSuffix(lintAs("rdjsonl"), "\n"), "\n") {
			if !json.Valid([]byte(l)) {
				t.Errorf("not a JSON line: %q", l)
			}
		}
		if out := lintAs("codequality"); !json.Valid([]byte(out)) {
			t.Errorf("codequality is not JSON:\n%s", out)
		}
	})
}

// uriReference is RFC 3986's relative-ref restricted to a path (no scheme,
// query or fragment): unreserved, sub-delims, ':', '@', '/' and
// percent-encodings, and no colon before the first '/'.
var uriReference = regexp.MustCompile(`^(?:[A-Za-z0-9\-._~!$&'()*+,;=@]|%[0-9A-F]{2})(?:[A-Za-z0-9\-._~!$&'()*+,;=@:/]|%[0-9A-F]{2})*$|^\./(?:[A-Za-z0-9\-._~!$&'()*+,;=@:/]|%[0-9A-F]{2})*$`)

// failingWriter accepts a few bytes, then fails every write, as a closed
// pipe does.
type failingWriter struct{ left int }

func (f *failingWriter) Write(b []byte) (int, error) {
	if len(b) > f.left {
		n := f.left
		f.left = 0
		return n, errors.New("broken pipe")
	}
	f.left -= len(b)
	return len(b), nil
}

// TestLintOutputFailures holds lint's streamed output to what a failure
// to write it says: the destination, not the format, is to blame, and
// the exit code is 2 whichever part of the output failed.
func TestLintOutputFailures(t *testing.T) {
	root := repoRoot(t)
	// A file where -o needs a directory: no user, root included, can
	// write there.
	notDir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notDir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		left   int // bytes stdout accepts before failing
		args   []string
		stderr string
	}{
		{"stdout fails at once", 0, []string{"lint", "examples/flawed", "--format", "json"}, "persona: writing the output: broken pipe\n"},
		{"stdout fails part way", 100, []string{"lint", "examples/flawed", "--format", "json"}, "persona: writing the output: broken pipe\n"},
		{"text to stdout", 10, []string{"lint", "examples/flawed"}, "persona: writing the output: broken pipe\n"},
		{"file under a file", 0, []string{"lint", "examples/flawed", "--format", "json", "-o", filepath.Join(notDir, "out.json")}, "persona: cannot write " + filepath.Join(notDir, "out.json") + ": "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errOut bytes.Buffer
			code := Main(tt.args, IOStreams{
				In: strings.NewReader(""), Out: &failingWriter{left: tt.left}, ErrOut: &errOut,
				Getenv: func(string) string { return "" }, Dir: root,
			})
			if code != 2 {
				t.Errorf("exit %d, want 2; stderr %q", code, errOut.String())
			}
			if !strings.HasPrefix(errOut.String(), tt.stderr) || strings.Count(errOut.String(), "\n") != 1 {
				t.Errorf("stderr %q, want one line starting %q", errOut.String(), tt.stderr)
			}
		})
	}
}
