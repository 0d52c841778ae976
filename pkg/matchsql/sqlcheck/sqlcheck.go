// Package sqlcheck holds the equivalence check of persona match's SQL
// against persona match itself: one generated account set, matched in Go
// and loaded into a real engine that runs the compiled query; every row's
// statuses and fits must be byte-identical. The SQLite and PostgreSQL
// tests in pkg/matchsql and the DuckDB test (a module of its own, since
// DuckDB needs cgo) share it.
package sqlcheck

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/generate"
	"github.com/personakit/persona/pkg/match"
	"github.com/personakit/persona/pkg/matchsql"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/workspace"
)

// Result is one account's statuses: overall, the fits, and per ICP.
type Result struct {
	Status string
	Fits   string
	ICPs   []string
}

// Fixture is an account set with the ICPs it is matched against and what
// persona match says of every row.
type Fixture struct {
	ICPs     []*model.Document
	Settings *match.Settings
	Header   []string
	Rows     [][]string
	Want     map[string]Result
	Order    []string // ICP ids, in column order
}

// New generates n accounts (the warehouse-table shape) and the ICPs of
// generate.MatchICPs under dir, and matches them with persona match.
func New(dir string, n int) (*Fixture, error) {
	if err := generate.MatchICPs(dir, 20); err != nil {
		return nil, err
	}
	cfg, err := config.Load(dir+"/.persona.yaml", ".persona.yaml")
	if err != nil {
		return nil, err
	}
	ws, err := workspace.Load(dir, workspace.Options{Config: cfg})
	if err != nil {
		return nil, err
	}
	s, err := match.NewSettings(cfg.Match)
	if err != nil {
		return nil, err
	}
	var data bytes.Buffer
	if err := generate.Accounts(&data, n, 7, "table"); err != nil {
		return nil, err
	}
	f := &Fixture{ICPs: ws.Entities(model.KindICP), Settings: s, Want: map[string]Result{}}
	records, err := csv.NewReader(bytes.NewReader(data.Bytes())).ReadAll()
	if err != nil {
		return nil, err
	}
	f.Header, f.Rows = records[0], records[1:]
	rw := &collect{f: f}
	_, err = match.Run(match.Options{ICPs: f.ICPs, Settings: s, Inputs: []match.Input{{Name: "-", Path: "-"}},
		Stdin: bytes.NewReader(data.Bytes()), Rows: rw})
	if err != nil {
		return nil, err
	}
	if len(f.Want) != n {
		return nil, fmt.Errorf("persona match gave %d rows for %d accounts", len(f.Want), n)
	}
	return f, nil
}

type collect struct{ f *Fixture }

func (c *collect) Begin(icps []*match.ICP) error {
	for _, i := range icps {
		c.f.Order = append(c.f.Order, i.ID)
	}
	return nil
}

func (c *collect) Row(r *match.RowResult) error {
	res := Result{Status: string(r.Status), Fits: strings.Join(r.Fits, ";")}
	for _, s := range r.Statuses {
		res.ICPs = append(res.ICPs, string(s))
	}
	c.f.Want[r.Account.ID] = res
	return nil
}

func (c *collect) End() error { return nil }

// Query compiles the ICPs for a dialect over table.
func (f *Fixture) Query(dialect, table string) (string, error) {
	return matchsql.Compile(dialect, table, nil, f.ICPs, f.Settings)
}

// numeric are the columns a warehouse types as numbers.
func numeric(col string) bool { return col == "employees" || col == "revenue" || col == "value" }

// CreateTable is the table's DDL; double names the engine's float type.
func (f *Fixture) CreateTable(table, double string) string {
	cols := make([]string, len(f.Header))
	for i, h := range f.Header {
		typ := "TEXT"
		if numeric(h) {
			typ = double
		}
		cols[i] = h + " " + typ
	}
	return fmt.Sprintf("CREATE TABLE %s (%s)", table, strings.Join(cols, ", "))
}

// Insert loads the rows, batch rows a statement; placeholder writes the
// engine's n-th parameter ("?" or "$n"). Empty cells are NULL.
func (f *Fixture) Insert(db *sql.DB, table string, placeholder func(n int) string) error {
	const batch = 200
	for start := 0; start < len(f.Rows); start += batch {
		end := min(start+batch, len(f.Rows))
		var b strings.Builder
		var args []any
		fmt.Fprintf(&b, "INSERT INTO %s VALUES ", table)
		for i, row := range f.Rows[start:end] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			for j, cell := range row {
				if j > 0 {
					b.WriteString(", ")
				}
				var v any = cell
				switch {
				case cell == "":
					v = nil
				case numeric(f.Header[j]):
					x, err := strconv.ParseFloat(cell, 64)
					if err != nil {
						return err
					}
					v = x
				}
				args = append(args, v)
				b.WriteString(placeholder(len(args)))
			}
			b.WriteByte(')')
		}
		if _, err := db.Exec(b.String(), args...); err != nil {
			return err
		}
	}
	return nil
}

// Check runs the query and compares every row with persona match's.
func (f *Fixture) Check(db *sql.DB, query string) error {
	rows, err := db.Query(query)
	if err != nil {
		return fmt.Errorf("the query failed: %w", err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	if want := 3 + len(f.Order); len(cols) != want {
		return fmt.Errorf("the query gives %d columns (%v), want %d", len(cols), cols, want)
	}
	for i, id := range f.Order {
		want := strings.ReplaceAll(id, "-", "_") + "_status"
		if !strings.EqualFold(cols[3+i], want) {
			return fmt.Errorf("column %d is %q, want %q", 3+i, cols[3+i], want)
		}
	}
	got := map[string]Result{}
	vals := make([]sql.NullString, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		r := Result{Status: vals[1].String, Fits: vals[2].String}
		for _, v := range vals[3:] {
			r.ICPs = append(r.ICPs, v.String)
		}
		got[vals[0].String] = r
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return f.compare(got)
}

func (f *Fixture) compare(got map[string]Result) error {
	var diffs []string
	ids := make([]string, 0, len(f.Want))
	for id := range f.Want {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return atoi(ids[i]) < atoi(ids[j]) })
	for _, id := range ids {
		w, g := f.Want[id], got[id]
		if fmt.Sprint(w) != fmt.Sprint(g) {
			diffs = append(diffs, fmt.Sprintf("id %s: persona match %v, SQL %v (row %v)", id, w, g, f.Rows[atoi(id)-1]))
		}
	}
	if len(got) != len(f.Want) {
		diffs = append(diffs, fmt.Sprintf("SQL gave %d rows, persona match %d", len(got), len(f.Want)))
	}
	if len(diffs) > 0 {
		return fmt.Errorf("%d rows differ; the first:\n%s", len(diffs), strings.Join(diffs[:min(len(diffs), 5)], "\n"))
	}
	return nil
}

// Fits counts the rows persona match found to fit some ICP, so that a
// test can insist the account set exercises every status.
func (f *Fixture) Fits() map[string]int {
	out := map[string]int{}
	for _, r := range f.Want {
		out[r.Status]++
	}
	return out
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
