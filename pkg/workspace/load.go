package workspace

import (
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/personakit/persona/pkg/claims"
	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/parallel"
	"github.com/personakit/persona/pkg/yamlkit"
)

// MaxFileSize is the largest entity file persona reads; larger ones are
// reported as file-unreadable rather than loaded into memory.
const MaxFileSize = fileio.MaxFileSize

// Inspector looks at the full text of an entity file while it is in memory,
// so that nothing needs to keep bodies around; it returns extra problems.
// It is called from several goroutines at once.
type Inspector func(doc *model.Document, src []byte, block frontmatter.Block) []model.Problem

// Options control Load.
type Options struct {
	Config  *config.Config
	Inspect Inspector
	// KeepBodies keeps each entity's Markdown body in Document.Body.
	KeepBodies bool
	// Slim keeps only what lint rules read (the contract's Lint keys, see
	// frontmatter.DecodeSlim) and no bodies, for big workspaces.
	Slim bool
	// Lean keeps a digest of each persona's claims (model.ClaimDigest)
	// instead of the claims, once the Inspector has seen them: what lint's
	// rules walk, in a tenth of the memory. ClaimsOf reads the claims
	// again where a rule needs their words.
	Lean bool
	// Shallow reads only the root's own files, none of its directories:
	// for a file in no repository and under no config, whose directory may
	// be a home directory or /.
	Shallow bool

	// sections is the claim-heading table, the built-in one merged with
	// the config's, made once per load rather than once per file.
	sections claims.Sections
	// seed hashes the words of a lean load's digests, the same for every
	// file of one workspace.
	seed maphash.Seed
}

// keepsBodies reports whether documents hold their bodies (Document.Body):
// then the body of every document loaded is there, empty or not.
func (opts Options) keepsBodies() bool { return opts.KeepBodies && !opts.Slim }

// withDefaults fills in what a load needs and the caller left out.
func (opts Options) withDefaults() Options {
	if opts.Config == nil {
		opts.Config = config.Default()
	}
	opts.sections = claims.DefaultSections().Merge(opts.Config.Sections)
	opts.seed = maphash.MakeSeed()
	return opts
}

// Workspace is a loaded workspace: its entities and broken files, indexed.
type Workspace struct {
	Root   string
	Config *config.Config
	// Docs holds entities and files with problems, sorted by Path.
	Docs []*model.Document
	// Warnings are problems with the tree itself (unreadable directories).
	Warnings []string

	// Overlay, when set, holds the text of files being edited and not
	// saved (the editor server's buffers): Put decodes it and Body reads
	// it in place of the file on disk.
	Overlay func(rel string) ([]byte, bool)

	byKind map[model.Kind]map[string]*model.Document
	// ofKind lists the documents of each kind (files with problems under
	// ""), in path order: the rules ask for every persona or interview
	// some twenty times a run, and a pass over Docs for each, reading
	// every document's kind, missed the cache on every one at 52,500
	// files.
	ofKind        map[model.Kind][]*model.Document
	interviews    map[string]*model.Document // byKind[KindInterview], the same map
	byPath        map[string]*model.Document
	personasByICP map[string][]*model.Document
	// others are the Markdown files read that are not entities (byPath
	// holds those): most files of a workspace are entities, and a set of
	// every path was 2 MB at 52,500 files.
	others   map[string]bool
	refs     *refIndex // built on first use, by the editor server
	suggest  suggestCache
	opts     Options // as the load was made, for Put
	realRoot string
}

type job struct {
	abs, rel string
	entry    fs.DirEntry
	seq      int // the file's place in the walk
}

// RuleFileOutside is the rule id for a symbolic link that leaves the
// workspace: its target is not loaded, so it is never published.
const RuleFileOutside = "file-outside-workspace"

