package finding

// Suggestion is a certain repair of a finding that a rule knows without
// the file's text (SPEC §10): the scalar or key that starts at Line:Column
// and reads Old is to read New. Where its bytes are, quotes included, is
// found in the file only when a fix is wanted (package fixes), so that lint
// reads no file twice for fixes nobody asked for.
type Suggestion struct {
	// Description says what the fix does, for people.
	Description  string
	Line, Column int
	Old, New     string
	// Plain writes New as it is, dropping the quotes the old value had
	// (a share "25 %" becomes 0.25); otherwise New keeps Old's quoting.
	Plain bool
	// Prose says Old is Markdown in the body, not a YAML scalar: New is
	// written as it is, never quoted or escaped.
	Prose bool
	// Remove deletes the list item reading Old (New is unused): from a
	// flow list with its comma, or a block list's whole "- item" line.
	Remove bool
}

// Fix is a suggestion placed in its file: byte-exact edits that leave
// everything else (comments, key order, quoting, line endings) as it was.
type Fix struct {
	Description string `json:"description"`
	Edits       []Edit `json:"edits"`
}

// Edit replaces the text from Start up to End (exclusive) with NewText.
// Positions count lines from 1 and characters (Unicode code points) from 1,
// as findings do.
type Edit struct {
	Path    string   `json:"path"`
	Start   Position `json:"start"`
	End     Position `json:"end"`
	NewText string   `json:"new_text"`
	// StartByte and EndByte are the same span as byte offsets in the
	// file, for applying it, and StartByteColumn and EndByteColumn as
	// 1-based byte columns in its lines, for formats that count bytes
	// (rdjsonl); they are not part of the JSON shape.
	StartByte, EndByte             int `json:"-"`
	StartByteColumn, EndByteColumn int `json:"-"`
}

// Position is a place in a file.
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}
