package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// memoryCap is what any command may use on the hostile workspace.
const memoryCap = 512 << 20

// TestHostileWorkspace runs every command and every output format on
// testdata/hostile-workspace, with special files added (a FIFO, links to a
// device and out of the workspace, names holding a newline and control
// characters), in a real git repository with a change to diff. Each run must
// end (findings or a clear error, never a crash), stay under memoryCap, and
// change no file but the one it was told to write.
func TestHostileWorkspace(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs every command")
	}
	bin := filepath.Join(t.TempDir(), "persona")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	root := t.TempDir()
	ws := filepath.Join(root, "ws")
	if err := os.CopyFS(ws, os.DirFS("../../testdata/hostile-workspace")); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(root, "secret.md")
	write(t, outside, "---\nkind: interview\ndate: 2026-01-01\n---\nnot to be published\n")
	write(t, filepath.Join(ws, "personas", "new\nline.md"), "---\nkind: persona\nname: Newline\nicp: saas\n---\n")
	write(t, filepath.Join(ws, "personas", "ctl\x1b[31m.md"), "---\nkind: persona\nname: Escape\nicp: saas\n---\n")
	write(t, filepath.Join(ws, "personas", "odd [#?|%,:] name.md"), "---\nkind: persona\nname: Odd\nicp: saas\n---\n")
	git(t, ws, "init", "-q", "-b", "main")
	git(t, ws, "add", "-A")
	git(t, ws, "commit", "-q", "-m", "base")
	// The change: an alias bomb's leaf, and a newline-named file edited.
	bomb := filepath.Join(ws, "personas", "alias-bomb.md")
	data, err := os.ReadFile(bomb)
	if err != nil {
		t.Fatal(err)
	}
	write(t, bomb, strings.Replace(string(data), "leaf: 1", "leaf: 2", 1))
	write(t, filepath.Join(ws, "personas", "new\nline.md"), "---\nkind: persona\nname: Newline edited\nicp: saas\n---\n")
	// Special files git does not carry: added to the working tree only.
	if err := syscall.Mkfifo(filepath.Join(ws, "interviews", "fifo.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{"zero.md": "/dev/zero", "leak.md": outside, "stdin.md": "/dev/stdin"} {
		if err := os.Symlink(target, filepath.Join(ws, "interviews", link)); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(root, "out")
	runs := [][]string{
		{"lint", "--format", "text"}, {"lint", "--format", "json"}, {"lint", "--format", "sarif"},
		{"lint", "--format", "github"}, {"lint", "--format", "junit"}, {"lint", "--format", "markdown"},
		{"lint", "--format", "rdjsonl"}, {"lint", "--format", "codequality"},
		{"lint", "--format", "sarif=" + out + ".sarif", "--format", "text"},
		{"report", "--format", "markdown"}, {"report", "--format", "html", "-o", out + ".html"},
		{"report", "--format", "json"}, {"report", "--format", "markdown", "--redact"},
		{"list"}, {"list", "--format", "json"}, {"list", "--format", "csv"},
		{"show", "saas"}, {"graph"}, {"graph", "--format", "dot"},
		{"schema"}, {"rules"}, {"config", "verify"},
		{"diff", "main"}, {"diff", "main", "--format", "markdown"}, {"diff", "main", "--format", "json", "--lint"},
		{"report", "-o", filepath.Join(ws, "personas", "alias-bomb.md")},
	}
	// Inline code, where GitHub links no mention.
	codeSpans := regexp.MustCompile("`+[^`]*`+")
	before := snapshot(t, root)
	for _, args := range runs {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, append([]string{"-C", ws}, append(args, "--no-color")...)...)
			if args[0] == "lint" || args[0] == "report" || args[0] == "diff" {
				cmd.Args = append(cmd.Args, "--today", "2026-11-22")
			}
			cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "GITHUB_STEP_SUMMARY=")
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			if ctx.Err() != nil {
				t.Fatalf("did not finish within a minute")
			}
			code := cmd.ProcessState.ExitCode()
			if code < 0 || code > 2 || strings.Contains(stderr.String(), "goroutine ") {
				t.Fatalf("exit %d (%v): %s", code, err, stderr.String())
			}
			if code == 2 && !strings.HasPrefix(stderr.String(), "persona: ") {
				t.Fatalf("exit 2 without a one-line error: %q", stderr.String())
			}
			if rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10; rss > memoryCap {
				t.Errorf("peak memory %d MiB, over the %d MiB cap", rss>>20, memoryCap>>20)
			}
			for _, line := range strings.Split(stdout.String(), "\n") {
				if strings.HasPrefix(line, "::") && !strings.HasPrefix(line, "::error file=") &&
					!strings.HasPrefix(line, "::warning file=") && !strings.HasPrefix(line, "::notice file=") {
					t.Errorf("a line of output reads as a forged workflow command: %q", line)
				}
				if strings.ContainsRune(line, 0x1b) {
					t.Errorf("an escape code reached the output: %q", line)
				}
			}
			if slices.Contains(args, "markdown") {
				// GitHub decodes entities, then links mentions outside code
				// spans: @octocat must not survive that (evil-ids.md).
				text := codeSpans.ReplaceAllString(html.UnescapeString(stdout.String()), "")
				if strings.Contains(text, "@octocat") {
					t.Error("the Markdown output mentions @octocat")
				}
			}
			if strings.Contains(stdout.String(), "not to be published") {
				t.Error("a file outside the workspace was published")
			}
		})
	}
	after := snapshot(t, root)
	for p, sum := range after {
		if before[p] != sum && !strings.HasPrefix(p, "out.") && !strings.HasPrefix(p, "ws/.git/") {
			t.Errorf("%s changed", p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			t.Errorf("%s disappeared", p)
		}
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.invalid", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.invalid")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// snapshot maps every regular file and link under root to its content hash
// and mode (links to their target), without opening special files.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			out[rel] = "link:" + target
		case info.Mode().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(data)
			out[rel] = fmt.Sprintf("%s %v", hex.EncodeToString(sum[:8]), info.Mode())
		case !info.IsDir():
			out[rel] = info.Mode().String()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
