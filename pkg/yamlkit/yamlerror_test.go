package yamlkit

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestExplainYAML(t *testing.T) {
	tests := []struct {
		name, text   string
		line, column int
		explanation  string
	}{
		{"an unquoted colon", "kind: persona\nname: Fiona: the CFO\n", 2, 12,
			`the value holds ": ", which YAML reads as the start of another key; put the value in quotes: name: "Fiona: the CFO"`},
		{"a tab indents", "kind: persona\n\tname: Fiona\n", 2, 1,
			"a tab indents this line; YAML indents with spaces only, so replace the tab with spaces"},
		{"a tab before a list item", "kind: persona\ngoals:\n  \t- a\n", 3, 3,
			"a tab indents this line; YAML indents with spaces only, so replace the tab with spaces"},
		{"an unclosed double quote", "kind: persona\nname: \"Fiona\nicp: x\n", 2, 7,
			`the quote opened here is never closed; end the value with " on this line`},
		{"an unclosed single quote", "kind: persona\nname: 'Zoë\n", 2, 7,
			"the quote opened here is never closed; end the value with ' on this line"},
		{"an unclosed list", "kind: persona\ngoals: [a, b\nicp: x\n", 2, 8,
			"the [ opened here is not closed on this line; end it with ], and quote items that hold a comma"},
		{"an unclosed mapping", "kind: persona\nrole: {title: x\nicp: x\n", 2, 7,
			"the { opened here is not closed on this line; end it with }, and quote items that hold a comma"},
		{"a line without a key", "kind: persona\njust some words\nicp: x\n", 2, 1,
			"this line is neither `key: value` nor a `- item` under a key; add the key and a colon, or remove the line"},
		{"indented under a value", "kind: persona\nname: Fiona\n  icp: x\n", 3, 3,
			"this line is indented under a key that already has a value; indent it like the line above, or quote the value above if this line continues it"},
		{"a value starting with @", "kind: persona\nname: @fiona\n", 2, 7,
			`a value cannot start with @ unquoted; put the value in quotes: name: "@fiona"`},
		{"a key starting with a backtick", "kind: persona\n`name: Fiona\n", 2, 1,
			"a key cannot start with `; remove it, or put the key in quotes"},
		{"a key starting with a backtick before a value that is not ASCII", "---\n`kind: ܂\n", 2, 1,
			"a key cannot start with `; remove it, or put the key in quotes"},
		{"a value starting with a reserved character that is not ASCII-first", "kind: persona\nname: `Zoë\n", 2, 7,
			"a value cannot start with ` unquoted; put the value in quotes: name: \"`Zoë\""},
		{"a reserved character inside a flow list", "kind: persona\ngoals: [a, @b]\n", 2, 12,
			"YAML reserves @ at the start of a word; put the text it starts in quotes"},
		{"text after a quoted value", "kind: persona\nname: \"a\" b\n", 2, 1,
			"something follows a quoted value on this line; put the whole value inside the quotes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n yaml.Node
			err := yaml.Unmarshal([]byte(tt.text), &n)
			if err == nil {
				t.Fatal("the text parses; the case tests nothing")
			}
			p := ExplainYAML([]byte(tt.text), err)
			if p.Line != tt.line || p.Column != tt.column || p.Explanation != tt.explanation {
				t.Errorf("ExplainYAML = %d:%d %q (raw %q)\nwant %d:%d %q", p.Line, p.Column, p.Explanation, p.Raw, tt.line, tt.column, tt.explanation)
			}
		})
	}
}

func FuzzExplainYAML(f *testing.F) {
	f.Add("kind: persona\nname: Fiona: the CFO\n")
	f.Add("a: [b\n")
	f.Add("\t- \"x\n")
	f.Fuzz(func(t *testing.T, text string) {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(text), &n); err != nil {
			p := ExplainYAML([]byte(text), err)
			if p.Line < 1 || p.Column < 1 {
				t.Fatalf("position %d:%d", p.Line, p.Column)
			}
		}
	})
}

func TestFromUTF16(t *testing.T) {
	text := "---\nkind: persona\nname: Zoë 漢字 😀\n---\n"
	le := []byte{0xFF, 0xFE}
	be := []byte{0xFE, 0xFF}
	for _, r := range text {
		if r > 0xFFFF {
			r -= 0x10000
			hi, lo := 0xD800+(r>>10), 0xDC00+(r&0x3FF)
			le = append(le, byte(hi), byte(hi>>8), byte(lo), byte(lo>>8))
			be = append(be, byte(hi>>8), byte(hi), byte(lo>>8), byte(lo))
			continue
		}
		le = append(le, byte(r), byte(r>>8))
		be = append(be, byte(r>>8), byte(r))
	}
	tests := []struct {
		name      string
		in        []byte
		want      string
		converted bool
	}{
		{"little endian", le, text, true},
		{"big endian", be, text, true},
		{"UTF-8 stays", []byte(text), text, false},
		{"UTF-8 with its BOM stays", []byte("\xEF\xBB\xBF" + text), "\xEF\xBB\xBF" + text, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, converted := FromUTF16(tt.in)
			if string(got) != tt.want || converted != tt.converted {
				t.Errorf("FromUTF16 = %q, %v; want %q, %v", got, converted, tt.want, tt.converted)
			}
		})
	}
}
