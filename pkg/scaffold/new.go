package scaffold

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/project"
	"github.com/personakit/persona/pkg/slug"
	"github.com/personakit/persona/pkg/suggest"
	"github.com/personakit/persona/pkg/workspace"
)

// Request is what persona new is asked to create.
type Request struct {
	Kind model.Kind
	Data Data
	// Template names <templates>/<KIND>/<NAME>.md; "" looks up the
	// kind's default (see Lookup).
	Template string
	// SetOrder are the --set pairs as given, to name the first unknown
	// key.
	SetOrder []string
	// Target is the absolute path the file is written to.
	Target string
	// Force replaces an existing file, whose entity's id is then not
	// taken.
	Force bool
}

// Draft is a rendered new entity, checked: the template produced an
// entity of the kind asked for, valid as lint reads it.
type Draft struct {
	Content []byte
	// Notice says which template was used instead of the one named
	// ("" when it was found).
	Notice string
}

// New renders the entity r asks for from p's templates, after checking
// its id, name and ICP against ws, p's workspace. A Draft with only a
// Notice may come with an error.
func New(p *project.Project, ws *workspace.Workspace, r *Request) (*Draft, error) {
	if err := checkNew(ws, p, r); err != nil {
		return nil, err
	}
	tmpl, err := Lookup(filepath.Join(p.Loc.Root, p.Config.Templates), r.Kind, r.Template, p.Show)
	if err != nil {
		return nil, err
	}
	d := &Draft{}
	if tmpl.Skipped != "" {
		d.Notice = fmt.Sprintf("%s does not exist; using %s", tmpl.Skipped, tmpl.Name)
	}
	// The notice stands even when the template then fails.
	if err := checkSetKeys(tmpl, r.Data.Set, r.SetOrder); err != nil {
		return d, err
	}
	if d.Content, err = Render(tmpl, r.Data); err != nil {
		return d, err
	}
	return d, checkRendered(tmpl, r.Kind, r.Target, d.Content)
}

// checkRendered refuses a template's output that is not an entity of kind
// lint accepts: a broken team template is caught before it lands in the
// repository.
func checkRendered(tmpl Template, kind model.Kind, target string, content []byte) error {
	doc := frontmatter.Decode(filepath.Base(target), content)
	if doc != nil {
		for _, prob := range doc.Problems {
			if prob.Rule == frontmatter.RuleFrontmatterInvalid {
				return fmt.Errorf("%s produced invalid front matter (line %d of the output: %s)", tmpl.Name, prob.Pos.Line, prob.Message)
			}
			if prob.Rule == frontmatter.RuleFieldType {
				// A value the contract rejects, usually from --set
				// (share=abc): refuse it now rather than write a file
				// that fails lint.
				return fmt.Errorf("the new %s would be refused by lint: %s (line %d of the output of %s); fix the --set value", kind, prob.Message, prob.Pos.Line, tmpl.Name)
			}
		}
	}
	if doc == nil || doc.Kind != kind {
		return fmt.Errorf("%s did not produce a %s: its front matter must start with --- and set kind: %s", tmpl.Name, kind, kind)
	}
	return nil
}

// Write writes d to r.Target, never through a link out of p's workspace
// (a path given outside it is the user's to choose).
func Write(p *project.Project, r *Request, d *Draft) error {
	dest := r.Target
	if fileio.Within(p.Loc.Root, r.Target) {
		var err error
		if dest, err = p.Confine(r.Target); err != nil {
			return fmt.Errorf("will not write %s: %v; remove the link or choose another path", p.Show(r.Target), err)
		}
	}
	if err := fileio.Write(dest, d.Content, r.Force); err != nil {
		if errors.Is(err, fileio.ErrExists) {
			return fmt.Errorf("%s exists; pass --force to replace it", p.Show(r.Target))
		}
		return fmt.Errorf("cannot write %s: %v", p.Show(r.Target), fileio.Describe(err))
	}
	return nil
}

// checkSetKeys refuses --set keys the template never reads: they would be
// dropped without a word, usually because of a typo.
func checkSetKeys(tmpl Template, set map[string]string, order []string) error {
	if len(set) == 0 {
		return nil
	}
	used, open, err := SetKeys(tmpl)
	if err != nil || open {
		return err
	}
	known := make([]string, 0, len(used))
	for k := range used {
		known = append(known, k)
	}
	sort.Strings(known)
	for _, kv := range order {
		k, _, _ := strings.Cut(kv, "=")
		k = strings.TrimSpace(k)
		if used[k] {
			continue
		}
		if len(known) == 0 {
			return fmt.Errorf("--set %s: %s reads no --set keys", k, tmpl.Name)
		}
		return fmt.Errorf("--set %s: %s does not use it%s", k, tmpl.Name,
			suggest.DidYouMeanOr(k, known, "; it reads "+strings.Join(known, ", ")))
	}
	return nil
}

// checkNew validates the id, the name and the ICP of a new entity against
// the workspace, filling in the name and, for a persona, the only ICP.
func checkNew(ws *workspace.Workspace, p *project.Project, r *Request) error {
	data, kind := &r.Data, r.Kind
	if data.ID != slug.Make(data.ID) {
		return fmt.Errorf("id %q is not a slug (lowercase letters, digits and dashes); try %q", data.ID, slug.Make(data.ID))
	}
	if slug.ReservedOnWindows(data.ID) && filepath.Base(r.Target) == data.ID+".md" {
		return fmt.Errorf("id %q would name the file %s.md, which Windows cannot check out; choose another id, such as %s-%s", data.ID, data.ID, data.ID, kind)
	}
	if existing := ws.Lookup(kind, data.ID); existing != nil && !(r.Force && p.Abs(existing.Path) == r.Target) {
		return fmt.Errorf("%s id %q is already used by %s; choose another id", kind, data.ID, p.ShowRel(existing.Path))
	}
	if data.Name == "" {
		data.Name = NameFromID(data.ID)
	}
	if kind == model.KindPersona && data.ICP == "" {
		icp, err := OnlyICP(ws)
		if err != nil {
			return err
		}
		data.ICP = icp
	}
	if data.ICP != "" && ws.Lookup(model.KindICP, data.ICP) == nil {
		return fmt.Errorf("icp %q does not exist%s", data.ICP, suggest.DidYouMeanOr(data.ICP, ws.IDs(model.KindICP),
			"; create it first with persona new icp "+data.ICP))
	}
	return nil
}

// OnlyICP is the ICP a new persona belongs to when --icp is not given: the
// workspace's only ICP. With none or several it says what to do, since a
// persona without an ICP fails lint at once.
func OnlyICP(ws *workspace.Workspace) (string, error) {
	ids := ws.IDs(model.KindICP)
	switch len(ids) {
	case 1:
		return ids[0], nil
	case 0:
		return "", errors.New("a persona belongs to an ICP and this workspace has none; create one first with persona new icp ID")
	}
	const shown = 10
	list := ids
	if len(list) > shown {
		list = list[:shown]
	}
	more := ""
	if len(ids) > shown {
		more = fmt.Sprintf(" and %d more (persona list --kind icp)", len(ids)-shown)
	}
	return "", fmt.Errorf("say which ICP the persona belongs to with --icp: %s%s", strings.Join(list, ", "), more)
}
