package yamlkit

import (
	"bytes"

	"golang.org/x/text/encoding/unicode"
)

// FromUTF16 converts a file that starts with a UTF-16 byte order mark
// (Notepad's "Unicode", PowerShell 5's redirection) to UTF-8, and reports
// whether it did. Other files are returned as they are. Unpaired
// surrogates become U+FFFD, which the UTF-8 checks then accept as text.
func FromUTF16(src []byte) ([]byte, bool) {
	var endian unicode.Endianness
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		endian = unicode.LittleEndian
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		endian = unicode.BigEndian
	default:
		return src, false
	}
	out, err := unicode.UTF16(endian, unicode.ExpectBOM).NewDecoder().Bytes(src)
	if err != nil {
		return src, false
	}
	return out, true
}

var bom = []byte("\xEF\xBB\xBF")

// StripBOM drops a UTF-8 byte order mark, which editors on Windows add.
func StripBOM(src []byte) []byte { return bytes.TrimPrefix(src, bom) }
