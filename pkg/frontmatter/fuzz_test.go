package frontmatter

import (
	"bytes"
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
// document decoded from a load's slabs (model.Entities), or in a claim
// room with views of its text, must equal one allocated piece by piece.
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
		// Values longer than the ones a decoder interns, which a lean
		// load's parse gives as views of the text.
		"---\nkind: persona\ntitle: \"a title that names the persona, long enough\"\na_key_the_contract_does_not_know_and_is_long: x\n" +
			"role: {title: a role title long enough to be a view, an_unknown_nested_key_long_enough_to_be_a_view: y}\n" +
			"goals:\n  - text: 'a goal long enough to be a view of the text'\n    evidence:\n      - interview: an-interview-with-a-long-identifier\n" +
			"        quote: \"a quote long enough to be a view of the text\"\nsources: [an-interview-with-a-long-identifier]\n---\n",
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
		// Slim in a claim room, values the document does not keep are
		// views of the text (yamlkit.Nodes.Views). Once the text is
		// overwritten, all but the claims, which the caller digests before
		// it reads another file, must be as they were.
		slim := DecodeSlim("f/x.md", Split(src))
		text := bytes.Clone(src)
		lean := dec.Decode("f/x.md", Split(text), true)
		if !reflect.DeepEqual(lean, slim) {
			t.Fatalf("decoded slim in a claim room:\n%+v\nallocated each:\n%+v", lean, slim)
		}
		for i := range text {
			text[i] = 0xff // in no value: the decoder refuses text that is not UTF-8
		}
		if slim != nil && slim.Persona != nil {
			slim.Persona.Claims, lean.Persona.Claims = nil, nil
		}
		if !reflect.DeepEqual(lean, slim) {
			t.Fatalf("a value the document keeps is a view of its text:\n%+v\nwant\n%+v", lean, slim)
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
