package cli

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestArchitecture holds the code to the README's "Architecture" table: every
// package of the module is in a layer, and each imports only packages of its
// own layer or of layers below.
func TestArchitecture(t *testing.T) {
	root := repoRoot(t)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	layers := architectureLayers(t, string(readme))
	const module = "github.com/personakit/persona/"
	seen := map[string]bool{}
	for _, top := range []string{"pkg", "cmd"} {
		err := filepath.WalkDir(filepath.Join(root, top), func(path string, d os.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return err
			}
			if d.Name() == "testdata" {
				return filepath.SkipDir
			}
			rel, _ := filepath.Rel(root, path)
			pkg := filepath.ToSlash(rel)
			imports := packageImports(t, path)
			if imports == nil {
				return nil // no Go files of its own
			}
			seen[pkg] = true
			layer, ok := layers[pkg]
			if !ok {
				t.Errorf("%s is in no layer of the README's Architecture table; add it to the layer of what it does", pkg)
				return nil
			}
			for _, imp := range imports {
				dep, ours := strings.CutPrefix(imp, module)
				if !ours {
					continue
				}
				if l, ok := layers[dep]; ok && l > layer {
					t.Errorf("%s (layer %d) imports %s (layer %d): imports point down or within a layer", pkg, layer, dep, l)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for pkg := range layers {
		if !seen[pkg] {
			t.Errorf("the Architecture table names %s, which has no Go files", pkg)
		}
	}
}

// architectureLayers reads the README's table: the packages in backticks on
// each numbered row.
func architectureLayers(t *testing.T, readme string) map[string]int {
	_, section, ok := strings.Cut(readme, "\n## Architecture\n")
	if !ok {
		t.Fatal("the README has no Architecture section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	row := regexp.MustCompile(`(?m)^\| (\d+) \| ([^|]+) \|`)
	name := regexp.MustCompile("`((?:pkg|cmd)/[^`]+)`")
	layers := map[string]int{}
	for _, m := range row.FindAllStringSubmatch(section, -1) {
		n, _ := strconv.Atoi(m[1])
		for _, p := range name.FindAllStringSubmatch(m[2], -1) {
			layers[p[1]] = n
		}
	}
	if len(layers) < 10 {
		t.Fatalf("read %d packages from the Architecture table; is it still a table of | layer | packages | job |?", len(layers))
	}
	return layers
}

// packageImports lists what the non-test Go files of dir import; nil when
// there are none.
func packageImports(t *testing.T, dir string) []string {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	found := false
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		found = true
		file, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range file.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			out = append(out, path)
		}
	}
	if !found {
		return nil
	}
	if out == nil {
		out = []string{} // a package that imports nothing
	}
	return out
}
