package reporthtml

import (
	"testing"

	"github.com/personakit/persona/pkg/generate"
	"github.com/personakit/persona/pkg/workspace"
)

// load writes files to a workspace and loads it as the report does.
func load(t *testing.T, files map[string]string) *workspace.Workspace {
	t.Helper()
	root := t.TempDir()
	if err := generate.Files(root, files); err != nil {
		t.Fatal(err)
	}
	ws, err := workspace.Load(root, workspace.Options{KeepBodies: true})
	if err != nil {
		t.Fatal(err)
	}
	return ws
}
