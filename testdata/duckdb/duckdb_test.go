// Package duckdb proves persona match's SQL on DuckDB. It is a module of
// its own because DuckDB's Go driver needs cgo and a native library, and
// the persona binary stays pure Go; .ci/run runs it.
package duckdb

import (
	"database/sql"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/personakit/persona/pkg/matchsql/sqlcheck"
)

func TestDuckDBGivesWhatMatchGives(t *testing.T) {
	f, err := sqlcheck.New(t.TempDir(), 4000)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one in-memory database
	if _, err := db.Exec(f.CreateTable("accounts", "DOUBLE")); err != nil {
		t.Fatal(err)
	}
	if err := f.Insert(db, "accounts", func(int) string { return "?" }); err != nil {
		t.Fatal(err)
	}
	q, err := f.Query("duckdb", "accounts")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Check(db, q); err != nil {
		t.Fatal(err)
	}
}
