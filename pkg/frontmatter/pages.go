package frontmatter

import (
	"path"
	"strings"
)

// pageExtensions are the file name endings of the pages persona reads
// (SPEC §1): Markdown, and MDX, whose JSX is left as it is.
var pageExtensions = []string{".md", ".markdown", ".mdx"}

// IsPage reports whether a file name names a page persona reads.
func IsPage(name string) bool {
	for _, ext := range pageExtensions {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

// Stem is a page's file name without its directory and extension: the id
// an entity without `id` takes.
func Stem(name string) string {
	base := path.Base(name)
	for _, ext := range pageExtensions {
		if strings.HasSuffix(base, ext) {
			return strings.TrimSuffix(base, ext)
		}
	}
	return base
}
