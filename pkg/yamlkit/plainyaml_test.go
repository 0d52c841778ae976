package yamlkit

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/personakit/persona/pkg/textline"
	"go.yaml.in/yaml/v3"
)

// plainYAMLCases are blocks the plain parser must accept (and parse as
// yaml.v3 does) or refuse (leaving them to yaml.v3).
var plainYAMLCases = []struct {
	name   string
	text   string
	accept bool
}{
	{"scalars", "kind: persona\nname: Ana María\nshare: 0.1\nreviewed: 2026-10-01\nok: true\nnone: null\ntilde: ~\nn: 12\n", true},
	{"leading blank lines", "\n\n  \nkind: x\n", true},
	{"indented top level", "  kind: x\n  name: y\n", true},
	{"null values", "a:\nb: \nc:   \n", true},
	{"nested mapping", "role:\n  title: CFO\n  seniority: c-level\nkind: persona\n", true},
	{"sequence deeper", "goals:\n  - one\n  - two, three\nkind: persona\n", true},
	{"sequence at key indentation", "goals:\n- one\n- two\nkind: persona\n", true},
	{"sequence of mappings", "goals:\n  - text: a\n    evidence:\n      - interview: i-1\n        quote: \"x y\"\n  - text: b\n", true},
	{"item mapping with sequence at its indentation", "- a:\n  - x\n", false},
	{"key with sequence at its indentation in an item", "q:\n- a:\n  - x\n  b: y\n", true},
	{"flow sequence", "owners: [product, \"sales team\", 'x']\nempty: []\nspaced: [ a ,b ]\n", true},
	{"flow mapping", "role: {title: Director of Finance 0, seniority: director}\nemployees: {min: 1, max: 2}\nnone: {}\n", true},
	{"non-ASCII columns", "a: [é, ü, x]\nb: {k: ñ, l: no}\nc: {k: é, j: z}\nd: 'ü' \n", true},
	{"non-ASCII key", "ñ: no\n", false},
	{"quoted scalars", "a: \"50%\"\nb: '12'\nc: \"\"\nd: ''\n", true},
	{"url", "source: https://example.com/x?b=c\nsources:\n  - http://x.test\n", true},
	{"url in flow", "sources: [https://example.com/a]\n", false},
	{"word keys", "a_b: 1\na-b: 2\na.b: 3\n1: one\n", true},
	{"plain with brackets and commas", "a: b [c], d {e}\n", true},
	{"merge value", "a: <<\n", true},
	{"dates", "a: 2026-10-01\nb: 2026-02-30\nd: +026-10-01\ne: 2026-1-01\nf: 20261001\n", true},

	{"comment", "kind: x # note\n", false},
	{"comment line", "# note\nkind: x\n", false},
	{"tab", "kind:\tx\n", false},
	{"carriage return", "kind: x\r\n", false},
	{"escapes", `a: "x\ny \"q\" \\ \t\r\ \_"` + "\n" + `b: ["\"", 'it''s']` + "\n", true},
	{"single quote escapes", "a: 'it''s'\nb: ''''\nc: 'x'''\n", true},
	{"hash in text", "a: b#c\nb: \"#1 # not a comment\"\nc: 'x #y'\nd: [\"#\", 'a #b']\n", true},
	{"escape yaml.v3 reads", `a: "\x41\u00e9\e"` + "\n", false},
	{"unknown escape", `a: "\q"` + "\n", false},
	{"slash escape, which yaml.v3 refuses", `a: "\/"` + "\n", false},
	{"escaped closing quote", `a: "x\"` + "\n", false},
	{"comment after item", "- a #b\n", false},
	{"comment after quote", "a: \"b\" #c\n", false},
	{"comment in flow", "a: [b #c]\n", false},
	{"anchor and alias", "a: &x 1\nb: *x\n", false},
	{"tag", "a: !!str 1\n", false},
	{"block scalar", "a: |\n  text\n", false},
	{"multi-line plain", "a: one\n  two\n", false},
	{"multi-line item", "- one\n  two\n", false},
	{"multi-line quoted", "a: \"one\n  two\"\n", false},
	{"nested flow", "a: [b, [c]]\n", false},
	{"flow over lines", "a: [b,\n  c]\n", false},
	{"merge key", "<<: {a: 1}\n", false},
	{"colon in value", "a: b: c\n", false},
	{"trailing colon", "a: b:\n", false},
	{"key without space", "a:b\n", false},
	{"bad indentation", "a:\n    b: 1\n  c: 2\n", false},
	{"sequence at top level", "- a\n- b\n", false},
	{"scalar document", "just text\n", false},
	{"empty", "", false},
	{"blank", "\n  \n", false},
	{"dash alone", "a:\n  -\n    b\n", false},
	{"document marker", "a: 1\n---\nb: 2\n", false},
	{"directive", "%YAML 1.2\na: 1\n", false},
	{"line separator", "a: x\u2028y\n", false},
	{"byte order mark", "a: \ufeffx\n", false},
	{"control character", "a: x\x01y\n", false},
	{"C1 control", "a: x\u0085y\n", false},
	{"invalid UTF-8", "a: \xff\n", false},
	{"trailing comma", "a: [b, ]\n", false},
	{"flow key without space", "a: {b:c}\n", false},
	{"text after flow", "a: [b] c\n", false},
	{"text after quote", "a: \"b\" c\n", false},
	{"negative number", "a: -1\n", false},
	{"long key", strings.Repeat("k", 1025) + ": v\n", false},
	{"deep nesting", deepMapping(maxPlainDepth + 1), false},
	{"nesting at the limit", deepMapping(maxPlainDepth), true},
}

