package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/generate"
)

// TestFixReportsWhatThePassesDidNotReach: findings are capped at 100 per
// file and rule, so 600 fixable sources take six passes; fix stops after
// five and must say that the rest are still there, and exit 1 (#28).
func TestFixReportsWhatThePassesDidNotReach(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"icps/saas.md":        "---\nkind: icp\ntitle: SaaS\nowners: [a]\nreviewed: 2026-11-01\nfirmographics: {industries: [software], regions: [emea]}\n---\n",
		"interviews/cfo-1.md": "---\nkind: interview\ndate: 2026-10-01\nicp: saas\nconsent: true\n---\nNotes.\n",
		"personas/fiona.md": "---\nkind: persona\nname: Fiona\nicp: saas\nowners: [a]\nreviewed: 2026-11-01\ngoals: [Close faster]\nsources:\n" +
			strings.Repeat("  - cfo-l\n", 600) + "---\n",
	}
	if err := generate.Files(dir, files); err != nil {
		t.Fatal(err)
	}
	stdout, _, code := run(t, dir, false, nil, "fix", "--today", "2026-11-22")
	if code != 1 || !strings.Contains(stdout, "fixed 400 findings in 1 file") || !strings.Contains(stdout, "source-missing") {
		t.Errorf("exit %d, want 1 with the source-missing findings left:\n%s", code, lastLines(stdout, 8))
	}
	src, _ := os.ReadFile(filepath.Join(dir, "personas", "fiona.md"))
	if n := strings.Count(string(src), "- cfo-l\n"); n != 200 {
		t.Errorf("%d sources left unfixed, want 200", n)
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// TestFixDryRunAnnouncesTheRealRun: --dry-run makes the real run's passes
// in memory, so it announces the same fixes and the same findings left
// (SPEC §10); it under-predicted when a fix made a file an entity whose
// keys then had fixes of their own (#27, #28).
func TestFixDryRunAnnouncesTheRealRun(t *testing.T) {
	icp := "---\nkind: icp\ntitle: SaaS\nowners: [a]\nreviewed: 2026-11-01\nfirmographics: {industries: [software], regions: [emea]}\n---\n"
	interview := "---\nkind: interview\ndate: 2026-10-01\nicp: saas\nconsent: true\n---\nNotes.\n"
	tests := []struct {
		name    string
		persona string
	}{
		{"a misspelt kind whose keys are misspelt too",
			"---\nkind: persnoa\nnaem: Zed\nicp: sass\nsources: [cfo-l]\ngoals: [Close faster]\n---\n"},
		{"more fixes than one pass reaches",
			"---\nkind: persona\nname: Zed\nicp: saas\ngoals: [Close faster]\nsources:\n" + strings.Repeat("  - cfo-l\n", 250) + "---\n"},
		{"more than the passes reach",
			"---\nkind: persona\nname: Zed\nicp: saas\ngoals: [Close faster]\nsources:\n" + strings.Repeat("  - cfo-l\n", 450) + "---\n"},
		{"colliding renames",
			"---\nkind: persona\nnaem: Zed\nnmae: Zed\nicp: sass\n---\n"},
	}
	summary := func(stdout string) string {
		// Everything after the list of fixes: the count and what is left.
		for _, verb := range []string{"would fix ", "fixed ", "nothing to fix"} {
			if i := strings.Index(stdout, verb); i >= 0 {
				return strings.TrimPrefix(stdout[i:], verb)
			}
		}
		return stdout
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := generate.Files(dir, map[string]string{"icps/saas.md": icp, "interviews/cfo-1.md": interview, "personas/zed.md": tt.persona}); err != nil {
				t.Fatal(err)
			}
			dry, _, dryCode := run(t, dir, false, nil, "fix", "--dry-run", "--today", "2026-11-22")
			if got, _ := os.ReadFile(filepath.Join(dir, "personas", "zed.md")); string(got) != tt.persona {
				t.Fatalf("the dry run changed the file:\n%s", got)
			}
			real, _, realCode := run(t, dir, false, nil, "fix", "--today", "2026-11-22")
			if dryCode != realCode || summary(dry) != summary(real) {
				t.Errorf("the dry run (exit %d) announced\n%s\nthe real run (exit %d) did\n%s", dryCode, lastLines(dry, 12), realCode, lastLines(real, 12))
			}
			if !strings.Contains(dry, "would fix ") && !strings.Contains(dry, "nothing to fix") {
				t.Errorf("the dry run says neither what it would fix nor that nothing is:\n%s", dry)
			}
		})
	}
}
