package yamlkit

import (
	"slices"
	"testing"

	"github.com/personakit/persona/pkg/textline"
	"go.yaml.in/yaml/v3"
)

// FuzzPlainYAML holds the plain parser to yaml.v3: whatever it accepts,
// yaml.Unmarshal must parse to the very same tree, field by field.
func FuzzPlainYAML(f *testing.F) {
	for _, s := range plainYAMLCases {
		f.Add([]byte(s.text))
	}
	addBlocks(f, "../../testdata/fuzz/frontmatter")
	addBlocks(f, "../../examples/acme-analytics")
	addBlocks(f, "../../examples/flawed")
	f.Fuzz(func(t *testing.T, data []byte) {
		// Random bytes seldom form YAML the parser accepts; the same
		// bytes read as choices of a block's lines always come close.
		checkPlainYAML(t, data)
		checkPlainYAML(t, plainYAMLBlock(data))
	})
}

// FuzzPlainTag holds plainTag to yaml.v3's resolution of any value.
func FuzzPlainTag(f *testing.F) {
	for _, v := range []string{"", "0x1F", "-0b101", "1_000", "0o17", "017", "1e5", ".5e3", "+.inf", "-.Inf", ".nan",
		"2001-12-14", "2001-12-14 21:59:43.10", "2001-12-14t21:59:43,10Z", "2001-12-14T21:59:43.10-05:00",
		"25%", "500 employees", "-", "+", ".", "-1", "+12", "0.35", "007.50", "1.", "12345678901234567890.5", "99999999999999999.99", "True", "TRUE", "yes", "No", "~", "<<", "null", "nope", "off"} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, value string) {
		n := &yaml.Node{Kind: yaml.ScalarNode, Value: value}
		if got, want := plainTag(n), n.ShortTag(); got != want {
			t.Fatalf("plainTag(%q) = %s, yaml.v3 resolves %s", value, got, want)
		}
	})
}

// FuzzMaskSeparators: masking keeps every byte offset and line of the text,
// and unmasking gives the text back.
func FuzzMaskSeparators(f *testing.F) {
	for _, s := range []string{"a\u2028b", "\u0085\u2029\u2028", "x\ue000\u2028\u07c0\u0085", "plain"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		masked, u := MaskSeparators(text)
		if len(masked) != len(text) {
			t.Fatalf("masking changed the length from %d to %d", len(text), len(masked))
		}
		var a, b []int
		textline.Each(text, func(_ int, l []byte) bool { a = append(a, len(l)); return true })
		textline.Each(masked, func(_ int, l []byte) bool { b = append(b, len(l)); return true })
		if !slices.Equal(a, b) {
			t.Fatalf("masking changed the lines: %v → %v", a, b)
		}
		if got := u.String(string(masked)); got != string(text) {
			t.Fatalf("unmasking gives %q, want %q", got, text)
		}
	})
}
