package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

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
	runnerTemp := t.TempDir()
	outputs := filepath.Join(runnerTemp, "github_output")
	cmd := exec.Command("bash", "-e", "-c", script)
	cmd.Dir = filepath.Join(root, "examples", "flawed")
	cmd.Env = append(os.Environ(), env...)
	cmd.Env = append(cmd.Env, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"RUNNER_TEMP="+runnerTemp, "GITHUB_OUTPUT="+outputs, "GITHUB_STEP_SUMMARY=")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("the lint step failed itself (it must record persona's status instead): %v", err)
	}
	if !strings.HasPrefix(string(out), "::error file=") {
		t.Errorf("the log does not start with annotations:\n%s", out)
	}
	got, err := os.ReadFile(outputs)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(got), "exit-code=1\n") || !strings.Contains(string(got), "sarif="+filepath.Join(runnerTemp, "persona.sarif")) {
		t.Errorf("step outputs = %q", got)
	}
	if _, err := os.Stat(filepath.Join(runnerTemp, "persona.sarif")); err != nil {
		t.Errorf("no SARIF file: %v", err)
	}
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
