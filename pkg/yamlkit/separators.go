package yamlkit

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// separators are the characters yaml.v3 counts as line breaks that SPEC §3
// counts as characters inside a line (as editors and LSP clients do).
// Left to yaml.v3 they shift every position after them by a line, so a fix
// would edit the wrong key, and they split a plain scalar in two.
var separators = []rune{'\u2028', '\u2029', '\u0085'}

// maxStandIns bounds the search for a stand-in character the text does not
// hold; a text holding all of them is left to yaml.v3 as it is.
const maxStandIns = 64

// MaskSeparators replaces each line or paragraph separator and NEL in
// text with a stand-in of the same UTF-8 length that yaml.v3 reads as an
// ordinary character, so that its lines, columns and byte offsets are
// persona's; Unmask puts the originals back into the values parsed. When
// text holds none, it is returned as it is and Unmask does nothing.
func MaskSeparators(text []byte) ([]byte, Unmasker) {
	var u Unmasker
	for _, sep := range separators {
		enc := string(sep)
		if !bytes.Contains(text, []byte(enc)) {
			continue
		}
		stand, ok := standIn(text, utf8.RuneLen(sep), u)
		if !ok {
			return text, Unmasker{}
		}
		u.pairs = append(u.pairs, stand, enc)
	}
	if len(u.pairs) == 0 {
		return text, u
	}
	masked := strings.NewReplacer(u.reversed()...).Replace(string(text))
	return []byte(masked), u
}

// standIn picks a character encoded in size bytes that text does not hold
// and u does not use yet: from the private use area for three bytes, from
// the NKo block (printable for YAML, rare in front matter) for two.
func standIn(text []byte, size int, u Unmasker) (string, bool) {
	first := rune(0xE000)
	if size == 2 {
		first = 0x07C0
	}
	for r := first; r < first+maxStandIns; r++ {
		s := string(r)
		if !bytes.Contains(text, []byte(s)) && !strings.Contains(strings.Join(u.pairs, ""), s) {
			return s, true
		}
	}
	return "", false
}

// Unmasker restores what MaskSeparators replaced.
type Unmasker struct {
	pairs []string // stand-in, original, ...
}

func (u Unmasker) reversed() []string {
	out := make([]string, len(u.pairs))
	for i := 0; i < len(u.pairs); i += 2 {
		out[i], out[i+1] = u.pairs[i+1], u.pairs[i]
	}
	return out
}

// Unmask puts the original characters back into every value, key, anchor
// and comment of the tree at root. Alias nodes are not followed: what they
// point at is in the tree already.
func (u Unmasker) Unmask(root *yaml.Node) {
	if len(u.pairs) == 0 || root == nil {
		return
	}
	r := strings.NewReplacer(u.pairs...)
	stack := []*yaml.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, s := range []*string{&n.Value, &n.Anchor, &n.HeadComment, &n.LineComment, &n.FootComment} {
			if *s != "" {
				*s = r.Replace(*s)
			}
		}
		stack = append(stack, n.Content...)
	}
}

// String restores the originals in s, such as a message quoting the text.
func (u Unmasker) String(s string) string {
	if len(u.pairs) == 0 {
		return s
	}
	return strings.NewReplacer(u.pairs...).Replace(s)
}

// UnmarshalNode is yaml.Unmarshal into a node tree, counting lines as
// SPEC §3 does.
func UnmarshalNode(text []byte, root *yaml.Node) error {
	masked, u := MaskSeparators(text)
	if err := yaml.Unmarshal(masked, root); err != nil {
		return err
	}
	u.Unmask(root)
	return nil
}
