package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/generate"
)

// TestImportRealShapes imports trees written in the shapes real teams keep
// persona pages in (testdata/import: Docusaurus pages one per file, several
// in one and MDX; a Backstage proposal with H4 personas; an OpenTelemetry
// research folder; a Sourcegraph handbook; an 18F table; GitLab's grouped
// personas). After import, lint exits 0; no byte of a page is lost (an
// adopted page only gains front-matter lines, and an unknown status is
// rewritten with the old value kept); every split persona's body is a
// byte-exact substring of its page.
func TestImportRealShapes(t *testing.T) {
	tests := []struct {
		shape   string
		imports [][]string // each an import command's arguments
		want    []string   // lines import prints
		files   []string   // files it must have written
	}{
		{"docusaurus", [][]string{{"import"}},
			[]string{"docs/personas/all-personas.md: split at its level-2 headings, each a persona with claim sections",
				"docs/personas/data-scientist.md: a persona: it has claim sections (goals, frustrations)",
				"docs/personas/ml-engineer.mdx: a persona: it has claim sections (goals, frustrations)"},
			[]string{"docs/personas/personas/admin.md", "docs/personas/personas/team-lead.md"}},
		{"backstage", [][]string{{"import"}, {"import", "--heading-level", "4"}},
			[]string{"beps/0008-personas/README.md: skipped: it reads as a proposal (its heading \"Motivation\"), not a persona page; pass --kind persona to adopt it anyway, or --heading-level to split it",
				"beps/0008-personas/README.md: split at its level-4 headings, as --heading-level asks"},
			[]string{"beps/0008-personas/personas/integrator.md", "beps/0008-personas/personas/contributor.md", "beps/0008-personas/personas/adopter.md"}},
		{"otel", [][]string{{"import"}, {"import", "end-user-research/surveys", "--kind", "interview"}},
			[]string{"end-user-research/interview-outcomes.md: skipped: it reads as a research summary (its heading \"Interview outcomes\"), not a persona page; pass --kind persona to adopt it anyway, or --heading-level to split it",
				"end-user-research/interviews/2023-04-12-company-a.md: interview notes: its name carries the date 2023-04-12",
				"end-user-research/surveys/2023-06-15-otel-survey/README.md: --kind interview"},
			nil},
		{"sourcegraph", [][]string{{"import"}, {"import", "handbook/support", "--heading-level", "2"}},
			[]string{"handbook/marketing/buyer-personas.md: split at its level-3 headings, each a persona with claim sections",
				"handbook/strategy.md: skipped: it reads as a strategy page (its heading \"Strategy\"), not a persona page; pass --kind persona to adopt it anyway, or --heading-level to split it",
				"handbook/support/admin-personas.md: skipped: it has no claim sections (Goals, Frustrations, ...) and no date in its name; pass --kind to adopt it anyway"},
			[]string{"handbook/marketing/personas/alex-application-manager.md", "handbook/marketing/personas/skyler-cto.md",
				"handbook/support/personas/the-reluctant-admin.md", "handbook/support/personas/the-power-admin.md", "handbook/support/personas/the-security-admin.md"}},
		{"18f", [][]string{{"import"}},
			[]string{"research/personas.md: skipped: its personas are rows of a table; write each as a heading with its claim sections (## Name, ### Goals), then import it again"},
			nil},
		{"gitlab", [][]string{{"import"}},
			[]string{"handbook/product/personas/_index.md: split at its level-4 headings, each a persona with claim sections"},
			[]string{"handbook/product/personas/personas/parker-product-manager.md", "handbook/product/personas/personas/delaney-development-team-lead.md",
				"handbook/product/personas/personas/sasha-software-developer.md", "handbook/product/personas/personas/cameron-compliance-manager.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.shape, func(t *testing.T) {
			dir := t.TempDir()
			before := readTree(t, filepath.Join(repoRoot(t), "testdata", "import", tt.shape))
			if err := generate.Files(dir, before); err != nil {
				t.Fatal(err)
			}
			var printed strings.Builder
			for _, args := range tt.imports {
				// The dry run explains each page; the real run does it.
				dry, stderr, code := run(t, dir, false, nil, append(append([]string{}, args...), "--dry-run", "--today", "2026-11-22")...)
				if code != 0 {
					t.Fatalf("persona %v --dry-run: exit %d: %s", args, code, stderr)
				}
				printed.WriteString(dry)
				if _, stderr, code := run(t, dir, false, nil, append(append([]string{}, args...), "--today", "2026-11-22")...); code != 0 {
					t.Fatalf("persona %v: exit %d: %s", args, code, stderr)
				}
			}
			for _, line := range tt.want {
				if !strings.Contains(printed.String(), line+"\n") {
					t.Errorf("import did not say %q:\n%s", line, printed.String())
				}
			}
			if stdout, stderr, code := run(t, dir, false, nil, "lint", "--today", "2026-11-22"); code != 0 {
				t.Errorf("lint after import: exit %d\n%s%s", code, stdout, stderr)
			}
			after := readTree(t, dir)
			for _, f := range tt.files {
				if _, ok := after[f]; !ok {
					t.Errorf("no %s", f)
				}
			}
			for rel, old := range before {
				if now := after[rel]; !keepsEveryLine(old, now) {
					t.Errorf("%s lost bytes:\n--- before\n%s\n--- after\n%s", rel, old, now)
				}
			}
			for rel, now := range after {
				if _, existed := before[rel]; existed {
					continue
				}
				body := frontmatter.Split([]byte(now)).Body
				found := false
				for _, old := range before {
					found = found || strings.Contains(old, string(body))
				}
				if !found {
					t.Errorf("the body of %s is not a substring of any page:\n%s", rel, body)
				}
			}
		})
	}
}

// keepsEveryLine reports whether every line of old is in now, in order:
// an adopted page only gains lines, and a status the contract does not
// know is rewritten with the old value kept in a comment.
func keepsEveryLine(old, now string) bool {
	nowLines := strings.Split(now, "\n")
	i := 0
	for _, l := range strings.Split(old, "\n") {
		for i < len(nowLines) && nowLines[i] != l && !(strings.HasPrefix(l, "status: ") && nowLines[i] == "status: proto # was: "+strings.TrimPrefix(l, "status: ")) {
			i++
		}
		if i == len(nowLines) {
			return false
		}
		i++
	}
	return true
}

func readTree(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestImportSaysWhenPersonasGetNoICP: with several ICPs and no --icp the
// imported personas have none; import says so instead of leaving it to a
// lint finding (SPEC §12).
func TestImportSaysWhenPersonasGetNoICP(t *testing.T) {
	dir := t.TempDir()
	if err := generate.Files(dir, map[string]string{
		".persona.yaml":     "version: 1\n",
		"icps/a.md":         "---\nkind: icp\ntitle: A\n---\n",
		"icps/b.md":         "---\nkind: icp\ntitle: B\n---\n",
		"handbook/fiona.md": "# Fiona\n\n## Goals\n\n- Close fast\n",
	}); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := run(t, dir, false, nil, "import", "--today", "2026-11-22")
	if code != 0 || !strings.Contains(stdout, "note: the imported personas have no icp: this workspace has 2 ICPs (a, b); pass --icp ID, or set icp: in each\n") {
		t.Errorf("exit %d:\n%s%s", code, stdout, stderr)
	}
	if stdout, _, code := run(t, dir, false, nil, "lint", "--today", "2026-11-22"); code != 0 {
		t.Errorf("lint after import: exit %d\n%s", code, stdout)
	}
}
