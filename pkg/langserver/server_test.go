package langserver

import (
	"os"
	"reflect"
	"testing"
	"unicode/utf8"
)

// Every file of both examples shows exactly persona lint's findings.
func TestDiagnosticsAreLintFindings(t *testing.T) {
	for _, example := range []string{"acme-analytics", "flawed"} {
		t.Run(example, func(t *testing.T) {
			c := start(t, "../../examples/"+example)
			want := lintNow(t, c.root)
			files := markdownFiles(t, c.root)
			total := 0
			for _, rel := range files {
				c.open(rel)
			}
			for _, rel := range files {
				text, _ := os.ReadFile(c.path(rel))
				if !utf8.Valid(text) {
					// An editor sends text, never bytes: it shows a file
					// that is not UTF-8 as it decoded it, and that is what
					// is checked (see TestNotUTF8OnDisk).
					continue
				}
				got := summarizeDiagnostics(string(text), c.diagnostics(rel))
				if w := summarizeFindings(want[rel]); !reflect.DeepEqual(got, w) {
					t.Errorf("%s:\n got %+v\nwant %+v", rel, got, w)
				}
				total += len(got)
			}
			if example == "flawed" && total < 20 {
				t.Errorf("flawed shows %d diagnostics; it has a finding of every rule", total)
			}
		})
	}
}
