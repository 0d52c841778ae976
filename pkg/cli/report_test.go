package cli

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/generate"
	"go.yaml.in/yaml/v3"
)

func TestReportGoldens(t *testing.T) {
	for _, f := range []struct{ format, ext string }{{"markdown", "md"}, {"html", "html"}, {"json", "json"}} {
		t.Run(f.format, func(t *testing.T) {
			stdout, stderr, code := run(t, repoRoot(t), false, nil, "report", "examples/acme-analytics", "--format", f.format, "--today", "2026-11-22")
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			golden(t, "acme-analytics.report."+f.ext, stdout)
		})
	}
}

// TestReportEscapesUserText renders a workspace whose names, lists and
// bodies are full of HTML and script: all of it must come out as text.
func TestReportEscapesUserText(t *testing.T) {
	stdout, stderr, code := run(t, repoRoot(t), false, nil, "report", "testdata/injection", "--format", "html", "--today", "2026-11-22")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, bad := range []string{"<script", "<img", "<iframe", "<svg onload", "<marquee", "<b>", "javascript:", "<style>body", "https://example.com/pixel.gif"} {
		if strings.Contains(stdout, bad) {
			t.Errorf("the HTML report contains %q", bad)
		}
	}
	// The only SVG is the report's own charts, their titles escaped.
	svgs := strings.Count(stdout, "<svg")
	if charts := strings.Count(stdout, `<svg class="chart" id="chart-`) + strings.Count(stdout, `<svg class="chart-defs"`); svgs == 0 || charts != svgs {
		t.Errorf("%d <svg> elements, %d of them charts", svgs, charts)
	}
	for _, title := range regexp.MustCompile(`<title id="[^"]*">[^<]*`).FindAllString(stdout, -1) {
		if strings.ContainsAny(strings.SplitN(title, ">", 2)[1], `<>"`) {
			t.Errorf("a chart title is not escaped: %s", title)
		}
	}
	if tag := regexp.MustCompile(`<[^>]*\son[a-z]+\s*=`).FindString(stdout); tag != "" {
		t.Errorf("an element has an event handler attribute: %s", tag)
	}
	for _, want := range []string{
		"&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;&#34;&gt;&lt;img src=x onerror=alert(5)&gt;", // persona name
		"&lt;svg onload=alert(6)&gt;", // a goal
		"[image: tracking pixel]",     // a body image, as text
		"<!-- raw HTML omitted -->",   // body HTML dropped by goldmark
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the HTML report lacks %q", want)
		}
	}
	if strings.Count(stdout, "<style>") != 1 {
		t.Error("the report must have exactly its own <style> element")
	}

	md, _, _ := run(t, repoRoot(t), false, nil, "report", "testdata/injection", "--format", "markdown", "--today", "2026-11-22")
	for _, bad := range []string{"<script", "<img", "<svg"} {
		if strings.Contains(md, bad) {
			t.Errorf("the Markdown report contains %q", bad)
		}
	}
}

func TestReportRedact(t *testing.T) {
	full, _, _ := run(t, repoRoot(t), false, nil, "report", "examples/acme-analytics", "--format", "json", "--today", "2026-11-22")
	redacted, _, code := run(t, repoRoot(t), false, nil, "report", "examples/acme-analytics", "--format", "json", "--today", "2026-11-22", "--redact")
	if code != 0 {
		t.Fatal("redacted report failed")
	}
	for _, secret := range []string{"Financial Controller", "I spend the first week of every month", `"company_size"`, `"interviewer"`} {
		if !strings.Contains(full, secret) {
			t.Fatalf("the full report lacks %q; the test would prove nothing", secret)
		}
		if strings.Contains(redacted, secret) {
			t.Errorf("the redacted report still contains %q", secret)
		}
	}
	var r struct {
		Redacted bool `json:"redacted"`
	}
	if err := json.Unmarshal([]byte(redacted), &r); err != nil || !r.Redacted {
		t.Errorf("redacted flag not set: %v", err)
	}
}

