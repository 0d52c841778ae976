package match

import (
	"errors"
	"fmt"
	"io"

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

// Run matches every account of the inputs against the ICPs and returns
// the summary. Files are read one after another, one row at a time.
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
	verdicts := make([]Verdicts, len(icps))
	res := &RowResult{Statuses: make([]Status, len(icps)), Reasons: make([][]string, len(icps))}
	var a Account
	for i, r := range readers {
		hasCustomer := r.Has(accounts.Customer)
		for {
			row, err := r.Next()
			if err == io.EOF {
				break
			}
			var skip *accounts.Skip
			if errors.As(err, &skip) {
				skip.File = opts.Inputs[i].Name
				t.skip(skip)
				continue
			}
			if err != nil {
				return nil, err
			}
			row.File = opts.Inputs[i].Name
			a.read(row, hasCustomer, opts.Settings)
			for k, c := range icps {
				if opts.Rows != nil {
					res.Reasons[k] = res.Reasons[k][:0]
					verdicts[k] = c.Judge(&a, &res.Reasons[k])
				} else {
					verdicts[k] = c.Judge(&a, nil)
				}
			}
			t.add(&a, verdicts)
			if opts.Rows != nil {
				res.fill(&a, icps, verdicts)
				if err := opts.Rows.Row(res); err != nil {
					return nil, err
				}
			}
		}
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

// Measured is an ICP's measured share of customers, false when it was not
// matched or there are no customers.
func (s *Summary) Measured(id string) (float64, bool) {
	v, ok := s.coverage[id]
	return v, ok
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
