package generate

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// proseCorpus writes two topics of n distinct sentences each, in pages of
// 50, with front matter, code and markup that sentences must not keep.
func proseCorpus(t *testing.T, n int) (dir string, topicOf map[string]string) {
	dir, topicOf = t.TempDir(), map[string]string{}
	for _, topic := range []string{"alpha", "beta"} {
		for page := 0; page*50 < n; page++ {
			var b strings.Builder
			b.WriteString("---\ntitle: \"Not a sentence of prose at all\"\n---\n\n```\nCode is never a sentence, even a long one.\n```\n\n")
			for i := page * 50; i < min(n, (page+1)*50); i++ {
				s := fmt.Sprintf("The %s topic says thing number %d about its own words.", topic, i)
				topicOf[s] = topic
				fmt.Fprintf(&b, "- %s See [the docs](https://example.com/%d) {{< ref >}}\n", s, i)
			}
			path := filepath.Join(dir, topic, fmt.Sprintf("page-%d.md", page))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir, topicOf
}

var (
	rewrittenFrontMatter = regexp.MustCompile(`^  - (?:text: )?"(.*)"$`)
	rewrittenItem        = regexp.MustCompile(`^(?:- |\d+\. )(.*?\.)(?:\s*\[@[^\]]*\])?$`)
)

func TestRealProse(t *testing.T) {
	src := t.TempDir()
	if _, err := Workspace(src, RealisticDefaults(2)); err != nil {
		t.Fatal(err)
	}
	corpus, topicOf := proseCorpus(t, 1000)
	for _, tc := range []struct {
		name           string
		nearDuplicates bool
	}{
		{"dealt from one topic", false},
		{"near-duplicates", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dst, again := t.TempDir(), t.TempDir()
			for _, out := range []string{dst, again} {
				if err := RealProse(src, out, corpus, tc.nearDuplicates); err != nil {
					t.Fatal(err)
				}
			}
			claims := 0
			err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				rel, _ := filepath.Rel(src, path)
				before, _ := os.ReadFile(path)
				after, err := os.ReadFile(filepath.Join(dst, rel))
				if err != nil {
					return err
				}
				if second, _ := os.ReadFile(filepath.Join(again, rel)); !bytes.Equal(after, second) {
					t.Errorf("%s differs between two runs", rel)
				}
				if !strings.HasPrefix(filepath.ToSlash(rel), "personas/") {
					if !bytes.Equal(before, after) {
						t.Errorf("%s is not a persona page but was changed", rel)
					}
					return nil
				}
				if strings.Count(string(before), "\n") != strings.Count(string(after), "\n") {
					t.Errorf("%s: lines were added or removed", rel)
				}
				topics := map[string]bool{}
				for _, line := range strings.Split(string(after), "\n") {
					s := ""
					if m := rewrittenFrontMatter.FindStringSubmatch(line); m != nil {
						s = m[1]
					} else if m := rewrittenItem.FindStringSubmatch(line); m != nil {
						s = m[1]
					}
					if topic, ok := topicOf[s]; ok {
						claims++
						topics[topic] = true
					}
				}
				if !tc.nearDuplicates && len(topics) != 1 {
					t.Errorf("%s draws from topics %v, want one", rel, topics)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if claims < 100 {
				t.Errorf("%d claims rewritten as sentences of the corpus, want hundreds", claims)
			}
		})
	}
}

// TestRealProseDealsWithoutReplacement: one ICP's personas share no
// sentence while its topic lasts.
func TestRealProseDealsWithoutReplacement(t *testing.T) {
	src := t.TempDir()
	if _, err := Workspace(src, RealisticDefaults(1)); err != nil {
		t.Fatal(err)
	}
	corpus, topicOf := proseCorpus(t, 1000)
	dst := t.TempDir()
	if err := RealProse(src, dst, corpus, false); err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	files, _ := filepath.Glob(filepath.Join(dst, "personas", "*", "*.md"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		for _, line := range strings.Split(string(data), "\n") {
			m := rewrittenFrontMatter.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			if _, ok := topicOf[m[1]]; !ok {
				continue
			}
			if other, ok := seen[m[1]]; ok {
				t.Errorf("%q is in %s and %s", m[1], other, f)
			}
			seen[m[1]] = f
		}
	}
	if len(seen) < 20 || len(files) == 0 {
		t.Fatalf("%d sentences in %d persona files", len(seen), len(files))
	}
}

func TestRealProseNeedsACorpus(t *testing.T) {
	src := t.TempDir()
	if _, err := Workspace(src, RealisticDefaults(1)); err != nil {
		t.Fatal(err)
	}
	if err := RealProse(src, t.TempDir(), t.TempDir(), false); err == nil {
		t.Fatal("an empty corpus gave no error")
	}
}
