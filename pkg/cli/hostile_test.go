package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostileInput lints files built to break a parser or a walker. Each
// must end as a finding (or as nothing, for what is not an entity) — never
// a panic, a hang, unbounded memory or exit 2.
func TestHostileInput(t *testing.T) {
	src := filepath.Join(repoRoot(t), "testdata", "hostile")
	copyCase := func(name string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			data, err := os.ReadFile(filepath.Join(src, name))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	big := func(name, head string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			f, err := os.Create(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.WriteString(head); err != nil {
				t.Fatal(err)
			}
			chunk := []byte(strings.Repeat("All work and no play makes a very long file.\n", 1<<14))
			for written := 0; written < 100<<20; written += len(chunk) {
				if _, err := f.Write(chunk); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		// want lists "rule path:line" findings that must be reported;
		// none means no finding at all.
		want []string
	}{
		{"alias bomb", copyCase("alias-bomb.md"), []string{"frontmatter-invalid alias-bomb.md:5"}},
		{"a long quote aliased in turn with others", func(t *testing.T, dir string) {
			// 17 quotes of 57 KB, aliased 300 times in turn: 17 MB of
			// text out of a 1 MB file.
			var b strings.Builder
			b.WriteString("---\nkind: persona\nname: A\nicp: x\ngoals:\n  - text: Close fast\n    evidence:\n")
			for i := range 17 {
				fmt.Fprintf(&b, "      - {interview: i1, quote: &q%d %s}\n", i, strings.Repeat(fmt.Sprintf("q%d word ", i), 6000))
			}
			for i := range 300 {
				fmt.Fprintf(&b, "      - {interview: i1, quote: *q%d}\n", i%17)
			}
			b.WriteString("---\n")
			if err := os.WriteFile(filepath.Join(dir, "aliased.md"), []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}, []string{"frontmatter-invalid aliased.md:25"}},
		{"10,000-deep nesting", copyCase("deep-nesting.md"), []string{"field-type deep-nesting.md:3"}},
		{"NUL bytes", copyCase("nul.md"), []string{"frontmatter-invalid nul.md:2"}},
		{"TOML front matter", copyCase("toml.md"), []string{"frontmatter-invalid toml.md:3"}},
		{"invalid UTF-8", copyCase("invalid-utf8.md"), []string{"file-unreadable invalid-utf8.md:1"}},
		{"BOM and CRLF", copyCase("bom-crlf.md"), []string{"persona-unknown-icp bom-crlf.md:4"}},
		{"CR-only line ends", copyCase("cr-only.md"), []string{"persona-unknown-icp cr-only.md:4"}},
		{"line separators inside a value", copyCase("line-separators.md"), []string{"persona-unknown-icp line-separators.md:4"}},
		{"two keys a fix would rename alike", copyCase("colliding-renames.md"), []string{"field-unknown colliding-renames.md:4", "field-unknown colliding-renames.md:5"}},
		{"2 MiB front matter", copyCase("huge-frontmatter.md"), []string{"persona-unknown-icp huge-frontmatter.md:4"}},
		{"escaping sources", copyCase("escapes.md"), []string{
			"source-outside-workspace escapes.md:6", "source-outside-workspace escapes.md:7", "source-outside-workspace escapes.md:8"}},
		{"100 MiB plain Markdown", big("big.md", "# Just a very long page\n"), nil},
		{"100 MiB persona", big("big-persona.md", "---\nkind: persona\nname: Big\n---\n"), []string{"file-unreadable big-persona.md:1"}},
		{"a directory named x.md", func(t *testing.T, dir string) {
			if err := os.MkdirAll(filepath.Join(dir, "x.md", "inner"), 0o755); err != nil {
				t.Fatal(err)
			}
		}, nil},
		{"symbolic link loop", func(t *testing.T, dir string) {
			if err := os.Symlink("loop.md", filepath.Join(dir, "loop.md")); err != nil {
				t.Fatal(err)
			}
		}, []string{"file-unreadable loop.md:1"}},
		{"dangling symbolic link", func(t *testing.T, dir string) {
			if err := os.Symlink("nowhere.md", filepath.Join(dir, "dangling.md")); err != nil {
				t.Fatal(err)
			}
		}, []string{"file-unreadable dangling.md:1"}},
		{"directory loop through a symbolic link", func(t *testing.T, dir string) {
			if err := os.Symlink(".", filepath.Join(dir, "again")); err != nil {
				t.Fatal(err)
			}
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.setup(t, dir)
			stdout, stderr, code := run(t, dir, false, nil, "lint", "--format", "json", "--today", "2026-11-22")
			if code == 2 || (len(tt.want) == 0 && code != 0) {
				t.Fatalf("exit %d, stderr %q\n%s", code, stderr, stdout)
			}
			var out struct {
				Findings []struct {
					Rule, Path string
					Line       int
				}
			}
			if err := json.Unmarshal([]byte(stdout), &out); err != nil {
				t.Fatalf("output is not JSON: %v\n%s", err, stdout)
			}
			got := map[string]bool{}
			for _, f := range out.Findings {
				got[f.Rule+" "+f.Path+":"+itoa(f.Line)] = true
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("missing finding %q; got %v", w, got)
				}
			}
			if len(tt.want) == 0 && len(out.Findings) != 0 {
				t.Errorf("want no findings, got %v", got)
			}
		})
	}
}

// TestUnreadableFile: a file the user cannot read is reported. Root reads
// every file whatever its mode, so there it is linted like any other.
func TestUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "locked.md")
	if err := os.WriteFile(path, []byte("---\nkind: interview\ndate: 2026-01-01\nconsent: true\n---\n"), 0o000); err != nil {
		t.Fatal(err)
	}
	stdout, _, code := run(t, dir, false, nil, "lint", "--format", "json", "--today", "2026-11-22")
	if os.Geteuid() == 0 {
		if code != 0 || !strings.Contains(stdout, `"interview": 1`) {
			t.Fatalf("as root the file is readable and must lint as an interview: exit %d\n%s", code, stdout)
		}
		return
	}
	if code != 1 || !strings.Contains(stdout, `"rule": "file-unreadable"`) {
		t.Fatalf("exit %d\n%s", code, stdout)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestUTF16Files lints personas saved as UTF-16 (Notepad's "Unicode",
// PowerShell 5's > redirection): they are read, not ignored.
func TestUTF16Files(t *testing.T) {
	text := "---\r\nkind: persona\r\nname: Jördis\r\nicp: sass\r\n---\r\nBody.\r\n"
	encode := func(bigEndian bool) []byte {
		out := []byte{0xFF, 0xFE}
		if bigEndian {
			out = []byte{0xFE, 0xFF}
		}
		for _, r := range text { // all in the Basic Multilingual Plane
			if bigEndian {
				out = append(out, byte(r>>8), byte(r))
			} else {
				out = append(out, byte(r), byte(r>>8))
			}
		}
		return out
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "le.md"), encode(false), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "be.md"), encode(true), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := run(t, dir, false, nil, "lint", "--today", "2026-11-22")
	if code != 1 || stderr != "" {
		t.Fatalf("exit %d, stderr %q\n%s", code, stderr, stdout)
	}
	for _, want := range []string{"be.md:4:6  error    persona-unknown-icp", "le.md:4:6  error    persona-unknown-icp", "(0 icps, 2 personas, 0 interviews)"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
}
