// Command duckdb-csv runs persona match's compiled query on DuckDB over a
// CSV file, for .ci/bench-match: the warehouse route timed beside persona
// match on the same rows.
//
//	duckdb-csv QUERY.sql ACCOUNTS.csv OUT.csv
package main

import (
	"database/sql"
	"fmt"
	"os"
	"strings"

	_ "github.com/duckdb/duckdb-go/v2"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "duckdb-csv:", err)
		os.Exit(2)
	}
}

func run(args []string) error {
	if len(args) != 3 {
		return fmt.Errorf("usage: duckdb-csv QUERY.sql ACCOUNTS.csv OUT.csv")
	}
	query, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return err
	}
	defer db.Close()
	lit := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	if _, err := db.Exec("CREATE VIEW accounts AS SELECT * FROM read_csv(" + lit(args[1]) + ", header = true)"); err != nil {
		return err
	}
	q := strings.TrimSuffix(strings.TrimSpace(string(query)), ";")
	_, err = db.Exec("COPY (" + q + ") TO " + lit(args[2]) + " (FORMAT csv, HEADER)")
	return err
}
