package matchsql

import (
	"database/sql"
	"regexp"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/accounts"
	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/match"
	"github.com/personakit/persona/pkg/model"
	_ "modernc.org/sqlite"
)

func icp(t *testing.T, src string) *model.Document {
	t.Helper()
	d := frontmatter.Decode("icps/x.md", []byte("---\nkind: icp\ntitle: T\n"+src+"\n---\n"))
	if d == nil || d.ICP == nil {
		t.Fatalf("not an ICP: %s", src)
	}
	return d
}

func settings(t *testing.T) *match.Settings {
	t.Helper()
	cfg, err := config.Parse(".persona.yaml", []byte("match: {rates: {EUR: 1.08}}"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := match.NewSettings(cfg.Match)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestQuoting(t *testing.T) {
	cases := []struct {
		dialect, in, ident, lit string
	}{
		{"postgres", `a"b`, `"a""b"`, `'a"b'`},
		{"duckdb", `it's`, `"it's"`, `'it''s'`},
		{"sqlite", `x`, `"x"`, `'x'`},
		{"snowflake", `a\'b`, `"a\'b"`, `'a\\''b'`},
		{"bigquery", "a`b\\'c", "`a\\`b\\\\'c`", `'a` + "`" + `b\\\'c'`},
	}
	for _, c := range cases {
		d := dialect{c.dialect}
		if got := d.ident(c.in); got != c.ident {
			t.Errorf("%s ident(%q) = %s, want %s", c.dialect, c.in, got, c.ident)
		}
		if got := d.lit(c.in); got != c.lit {
			t.Errorf("%s lit(%q) = %s, want %s", c.dialect, c.in, got, c.lit)
		}
	}
	if got := (dialect{"postgres"}).qualified("analytics.Accounts"); got != `"analytics"."Accounts"` {
		t.Errorf("qualified = %s", got)
	}
}

func TestNamedColumnsAreQuotedDefaultsAreNot(t *testing.T) {
	q, err := Compile("postgres", "crm.accounts", map[accounts.Field]string{accounts.Employees: "Headcount (LinkedIn)"},
		[]*model.Document{icp(t, "id: a\nfirmographics: {employees: {min: 10}, industries: [software]}")}, settings(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`t."Headcount (LinkedIn)" AS employees`, `FROM "crm"."accounts" AS t`, "t.industry", `AS "a_status"`} {
		if !strings.Contains(q, want) {
			t.Errorf("query lacks %s", want)
		}
	}
}

// TestHostileICPValuesStayLiterals runs a query compiled from ICP values
// written to break out of their literals on a real engine.
func TestHostileICPValuesStayLiterals(t *testing.T) {
	hostile := icp(t, `id: "x'); DROP TABLE accounts; --"`+"\nfirmographics: {industries: [\"a' OR '1'='1\", software], tech_stack: [\"'; DELETE FROM accounts; --\"]}")
	q, err := Compile("sqlite", "accounts", nil, []*model.Document{hostile}, settings(t))
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, stmt := range []string{
		"CREATE TABLE accounts (id TEXT, industry TEXT, employees REAL, revenue REAL, currency TEXT, country TEXT, technologies TEXT)",
		"INSERT INTO accounts VALUES ('1', 'Software', 10, NULL, NULL, 'US', 'deletefromaccounts'), ('2', 'Retail', 5, NULL, NULL, 'US', 'x')",
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	var fits []string
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%v\n%s", err, q)
	}
	for rows.Next() {
		var id, status, f, s0 string
		if err := rows.Scan(&id, &status, &f, &s0); err != nil {
			t.Fatal(err)
		}
		fits = append(fits, id+" "+status+" "+f)
	}
	rows.Close()
	want := "1 fit x'); DROP TABLE accounts; --|2 no-fit "
	if strings.Join(fits, "|") != want {
		t.Errorf("rows %q, want %q", strings.Join(fits, "|"), want)
	}
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM accounts").Scan(&n); err != nil || n != 2 {
		t.Errorf("the table was changed: %d rows, %v", n, err)
	}
}

// TestDialectsDifferOnlyWhereForced holds the BigQuery and Snowflake
// queries, which cannot run here, to the DuckDB one, which the
// equivalence test runs: once quoting, the constant countries table and
// the MATERIALIZED hint are written alike, they are the same text.
func TestDialectsDifferOnlyWhereForced(t *testing.T) {
	icps := []*model.Document{
		icp(t, "id: saas\nfirmographics: {industries: [software, health-care], employees: {min: 100}, revenue: {max: 5000000, currency: EUR}, regions: [emea, us], tech_stack: [netsuite]}"),
		icp(t, "id: tiny\nfirmographics: {employees: {max: 10}}"),
	}
	compile := func(d string) string {
		q, err := Compile(d, "accounts", nil, icps, settings(t))
		if err != nil {
			t.Fatal(err)
		}
		q = regexp.MustCompile(`(?s)persona_countries [^\n]*\n(    \(.*?\)(,\n|\)\)?,\n))+`).ReplaceAllString(q, "COUNTRIES,\n")
		q = strings.ReplaceAll(q, "MATERIALIZED ", "")
		return q
	}
	base := compile("duckdb")
	for _, d := range []string{"bigquery", "snowflake"} {
		got := compile(d)
		if d == "bigquery" {
			got = regexp.MustCompile("`([a-z0-9_]+)`").ReplaceAllString(got, `"$1"`)
			got = strings.NewReplacer(`\'`, `''`, `\\`, `\`).Replace(got)
		} else {
			got = strings.ReplaceAll(got, `\\`, `\`)
		}
		if got != base {
			t.Errorf("%s differs from duckdb beyond quoting and the countries table:\n%s\n---\n%s", d, firstDiff(got, base), firstDiff(base, got))
		}
	}
	if !strings.Contains(base, "COUNTRIES,\n") {
		t.Errorf("the countries table was not recognised:\n%.400s", base)
	}
}

func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[max(0, i-80):min(len(a), i+80)]
}

func TestUnknownDialect(t *testing.T) {
	if _, err := Compile("oracle", "t", nil, nil, settings(t)); err == nil || !strings.Contains(err.Error(), "duckdb, postgres, sqlite, bigquery, snowflake") {
		t.Errorf("error %v", err)
	}
}
