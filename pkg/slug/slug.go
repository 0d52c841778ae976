// Package slug turns names into ids: lowercase ASCII letters, digits and
// dashes, the pattern every entity id follows.
package slug

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

var (
	valid    = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	nonASCII = regexp.MustCompile(`[^a-z0-9]+`)
)

// Valid reports whether id is a slug.
func Valid(id string) bool { return valid.MatchString(id) }

// letters that do not decompose into an ASCII letter and marks, written the
// way their languages transliterate them (German ä → ae, ß → ss).
func transliteration(r rune) (string, bool) {
	switch r {
	case 'ä', 'Ä':
		return "ae", true
	case 'ö', 'Ö':
		return "oe", true
	case 'ü', 'Ü':
		return "ue", true
	case 'ß', 'ẞ':
		return "ss", true
	case 'æ', 'Æ':
		return "ae", true
	case 'œ', 'Œ':
		return "oe", true
	case 'ø', 'Ø':
		return "o", true
	case 'ł', 'Ł':
		return "l", true
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d", true
	case 'þ', 'Þ':
		return "th", true
	case 'ı':
		return "i", true
	}
	return "", false
}

// Make turns any text into the nearest valid id: letters transliterated to
// ASCII ("Qualitätsleiterin Jördis" → "qualitaetsleiterin-joerdis", accents
// dropped), everything else a dash. Where nothing Latin remains (a Chinese
// or Arabic name), the id is "id-" and eight hex digits of the name's
// SHA-256, short and stable, so two such names do not collide.
func Make(s string) string {
	var b strings.Builder
	for _, r := range s {
		if t, ok := transliteration(r); ok {
			b.WriteString(t)
			continue
		}
		for _, d := range norm.NFKD.String(string(r)) {
			if !unicode.Is(unicode.Mn, d) {
				b.WriteRune(d)
			}
		}
	}
	out := strings.Trim(nonASCII.ReplaceAllString(strings.ToLower(b.String()), "-"), "-")
	if out != "" && strings.ContainsFunc(s, func(r rune) bool { return r > unicode.MaxASCII && !isLatin(r) }) && !hasLetter(out) {
		out = ""
	}
	if out == "" {
		if strings.TrimSpace(s) == "" {
			return "id"
		}
		sum := sha256.Sum256([]byte(norm.NFC.String(strings.TrimSpace(s))))
		return "id-" + hex.EncodeToString(sum[:4])
	}
	return out
}

func isLatin(r rune) bool { return unicode.Is(unicode.Latin, r) || unicode.Is(unicode.Mn, r) }

func hasLetter(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 'a' && r <= 'z' })
}

// ReservedOnWindows reports whether a file named id plus an extension
// cannot exist on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9, in any
// case), so that a repository holding it could not be checked out there.
func ReservedOnWindows(id string) bool {
	switch u := strings.ToUpper(id); u {
	case "CON", "PRN", "AUX", "NUL":
		return true
	default:
		return len(u) == 4 && (strings.HasPrefix(u, "COM") || strings.HasPrefix(u, "LPT")) && u[3] >= '1' && u[3] <= '9'
	}
}