// Load walks root and reads every Markdown file outside excluded paths and
// hidden directories, on all cores.
func Load(root string, opts Options) (*Workspace, error) {
	opts = opts.withDefaults()
	if _, err := os.ReadDir(root); err != nil {
		return nil, fmt.Errorf("cannot read the workspace %s: %w", root, unwrap(err))
	}
	workers := runtime.GOMAXPROCS(0)
	realRoot := root
	if r, err := filepath.EvalSymlinks(root); err == nil {
		realRoot = r
	}
	ws := &Workspace{
		Root:     root,
		Config:   opts.Config,
		opts:     opts,
		realRoot: realRoot,
	}
	pages := map[string]bool{} // every Markdown file the walk reads
	// Each core's documents, with the place of their file in the walk: put
	// back in that order, they are nearly in path order already, which
	// finish's sort then only checks (at 52,500 files, sorting the cores'
	// lists interleaved took 10-16 ms, missing the cache on every compare;
	// checking takes 1.5).
	type walked struct {
		seq int
		doc *model.Document
	}
	results := make([][]walked, workers)
	seq := 0
	jobs := parallel.Start(workers, 256, func(w int) func(job) {
		// A document keeps no byte of its file (a kept body is a copy)
		// and no node of its YAML, so each core reads every file into one
		// buffer and parses it over the nodes of the one before.
		r := new(Reader)
		r.dec.Entities = new(model.Entities)
		return func(j job) {
			if doc := readDoc(j, realRoot, opts, r); doc != nil {
				results[w] = append(results[w], walked{j.seq, doc})
			}
		}
	})
	walkErr := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			ws.Warnings = append(ws.Warnings, fmt.Sprintf("cannot read %s: %v; it was skipped", p, unwrap(err)))
			return nil
		}
		if p == root {
			return nil
		}
		rel := filepath.ToSlash(p[len(root)+1:])
		if d.IsDir() {
			if opts.Shallow || strings.HasPrefix(d.Name(), ".") || excluded(opts.Config.Exclude, rel) {
				return filepath.SkipDir
			}
			return nil
		}
		if !frontmatter.IsPage(d.Name()) || excluded(opts.Config.Exclude, rel) {
			return nil
		}
		pages[rel] = true
		jobs.Send(job{abs: p, rel: rel, entry: d, seq: seq})
		seq++
		return nil
	})
	jobs.Wait()
	if walkErr != nil {
		return nil, fmt.Errorf("cannot read the workspace %s: %w", root, unwrap(walkErr))
	}
	inWalk := make([]*model.Document, seq)
	for _, r := range results {
		for _, l := range r {
			inWalk[l.seq] = l.doc
		}
	}
	ws.Docs = slices.DeleteFunc(inWalk, func(d *model.Document) bool { return d == nil })
	ws.finish(pages)
	return ws, nil
}

// Reader is what one core reads and decodes files with, one after
// another: the buffer the last file was read into (reusable), and the
// decoder whose YAML nodes the next file's are parsed over; a persona's
// front matter is a few hundred nodes. The loader's cores have one each,
// and so does each caller of ClaimsOf. A document decoded keeps neither.
// The zero Reader is ready to use; not for concurrent use.
type Reader struct {
	buf []byte
	decoders
}

// decoders are what decoding reuses from one file to the next on a core.
type decoders struct {
	dec    frontmatter.Decoder
	digest claims.Scratch
}

func excluded(globs []string, rel string) bool {
	for _, g := range globs {
		if ok, _ := doublestar.Match(g, rel); ok {
			return true
		}
	}
	return false
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func unreadable(rel, msg string) *model.Document {
	return &model.Document{Path: rel, Problems: []model.Problem{{
		Rule: frontmatter.RuleFileUnreadable, Pos: model.FileStart, Message: msg,
	}}}
}

// readDoc reads and decodes one file. It returns nil for files that are not
// entities and have nothing to report, including files that vanished
// between the walk and the read.
//
// realRoot is the workspace root with symbolic links resolved, to tell links
// that leave it.
//
// r, when not nil, is what one core reads and decodes files with, one
// after another (see Reader).
func readDoc(j job, realRoot string, opts Options, r *Reader) *model.Document {
	mode := j.entry.Type()
	if mode&fs.ModeSymlink != 0 {
		info, err := os.Stat(j.abs)
		switch {
		case errors.Is(err, syscall.ELOOP):
			return unreadable(j.rel, "is a symbolic link that loops back on itself; replace it with the file it should point to")
		case errors.Is(err, fs.ErrNotExist):
			if _, lerr := os.Lstat(j.abs); lerr != nil {
				return nil // deleted during the walk
			}
			return unreadable(j.rel, "is a symbolic link to a file that does not exist; fix or remove the link")
		case err != nil:
			return unreadable(j.rel, fmt.Sprintf("cannot be read (%v); check its permissions", unwrap(err)))
		}
		mode = info.Mode().Type()
		if real, err := filepath.EvalSymlinks(j.abs); err == nil && !fileio.Within(realRoot, real) {
			return &model.Document{Path: j.rel, Problems: []model.Problem{{
				Rule: RuleFileOutside, Pos: model.FileStart,
				Message: "is a symbolic link to a file outside the workspace, which is not loaded or published; copy the file in, or remove the link",
			}}}
		}
	}
	if !mode.IsRegular() {
		return nil // a directory named x.md, a pipe or a device: not a document
	}
	if r == nil {
		r = new(Reader)
	}
	src, tooLarge, err := fileio.ReadRegularInto(j.abs, MaxFileSize, r.buf)
	r.buf = reusable(src)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case errors.Is(err, syscall.EISDIR), errors.Is(err, fileio.ErrNotRegular):
		return nil // replaced by a directory or a special file since the walk
	case err != nil:
		return unreadable(j.rel, fmt.Sprintf("cannot be read (%v); make it readable by the user running persona", unwrap(err)))
	}
	return decodeFile(j.rel, src, tooLarge, opts, &r.decoders)
}

