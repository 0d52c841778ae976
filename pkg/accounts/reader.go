package accounts

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/personakit/persona/pkg/suggest"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// MaxLine bounds one line (one record) of a text file: a longer one is
// skipped, so that a file without line breaks cannot exhaust memory.
const MaxLine = 1 << 20

// Row is one account as read: the cells of the columns that map to a
// field. It is valid until the next call to Next.
type Row struct {
	File string // the file as the user named it
	// Number is the 1-based number of the data row in its file, the
	// header not counted; Line is the line it starts on (for text files).
	Number int
	Line   int
	cells  []string
	cols   *[numFields][]int
}

// Get returns the cells a field's columns hold, the most precise first,
// leaving out columns the row does not have.
func (r *Row) Get(f Field, visit func(cell string) bool) {
	for _, c := range r.cols[f] {
		if c < len(r.cells) && !visit(r.cells[c]) {
			return
		}
	}
}

// First returns the first cell of a field that is not empty, or "".
func (r *Row) First(f Field) string {
	out := ""
	r.Get(f, func(cell string) bool {
		if strings.TrimSpace(cell) != "" {
			out = cell
			return false
		}
		return true
	})
	return out
}

// Skip is a row that could not be read; reading goes on after it.
type Skip struct {
	File string
	Line int
	Err  string
}

func (s *Skip) Error() string { return fmt.Sprintf("%s:%d: %s", s.File, s.Line, s.Err) }

// FileError is a file that cannot be matched at all: not CSV or JSON Lines,
// no rows, or no column that maps to a field.
type FileError struct {
	File string
	Msg  string
}

func (e *FileError) Error() string { return e.File + ": " + e.Msg }

// Reader streams the rows of one file.
type Reader struct {
	name    string
	headers []string
	// seen are a JSON Lines file's keys as met, those no field reads too,
	// for messages; nil for files with a header.
	seen  []string
	cols  [numFields][]int
	next  func() (*Row, error)
	close func() error
}

// Headers are the file's column names (a JSON Lines file's keys as met).
func (r *Reader) Headers() []string {
	if r.seen != nil {
		return r.seen
	}
	return r.headers
}

// Mapped lists, per field, the headers read for it, the most precise first.
func (r *Reader) Mapped(f Field) []string {
	var out []string
	for _, c := range r.cols[f] {
		if c < len(r.headers) {
			out = append(out, r.headers[c])
		}
	}
	return out
}

// Has reports whether some column maps to the field.
func (r *Reader) Has(f Field) bool { return len(r.cols[f]) > 0 }

// Next returns the next row, a *Skip for a row that cannot be read, or
// io.EOF.
func (r *Reader) Next() (*Row, error) { return r.next() }

// Close releases the file.
func (r *Reader) Close() error {
	if r.close == nil {
		return nil
	}
	return r.close()
}

// Options say how to find the fields.
type Options struct {
	// Columns names a field's header explicitly (--column, match.columns).
	Columns map[Field]string
	// Stdin is read for the file name "-".
	Stdin io.Reader
	// TempDir holds a Parquet file read from stdin while it is read
	// (Parquet needs random access); "" is the system's.
	TempDir string
}

// Open opens a file (or "-" for stdin), finds its format and maps its
// columns. The file is named as the user wrote it in every message.
func Open(name string, opts Options) (*Reader, error) {
	var src io.ReadCloser
	if name == "-" {
		if opts.Stdin == nil {
			return nil, &FileError{File: "-", Msg: "no standard input to read"}
		}
		src = io.NopCloser(opts.Stdin)
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		info, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, err
		}
		if !info.Mode().IsRegular() {
			f.Close()
			return nil, &FileError{File: name, Msg: "not a regular file; name a CSV, JSON Lines or Parquet file"}
		}
		src = f
	}
	return open(name, src, opts)
}

// open reads src's format and header; on an error it has closed src.
func open(name string, src io.ReadCloser, opts Options) (_ *Reader, err error) {
	br := bufio.NewReaderSize(src, 64<<10)
	head, _ := br.Peek(4)
	direct, _ := src.(*os.File)
	closers := []func() error{src.Close}
	closeAll := func() error {
		var first error
		for i := len(closers) - 1; i >= 0; i-- {
			if err := closers[i](); err != nil && first == nil {
				first = err
			}
		}
		return first
	}
	defer func() {
		if err != nil {
			closeAll()
		}
	}()
	if bytes.HasPrefix(head, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, &FileError{File: name, Msg: "not a readable gzip file: " + err.Error()}
		}
		closers = append(closers, zr.Close)
		direct = nil
		br = bufio.NewReaderSize(zr, 64<<10)
		head, _ = br.Peek(4)
	}
	idx := newHeaderIndex(opts.Columns)
	var r *Reader
	switch {
	case bytes.Equal(head, []byte("PAR1")):
		r, err = openParquet(name, br, direct, idx, opts.TempDir, &closers)
	case isJSONLines(name, br):
		r, err = openJSONLines(name, br, idx)
	default:
		r, err = openCSV(name, br, idx)
	}
	if err != nil {
		return nil, err
	}
	r.name = name
	r.close = closeAll
	if err := r.prefetch(); err != nil {
		return nil, err
	}
	if err := r.check(opts.Columns); err != nil {
		return nil, err
	}
	return r, nil
}

// maxLeadingSkips is how many unreadable rows may come before the first
// readable one; past it the file is not what it claims to be.
const maxLeadingSkips = 1000

