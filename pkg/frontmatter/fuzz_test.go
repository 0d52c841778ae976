package frontmatter

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/personakit/persona/pkg/model"
)

// FuzzDecode feeds arbitrary files to the splitter and decoder: they must
// never panic, every problem must point at a line of the file, and a
// document decoded from a load's slabs (model.Entities) must equal one
// allocated piece by piece.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"---\nkind: persona\nname: x\n---\nbody",
		"\xEF\xBB\xBF---\r\nkind: icp\r\nfirmographics: {employees: {min: 1}}\r\n---\r\n",
		"---\nkind: persona\ngoals: [x\n---\n",
		"---\nkind: interview\na: &a [*a]\n---\n",
		"+++\nkind = \"persona\"\n+++\n",
		"---\rkind: persnoa\r---\r",
		"---\nkind: persona\nname: Zed\u2028Z\u0085\u2029\nicp: x # \u2028\n---\n",
		"---\nkind: persona\nshare: \"50%\"\nsources: [a, ../b.md]\nlint: {ignore: [stale]}\n---\n",
		"---\nkind: persona\ngoals:\n  - text: x\n    evidence: [a, {interview: b, quote: c}]\nquotes: [{text: q, source: a}, plain]\n---\n",
	} {
		f.Add([]byte(s))
	}
	addSeeds(f, "../../testdata/fuzz/frontmatter")
	f.Fuzz(func(t *testing.T, src []byte) {
		d := Decode("f/x.md", src)
		dec := Decoder{Entities: new(model.Entities)}
		if fromSlabs := dec.Decode("f/x.md", Split(src), false); !reflect.DeepEqual(fromSlabs, d) {
			t.Fatalf("decoded from slabs:\n%+v\nallocated each:\n%+v", fromSlabs, d)
		}
		// In a claim room another persona's claims were decoded in first.
		dec.Room = new(model.ClaimRoom)
		dec.Decode("f/y.md", Split([]byte(roomFiller)), false)
		if inRoom := dec.Decode("f/x.md", Split(src), false); !reflect.DeepEqual(inRoom, d) {
			t.Fatalf("decoded in a claim room:\n%+v\nallocated each:\n%+v", inRoom, d)
		}
		if d == nil {
			return
		}
		lines := 1
		Lines(src, func(n int, _ []byte) bool { lines = n; return true })
		for _, p := range d.Problems {
			if p.Pos.Line < 1 || int(p.Pos.Line) > lines+1 {
				t.Fatalf("problem %+v points outside the file's %d lines", p, lines)
			}
			if !utf8.ValidString(p.Message) && utf8.Valid(src) {
				t.Fatalf("message is not UTF-8: %q", p.Message)
			}
		}
	})
}

// roomFiller is a persona whose claims fill a claim room before the
// fuzzed file is decoded in it.
const roomFiller = "---\nkind: persona\ngoals:\n  - text: a\n    evidence: [i1, {interview: i2, quote: q}, i3]\n  - b\nfrustrations: [c, d, e, f, g, h]\n---\n"

// addSeeds adds every file of dir (the repository's testdata/fuzz corpus of
// real and hostile files) to the fuzzer's seed corpus. While fuzzing, files
// over 64 KiB are left to the plain test run: mutating a 2 MiB seed takes
// seconds an input, and both workers stalled on it.
func addSeeds(f *testing.F, dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		f.Fatalf("seed corpus %s: %v", dir, err)
	}
	fuzzing := false
	if fl := flag.Lookup("test.fuzz"); fl != nil && fl.Value.String() != "" {
		fuzzing = true
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		if fuzzing && len(data) > 64<<10 {
			continue
		}
		f.Add(data)
	}
}
