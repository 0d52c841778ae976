package rules

import (
	"regexp"
	"strings"

	"github.com/personakit/persona/pkg/lint"
)

var slugPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

type idInvalid struct{ meta }

func (r *idInvalid) Check(c *lint.Context) {
	for _, d := range c.WS.Docs {
		if d.Kind == "" || slugPattern.MatchString(d.ID) {
			continue
		}
		if d.IDPos.Line == 0 {
			c.Report(d, d.IDPos, "the file name gives the id %q, which is not a slug; rename the file to %q or set id: %s",
				d.ID, Slugify(d.ID)+".md", Slugify(d.ID))
			continue
		}
		c.Report(d, d.IDPos, "id %q is not a slug; use lowercase letters, digits and dashes, such as %q", d.ID, Slugify(d.ID))
	}
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// Slugify turns any text into the nearest valid id.
func Slugify(s string) string {
	slug := strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(s), "-"), "-")
	if slug == "" {
		return "entity"
	}
	return slug
}