func deepMapping(depth int) string {
	var b strings.Builder
	for d := 0; d < depth-1; d++ {
		fmt.Fprintf(&b, "%sk:\n", strings.Repeat(" ", d))
	}
	fmt.Fprintf(&b, "%sk: v\n", strings.Repeat(" ", depth-1))
	return b.String()
}

// TestPlainYAMLAgreesOnMadeUpBlocks compares the parsers on blocks put
// together from the pieces where they could part: indentation, dashes,
// key shapes, scalars yaml.v3 resolves to other types, quotes and flow
// collections, right and wrong.
func TestPlainYAMLAgreesOnMadeUpBlocks(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	choices := make([]byte, 64)
	for range 100_000 {
		for i := range choices {
			choices[i] = byte(rng.Uint32())
		}
		checkPlainYAML(t, plainYAMLBlock(choices))
	}
}

func checkPlainYAML(t *testing.T, text []byte) {
	t.Helper()
	got, ok := parsePlainYAML(text, nil)
	if !ok {
		return
	}
	var want yaml.Node
	if err := yaml.Unmarshal(text, &want); err != nil {
		t.Fatalf("plain parser accepted what yaml.v3 refuses (%v):\n%s", err, text)
	}
	if diff := treeDiff(got, &want, "document"); diff != "" {
		t.Fatalf("plain parser and yaml.v3 differ at %s:\n%s", diff, text)
	}
	// With reused nodes, the second time over the first tree's nodes, the
	// third with values as views of the text.
	var nodes Nodes
	for _, views := range []bool{false, false, true} {
		nodes.Reset()
		nodes.Views = views
		got, ok := parsePlainYAML(text, &nodes)
		if !ok {
			t.Fatalf("refused with reused nodes what it accepts without:\n%s", text)
		}
		if diff := treeDiff(got, &want, "document"); diff != "" {
			t.Fatalf("with reused nodes, plain parser and yaml.v3 differ at %s:\n%s", diff, text)
		}
	}
}

