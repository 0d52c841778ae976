// Package fixes places the repairs rules suggest into the files they are
// for and applies them (SPEC §10): byte-exact edits that change the one
// scalar or key a finding is about and nothing else, so that comments, key
// order, quoting and line endings survive. A suggestion that cannot be
// placed with certainty (the file changed, the value is written in a way
// this package does not rewrite) gives no fix rather than a guess.
package fixes

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aymanbagabas/go-udiff"

	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/textline"
)

// ErrNotPlaced is returned when a suggestion does not match the file.
var ErrNotPlaced = errors.New("the file does not read as the finding says")

// plainSafe is what may be written as a plain YAML scalar without quotes:
// ids, keys, paths and numbers.
var plainSafe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._/-]*$`)

// Place finds s in src, the text of the file shown as path, and returns the
// edit that carries it out.
func Place(src []byte, path string, s finding.Suggestion) (finding.Edit, error) {
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		return finding.Edit{}, fmt.Errorf("%w: UTF-16 files are not rewritten", ErrNotPlaced)
	}
	lineStart, ok := textline.Start(src, s.Line)
	if !ok || s.Column < 1 || s.Old == "" {
		return finding.Edit{}, ErrNotPlaced
	}
	lineEnd := lineStart + textline.Length(src[lineStart:])
	line := src[lineStart:lineEnd]
	at := 0
	for col := 1; col < s.Column; col++ {
		if at >= len(line) {
			return finding.Edit{}, ErrNotPlaced
		}
		_, size := utf8.DecodeRune(line[at:])
		at += size
	}
	if s.Prose {
		return prose(path, s, line, lineStart, at)
	}
	end, quote, ok := token(line, at, s.Old)
	if !ok {
		return finding.Edit{}, ErrNotPlaced
	}
	if s.Remove {
		return removal(src, path, s, lineStart, lineEnd, at, end)
	}
	newText, ok := render(s.New, quote, s.Plain)
	if !ok {
		return finding.Edit{}, fmt.Errorf("%w: %q cannot be written there as it is", ErrNotPlaced, s.New)
	}
	return finding.Edit{
		Path:            path,
		Start:           finding.Position{Line: s.Line, Column: s.Column},
		End:             finding.Position{Line: s.Line, Column: s.Column + utf8.RuneCount(line[at:end])},
		NewText:         newText,
		StartByte:       lineStart + at,
		EndByte:         lineStart + end,
		StartByteColumn: at + 1,
		EndByteColumn:   end + 1,
	}, nil
}

// prose places a suggestion whose old text is Markdown in the body: it must
// read Old on its line exactly, and New is written as it is — it comes from
// Markdown (an interview's notes), so it means there what it meant there.
// New may not break the line or the citation after it.
func prose(path string, s finding.Suggestion, line []byte, lineStart, at int) (finding.Edit, error) {
	if !bytes.HasPrefix(line[at:], []byte(s.Old)) {
		return finding.Edit{}, ErrNotPlaced
	}
	if !utf8.ValidString(s.New) || strings.ContainsFunc(s.New, func(r rune) bool { return !unicode.IsPrint(r) }) ||
		strings.Contains(s.New, "[@") || strings.TrimSpace(s.New) != s.New || s.New == "" {
		return finding.Edit{}, fmt.Errorf("%w: %q cannot be written in the body as it is", ErrNotPlaced, s.New)
	}
	end := at + len(s.Old)
	return finding.Edit{
		Path:            path,
		Start:           finding.Position{Line: s.Line, Column: s.Column},
		End:             finding.Position{Line: s.Line, Column: s.Column + utf8.RuneCount(line[at:end])},
		NewText:         s.New,
		StartByte:       lineStart + at,
		EndByte:         lineStart + end,
		StartByteColumn: at + 1,
		EndByteColumn:   end + 1,
	}, nil
}

// PlaceAll gives every finding with a suggestion its fix, where the
// suggestion can be placed in the file read reads for the finding's path;
// each file is read once. Findings it cannot place keep no fix.
func PlaceAll(findings []finding.Finding, read func(path string) ([]byte, error)) {
	files := map[string][]byte{}
	for i := range findings {
		f := &findings[i]
		if f.Suggestion == nil {
			continue
		}
		src, seen := files[f.Path]
		if !seen {
			src, _ = read(f.Path)
			files[f.Path] = src
		}
		if src == nil {
			continue
		}
		if e, err := Place(src, f.Path, *f.Suggestion); err == nil {
			f.Fix = &finding.Fix{Description: f.Suggestion.Description, Edits: []finding.Edit{e}}
		}
	}
}

// removal deletes the list item at line[at:end]: in a flow list with the
// comma after it (or before it, for the last item); in a block list the
// whole "- item" line, when nothing but a comment follows the item.
func removal(src []byte, path string, s finding.Suggestion, lineStart, lineEnd, at, end int) (finding.Edit, error) {
	line := src[lineStart:lineEnd]
	before := bytes.TrimRight(line[:at], " \t")
	after := bytes.TrimLeft(line[end:], " \t")
	from, to := at, end // within line
	switch {
	case bytes.HasSuffix(before, []byte("-")) && len(bytes.TrimSpace(before)) == 1 &&
		(len(after) == 0 || after[0] == '#'):
		// A block item: the line goes, its line ending too.
		next := lineEnd + textline.EndingLength(src[lineEnd:])
		return finding.Edit{Path: path,
			Start: finding.Position{Line: s.Line, Column: 1}, End: finding.Position{Line: s.Line + 1, Column: 1},
			StartByte: lineStart, EndByte: next, StartByteColumn: 1, EndByteColumn: 1}, nil
	case len(after) > 0 && after[0] == ',' && (bytes.HasSuffix(before, []byte("[")) || bytes.HasSuffix(before, []byte(","))):
		to = end + (len(line[end:]) - len(after)) + 1 // the comma
		to += len(line[to:]) - len(bytes.TrimLeft(line[to:], " \t"))
	case len(after) > 0 && after[0] == ']' && bytes.HasSuffix(before, []byte(",")):
		from = len(before) - 1 // from the comma before it
	case len(after) > 0 && after[0] == ']' && bytes.HasSuffix(before, []byte("[")):
		// The only item: the list becomes [].
	default:
		return finding.Edit{}, fmt.Errorf("%w: not an item of a list", ErrNotPlaced)
	}
	return finding.Edit{Path: path,
		Start:     finding.Position{Line: s.Line, Column: utf8.RuneCount(line[:from]) + 1},
		End:       finding.Position{Line: s.Line, Column: utf8.RuneCount(line[:to]) + 1},
		StartByte: lineStart + from, EndByte: lineStart + to, StartByteColumn: from + 1, EndByteColumn: to + 1}, nil
}

// token checks that the scalar at line[at:] reads old and returns where it
// ends and its quote character (0 for a plain scalar). Quoted scalars are
// taken only without escapes, where their bytes are their value.
func token(line []byte, at int, old string) (end int, quote byte, ok bool) {
	if at >= len(line) {
		return 0, 0, false
	}
	switch q := line[at]; q {
	case '"', '\'':
		closing := bytes.IndexByte(line[at+1:], q)
		if closing < 0 {
			return 0, 0, false
		}
		inner := string(line[at+1 : at+1+closing])
		if inner != old || strings.ContainsRune(inner, '\\') {
			return 0, 0, false
		}
		if q == '\'' && at+2+closing < len(line) && line[at+2+closing] == '\'' {
			return 0, 0, false // '' is an escaped quote: not a whole value
		}
		return at + 2 + closing, q, true
	}
	end = at + len(old)
	if end > len(line) || string(line[at:end]) != old {
		return 0, 0, false
	}
	if end < len(line) && !strings.ContainsRune(" \t:,]};#", rune(line[end])) {
		return 0, 0, false // old is only the start of a longer scalar
	}
	return end, 0, true
}

// render writes s as the new token: quoted as the old one was, or plain.
func render(s string, quote byte, plain bool) (string, bool) {
	switch {
	case !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }):
		return "", false // YAML is printable text: never write broken UTF-8 or a control
	case plain:
		return s, plainSafe.MatchString(s)
	case quote == 0 && plainSafe.MatchString(s):
		return s, true
	case quote == 0:
		// Text that a plain scalar cannot hold safely (a sentence with
		// ": " or " #") is written double-quoted, as JSON writes it.
		b, _ := json.Marshal(s)
		return string(b), true
	case strings.ContainsAny(s, "\\\n\r") || strings.IndexByte(s, quote) >= 0:
		return "", false
	}
	return string(quote) + s + string(quote), true
}

// Apply carries out edits on src. An edit that overlaps one applied
// before it is left out, so that two fixes of one span never mix;
// applied says, edit by edit in the order given, which were carried out.
func Apply(src []byte, edits []finding.Edit) (out []byte, applied []bool) {
	order := make([]int, len(edits))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return edits[a].StartByte - edits[b].StartByte })
	applied = make([]bool, len(edits))
	var buf bytes.Buffer
	at := 0
	for _, i := range order {
		e := edits[i]
		if e.StartByte < at || e.EndByte > len(src) || e.EndByte < e.StartByte {
			continue
		}
		buf.Write(src[at:e.StartByte])
		buf.WriteString(e.NewText)
		at = e.EndByte
		applied[i] = true
	}
	buf.Write(src[at:])
	return buf.Bytes(), applied
}

// Diff is the unified diff of one file's change, labelled a/PATH and
// b/PATH as git labels them; "" when nothing changed.
func Diff(path string, before, after []byte) string {
	if bytes.Equal(before, after) {
		return ""
	}
	return udiff.Unified("a/"+path, "b/"+path, string(before), string(after))
}
