package match

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"

	"github.com/personakit/persona/pkg/accounts"
	"github.com/personakit/persona/pkg/model"
)

// Input is one account file: Path is what is opened ("-" for stdin),
// Name how messages and rows name it.
type Input struct {
	Name string
	Path string
}

// RowWriter receives one row per account, in input order (the csv and
// jsonl formats).
type RowWriter interface {
	Begin(icps []*ICP) error
	Row(r *RowResult) error
	End() error
}

// RowRenderer is a RowWriter whose rows the workers write, each into a
// buffer of its own, so that formatting runs on every core; the rows are
// then written out in input order.
type RowRenderer interface {
	RowWriter
	// Renderer returns a function that appends one row's output to dst;
	// each worker calls Renderer once.
	Renderer() func(dst []byte, r *RowResult) ([]byte, error)
	// WriteRendered writes rendered rows.
	WriteRendered(p []byte) error
}

// RowResult is one account's result.
type RowResult struct {
	Account  *Account
	Status   Status
	Fits     []string // ids of the ICPs it fits, in id order
	Statuses []Status // per ICP, in the order Begin was given
	Reasons  [][]string
}

// Options for Run.
type Options struct {
	ICPs     []*model.Document
	Settings *Settings
	Inputs   []Input
	Columns  map[accounts.Field]string
	Stdin    io.Reader
	TempDir  string
	// Rows, when set, is given every account's result as it is read.
	Rows RowWriter
}

// batchSize is how many rows travel between the reader, the workers and
// the tally at a time.
const batchSize = 256

// batch is a run of rows in input order, and what the workers made of them.
type batch struct {
	seq      int
	rows     []*accounts.Row
	skips    []*accounts.Skip // a skip stands where its row is nil
	customer []bool           // whether the row's file has a customer column
	accounts []Account
	verdicts []Verdicts // len(rows) × len(icps)
	// reasons are, with rows, every reason of the batch in one slice;
	// those of row i and ICP k are reasons[at[i*n+k]:at[i*n+k+1]].
	reasons []string
	at      []int32
	// out holds the batch's rows rendered by a RowRenderer.
	out []byte
}

// Run matches every account of the inputs against the ICPs and returns
// the summary. One goroutine reads the files in order, one row at a time;
// workers (one per core) read the values and judge each account, working
// out what a distinct cell says once; the tally and the rows are then
// taken in input order, so the result does not depend on scheduling.
// Memory is bounded by the batches in flight, not by the rows.
func Run(opts Options) (*Summary, error) {
	icps, skipped := Compile(opts.ICPs, opts.Settings)
	var notes []string
	for _, c := range icps {
		notes = append(notes, c.Problems...)
	}
	readers := make([]*accounts.Reader, 0, len(opts.Inputs))
	defer func() {
		for _, r := range readers {
			r.Close()
		}
	}()
	byValue := false
	for _, in := range opts.Inputs {
		r, err := accounts.Open(in.Path, accounts.Options{Columns: opts.Columns, Stdin: opts.Stdin, TempDir: opts.TempDir})
		if err != nil {
			var fe *accounts.FileError
			if errors.As(err, &fe) {
				fe.File = in.Name
			}
			return nil, err
		}
		readers = append(readers, r)
		byValue = byValue || r.Has(accounts.Value)
	}
	t := newTally(icps, byValue)
	for _, f := range accounts.Fields() {
		for _, r := range readers {
			for _, h := range r.Mapped(f) {
				t.mapped[f] = appendNew(t.mapped[f], h)
			}
		}
	}
	if opts.Rows != nil {
		if err := opts.Rows.Begin(icps); err != nil {
			return nil, err
		}
	}
	workers := max(1, runtime.GOMAXPROCS(0))
	todo := make(chan *batch, workers)
	done := make(chan *batch, workers)
	// Batches done with come back to be filled again: the ones in flight
	// are all the memory matching takes.
	free := make(chan *batch, 3*workers+2)
	stop := make(chan struct{})
	readErr := make(chan error, 1)
	go func() {
		readErr <- readBatches(readers, opts.Inputs, todo, free, stop)
		close(todo)
	}()
	renderer, _ := opts.Rows.(RowRenderer)
	var wg sync.WaitGroup
	renderErr := make(chan error, workers)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := newFacts(icps)
			var render func([]byte, *RowResult) ([]byte, error)
			if renderer != nil {
				render = renderer.Renderer()
			}
			for b := range todo {
				b.judge(icps, opts.Settings, f, opts.Rows != nil)
				if render != nil {
					if err := b.render(icps, render); err != nil {
						renderErr <- err
						render = nil
					}
				}
				done <- b
			}
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()
	err := t.takeInOrder(done, free, icps, opts.Rows)
	select {
	case rerr := <-renderErr:
		if err == nil {
			err = rerr
		}
	default:
	}
	close(stop)
	for range done {
		// Drain, so that the workers and the reader end.
	}
	if rerr := <-readErr; err == nil {
		err = rerr
	}
	if err != nil {
		return nil, err
	}
	if opts.Rows != nil {
		if err := opts.Rows.End(); err != nil {
			return nil, err
		}
	}
	names := make([]string, len(opts.Inputs))
	for i, in := range opts.Inputs {
		names[i] = in.Name
	}
	return t.summary(skipped, notes, names), nil
}