var (
	plainIndents  = []string{"", "", "  ", "    ", " ", "   ", "      "}
	plainPrefixes = []string{"", "- ", "-  ", "- - ", "-", "? "}
	plainKeys     = []string{"a", "kind", "b-c", "x.y", "k_2", "1", "true", "null", "~", "é", "<<", "a b", "-a", "y"}
	plainColons   = []string{": ", ": ", ":", ":  ", "::", ":x", " :"}
	plainValues   = []string{
		"", "x", "x y", "true", "True", "1", "0x10", "1e3", ".inf", ".NaN", "2026-10-01", "2026-10-01T10:00:00Z",
		"null", "~", "\"q\"", "'s'", "\"\"", "''", "[a, b]", "[]", "{k: v}", "{}", "[a,b ]", "[ a]", "{k: [v]}",
		"[é, x]", "http://x:y", "a:b", "a: b", "-1", "- x", "? x", "é ü", "x  ", "\"a\" ", "'a'b", "[a]b",
		"<<", "No", "0o7", "+1", ".5", "1_000", "\"é\"", "{a: é}", "[\"x\", 'y']", "*a", "&a x", "!t x", "|",
		">", "@x", "`x`", "%x", "x,", "[x,]", "[,]", "{k:v}", "{k: }", "x]", "x}", "a [b]", "[1, 2.5, true]",
		"{a: 1, b: null}", "\"a'b\"", "'a\"b'", "[a, {b: c}]", "a, b", "x:", "x -", "--- x", "...",
		`"a\"b"`, `"a\\b"`, `"a\/b"`, `"\t\n\r"`, `"\ x\_"`, `"x\q"`, `"\x41"`, `"a\"`, `"\"`, `"\\"`, `"\`,
		"'it''s'", "''''", "'''", "'a''", "a#b", "a #b", "#x", "x#", `"#1"`, "'a #b'", "[a#b]", `["a #b"]`,
		`a\b`, `'a\b'`, `"\"x\"" #c`, `"a\ b"`, `["a\"", 'b''c']`,
	}
)

// plainYAMLBlock makes a block of lines from a stream of choices. Most
// lines keep or deepen the indentation and use the common shapes, so that
// a good share of blocks are ones the parser accepts.
func plainYAMLBlock(choices []byte) []byte {
	next := func(n int) int {
		if len(choices) == 0 {
			return 0
		}
		c := int(choices[0])
		choices = choices[1:]
		return c % n
	}
	pick := func(common int, all []string) string {
		// The first `common` entries are the usual ones: chosen most times.
		if next(4) != 0 {
			return all[next(common)]
		}
		return all[next(len(all))]
	}
	var b []byte
	indent, opened := "", false
	for lines := 1 + next(10); lines > 0; lines-- {
		if next(8) == 0 {
			b = append(b, '\n')
		}
		switch {
		case opened && next(4) != 0:
			indent += "  "
		case next(6) == 0:
			indent = ""
		case next(6) == 0:
			indent = plainIndents[next(len(plainIndents))]
		}
		b = append(b, indent...)
		prefix := pick(2, plainPrefixes)
		b = append(b, prefix...)
		if prefix != "" && next(2) == 0 {
			// Keys of a mapping begun on an item's line line up after it.
			indent += strings.Repeat(" ", len(prefix))
		}
		value := pick(20, plainValues)
		opened = false
		if next(5) != 0 {
			b = append(b, pick(3, plainKeys)...)
			b = append(b, pick(2, plainColons)...)
			opened = value == ""
		}
		b = append(b, value...)
		b = append(b, '\n')
	}
	return b
}

func TestPlainYAML(t *testing.T) {
	// Every case but the first parses over the nodes of the one before.
	var nodes Nodes
	for _, c := range plainYAMLCases {
		t.Run(c.name, func(t *testing.T) {
			nodes.Reset()
			got, ok := parsePlainYAML([]byte(c.text), &nodes)
			if ok != c.accept {
				t.Fatalf("accepted = %v, want %v", ok, c.accept)
			}
			if !ok {
				return
			}
			var want yaml.Node
			if err := yaml.Unmarshal([]byte(c.text), &want); err != nil {
				t.Fatalf("yaml.v3 refuses an accepted case: %v", err)
			}
			if diff := treeDiff(got, &want, "document"); diff != "" {
				t.Fatalf("differs from yaml.v3 at %s", diff)
			}
		})
	}
}

// TestPlainYAMLTakesTheExamples keeps the fast path on the files users
// copy: every entity of the examples that yaml.v3 parses is parsed without
// it, so a change that refuses them costs speed where it shows.
func TestPlainYAMLTakesTheExamples(t *testing.T) {
	for _, dir := range []string{"../../examples/acme-analytics", "../../examples/flawed"} {
		for path, text := range blocks(t, dir) {
			var n yaml.Node
			if !bytes.Contains(text, []byte("kind:")) || yaml.Unmarshal(text, &n) != nil {
				continue
			}
			if _, ok := parsePlainYAML(text, nil); !ok {
				t.Errorf("%s: front matter left to yaml.v3", path)
			}
		}
	}
}

