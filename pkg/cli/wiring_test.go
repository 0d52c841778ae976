package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/generate"
	"go.yaml.in/yaml/v3"
)

// TestGitHubActionLintStep runs the lint step of action.yml with bash, as
// the Actions runner would, against examples/flawed with a freshly built
// persona on PATH.
func TestGitHubActionLintStep(t *testing.T) {
	root := repoRoot(t)
	data, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Inputs map[string]struct{ Default string }
		Runs   struct {
			Using string
			Steps []struct {
				ID  string
				Run string
				Env map[string]string
			}
		}
	}
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if action.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q, want composite", action.Runs.Using)
	}
	for _, m := range regexp.MustCompile(`inputs\.([a-z-]+)`).FindAllStringSubmatch(string(data), -1) {
		if _, ok := action.Inputs[m[1]]; !ok {
			t.Errorf("action.yml uses inputs.%s, which it does not declare", m[1])
		}
	}
	script := ""
	var env []string
	for _, s := range action.Runs.Steps {
		if s.ID == "lint" {
			script = s.Run
			for k, v := range s.Env {
				// Resolve ${{ inputs.x }} to the input's default.
				if m := regexp.MustCompile(`^\$\{\{ inputs\.([a-z-]+) \}\}$`).FindStringSubmatch(v); m != nil {
					v = action.Inputs[m[1]].Default
				}
				env = append(env, k+"="+v)
			}
		}
	}
	if script == "" {
		t.Fatal("action.yml has no step with id lint")
	}

	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "persona"), "./cmd/persona")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	// runStep runs the step in dir with inputs over the defaults, and
	// returns its log and its outputs.
	runStep := func(t *testing.T, dir string, inputs map[string]string) (log, outputs, runnerTemp string) {
		runnerTemp = t.TempDir()
		outFile := filepath.Join(runnerTemp, "github_output")
		cmd := exec.Command("bash", "-e", "-c", script)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), env...)
		for k, v := range inputs {
			cmd.Env = append(cmd.Env, "INPUT_"+strings.ToUpper(strings.ReplaceAll(k, "-", "_"))+"="+v)
		}
		cmd.Env = append(cmd.Env, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
			"RUNNER_TEMP="+runnerTemp, "GITHUB_OUTPUT="+outFile, "GITHUB_STEP_SUMMARY=")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("the lint step failed itself (it must record persona's status instead): %v", err)
		}
		got, err := os.ReadFile(outFile)
		if err != nil {
			t.Fatal(err)
		}
		return string(out), string(got), runnerTemp
	}

	t.Run("examples/flawed with the defaults", func(t *testing.T) {
		out, got, runnerTemp := runStep(t, filepath.Join(root, "examples", "flawed"), nil)
		if !strings.HasPrefix(out, "::error file=") {
			t.Errorf("the log does not start with annotations:\n%s", out)
		}
		if !strings.Contains(got, "exit-code=1\n") || !strings.Contains(got, "sarif="+filepath.Join(runnerTemp, "persona.sarif")) {
			t.Errorf("step outputs = %q", got)
		}
		if _, err := os.Stat(filepath.Join(runnerTemp, "persona.sarif")); err != nil {
			t.Errorf("no SARIF file: %v", err)
		}
	})

	// The README's recipe (new-from-rev: origin/<base branch>) on a pull
	// request that renames an ICP's id: the persona it breaks did not
	// change, and the step still fails on it.
	t.Run("the README recipe on a change that breaks another file", func(t *testing.T) {
		upstream, clone := t.TempDir(), filepath.Join(t.TempDir(), "clone")
		git := func(dir string, args ...string) {
			t.Helper()
			cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.invalid"}, args...)...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("git %v: %v\n%s", args, err, out)
			}
		}
		if err := generate.Files(upstream, map[string]string{
			".persona.yaml":       "version: 1\nrules: {persona-few-sources: off, icp-vague: off, stale: off, no-owners: off}\n",
			"icps/saas.md":        "---\nkind: icp\nid: saas\ntitle: SaaS\n---\n",
			"personas/fiona.md":   "---\nkind: persona\nname: Fiona\nicp: saas\ngoals: [Close fast]\nsources: [cfo-1]\n---\n",
			"interviews/cfo-1.md": "---\nkind: interview\nid: cfo-1\ndate: 2026-09-01\nicp: saas\nconsent: true\n---\nNotes.\n",
		}); err != nil {
			t.Fatal(err)
		}
		git(upstream, "init", "-q", "-b", "main")
		git(upstream, "add", "-A")
		git(upstream, "commit", "-q", "-m", "base")
		git(filepath.Dir(clone), "clone", "-q", upstream, clone)
		git(clone, "checkout", "-q", "-b", "rename-icp")
		if err := os.WriteFile(filepath.Join(clone, "icps", "saas.md"), []byte("---\nkind: icp\nid: saas-emea\ntitle: SaaS\n---\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		git(clone, "commit", "-q", "-am", "rename the ICP")
		out, got, _ := runStep(t, clone, map[string]string{"new-from-rev": "origin/main"})
		if !strings.Contains(out, "::error file=personas/fiona.md,line=4") || !strings.Contains(got, "exit-code=1\n") {
			t.Errorf("the step let the broken persona through:\n%s\noutputs %q", out, got)
		}
	})
}

func TestPreCommitHook(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(t), ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID, Name, Entry, Language, Files string
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) != 1 || hooks[0].ID != "persona-lint" || hooks[0].Entry != "persona lint" || hooks[0].Language != "golang" {
		t.Fatalf("hooks = %+v", hooks)
	}
	if !regexp.MustCompile(hooks[0].Files).MatchString("personas/fiona.md") {
		t.Errorf("files pattern %q does not match Markdown", hooks[0].Files)
	}
}
