package textsafe

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Width is the number of terminal columns s takes: East Asian wide and
// full-width characters (CJK, most emoji) take two, combining marks and
// zero-width characters none, everything else one. Table columns line up
// by it, not by bytes or runes.
func Width(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case r == 0x200B || r == 0x200C || r == 0x200D || r == 0xFEFF || r >= 0xFE00 && r <= 0xFE0F:
		return 0
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// PadRight pads s with spaces to w columns.
func PadRight(s string, w int) string {
	if pad := w - Width(s); pad > 0 {
		return s + strings.Repeat(" ", pad)
	}
	return s
}

// Columns lays rows out as aligned columns separated by gap spaces, each
// padded to its widest cell by display width; the last cell of a row is
// not padded. Cells must be single lines (see Line).
func Columns(rows [][]string, gap int) string {
	var widths []int
	for _, row := range rows {
		for i, c := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], Width(c))
		}
	}
	var b strings.Builder
	sep := strings.Repeat(" ", gap)
	for _, row := range rows {
		for i, c := range row {
			if i == len(row)-1 {
				b.WriteString(c)
				break
			}
			b.WriteString(PadRight(c, widths[i]))
			b.WriteString(sep)
		}
		b.WriteByte('\n')
	}
	return b.String()
}