// treeDiff names the first field in which two trees differ, or "".
func treeDiff(got, want *yaml.Node, at string) string {
	if got == nil || want == nil {
		if got != want {
			return fmt.Sprintf("%s: %v vs %v", at, got, want)
		}
		return ""
	}
	type fields struct {
		Kind                                  yaml.Kind
		Style                                 yaml.Style
		Tag, Value, Anchor                    string
		HeadComment, LineComment, FootComment string
		Line, Column                          int
		Alias                                 bool
	}
	flat := func(n *yaml.Node) fields {
		return fields{n.Kind, n.Style, n.Tag, n.Value, n.Anchor, n.HeadComment, n.LineComment, n.FootComment,
			n.Line, n.Column, n.Alias != nil}
	}
	if g, w := flat(got), flat(want); g != w {
		return fmt.Sprintf("%s:\n got  %+v\n want %+v", at, g, w)
	}
	if len(got.Content) != len(want.Content) {
		return fmt.Sprintf("%s: %d children vs %d", at, len(got.Content), len(want.Content))
	}
	for i := range got.Content {
		if d := treeDiff(got.Content[i], want.Content[i], fmt.Sprintf("%s/%d", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// blocks returns the YAML front matter of every Markdown file under dir.
func blocks(t testing.TB, dir string) map[string][]byte {
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if text, ok := frontMatter(src); ok {
			out[path] = text
		}
		return nil
	})
	if err != nil || len(out) == 0 {
		t.Fatalf("front matter under %s: %d blocks, %v", dir, len(out), err)
	}
	return out
}

// frontMatter is the YAML between a file's --- lines (this package is
// below the front matter splitter, so its tests find blocks themselves).
func frontMatter(src []byte) ([]byte, bool) {
	src = StripBOM(src)
	first, rest := textline.Next(src)
	if string(first) != "---" {
		return nil, false
	}
	start := len(src) - len(rest)
	for len(rest) > 0 {
		at := len(src) - len(rest)
		var line []byte
		line, rest = textline.Next(rest)
		if string(bytes.TrimRight(line, " \t")) == "---" {
			return src[start:at], true
		}
	}
	return nil, false
}

// addBlocks adds the front matter of dir's files to the seed corpus,
// leaving blocks over 64 KiB to the plain test run as addSeeds does.
func addBlocks(f *testing.F, dir string) {
	fuzzing := false
	if fl := flag.Lookup("test.fuzz"); fl != nil && fl.Value.String() != "" {
		fuzzing = true
	}
	for _, text := range blocks(f, dir) {
		if !fuzzing || len(text) <= 64<<10 {
			f.Add(text)
		}
	}
}

// TestPlainYAMLAgreesOnTheCorpora compares the parsers on the front matter
// of real docs sites: comments, lists of links, dates, nested menus.
func TestPlainYAMLAgreesOnTheCorpora(t *testing.T) {
	corpora := filepath.Join("..", "..", "..", "shared", "corpora")
	if _, err := os.Stat(corpora); err != nil {
		if os.Getenv("PERSONA_REQUIRE_CORPORA") != "" {
			t.Fatalf("PERSONA_REQUIRE_CORPORA is set but the corpora are not beside the checkout at %s: %v", corpora, err)
		}
		t.Skipf("the corpora are not beside the checkout at %s; set PERSONA_REQUIRE_CORPORA=1 to make this a failure", corpora)
	}
	accepted := 0
	for _, text := range blocks(t, corpora) {
		checkPlainYAML(t, text)
		if _, ok := parsePlainYAML(text, nil); ok {
			accepted++
		}
	}
	if accepted == 0 {
		t.Fatal("the plain parser accepted no block of the corpora, so the comparison compared nothing")
	}
	t.Logf("%d blocks parsed by both", accepted)
}

// TestPlainYAMLOverManyChunks: blocks of more nodes than a chunk holds,
// and a collection of more children than a chunk of pointers, parse as
// yaml.v3 parses them, with nodes reused or not; Reset keeps a bounded
// number of chunks.
func TestPlainYAMLOverManyChunks(t *testing.T) {
	var wide, deep strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&wide, "k%d: v%d\n", i, i)
	}
	for i := range 400 {
		fmt.Fprintf(&deep, "list%d:\n  - {a: 1, b: [x, y]}\n  - text: t%d\n    evidence: [i-%d]\n", i, i, i)
	}
	for _, text := range []string{wide.String(), deep.String()} {
		checkPlainYAML(t, []byte(text))
	}
	var nodes Nodes
	if _, err := nodes.Parse([]byte(wide.String() + deep.String())); err != nil {
		t.Fatal(err)
	}
	if len(nodes.nodes) <= maxKeptChunks {
		t.Fatalf("%d chunks of nodes for a large block; the test wants more than %d", len(nodes.nodes), maxKeptChunks)
	}
	nodes.Reset()
	if len(nodes.nodes) > maxKeptChunks || len(nodes.ptrs) > maxKeptChunks {
		t.Errorf("Reset kept %d and %d chunks, more than %d", len(nodes.nodes), len(nodes.ptrs), maxKeptChunks)
	}
}

