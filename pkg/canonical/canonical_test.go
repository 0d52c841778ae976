package canonical

import (
	"bytes"
	"testing"

	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/textline"
	"github.com/personakit/persona/pkg/yamlkit"
	"go.yaml.in/yaml/v3"
)

func TestRewrite(t *testing.T) {
	src := "\xEF\xBB\xBF---\r\nname: A\r\nkind: persona\r\ngoals: [b, a]\r\nzeta: 1\r\nalpha: {x: 1}\r\n---\r\nBody\r\n"
	want := "---\nkind: persona\nname: A\ngoals:\n  - b\n  - a\nalpha:\n  x: 1\nzeta: 1\n---\nBody\n"
	if got := string(Rewrite([]byte(src))); got != want {
		t.Errorf("Rewrite =\n%s\nwant\n%s", got, want)
	}
	if got := string(Rewrite([]byte("# plain\r\n"))); got != "# plain\n" {
		t.Errorf("plain Markdown = %q", got)
	}
	// A file returned as it was keeps its byte order marks: only its line
	// endings change.
	for _, src := range []string{"\ufeff# plain\n", "\ufeff\ufeff", "\ufeff\ufeff---\nkind: icp\n---\n"} {
		if got := string(Rewrite([]byte(src))); got != src {
			t.Errorf("Rewrite(%q) = %q, want it unchanged", src, got)
		}
	}
	// A comment after the key of an empty collection stays with the key.
	for src, want := range map[string]string{
		"---\n0: #0\n {}\n---":               "---\n0: {} #0\n---\n",
		"---\nkind: icp\nb: #c\n  []\n---\n": "---\nkind: icp\nb: [] #c\n---\n",
		"---\n0: #\n {}#\n---":               "---\n#\n0: {} #\n---\n",
		"---\n# h\nb: #c\n  [] #d\n---\n":    "---\n# h\n#c\nb: [] #d\n---\n",
	} {
		if got := string(Rewrite([]byte(src))); got != want {
			t.Errorf("Rewrite(%q) = %q, want %q", src, got, want)
		}
	}
}

// FuzzRewrite: the canonical form holds the same front matter values as
// the file and, for front matter without comments, is a fixed point
// (rewriting it again changes nothing). Comments are kept where yaml.v3
// places them, which can add a blank line on each pass.
func FuzzRewrite(f *testing.F) {
	f.Add([]byte("---\nkind: persona\nname: A\ngoals: [x, {text: y, evidence: [a]}]\n---\n# H\r\nbody"))
	f.Add([]byte("---\nid: x\nkind: icp\nfirmographics: {employees: {min: 1}}\n---\n"))
	f.Add([]byte("---\nkind: persona\na: &a [1]\nb: *a\n# comment\n---\n"))
	f.Add([]byte("\ufeff---\r\nkind: interview\r\nnotes: |\r\n  two\r\n  lines\r\n---\r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		once := Rewrite(src)
		if twice := Rewrite(once); !bytes.Contains(src, []byte("#")) && !bytes.Equal(once, twice) {
			t.Fatalf("not a fixed point:\n%q\n%q", once, twice)
		}
		before, okBefore := values(src)
		after, okAfter := values(once)
		if okBefore && (!okAfter || before != after) {
			t.Fatalf("values changed:\n%s\n%s", before, after)
		}
	})
}

// values is the front matter of src decoded as persona reads it (a line
// separator or NEL is a character, SPEC §3, where yaml.v3 alone breaks
// the line there) and encoded again, without its layout; false when it
// is not a YAML mapping.
func values(src []byte) (string, bool) {
	b := frontmatter.Split(textline.ToLF(yamlkit.StripBOM(src)))
	if b.Format != frontmatter.YAML || !b.Closed {
		return "", false
	}
	var root yaml.Node
	if err := yamlkit.UnmarshalNode(b.Text, &root); err != nil {
		return "", false
	}
	var v map[string]any
	if root.Kind != 0 {
		if err := root.Decode(&v); err != nil {
			return "", false
		}
	}
	out, err := yaml.Marshal(v)
	return string(out), err == nil
}