// maxReusedBuffer bounds the read buffer a core keeps between files: one
// huge file must not hold its size in memory for the rest of the load.
const maxReusedBuffer = 1 << 20

// reusable is b emptied, to read the next file into, or nil once it has
// grown past maxReusedBuffer.
func reusable(b []byte) []byte {
	if cap(b) > maxReusedBuffer {
		return nil
	}
	return b[:0]
}

// decodeFile turns one file's bytes (its first MaxFileSize bytes when
// tooLarge) into a document, or nil for ordinary Markdown.
func decodeFile(rel string, src []byte, tooLarge bool, opts Options, d *decoders) *model.Document {
	src, _ = yamlkit.FromUTF16(src)
	block := frontmatter.Split(src)
	if tooLarge {
		if block.Format == frontmatter.None {
			return nil
		}
		if !block.Closed {
			if frontmatter.MentionsKind(block.Text) {
				return unreadable(rel, "has a front matter block larger than 8 MiB; shorten it")
			}
			return nil
		}
		if doc := frontmatter.DecodeSlim(rel, block); doc != nil {
			return unreadable(rel, "is larger than 8 MiB; split it into smaller files")
		}
		return nil
	}
	// A lean load digests a persona's claims before the next file, so
	// they are decoded into the room the digest's scratch keeps, emptied
	// by each decode; a full one keeps them.
	d.dec.Room = nil
	if opts.Lean {
		d.dec.Room = &d.digest.Room
	}
	doc := d.dec.Decode(rel, block, opts.Slim)
	if doc != nil && doc.Persona != nil {
		// Claims written as prose under claim headings (SPEC §9).
		if opts.Lean {
			claims.AttachViews(doc.Persona, block.Body, block.BodyLine, opts.sections, &d.digest)
		} else {
			claims.Attach(doc.Persona, block.Body, block.BodyLine, opts.sections)
		}
	}
	if doc != nil && doc.Kind != "" {
		if opts.Inspect != nil {
			doc.Problems = append(doc.Problems, opts.Inspect(doc, src, block)...)
		}
		doc.BodyLine = block.BodyLine
		if opts.keepsBodies() {
			doc.Body = string(block.Body)
		}
	}
	if opts.Lean && doc != nil && doc.Persona != nil {
		claims.DigestViews(doc.Persona, opts.seed, &d.digest)
	}
	return doc
}

// File is a Markdown file given by content rather than read from disk,
// such as a file at a git revision.
type File struct {
	Rel  string // workspace-relative, '/'-separated
	Data []byte
}

