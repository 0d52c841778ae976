package frontmatter

import (
	"testing"
	"unicode/utf8"
)

// FuzzDecode feeds arbitrary files to the splitter and decoder: they must
// never panic, and every problem must point at a line of the file.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"---\nkind: persona\nname: x\n---\nbody",
		"\xEF\xBB\xBF---\r\nkind: icp\r\nfirmographics: {employees: {min: 1}}\r\n---\r\n",
		"---\nkind: persona\ngoals: [x\n---\n",
		"---\nkind: interview\na: &a [*a]\n---\n",
		"+++\nkind = \"persona\"\n+++\n",
		"---\rkind: persnoa\r---\r",
		"---\nkind: persona\nshare: \"50%\"\nsources: [a, ../b.md]\nlint: {ignore: [stale]}\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d := Decode("f/x.md", src)
		if d == nil {
			return
		}
		lines := 1
		Lines(src, func(n int, _ []byte) bool { lines = n; return true })
		for _, p := range d.Problems {
			if p.Pos.Line < 1 || p.Pos.Line > lines+1 {
				t.Fatalf("problem %+v points outside the file's %d lines", p, lines)
			}
			if !utf8.ValidString(p.Message) && utf8.Valid(src) {
				t.Fatalf("message is not UTF-8: %q", p.Message)
			}
		}
	})
}
