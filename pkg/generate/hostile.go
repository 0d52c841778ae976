package generate

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// AliasBomb is a persona's front matter (with its --- lines) whose aliases
// nest levels deep, nine per level: a few hundred bytes that would expand to
// 9^levels values. leaf is the innermost value, so two versions can differ.
func AliasBomb(levels int, leaf string) string {
	var b strings.Builder
	b.WriteString("---\nkind: persona\nname: Bomb\nicp: saas\na0: &a0 {leaf: " + leaf + "}\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "a%d: &a%d {", i, i)
		for j := range 9 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "k%d: *a%d", j, i-1)
		}
		b.WriteString("}\n")
	}
	b.WriteString("---\n")
	return b.String()
}

// HostileNames writes a workspace under dir whose files are named with
// every hostile part, each persona with findings (an unknown ICP, no
// sources), and returns the paths it wrote, relative to dir.
func HostileNames(dir string) ([]string, error) {
	files := map[string]string{
		".persona.yaml": "version: 1\n",
		"icps/saas.md":  "---\nkind: icp\ntitle: SaaS\n---\n",
	}
	for i, part := range hostileNamesParts() {
		files[fmt.Sprintf("personas/%s.md", part)] = fmt.Sprintf("---\nkind: persona\nid: p%d\nname: Persona | %d\nicp: sas\n---\n", i, i)
	}
	files["c:colon.md"] = "---\nkind: persona\nid: top-colon\nname: Top\nicp: sas\n---\n"
	var written []string
	for rel, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			return nil, err
		}
		written = append(written, rel)
	}
	sort.Strings(written)
	return written, nil
}

// hostileNamesParts are file names that break outputs which do not escape:
// URI reserved and unsafe characters, a colon that reads as a scheme,
// workflow-command separators, spaces, a newline, non-ASCII and a control
// character.
func hostileNamesParts() []string {
	return []string{
		"[draft]", "a]b", "hash#1", "what?", "pipe|table", "100%", "comma,name", "c:colon",
		"with space", "new\nline", "grüße 漢字", "bell\x07", "star*", "back`tick`", "<tag>&amp",
	}
}