// FromFiles builds a workspace from files held in memory, applying the
// same exclusions, size limit, decoding and indexing as Load. What reads
// an entity's file again (an interview's notes, for quote-not-found) reads
// the one given, never the file on disk by that name: files at a git
// revision are not the working tree's.
func FromFiles(root string, files []File, opts Options) *Workspace {
	opts = opts.withDefaults()
	ws := &Workspace{Root: root, Config: opts.Config, opts: opts, realRoot: root}
	pages := map[string]bool{}
	given := map[string][]byte{}
	var d decoders
	for _, f := range files {
		if !frontmatter.IsPage(f.Rel) || Ignored(opts.Config.Exclude, f.Rel) {
			continue
		}
		pages[f.Rel] = true
		data, tooLarge := f.Data, false
		if len(data) > MaxFileSize {
			data, tooLarge = data[:MaxFileSize], true
		}
		if doc := decodeFile(f.Rel, data, tooLarge, opts, &d); doc != nil {
			ws.Docs = append(ws.Docs, doc)
			given[f.Rel] = data
		}
	}
	ws.Overlay = func(rel string) ([]byte, bool) {
		data, ok := given[rel]
		return data, ok
	}
	ws.finish(pages)
	return ws
}

// Ignored applies the walker's rules to a workspace-relative file path
// that did not come from a walk: it is skipped when a parent directory is
// hidden, or when exclude matches it or a parent directory.
func Ignored(exclude []string, rel string) bool {
	parts := strings.Split(rel, "/")
	for i, part := range parts[:len(parts)-1] {
		if strings.HasPrefix(part, ".") || excluded(exclude, strings.Join(parts[:i+1], "/")) {
			return true
		}
	}
	return excluded(exclude, rel)
}

// Body reads an entity's Markdown body again, as the loader read it (a
// regular file within MaxFileSize, UTF-16 decoded), for the rules that need
// one body at a time; it returns the body and the file line it starts on.
// The body is a copy of the one the loader kept, or freshly read: the
// caller owns it and may change it.
func (ws *Workspace) Body(d *model.Document) ([]byte, int, error) {
	body, bodyLine, _, err := ws.BodyInto(d, nil)
	return body, bodyLine, err
}

// BodyInto is Body reading the file into buf when it fits, for a caller
// that reads many bodies one after another and keeps nothing of each; it
// also returns the buffer to pass to the next call (nil once it grew past
// maxReusedBuffer).
func (ws *Workspace) BodyInto(d *model.Document, buf []byte) (body []byte, bodyLine int, read []byte, err error) {
	if _, overlaid := ws.overlay(d.Path); !overlaid && ws.opts.keepsBodies() {
		// A report keeps bodies: a copy costs far less than a read.
		body = append(buf[:0], d.Body...)
		return body, d.BodyLine, reusable(body), nil
	}
	src, read, err := ws.sourceInto(d, buf)
	if err != nil {
		return nil, 0, buf, err
	}
	b := frontmatter.Split(src)
	return b.Body, b.BodyLine, read, nil
}

// WordSeed is the seed the words of this workspace's claim digests are
// hashed under (claims.Digest), for comparing claims with them.
func (ws *Workspace) WordSeed() maphash.Seed { return ws.opts.seed }

// ClaimsOf returns persona d's claims: its Claims, or after a lean load
// (Options.Lean) its claims read again, as the loader read them, from its
// file or the Overlay, with what r kept from the last persona it read.
func (ws *Workspace) ClaimsOf(d *model.Document, r *Reader) ([]model.Claim, error) {
	switch {
	case d.Persona == nil:
		return nil, nil
	case !ws.opts.Lean:
		return d.Persona.Claims, nil
	}
	src, read, err := ws.sourceInto(d, r.buf)
	if err != nil {
		return nil, err
	}
	r.buf = read
	// Decoded as the loader decoded it, keeping the claims this time and
	// inspecting nothing.
	opts := ws.opts
	opts.Lean, opts.Inspect, opts.KeepBodies = false, nil, false
	again := decodeFile(d.Path, src, false, opts, &r.decoders)
	if again == nil || again.Persona == nil {
		return nil, nil // no longer a persona
	}
	return again.Persona.Claims, nil
}

// sourceInto reads d's file again into buf, from the Overlay when it holds
// it, UTF-16 decoded; read is the buffer to pass to the next call.
func (ws *Workspace) sourceInto(d *model.Document, buf []byte) (src, read []byte, err error) {
	if text, overlaid := ws.overlay(d.Path); overlaid {
		src = append(buf[:0], text[:min(len(text), MaxFileSize)]...)
	} else if src, _, err = fileio.ReadRegularInto(filepath.Join(ws.Root, filepath.FromSlash(d.Path)), MaxFileSize, buf); err != nil {
		return nil, buf, err
	}
	read = reusable(src)
	src, _ = yamlkit.FromUTF16(src)
	return src, read, nil
}
