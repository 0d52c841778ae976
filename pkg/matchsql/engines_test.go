package matchsql_test

import (
	"database/sql"
	"fmt"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/personakit/persona/pkg/matchsql/sqlcheck"
	_ "modernc.org/sqlite"
)

// equivalenceRows is the size of the generated account set: enough for
// every status of every constraint to occur many times.
const equivalenceRows = 4000

func fixture(t *testing.T) *sqlcheck.Fixture {
	t.Helper()
	f, err := sqlcheck.New(t.TempDir(), equivalenceRows)
	if err != nil {
		t.Fatal(err)
	}
	st := f.Fits()
	for _, s := range []string{"fit", "no-fit", "insufficient-data"} {
		if st[s] < 100 {
			t.Fatalf("the account set has only %d %s rows (%v); it must exercise every status", st[s], s, st)
		}
	}
	return f
}

func TestSQLiteGivesWhatMatchGives(t *testing.T) {
	f := fixture(t)
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one in-memory database
	if _, err := db.Exec(f.CreateTable("accounts", "REAL")); err != nil {
		t.Fatal(err)
	}
	if err := f.Insert(db, "accounts", func(int) string { return "?" }); err != nil {
		t.Fatal(err)
	}
	q, err := f.Query("sqlite", "accounts")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Check(db, q); err != nil {
		t.Fatal(err)
	}
}

// TestPostgresGivesWhatMatchGives runs on the server PERSONA_POSTGRES_URL
// names (.ci/run starts a throw-away cluster); with PERSONA_REQUIRE_ENGINES
// set, as in CI, a missing server is a failure, not a skip.
func TestPostgresGivesWhatMatchGives(t *testing.T) {
	url := os.Getenv("PERSONA_POSTGRES_URL")
	if url == "" {
		if os.Getenv("PERSONA_REQUIRE_ENGINES") != "" {
			t.Fatal("PERSONA_POSTGRES_URL is not set; .ci/run starts PostgreSQL and sets it")
		}
		t.Skip("PERSONA_POSTGRES_URL is not set")
	}
	f := fixture(t)
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	table := fmt.Sprintf("accounts_%d", os.Getpid())
	if _, err := db.Exec(f.CreateTable(table, "DOUBLE PRECISION")); err != nil {
		t.Fatal(err)
	}
	defer db.Exec("DROP TABLE " + table)
	if err := f.Insert(db, table, func(n int) string { return fmt.Sprintf("$%d", n) }); err != nil {
		t.Fatal(err)
	}
	q, err := f.Query("postgres", table)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Check(db, q); err != nil {
		t.Fatal(err)
	}
}
