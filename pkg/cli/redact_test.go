package cli

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/generate"
	"github.com/personakit/persona/pkg/pii"
)

// TestRedactedReportsKeepNoPII reports the hostile corpora and a workspace
// with personal data in bodies and front matter with --redact, in every
// format, and looks for each e-mail address, phone number, IBAN and quote
// of the input in the output.
func TestRedactedReportsKeepNoPII(t *testing.T) {
	pages := t.TempDir()
	files := map[string]string{
		".persona.yaml": "rules:\n  interview-pii: {regions: [US, DE]}\n",
		"icps/saas.md":  "---\nkind: icp\ntitle: SaaS\n---\nAsk sales@acme.example.com or +1 415 555 0134.\n",
		"personas/fiona.md": "---\nkind: persona\nname: Fiona\nicp: saas\ngoals: [Call fiona@acme.example.com first]\nquotes: [\"I close the books by hand\"]\n---\n" +
			"## Story\n\n> Month-end is a nightmare, says Fiona Müller.\n\nShe said “we reconcile in Excel” on 0711 1234567.\n\nPay DE89 3704 0044 0532 0130 00.\n",
		"interviews/call.md": "---\nkind: interview\ndate: 2026-01-01\ninterviewee: {role: CFO}\ninterviewer: sam@acme.example.com\n---\nReach her at (030) 123 45 67.\n",
	}
	if err := generate.Files(pages, files); err != nil {
		t.Fatal(err)
	}
	secretQuotes := []string{"Month-end is a nightmare", "we reconcile in Excel", "I close the books by hand"}
	finder := pii.Finder{Regions: []string{"US", "DE"}}
	for _, ws := range []string{pages, filepath.Join(repoRoot(t), "testdata", "hostile-workspace"), filepath.Join(repoRoot(t), "testdata", "injection")} {
		var secrets []string
		err := filepath.WalkDir(ws, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, line := range strings.Split(string(src), "\n") {
				for _, m := range finder.Find([]byte(line)) {
					secrets = append(secrets, line[m.Start:m.End])
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if ws == pages && len(secrets) != 7 {
			t.Fatalf("the test workspace holds %d pieces of personal data, want 7: %q", len(secrets), secrets)
		}
		for _, format := range []string{"html", "markdown", "json"} {
			t.Run(filepath.Base(ws)+"/"+format, func(t *testing.T) {
				stdout, stderr, code := run(t, ws, false, nil, "report", "--redact", "--format", format, "--today", "2026-11-22")
				if code != 0 {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				// Undo the escaping of each format, so that "a&#64;b.io",
				// "a@\u200bb.io" or "a\u0040b.io" cannot hide an address.
				out := html.UnescapeString(strings.ReplaceAll(stdout, `\u0026`, "&"))
				out = strings.ReplaceAll(out, "\u200b", "")
				out = strings.ReplaceAll(out, `\u003c`, "<")
				for _, s := range secrets {
					if strings.Contains(out, s) {
						t.Errorf("the redacted %s report still holds %q", format, s)
					}
				}
				if ws == pages {
					for _, q := range secretQuotes {
						if strings.Contains(out, q) {
							t.Errorf("the redacted %s report still quotes %q", format, q)
						}
					}
					// Markdown escapes the brackets: \[redacted\].
					if !regexp.MustCompile(`\[redacted\\?\]`).MatchString(out) || format != "markdown" && !strings.Contains(out, "[quote redacted]") {
						t.Errorf("the redacted %s report does not say what was removed:\n%s", format, out)
					}
				}
			})
		}
	}
}
