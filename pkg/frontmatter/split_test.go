package frontmatter

import (
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		format   Format
		closed   bool
		text     string
		body     string
		bodyLine int
	}{
		{"no front matter", "# Title\n", None, false, "", "# Title\n", 1},
		{"empty file", "", None, false, "", "", 1},
		{"yaml", "---\nkind: icp\n---\nbody\n", YAML, true, "kind: icp\n", "body\n", 4},
		{"dots close", "---\nkind: icp\n...\nbody", YAML, true, "kind: icp\n", "body", 4},
		{"crlf", "---\r\nkind: icp\r\n---\r\nbody\r\n", YAML, true, "kind: icp\r\n", "body\r\n", 4},
		{"bom", "\xEF\xBB\xBF---\nkind: icp\n---\n", YAML, true, "kind: icp\n", "", 4},
		{"trailing blanks on delimiters", "--- \t\nkind: icp\n---  \nx", YAML, true, "kind: icp\n", "x", 4},
		{"cr only", "---\rkind: icp\r---\rbody", YAML, true, "kind: icp\r", "body", 4},
		{"empty block", "---\n---\nbody", YAML, true, "", "body", 3},
		{"unclosed", "---\nkind: icp\n", YAML, false, "kind: icp\n", "", 0},
		{"only opener", "---", YAML, false, "", "", 0},
		{"toml", "+++\nkind = \"icp\"\n+++\n", TOML, true, "kind = \"icp\"\n", "", 4},
		{"leading space is not a delimiter", " ---\nkind: icp\n---\n", None, false, "", " ---\nkind: icp\n---\n", 1},
		{"four dashes is not a delimiter", "----\nkind: icp\n---\n", None, false, "", "----\nkind: icp\n---\n", 1},
		{"closing must be alone", "---\nkind: icp\n--- x\n---\nbody", YAML, true, "kind: icp\n--- x\n", "body", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Split([]byte(tt.src))
			if b.Format != tt.format || b.Closed != tt.closed || string(b.Text) != tt.text || string(b.Body) != tt.body {
				t.Fatalf("Split(%q) = format %v closed %v text %q body %q; want %v %v %q %q",
					tt.src, b.Format, b.Closed, b.Text, b.Body, tt.format, tt.closed, tt.text, tt.body)
			}
			if tt.closed && b.BodyLine != tt.bodyLine {
				t.Errorf("BodyLine = %d, want %d", b.BodyLine, tt.bodyLine)
			}
		})
	}
}

func TestLines(t *testing.T) {
	var got []string
	Lines([]byte("\xEF\xBB\xBFa\r\nb\rc\nd"), func(n int, l []byte) bool {
		got = append(got, string(rune('0'+n))+string(l))
		return true
	})
	want := []string{"1a", "2b", "3c", "4d"}
	if len(got) != len(want) {
		t.Fatalf("Lines = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Lines = %q, want %q", got, want)
		}
	}
}

func TestMentionsKind(t *testing.T) {
	tests := map[string]bool{
		"kind: persona":   true,
		"title: x\nkind:": true,
		"kinder: x":       false,
		"unkind words":    false,
		"Kind: page":      false,
		"a kind of thing": true,
		"kind_of: x":      false,
		"- kind\n":        true,
	}
	for text, want := range tests {
		if got := MentionsKind([]byte(text)); got != want {
			t.Errorf("MentionsKind(%q) = %v, want %v", text, got, want)
		}
	}
}