// readBatches reads every file in turn into batches, until stop.
func readBatches(readers []*accounts.Reader, inputs []Input, todo chan<- *batch, free <-chan *batch, stop <-chan struct{}) error {
	seq := 0
	next := func() *batch {
		select {
		case b := <-free:
			b.rows, b.skips, b.customer = b.rows[:0], b.skips[:0], b.customer[:0]
			return b
		default:
			return &batch{}
		}
	}
	b := next()
	send := func() bool {
		if len(b.rows) == 0 {
			return true
		}
		b.seq = seq
		seq++
		select {
		case todo <- b:
		case <-stop:
			return false
		}
		b = next()
		return true
	}
	for i, r := range readers {
		hasCustomer := r.Has(accounts.Customer)
		for {
			row, err := r.Next()
			if err == io.EOF {
				break
			}
			var skip *accounts.Skip
			switch {
			case errors.As(err, &skip):
				skip.File = inputs[i].Name
				b.rows, b.skips, b.customer = append(b.rows, nil), append(b.skips, skip), append(b.customer, false)
			case err != nil:
				return err
			default:
				row = row.Clone()
				row.File = inputs[i].Name
				b.rows, b.skips, b.customer = append(b.rows, row), append(b.skips, nil), append(b.customer, hasCustomer)
			}
			if len(b.rows) == batchSize && !send() {
				return nil
			}
		}
	}
	send()
	return nil
}

// judge reads and judges a batch's rows.
func (b *batch) judge(icps []*ICP, s *Settings, f *facts, withReasons bool) {
	n := len(icps)
	b.accounts = resize(b.accounts, len(b.rows))
	b.verdicts = resize(b.verdicts, len(b.rows)*n)
	if withReasons {
		b.at = append(b.at[:0], 0)
		clear(b.reasons) // let the strings of the last rows go
		b.reasons = b.reasons[:0]
	}
	for i, row := range b.rows {
		if row != nil {
			b.accounts[i].read(row, b.customer[i], s, f)
		}
		for k, c := range icps {
			switch {
			case row != nil && withReasons:
				b.verdicts[i*n+k] = c.Judge(&b.accounts[i], &b.reasons)
			case row != nil:
				b.verdicts[i*n+k] = c.Judge(&b.accounts[i], nil)
			}
			if withReasons {
				b.at = append(b.at, int32(len(b.reasons)))
			}
		}
	}
}

// render writes a judged batch's rows into b.out.
func (b *batch) render(icps []*ICP, render func([]byte, *RowResult) ([]byte, error)) error {
	n := len(icps)
	res := &RowResult{Statuses: make([]Status, n), Reasons: make([][]string, n)}
	b.out = b.out[:0]
	for i, row := range b.rows {
		if row == nil {
			continue
		}
		b.result(res, i, icps)
		var err error
		if b.out, err = render(b.out, res); err != nil {
			return err
		}
	}
	return nil
}

// result fills res with row i's result.
func (b *batch) result(res *RowResult, i int, icps []*ICP) {
	n := len(icps)
	for k := range n {
		res.Reasons[k] = b.reasons[b.at[i*n+k]:b.at[i*n+k+1]:b.at[i*n+k+1]]
	}
	res.fill(&b.accounts[i], icps, b.verdicts[i*n:(i+1)*n])
}

// takeInOrder tallies the batches as they are done, in input order, and
// gives each account's row to rows.
func (t *tally) takeInOrder(done <-chan *batch, free chan<- *batch, icps []*ICP, rows RowWriter) error {
	pending := map[int]*batch{}
	next := 0
	res := &RowResult{Statuses: make([]Status, len(icps)), Reasons: make([][]string, len(icps))}
	n := len(icps)
	renderer, _ := rows.(RowRenderer)
	for b := range done {
		pending[b.seq] = b
		for {
			b, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			for i, row := range b.rows {
				if row == nil {
					t.skip(b.skips[i])
					continue
				}
				t.add(&b.accounts[i], b.verdicts[i*n:(i+1)*n])
				if rows == nil || renderer != nil {
					continue
				}
				b.result(res, i, icps)
				if err := rows.Row(res); err != nil {
					return err
				}
			}
			if renderer != nil {
				if err := renderer.WriteRendered(b.out); err != nil {
					return err
				}
			}
			select {
			case free <- b:
			default:
			}
		}
	}
	return nil
}

// resize returns s with length n, reusing its array when it is large
// enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

func (res *RowResult) fill(a *Account, icps []*ICP, verdicts []Verdicts) {
	res.Account = a
	res.Fits = res.Fits[:0]
	res.Status = NoFit
	for k, c := range icps {
		st := verdicts[k].Status()
		res.Statuses[k] = st
		switch {
		case st == Fit:
			res.Fits = append(res.Fits, c.ID)
			res.Status = Fit
		case st == InsufficientData && res.Status != Fit:
			res.Status = InsufficientData
		}
	}
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// Covered is the share of customers that fit some ICP, by count or, with
// byValue, by value; 0 when there is nothing to measure (no customers, or
// by value without a value column).
func (s *Summary) Covered(byValue bool) float64 {
	c := s.covered[0]
	if byValue {
		c = s.covered[1]
	}
	return max(c, 0)
}

// Source names the account files read, as messages name them.
func (s *Summary) Source() string { return strings.Join(s.Files, ", ") }

// ColumnsOf reads the config's match.columns (field name → header).
func ColumnsOf(named map[string]string) (map[accounts.Field]string, error) {
	out := map[accounts.Field]string{}
	for name, h := range named {
		f, ok := accounts.ParseField(name)
		if !ok {
			return nil, fmt.Errorf("match.columns: %q is not a field", name)
		}
		out[f] = h
	}
	return out, nil
}