// plain converts YAML to the values a JSON document would have, keeping
// dates as the strings they were written as.
func plain(n *yaml.Node) any {
	switch n.Kind {
	case yaml.AliasNode:
		return plain(n.Alias)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = plain(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		out := []any{}
		for _, c := range n.Content {
			out = append(out, plain(c))
		}
		return out
	}
	switch n.Tag {
	case "!!int", "!!float":
		var f float64
		if err := n.Decode(&f); err == nil {
			return json.Number(n.Value)
		}
	case "!!bool":
		b, _ := strconv.ParseBool(strings.ToLower(n.Value))
		return b
	case "!!null":
		return nil
	}
	return n.Value
}

// --icp and --status scope the report to what they name: its sections,
// counts and findings; a wrong --icp is a usage error with a suggestion.
func TestReportScope(t *testing.T) {
	type view struct {
		Summary struct{ ICPs, Personas, Interviews int }
		ICPs    []struct {
			ID       string
			Personas []struct{ ID, Status string }
		}
		Unassigned []struct{ ID string } `json:"unassigned_personas"`
		Findings   []struct{ Path string }
	}
	scoped := func(args ...string) view {
		t.Helper()
		stdout, stderr, code := run(t, repoRoot(t), false, nil, append([]string{"report", "examples/flawed", "--format", "json", "--today", "2026-11-22"}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		var v view
		if err := json.Unmarshal([]byte(stdout), &v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	all, crowded := scoped(), scoped("--icp", "crowded")
	if len(crowded.ICPs) != 1 || crowded.ICPs[0].ID != "crowded" || crowded.Summary.ICPs != 1 || len(crowded.Unassigned) != 0 {
		t.Errorf("--icp crowded: %+v", crowded)
	}
	if len(crowded.Findings) == 0 || len(crowded.Findings) >= len(all.Findings) {
		t.Errorf("--icp crowded keeps %d of %d findings", len(crowded.Findings), len(all.Findings))
	}
	for _, f := range crowded.Findings {
		for _, outside := range []string{"icps/sunset.md", "icps/vague.md", "personas/no-icp.md", "personas/retired-icp.md"} {
			if strings.HasSuffix(f.Path, outside) {
				t.Errorf("--icp crowded reports a finding of %s", f.Path)
			}
		}
	}
	for _, c := range scoped("--status", "draft").ICPs {
		for _, p := range c.Personas {
			if p.Status != "draft" {
				t.Errorf("--status draft lists %s, %s", p.ID, p.Status)
			}
		}
	}
	_, stderr, code := run(t, repoRoot(t), false, nil, "report", "examples/flawed", "--icp", "crowdd")
	if code != 2 || !strings.Contains(stderr, `did you mean "crowded"?`) {
		t.Errorf("--icp crowdd: exit %d, %q", code, stderr)
	}
}

// Every link to a file is a URL for any file name: net/url encodes '#',
// '?', '%' and spaces, which would otherwise cut the name short; under
// --link-base each is the file's URL there.
func TestReportLinks(t *testing.T) {
	dir := t.TempDir()
	if _, err := generate.HostileNames(dir); err != nil {
		t.Fatal(err)
	}
	html, _, code := run(t, dir, false, nil, "report", "--format", "html", "--today", "2026-11-22")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{`href="personas/hash%231.md"`, `href="personas/what%3F.md"`, `href="personas/100%25.md"`, `href="personas/with%20space.md"`, `href="./c:colon.md"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the HTML report lacks %s", want)
		}
	}
	shared, _, _ := run(t, dir, false, nil, "report", "--format", "html", "--today", "2026-11-22", "--link-base", "https://example.org/repo/blob/main/")
	if !strings.Contains(shared, `href="https://example.org/repo/blob/main/personas/hash%231.md"`) {
		t.Errorf("--link-base does not link the file: %s", regexp.MustCompile(`href="https[^"]*hash[^"]*"`).FindString(shared))
	}
	_, stderr, code := run(t, dir, false, nil, "report", "--link-base", "not a url")
	if code != 2 || !strings.Contains(stderr, "is not an http(s) URL") {
		t.Errorf("a bad --link-base: exit %d, %q", code, stderr)
	}
}

// TestSiteGolden holds every page of the examples' site to
// testdata/golden/acme-analytics.site: the pages are written once, in Go
// and in the index template, and this is what they write.
func TestSiteGolden(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	stdout, stderr, code := run(t, repoRoot(t), false, nil, "report", "examples/acme-analytics", "--format", "site", "-o", out,
		"--today", "2026-11-22", "--link-base", "https://github.com/acme/research/blob/main/")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q, stdout %q", code, stderr, stdout)
	}
	want := filepath.Join(repoRoot(t), "testdata", "golden", "acme-analytics.site")
	var pages []string
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, path)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.RemoveAll(want); err != nil {
			t.Fatal(err)
		}
	}
	for _, page := range pages {
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.MkdirAll(filepath.Dir(filepath.Join(want, page)), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		golden(t, "acme-analytics.site/"+page, string(got))
	}
	var kept []string
	filepath.WalkDir(want, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(want, path)
			kept = append(kept, filepath.ToSlash(rel))
		}
		return nil
	})
	if !slices.Equal(kept, pages) {
		t.Errorf("the site has the pages %v; the golden site has %v", pages, kept)
	}
}