// prefetch reads up to the first readable row, so that a file with no
// rows is refused before anything is written, and a JSON Lines file's
// keys are known; what it read is returned again by Next.
func (r *Reader) prefetch() error {
	var queue []error
	var first *Row
	for first == nil {
		row, err := r.next()
		var skip *Skip
		switch {
		case err == io.EOF:
			if len(queue) == 0 {
				return &FileError{File: r.name, Msg: "holds no rows, only a header; export the accounts with their data"}
			}
			return &FileError{File: r.name, Msg: fmt.Sprintf("holds no readable row (%s)", queue[0].(*Skip).Err)}
		case errors.As(err, &skip):
			if len(queue) == maxLeadingSkips {
				return &FileError{File: r.name, Msg: fmt.Sprintf("is not CSV or JSON Lines: its first %d rows cannot be read (%s)", maxLeadingSkips, skip.Err)}
			}
			queue = append(queue, skip)
		case err != nil:
			return err
		default:
			copied := *row
			copied.cells = append([]string(nil), row.cells...)
			first = &copied
		}
	}
	rest := r.next
	r.next = func() (*Row, error) {
		if len(queue) > 0 {
			err := queue[0]
			queue = queue[1:]
			return nil, err
		}
		if first != nil {
			row := first
			first = nil
			return row, nil
		}
		return rest()
	}
	return nil
}

// isJSONLines tells JSON Lines from CSV: by the name (.jsonl, .ndjson,
// before .gz), else by a first character of {.
func isJSONLines(name string, br *bufio.Reader) bool {
	base := strings.TrimSuffix(strings.ToLower(name), ".gz")
	if strings.HasSuffix(base, ".jsonl") || strings.HasSuffix(base, ".ndjson") {
		return true
	}
	head, _ := br.Peek(512)
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	head = bytes.TrimLeft(head, " \t\r\n")
	return len(head) > 0 && head[0] == '{'
}

// mapColumns fills cols from headers: each field's columns in rank order.
func (r *Reader) mapColumns(idx headerIndex) {
	type col struct{ i, rank int }
	var per [numFields][]col
	for i, h := range r.headers {
		if m, ok := idx[NormalHeader(h)]; ok {
			per[m.field] = append(per[m.field], col{i, m.rank})
		}
	}
	for f := range per {
		sort.SliceStable(per[f], func(a, b int) bool { return per[f][a].rank < per[f][b].rank })
		r.cols[f] = r.cols[f][:0]
		for _, c := range per[f] {
			r.cols[f] = append(r.cols[f], c.i)
		}
	}
}

// check refuses a file no field can be read from, and an explicit header
// the file lacks, naming the headers found and near ones.
func (r *Reader) check(explicit map[Field]string) error {
	for _, f := range Fields() {
		h, ok := explicit[f]
		if ok && !r.Has(f) {
			return &FileError{File: r.name, Msg: fmt.Sprintf("no column %q for %s%s; the headers are %s",
				h, f, suggest.DidYouMean(h, r.Headers()), quoteList(r.Headers(), 20))}
		}
	}
	for _, f := range []Field{Industry, Employees, Revenue, Country, Technologies} {
		if r.Has(f) {
			return nil
		}
	}
	var hints []string
	for _, h := range r.Headers() {
		if near := nearestBuiltin(h); near != "" {
			hints = append(hints, fmt.Sprintf("%q looks like %s", h, near))
		}
	}
	msg := fmt.Sprintf("no column holds industry, employees, revenue, country or technologies; the headers are %s", quoteList(r.Headers(), 20))
	if len(hints) > 0 {
		msg += "; " + strings.Join(hints[:min(len(hints), 5)], ", ")
	}
	return &FileError{File: r.name, Msg: msg + "; name a column with --column FIELD=HEADER or match.columns"}
}

// nearestBuiltin names the field whose built-in header h nearly is (a
// typo: a few edits away, not a prefix such as "company" of "company
// size"), or "".
func nearestBuiltin(h string) string {
	n := NormalHeader(h)
	best, bestDist := "", 0
	for _, f := range []Field{Industry, Employees, Revenue, Country, Technologies} {
		for _, b := range BuiltinHeaders(f) {
			d := suggest.Distance(n, NormalHeader(b))
			if d > 0 && d <= max(1, len(n)/4) && (best == "" || d < bestDist) {
				best, bestDist = f.String(), d
			}
		}
	}
	return best
}

func quoteList(items []string, most int) string {
	if len(items) == 0 {
		return "none"
	}
	q := make([]string, 0, min(len(items), most))
	for _, s := range items[:min(len(items), most)] {
		q = append(q, fmt.Sprintf("%q", s))
	}
	out := strings.Join(q, ", ")
	if len(items) > most {
		out += fmt.Sprintf(" and %d more", len(items)-most)
	}
	return out
}

// decodeText turns UTF-16 with a BOM into UTF-8 and drops a UTF-8 BOM.
func decodeText(br *bufio.Reader) *bufio.Reader {
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}), bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return bufio.NewReaderSize(transform.NewReader(br, unicode.BOMOverride(dec)), 64<<10)
	case bytes.HasPrefix(head, []byte("\ufeff")):
		br.Discard(3)
	}
	return br
}

// readLine reads one line without its end (LF, CRLF), or reports a line
// over MaxLine, which it skips to its end.
func readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	line, err = br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		total := len(line)
		for errors.Is(err, bufio.ErrBufferFull) {
			line, err = br.ReadSlice('\n')
			total += len(line)
		}
		if err == io.EOF {
			err = nil
		}
		return nil, true, err
	}
	if err == io.EOF && len(line) > 0 {
		err = nil
	}
	line = bytes.TrimSuffix(line, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	return line, false, err
}

// Clone copies a row, which Next would otherwise reuse, so that it can be
// handed to another goroutine.
func (r *Row) Clone() *Row {
	c := *r
	c.cells = append([]string(nil), r.cells...)
	return &c
}
