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
