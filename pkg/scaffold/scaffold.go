// Package scaffold renders new entities from templates — the team's own in
// the workspace, or the built-in ones embedded in the binary — and writes
// them without ever clobbering a file.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"text/template"
	"text/template/parse"
	"time"
	"unicode"

	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/model"
)

//go:embed templates/*.md
var builtin embed.FS

// Data is what a template sees: the contract's .ID .Kind .Name .ICP .Date
// .Set, and the answers of the guided mode.
type Data struct {
	ID, Kind, Name, ICP, Date string
	Set                       map[string]string
	Role                      string
	Goals, Frustrations       []string
	Sources                   []string
}

// Template is a template's text and where it came from.
type Template struct {
	// Name is the file it was read from, as shown to the user, or
	// "built-in <kind>.md".
	Name string
	Text []byte
	// Skipped names a --template file that does not exist, so the caller
	// can say that a fallback was used.
	Skipped string
}

// Builtin returns the built-in template of a kind.
func Builtin(kind model.Kind) ([]byte, error) {
	return builtin.ReadFile("templates/" + string(kind) + ".md")
}

// Lookup finds the template for kind: <dir>/<kind>/<name>.md when name is
// given, then <dir>/<kind>.md, then the built-in one. show turns a path into
// the form shown to the user.
func Lookup(dir string, kind model.Kind, name string, show func(string) string) (Template, error) {
	var candidates []string
	if name != "" {
		if strings.ContainsAny(name, `/\`) || name == ".." {
			return Template{}, fmt.Errorf("--template %q must be a template name, not a path", name)
		}
		candidates = append(candidates, filepath.Join(dir, string(kind), name+".md"))
	}
	candidates = append(candidates, filepath.Join(dir, string(kind)+".md"))
	skipped := ""
	for i, c := range candidates {
		text, err := fileio.ReadWhole(c, MaxTemplateSize)
		if err == nil {
			return Template{Name: show(c), Text: text, Skipped: skipped}, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return Template{}, fmt.Errorf("cannot read template %s: %w", show(c), unwrap(err))
		}
		if i == 0 && name != "" {
			skipped = show(c)
		}
	}
	text, err := Builtin(kind)
	if err != nil {
		return Template{}, err
	}
	return Template{Name: "built-in " + string(kind) + ".md", Text: text, Skipped: skipped}, nil
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Limits on running a template: a team template is code, and a loop such
// as {{range 2000000000}} must end in an error, not a hung command.
const (
	maxOutput     = 1 << 20
	renderTimeout = 5 * time.Second
)

// Render executes a template. Errors name the template and the line, as
// text/template reports them ("template: NAME:LINE:COL: ...").
func Render(t Template, data Data) ([]byte, error) { return renderWithin(t, data, renderTimeout) }

func renderWithin(t Template, data Data, timeout time.Duration) ([]byte, error) {
	tmpl, err := template.New(t.Name).Option("missingkey=zero").Parse(string(t.Text))
	if err != nil {
		return nil, cleanTemplateError(err)
	}
	if data.Set == nil {
		data.Set = map[string]string{}
	}
	type result struct {
		out []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		b := &limitedBuffer{limit: maxOutput}
		err := tmpl.Execute(b, data)
		done <- result{b.Bytes(), err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			return nil, cleanTemplateError(r.err)
		}
		return r.out, nil
	case <-time.After(timeout):
		// The execution goroutine cannot be stopped; the command is about
		// to exit with this error anyway.
		return nil, fmt.Errorf("%s: still running after %s; look for a loop over a large number", t.Name, timeout)
	}
}

// limitedBuffer fails writes past its limit, which stops the template.
type limitedBuffer struct {
	bytes.Buffer
	limit int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.limit {
		return 0, fmt.Errorf("the output is larger than %d bytes", b.limit)
	}
	return b.Buffer.Write(p)
}

// cleanTemplateError drops text/template's "template: " prefix so the
// message starts with the file name and line, like every other error.
func cleanTemplateError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "template: ")
	return errors.New(msg + "; fix the template")
}

// DefaultDir is where new entities of a kind go, under the workspace root.
func DefaultDir(kind model.Kind) string {
	switch kind {
	case model.KindICP:
		return "icps"
	case model.KindPersona:
		return "personas"
	}
	return "interviews"
}

// NameFromID turns "finance-director-fiona" into "Finance Director Fiona".
func NameFromID(id string) string {
	words := strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' })
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// MaxTemplateSize bounds a template file; rendering is bounded separately.
const MaxTemplateSize = 1 << 20

// SetKeys lists the --set keys a template reads: the literal keys of
// `index .Set "key"` and `.Set.key`. open is true when it reads .Set in a
// way no list can capture (ranging over it, an index computed at run
// time, printing or handing on the data itself), so any key may be used.
func SetKeys(t Template) (keys map[string]bool, open bool, err error) {
	tmpl, err := template.New(t.Name).Option("missingkey=zero").Parse(string(t.Text))
	if err != nil {
		return nil, false, cleanTemplateError(err)
	}
	keys = map[string]bool{}
	// setField records .Set.key; .Set on its own may be used any way.
	setField := func(ident []string) {
		if len(ident) > 0 && ident[0] == "Set" {
			if len(ident) > 1 {
				keys[ident[1]] = true
			} else {
				open = true
			}
		}
	}
	// root says whether dot is the template's data, with .Set in it: it is
	// at the top of every template and under if, not in range or with
	// (unless they are given the data itself).
	var walk func(n parse.Node, root bool)
	walkCommand := func(c *parse.CommandNode, root bool) {
		if len(c.Args) >= 2 {
			if id, ok := c.Args[0].(*parse.IdentifierNode); ok && id.Ident == "index" {
				if isSetItself(c.Args[1]) {
					if len(c.Args) == 3 {
						if s, ok := c.Args[2].(*parse.StringNode); ok {
							keys[s.Text] = true
							return
						}
					}
					open = true
					for _, a := range c.Args[2:] {
						walk(a, root)
					}
					return
				}
			}
		}
		for _, a := range c.Args {
			walk(a, root)
		}
	}
	walkBranch := func(b *parse.BranchNode, root, rebinds bool) {
		inner := root
		if rebinds {
			inner = isData(b.Pipe, root)
		}
		if !rebinds || !inner {
			// with . binds the data, which reads no key by itself.
			walk(b.Pipe, root)
		}
		walk(b.List, inner)
		if b.ElseList != nil {
			walk(b.ElseList, root)
		}
	}
	walk = func(n parse.Node, root bool) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c, root)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe, root)
		case *parse.IfNode:
			walkBranch(&n.BranchNode, root, false)
		case *parse.RangeNode:
			walkBranch(&n.BranchNode, root, true)
		case *parse.WithNode:
			walkBranch(&n.BranchNode, root, true)
		case *parse.TemplateNode:
			// A defined template is walked as one whose dot is the data,
			// so handing it the data reads nothing here.
			if !isData(n.Pipe, root) {
				walk(n.Pipe, root)
			}
		case *parse.PipeNode:
			if n != nil {
				for _, c := range n.Cmds {
					walkCommand(c, root)
				}
			}
		case *parse.FieldNode:
			if root {
				setField(n.Ident)
			}
		case *parse.DotNode:
			// The data itself, printed or handed on, shows every key.
			open = open || root
		case *parse.VariableNode:
			switch {
			case len(n.Ident) == 1 && n.Ident[0] == "$":
				open = true
			case len(n.Ident) > 1 && n.Ident[0] == "$":
				setField(n.Ident[1:])
			}
		case *parse.ChainNode:
			walk(n.Node, root)
		}
	}
	for _, tt := range tmpl.Templates() {
		if tt.Tree != nil {
			walk(tt.Tree.Root, true)
		}
	}
	return keys, open, nil
}

// isSetItself reports whether n is .Set or $.Set.
func isSetItself(n parse.Node) bool {
	switch n := n.(type) {
	case *parse.FieldNode:
		return len(n.Ident) == 1 && n.Ident[0] == "Set"
	case *parse.VariableNode:
		return len(n.Ident) == 2 && n.Ident[0] == "$" && n.Ident[1] == "Set"
	}
	return false
}

// isData reports whether the pipeline p is the template's data itself:
// a lone dot where dot is the data (root), or $.
func isData(p *parse.PipeNode, root bool) bool {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return false
	}
	switch a := p.Cmds[0].Args[0].(type) {
	case *parse.DotNode:
		return root
	case *parse.VariableNode:
		return len(a.Ident) == 1 && a.Ident[0] == "$"
	}
	return false
}
