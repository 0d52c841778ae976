package rules

import (
	"bytes"
	"strings"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/mdguard"
	"github.com/personakit/persona/pkg/model"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
)

type sectionMissing struct {
	meta
	required map[model.Kind][]string
}

func (r *sectionMissing) Configure(opts map[string]config.Option, path string) error {
	o, ok := opts["required"]
	if !ok {
		return nil
	}
	v := o.Value
	if v.Kind != yaml.MappingNode {
		return config.Errorf(path, v, "rules.section-missing.required must map kinds to headings, such as {persona: [Goals, Evidence]}")
	}
	r.required = map[model.Kind][]string{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, list := v.Content[i], v.Content[i+1]
		kind := model.Kind(k.Value)
		if kind != model.KindICP && kind != model.KindPersona && kind != model.KindInterview {
			return config.Errorf(path, k, "%q is not a kind; use icp, persona or interview", k.Value)
		}
		if list.Kind != yaml.SequenceNode {
			return config.Errorf(path, list, "the required headings of %s must be a list", k.Value)
		}
		for _, h := range list.Content {
			if h.Kind != yaml.ScalarNode || strings.TrimSpace(h.Value) == "" {
				return config.Errorf(path, h, "each required heading must be the heading's text, such as Goals")
			}
			r.required[kind] = append(r.required[kind], strings.TrimSpace(h.Value))
		}
	}
	return nil
}

func (r *sectionMissing) CheckText(doc *model.Document, _ []byte, block frontmatter.Block) []model.Problem {
	want := r.required[doc.Kind]
	if len(want) == 0 {
		return nil
	}
	have := Headings(block.Body)
	var out []model.Problem
	for _, w := range want {
		found := false
		for _, h := range have {
			found = found || strings.EqualFold(h, w)
		}
		if !found {
			out = append(out, model.Problem{Rule: r.id, Pos: model.FileStart,
				Message: "body has no \"" + w + "\" section; add a heading \"## " + w + "\""})
		}
	}
	return out
}

// Headings returns the text of every Markdown heading in body, in order.
func Headings(body []byte) []string {
	if mdguard.Check(body) != nil {
		return atxHeadings(body) // too complex for a parser: headings by line
	}
	doc := goldmark.DefaultParser().Parse(text.NewReader(body))
	var out []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			out = append(out, string(bytes.TrimSpace(h.Lines().Value(body))))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// atxHeadings finds "# Heading" lines without parsing the body.
func atxHeadings(body []byte) []string {
	var out []string
	frontmatter.Lines(body, func(_ int, l []byte) bool {
		t := bytes.TrimLeft(l, " ")
		if len(l)-len(t) > 3 {
			return true
		}
		level := 0
		for level < len(t) && t[level] == '#' {
			level++
		}
		if level >= 1 && level <= 6 && (level == len(t) || t[level] == ' ' || t[level] == '\t') {
			out = append(out, string(bytes.TrimSpace(bytes.TrimRight(bytes.TrimSpace(t[level:]), "#"))))
		}
		return true
	})
	return out
}

// Options declares what Configure reads.
func (r *sectionMissing) Options() []lint.Option {
	return []lint.Option{
		{Name: "required", Default: "{}", Description: "The headings each kind's body must have, such as {persona: [Goals, Evidence]}."},
	}
}