// TestPlainYAMLViews: in Views mode, long plain scalars and quoted ones
// with nothing to unescape are views of the text, and nothing else is:
// short ones are shared copies (TestPlainYAMLSharesShortScalars), quoted
// ones too, and unescaped ones are made apart.
func TestPlainYAMLViews(t *testing.T) {
	long := strings.Repeat("x", maxInterned+1)
	text := []byte("plain: " + long + "\ndouble: \"" + long + "\"\nsingle: '" + long + "'\nescaped: \"" + long + `\"` + "\"\n" +
		"twice: '" + long + "''s'\nshort: \"abc\"\nlist: [" + long + ", \"" + long + "\"]\n")
	for _, views := range []bool{false, true} {
		nodes := Nodes{Views: views}
		root, err := nodes.Parse(text)
		if err != nil || root == nil || len(root.Content) != 1 {
			t.Fatalf("Parse: %v", err)
		}
		in := func(v string) bool {
			p := uintptr(unsafe.Pointer(unsafe.StringData(v)))
			start := uintptr(unsafe.Pointer(&text[0]))
			return v != "" && p >= start && p < start+uintptr(len(text))
		}
		m := root.Content[0].Content
		for i := 0; i+1 < len(m); i += 2 {
			key, value := m[i].Value, m[i+1]
			values := []*yaml.Node{value}
			if value.Kind == yaml.SequenceNode {
				values = value.Content
			}
			for _, v := range values {
				want := views && (key == "plain" || key == "double" || key == "single" || key == "list")
				if got := in(v.Value); got != want {
					t.Errorf("views %v: %s %.10q... a view of the text: %v, want %v", views, key, v.Value, got, want)
				}
			}
			if in(key) {
				t.Errorf("views %v: short key %q is a view of the text", views, key)
			}
		}
	}
}

// TestPlainYAMLSharesShortScalars: files parsed over the same Nodes share
// one copy of a short key or value they both write, in every place a
// plain scalar is read, and never share a long one.
func TestPlainYAMLSharesShortScalars(t *testing.T) {
	long := strings.Repeat("x", maxInterned+1)
	text := "status: active\nowners: [product, research]\nrole: {title: CFO}\nlong: " + long + "\n"
	var nodes Nodes
	scalars := func() map[string]*byte {
		root, err := nodes.Parse([]byte(text))
		if err != nil || root == nil {
			t.Fatalf("Parse: %v", err)
		}
		out := map[string]*byte{}
		var walk func(n *yaml.Node)
		walk = func(n *yaml.Node) {
			if n.Kind == yaml.ScalarNode {
				out[n.Value] = unsafe.StringData(n.Value)
			}
			for _, c := range n.Content {
				walk(c)
			}
		}
		walk(root)
		nodes.Reset()
		return out
	}
	first, second := scalars(), scalars()
	for _, v := range []string{"status", "active", "owners", "product", "research", "role", "title", "CFO", "long", long} {
		shared := first[v] != nil && first[v] == second[v]
		if want := len(v) <= maxInterned; shared != want {
			t.Errorf("%q read twice: one copy %v, want %v", v, shared, want)
		}
	}
}
