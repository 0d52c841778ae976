package cli

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/generate"
	"github.com/personakit/persona/pkg/reporthtml"
	"github.com/personakit/persona/pkg/slug"
)

// Every link of the site reaches a file (a page, or an entity file of the
// workspace), every id is unique in its page, no page weighs more than
// reporthtml.MaxSitePage, and lists longer than reporthtml.SiteRows go on to
// numbered pages: on a generated workspace and on one whose file names
// hold every character that breaks a link.
func TestSiteLinksResolve(t *testing.T) {
	for _, ws := range []struct {
		name string
		make func(dir string) error
	}{
		{"generated", func(dir string) error { _, err := generate.Workspace(dir, generate.Defaults(30)); return err }},
		{"hostile names", func(dir string) error { _, err := generate.HostileNames(dir); return err }},
		{"ids Windows reserves", func(dir string) error {
			return generate.Files(dir, map[string]string{
				"icps/s.md":          "---\nkind: icp\nid: s\ntitle: S\n---\n",
				"interviews/con.md":  "---\nkind: interview\nid: con\ndate: 2026-01-01\nicp: s\n---\nWe close by hand.\n",
				"personas/aux.md":    "---\nkind: persona\nid: aux\nname: Aux\nicp: s\nsources: [con]\n---\n",
				"personas/COM1-x.md": "---\nkind: persona\nid: com1\nname: C\nicp: s\nsources: [con]\n---\n",
			})
		}},
		{"an interview cited by 450 personas of one id", func(dir string) error {
			files := map[string]string{
				"icps/s.md":             "---\nkind: icp\nid: s\ntitle: S\n---\n",
				"interviews/cfo-1.md":   "---\nkind: interview\nid: cfo-1\ndate: 2026-01-01\nicp: s\n---\nWe close by hand.\n",
				"interviews/cfo-1-2.md": "---\nkind: interview\nid: cfo-1-2\ndate: 2026-01-01\nicp: s\n---\nWe close by hand.\n",
			}
			for i := range 450 {
				files[fmt.Sprintf("personas/p%03d.md", i)] = "---\nkind: persona\nid: x\nname: X\nicp: s\nsources: [cfo-1]\ngoals:\n  - text: Close fast\n    evidence: [cfo-1]\n---\n"
			}
			return generate.Files(dir, files)
		}},
		{"an interview named a#b.md", func(dir string) error {
			return generate.Files(dir, map[string]string{
				"icps/s.md":         "---\nkind: icp\nid: s\ntitle: S\n---\n",
				"interviews/a#b.md": "---\nkind: interview\nid: iv\ndate: 2026-01-01\nicp: s\n---\nWe close by hand.\n",
				"personas/p.md":     "---\nkind: persona\nid: p\nname: P\nicp: s\nsources: [iv]\ngoals:\n  - text: Close fast\n    evidence: [iv]\n---\n",
			})
		}},
	} {
		t.Run(ws.name, func(t *testing.T) {
			root := t.TempDir()
			work := filepath.Join(root, "work")
			if err := ws.make(work); err != nil {
				t.Fatal(err)
			}
			site := filepath.Join(root, "site")
			if _, stderr, code := run(t, work, false, nil, "report", "--format", "site", "-o", site, "--today", "2026-11-22"); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			hrefs := regexp.MustCompile(`href="([^"]*)"`)
			ids := regexp.MustCompile(`\sid="([^"]*)"`)
			pages := 0
			err := filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
					return err
				}
				pages++
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				if len(data) > reporthtml.MaxSitePage {
					t.Errorf("%s weighs %d KiB", p, len(data)>>10)
				}
				seen := map[string]bool{}
				for _, m := range ids.FindAllStringSubmatch(string(data), -1) {
					if seen[m[1]] {
						t.Errorf("%s: id %q twice", p, m[1])
					}
					seen[m[1]] = true
				}
				for _, m := range hrefs.FindAllStringSubmatch(string(data), -1) {
					h := strings.ReplaceAll(m[1], "&amp;", "&")
					if strings.HasPrefix(h, "#") {
						if !seen[h[1:]] && !strings.Contains(string(data), `id="`+h[1:]+`"`) {
							t.Errorf("%s: %s points at no element", p, h)
						}
						continue
					}
					u, err := url.Parse(h)
					if err != nil || u.IsAbs() || u.Host != "" {
						t.Errorf("%s: %q is not a relative link", p, h)
						continue
					}
					target := filepath.Join(filepath.Dir(p), filepath.FromSlash(u.Path))
					if _, err := os.Stat(target); err != nil {
						t.Errorf("%s: %q reaches nothing (%s)", p, h, target)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if ws.name == "an interview cited by 450 personas of one id" {
				// Its citing personas go on by reporthtml.SiteRows a page, on
				// pages no other interview's page can be named.
				cited := 0
				for _, page := range []string{"cfo-1.html", "cfo-1.2.html", "cfo-1.3.html"} {
					data, err := os.ReadFile(filepath.Join(site, "interviews", page))
					if err != nil {
						t.Fatal(err)
					}
					n := strings.Count(string(data), `<li><a href="../personas/`)
					if n > reporthtml.SiteRows {
						t.Errorf("%s lists %d personas", page, n)
					}
					cited += n
				}
				if other, err := os.ReadFile(filepath.Join(site, "interviews", "cfo-1-2.html")); err != nil || !strings.Contains(string(other), "Interview cfo-1-2") {
					t.Errorf("cfo-1-2 lost its page: %v", err)
				}
				if cited != 450 {
					t.Errorf("the pages list %d citing personas, want 450", cited)
				}
			}
			if ws.name == "an interview named a#b.md" {
				// Its page names the claims citing it; its ICP's page links it.
				page, _ := os.ReadFile(filepath.Join(site, "interviews", "iv.html"))
				icp, _ := os.ReadFile(filepath.Join(site, "icps", "s.html"))
				if !strings.Contains(string(page), "Close fast") || !strings.Contains(string(icp), `href="../interviews/iv.html"`) {
					t.Errorf("the interview's page or link is missing:\n%s", page)
				}
			}
			if ws.name == "ids Windows reserves" {
				// No page is named as Windows reserves (con.html, aux.html,
				// com1.html): the site could not be checked out there.
				for _, page := range []string{"interviews/con-page.html", "personas/aux-page.html", "personas/com1-page.html"} {
					if _, err := os.Stat(filepath.Join(site, filepath.FromSlash(page))); err != nil {
						t.Errorf("no %s: %v", page, err)
					}
				}
				filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
					if err == nil && slug.ReservedOnWindows(strings.TrimSuffix(d.Name(), ".html")) {
						t.Errorf("%s is named as Windows reserves", p)
					}
					return nil
				})
			}
			if ws.name == "generated" {
				// 30 ICPs × 8 personas: the persona list runs to 2 pages.
				if _, err := os.Stat(filepath.Join(site, "personas-2.html")); err != nil {
					t.Errorf("the persona list is not paginated: %v", err)
				}
				if pages < 30+240+360 {
					t.Errorf("%d pages", pages)
				}
			}
		})
	}
}
