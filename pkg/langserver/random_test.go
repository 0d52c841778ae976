package langserver

import (
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// Random edits across a workspace, some in the editor and some on disk:
// after each, every open file's diagnostics equal a fresh persona lint's.
// This holds the server's incremental re-checking (workspace.Affected and
// scoped rules) to the full run: a document it failed to re-check would
// keep stale diagnostics and differ.
func TestRandomEditsMatchLint(t *testing.T) {
	for _, example := range []string{"flawed", "acme-analytics"} {
		for seed := range uint64(5) {
			t.Run(fmt.Sprintf("%s/seed-%d", example, seed), func(t *testing.T) {
				randomEdits(t, "../../examples/"+example, seed, 80)
			})
		}
	}
}

var (
	icpLine    = regexp.MustCompile(`(?m)^icp:.*$`)
	idLine     = regexp.MustCompile(`(?m)^id:.*$`)
	statusLine = regexp.MustCompile(`(?m)^status:.*$`)
	dateLine   = regexp.MustCompile(`(?m)^(date|reviewed):.*$`)
	itemLine   = regexp.MustCompile(`(?m)^  - .*$`)
)

func randomEdits(t *testing.T, src string, seed uint64, steps int) {
	c := start(t, src)
	rng := rand.New(rand.NewPCG(seed, 42))
	files := markdownFiles(t, c.root)
	var ids []string
	for _, f := range files {
		data, _ := os.ReadFile(c.path(f))
		if m := idLine.Find(data); m != nil {
			ids = append(ids, strings.TrimSpace(strings.TrimPrefix(string(m), "id:")))
		}
	}
	ids = append(ids, "no-such-id", "")
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	open := map[string]bool{}
	for i, f := range files {
		if i%3 != 2 { // a third stay closed, changed on disk only
			c.open(f)
			open[f] = true
		}
	}
	for step := range steps {
		f := pick(files)
		data, _ := os.ReadFile(c.path(f))
		text := string(data)
		var what string
		switch rng.IntN(8) {
		case 0:
			what, text = "icp", icpLine.ReplaceAllString(text, "icp: "+pick(ids))
		case 1:
			what, text = "id", idLine.ReplaceAllString(text, "id: "+pick(ids))
		case 2:
			what, text = "status", statusLine.ReplaceAllString(text, "status: "+pick([]string{"draft", "proto", "active", "retired", "bogus"}))
			if !statusLine.MatchString(text) {
				text = strings.Replace(text, "\nkind:", "\nstatus: retired\nkind:", 1)
			}
		case 3:
			what = "item"
			text = itemLine.ReplaceAllStringFunc(text, func(s string) string {
				if rng.IntN(3) == 0 {
					return "  - " + pick(ids)
				}
				return s
			})
		case 4:
			what, text = "date", dateLine.ReplaceAllString(text, "${1}: 2026-"+fmt.Sprintf("%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28)))
		case 5:
			what = "delete a line"
			lines := strings.Split(text, "\n")
			i := rng.IntN(len(lines))
			text = strings.Join(append(lines[:i], lines[i+1:]...), "\n")
		case 6:
			what = "another file's text"
			other, _ := os.ReadFile(c.path(pick(files)))
			text = string(other)
		case 7:
			what = "truncate"
			text = text[:rng.IntN(len(text)+1)]
			for !utf8.ValidString(text) {
				text = text[:len(text)-1]
			}
		}
		if err := os.WriteFile(c.path(f), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if open[f] {
			c.replace(f, text)
		} else {
			c.notify("workspace/didChangeWatchedFiles", protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{{URI: c.uri(f), Type: protocol.UInteger(protocol.FileChangeTypeChanged)}}})
			c.sync()
		}
		want := lintNow(t, c.root)
		for _, g := range files {
			if !open[g] {
				continue
			}
			disk, _ := os.ReadFile(c.path(g))
			if !utf8.Valid(disk) {
				continue // see TestDiagnosticsAreLintFindings
			}
			got := summarizeDiagnostics(string(disk), c.diagnostics(g))
			if w := summarizeFindings(want[g]); !reflect.DeepEqual(got, w) {
				t.Fatalf("step %d: %s of %s (open: %v); then %s:\n got %+v\nwant %+v", step, what, f, open[f], g, got, w)
			}
		}
	}
}
