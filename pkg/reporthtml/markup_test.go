package reporthtml

import (
	"encoding/xml"
	"io"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// The pages are written by Go writers (card.go, section.go,
// sitepages.go) and by the index template, each once; what holds them is
// the golden pages (testdata/golden) and the properties below, which need
// no second copy of the markup.

// skeleton is the page's markup without its text: each start tag with its
// attribute names, and each end tag, as encoding/xml reads HTML leniently.
// It also returns every URL attribute's value.
func skeleton(t testing.TB, page string) (tags []string, urls []string) {
	t.Helper()
	// Characters XML forbids (NUL, control codes) are text wherever they
	// are; they cannot form markup, so they are read as spaces.
	page = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r < 0xD800 || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
			return r
		}
		return ' '
	}, page)
	d := xml.NewDecoder(strings.NewReader(page))
	d.Strict, d.AutoClose, d.Entity = false, xml.HTMLAutoClose, xml.HTMLEntity
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return tags, urls
		}
		if err != nil {
			t.Fatalf("the page does not read as markup: %v\n%s", err, page)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			names := []string{"<" + tok.Name.Local}
			for _, a := range tok.Attr {
				names = append(names, a.Name.Local)
				if a.Name.Local == "href" || a.Name.Local == "src" || a.Name.Local == "action" {
					urls = append(urls, a.Value)
				}
			}
			tags = append(tags, strings.Join(names, " ")+">")
		case xml.EndElement:
			tags = append(tags, "</"+tok.Name.Local+">")
		}
	}
}

// defused is s with the characters markup is made of replaced: writing
// either must give pages of the same structure.
func defused(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>&"'=`+"`", r) {
			return 'x'
		}
		return r
	}, s)
}

// checkMarkup holds a page written from user text s to the one written
// from defused(s): same tags and attributes, in the same order, and no
// link that runs script.
func checkMarkup(t testing.TB, what string, write func(s string) string, s string) {
	t.Helper()
	got, gotURLs := skeleton(t, write(s))
	want, _ := skeleton(t, write(defused(s)))
	if !slices.Equal(got, want) {
		t.Fatalf("%s: the text %q changes the markup:\n got %v\nwant %v", what, s, got, want)
	}
	for _, u := range gotURLs {
		if p, err := url.Parse(strings.TrimSpace(u)); err == nil && p.Scheme != "" &&
			p.Scheme != "http" && p.Scheme != "https" && p.Scheme != "mailto" {
			t.Fatalf("%s: the text %q makes a %s: link %q", what, s, p.Scheme, u)
		}
	}
}

// hostileTexts are the shapes of user text the writers must escape.
var hostileTexts = map[string]string{
	"plain":            "Finance lead",
	"markup":           `<script>alert("x")</script> & 'q' + more`,
	"attribute break":  `" onmouseover="alert(1)`,
	"url-shaped":       "javascript:alert(1)",
	"vbscript":         "vbscript:x",
	"percent":          "100% of %41 and %zz and %4",
	"file name":        "personas/a b#1?x=[y]|z.md",
	"control and nul":  "bell\a nul\x00 del\x7f",
	"non-ASCII":        "Zoë 😀 \u0085 \ufdd0 \xff",
	"mailto and https": "MAILTO:a@b.c",
	"empty":            "",
}
