package cli

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

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
	if charts := strings.Count(stdout, `<svg class="chart" id="chart-`); svgs == 0 || charts != svgs {
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
