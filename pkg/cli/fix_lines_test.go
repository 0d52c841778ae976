package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/generate"
)

// TestOneDefinitionOfALine: LF, CRLF and a lone CR end a line; U+2028,
// U+2029 and U+0085 are characters inside one (SPEC §3). Lint must point at
// the icp: line and fix must rewrite that value and nothing else — yaml.v3
// counted the separators as breaks, so fix rewrote the next key (#28).
func TestOneDefinitionOfALine(t *testing.T) {
	icp := "---\nkind: icp\ntitle: SaaS\n---\n"
	tests := []struct {
		name, persona, fixed, finding string
	}{
		{"a line separator in a quoted name",
			"---\nkind: persona\nname: \"Zed\u2028Z\"\nicp: sass\nrole: CFO\n---\n",
			"---\nkind: persona\nname: \"Zed\u2028Z\"\nicp: saas\nrole: CFO\n---\n", ":4:6 "},
		{"a line separator in a plain name",
			"---\nkind: persona\nname: Zed\u2028Z\nicp: sass\nrole: CFO\n---\n",
			"---\nkind: persona\nname: Zed\u2028Z\nicp: saas\nrole: CFO\n---\n", ":4:6 "},
		{"NEL and a paragraph separator",
			"---\nkind: persona\nname: Zed\u0085Z\u2029\nicp: sass\nrole: CFO\n---\n",
			"---\nkind: persona\nname: Zed\u0085Z\u2029\nicp: saas\nrole: CFO\n---\n", ":4:6 "},
		{"lone CR line ends",
			"---\rkind: persona\rname: Zed\ricp: sass\rrole: CFO\r---\r",
			"---\rkind: persona\rname: Zed\ricp: saas\rrole: CFO\r---\r", ":4:6 "},
		{"mixed line ends",
			"---\r\nkind: persona\rname: Zed\nicp: sass\r\nrole: CFO\n---\n",
			"---\r\nkind: persona\rname: Zed\nicp: saas\r\nrole: CFO\n---\n", ":4:6 "},
		{"a separator in a comment",
			"---\nkind: persona # a\u2028b\nname: Zed\nicp: sass\n---\n",
			"---\nkind: persona # a\u2028b\nname: Zed\nicp: saas\n---\n", ":4:6 "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := generate.Files(dir, map[string]string{"icps/saas.md": icp, "personas/zed.md": tt.persona}); err != nil {
				t.Fatal(err)
			}
			stdout, _, _ := run(t, dir, false, nil, "lint", "--today", "2026-11-22")
			if !strings.Contains(stdout, "zed.md"+tt.finding) || !strings.Contains(stdout, "persona-unknown-icp") {
				t.Fatalf("lint does not point at zed.md%s:\n%s", tt.finding, stdout)
			}
			run(t, dir, false, nil, "fix", "--rule", "persona-unknown-icp", "--today", "2026-11-22")
			got, err := os.ReadFile(filepath.Join(dir, "personas", "zed.md"))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.fixed {
				t.Errorf("fix wrote %q, want %q", got, tt.fixed)
			}
		})
	}
}
