package scaffold

import (
	"embed"
	"path"
	"strconv"
	"strings"
	"text/template"

	"github.com/personakit/persona/pkg/model"
)

//go:embed init
var initFiles embed.FS

// File is one file `persona init` creates: a path relative to the target
// directory, and its content.
type File struct {
	Path    string
	Content []byte
}

// Dirs returns the directories `persona init` creates even when empty.
func Dirs() []string { return []string{"icps", "personas", "interviews", "templates"} }

// InitFiles returns the files of a new workspace, dated today (YYYY-MM-DD):
// the config, one example of each kind that lint clean together (unless
// examples is false), the built-in templates to customise, and a CI
// workflow.
func InitFiles(today string, examples bool) ([]File, error) {
	var out []File
	add := func(dst, src string, render bool) error {
		data, err := initFiles.ReadFile(src)
		if err != nil {
			return err
		}
		if render {
			tmpl, err := template.New(src).Parse(string(data))
			if err != nil {
				return err
			}
			var b strings.Builder
			if err := tmpl.Execute(&b, Data{Date: today}); err != nil {
				return err
			}
			data = []byte(b.String())
		}
		out = append(out, File{Path: dst, Content: data})
		return nil
	}
	steps := []struct {
		dst, src string
		render   bool
	}{
		{".persona.yaml", "init/persona.yaml", false},
		{"icps/example-segment.md", "init/icps/example-segment.md", true},
		{"personas/example-persona.md", "init/personas/example-persona.md", true},
		{"interviews/example-interview.md", "init/interviews/example-interview.md", true},
		{WorkflowPath, "init/workflow.yml", false},
	}
	for _, s := range steps {
		if s.render && !examples { // the rendered files are the examples
			continue
		}
		if err := add(s.dst, s.src, s.render); err != nil {
			return nil, err
		}
	}
	for _, k := range model.Kinds {
		text, err := Builtin(k)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Path: path.Join("templates", string(k)+".md"), Content: text})
	}
	return out, nil
}

// WorkflowPath is where InitFiles puts the CI workflow, relative to the
// workspace; init moves it to the repository's top when the workspace is
// a subdirectory, since GitHub reads workflows only there.
const WorkflowPath = ".github/workflows/persona.yml"

// WorkflowLinting returns the workflow text with the action linting dir,
// a '/'-separated path from the repository's top.
func WorkflowLinting(workflow []byte, dir string) []byte {
	const with = "        with:\n"
	i := strings.Index(string(workflow), with)
	if i < 0 || dir == "" || dir == "." {
		return workflow
	}
	i += len(with)
	line := "          path: " + strconv.Quote(dir) + "\n"
	return []byte(string(workflow[:i]) + line + string(workflow[i:]))
}
