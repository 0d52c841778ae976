package gitrepo

import (
	"slices"
	"strings"
	"testing"
)

// FuzzParseNameStatus: git diff's -z output, whatever the paths hold, is
// read back as the changes written, and any other text is refused or read
// without a panic.
func FuzzParseNameStatus(f *testing.F) {
	f.Add("docs/a.md", "docs/b c.md", "M", "x")
	f.Add("", "", "R100", "")
	f.Add("naïve\n.md", "tab\t.md", "D", "R\x00a")
	f.Fuzz(func(t *testing.T, oldPath, newPath, status, junk string) {
		parseNameStatus(junk) // must not panic
		if oldPath == "" || newPath == "" || strings.Contains(oldPath+newPath, "\x00") {
			return
		}
		var out strings.Builder
		var want []Change
		for _, s := range []string{"M", "A", "D", "R100", "C75", status} {
			if s == "" || strings.Contains(s, "\x00") {
				continue
			}
			c := Change{Status: s[0], OldPath: oldPath, NewPath: newPath}
			switch s[0] {
			case 'R', 'C':
				out.WriteString(s + "\x00" + oldPath + "\x00" + newPath + "\x00")
			default:
				out.WriteString(s + "\x00" + newPath + "\x00")
				c.OldPath = newPath
				switch s[0] {
				case 'A':
					c.OldPath = ""
				case 'D':
					c.NewPath = ""
				}
			}
			want = append(want, c)
		}
		got, err := parseNameStatus(out.String())
		if err != nil || !slices.Equal(got, want) {
			t.Fatalf("parseNameStatus(%q) = %v, %v; want %v", out.String(), got, err, want)
		}
		if _, err := parseNameStatus("R100\x00" + oldPath); err == nil {
			t.Errorf("a rename without its new path was read")
		}
	})
}
