// Package matchsql compiles the ICPs into one SQL query that gives, for
// every row of an accounts table, the statuses persona match gives for
// the same rows (SPEC §13, In the warehouse): the warehouse does the work
// where the data lives. Every value taken from an ICP file is a quoted
// literal; a table or column the user names is a quoted identifier.
package matchsql

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/personakit/persona/pkg/accounts"
	"github.com/personakit/persona/pkg/firmo"
	"github.com/personakit/persona/pkg/match"
	"github.com/personakit/persona/pkg/model"
)

// Dialects lists the dialects Compile writes.
func Dialects() []string { return []string{"duckdb", "postgres", "sqlite", "bigquery", "snowflake"} }

// dialect is what differs between warehouses: quoting, and how a
// constant table is written.
type dialect struct {
	name string
}

// materialized asks the engine to compute a CTE once (SQLite, PostgreSQL
// and DuckDB take the hint; BigQuery and Snowflake plan CTEs themselves
// and do not have it).
func (d dialect) materialized() string {
	switch d.name {
	case "bigquery", "snowflake":
		return ""
	}
	return "MATERIALIZED "
}

// ident quotes an identifier exactly as written.
func (d dialect) ident(s string) string {
	if d.name == "bigquery" {
		return "`" + strings.NewReplacer("\\", "\\\\", "`", "\\`").Replace(s) + "`"
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// qualified quotes a dotted name (schema.table) part by part.
func (d dialect) qualified(s string) string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = d.ident(p)
	}
	return strings.Join(parts, ".")
}

// lit quotes a string literal: doubled quotes in standard SQL; BigQuery
// and Snowflake also read backslashes as escapes.
func (d dialect) lit(s string) string {
	switch d.name {
	case "bigquery":
		return "'" + strings.NewReplacer("\\", "\\\\", "'", "\\'", "\n", "\\n", "\r", "\\r").Replace(s) + "'"
	case "snowflake":
		return "'" + strings.NewReplacer("\\", "\\\\", "'", "''").Replace(s) + "'"
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// num writes a number so that the engine reads the same double Go holds.
func num(f float64) string { return strconv.FormatFloat(f, 'e', -1, 64) }

// Compile writes the query for dialect over table. columns names a
// field's column (quoted as written); the others are read from columns
// named like the fields, unquoted, so each warehouse folds them its way.
func Compile(dialectName, table string, columns map[accounts.Field]string, icps []*model.Document, s *match.Settings) (string, error) {
	if !slices.Contains(Dialects(), dialectName) {
		return "", fmt.Errorf("unknown SQL dialect %q; use one of %s", dialectName, strings.Join(Dialects(), ", "))
	}
	if strings.TrimSpace(table) == "" {
		return "", fmt.Errorf("--table must name the table that holds the accounts")
	}
	d := dialect{dialectName}
	col := func(f accounts.Field) string {
		if c, ok := columns[f]; ok {
			return "t." + d.ident(c)
		}
		return "t." + f.String()
	}
	compiled, _ := match.Compile(icps, s)
	q := &query{d: d, col: col, s: s}
	return q.write(table, compiled), nil
}

type query struct {
	d   dialect
	col func(accounts.Field) string
	s   *match.Settings
}

// missing is the SQL of firmo.Missing.
func (q *query) missing(expr string) string {
	words := []string{"", "-", "n/a", "na", "none", "null", "unknown"}
	lits := make([]string, len(words))
	for i, w := range words {
		lits[i] = q.d.lit(w)
	}
	return fmt.Sprintf("(%s IS NULL OR LOWER(TRIM(%s)) IN (%s))", expr, expr, strings.Join(lits, ", "))
}

// replaceSeparators replaces every separator byte but those in keep with
// to (a space, or nothing), as firmo reads text: with TRANSLATE where the
// dialect has it, else (SQLite) one REPLACE per byte.
func (q *query) replaceSeparators(expr, to string, keep string) string {
	var from []byte
	quote := false
	for _, b := range firmo.Separators() {
		switch {
		case b == ' ' && to == " " || strings.IndexByte(keep, b) >= 0:
		case b == '\'':
			quote = true
		default:
			from = append(from, b)
		}
	}
	if quote {
		// The quote goes last: node-sql-parser's BigQuery grammar, which CI
		// checks the query with, misreads a backtick after an escaped quote.
		from = append(from, '\'')
	}
	if q.d.name != "sqlite" {
		// TRANSLATE drops the characters of from that to has none for.
		return fmt.Sprintf("TRANSLATE(%s, %s, %s)", expr, q.d.lit(string(from)), q.d.lit(strings.Repeat(to, len(from))))
	}
	for _, b := range from {
		expr = fmt.Sprintf("REPLACE(%s, %s, %s)", expr, q.d.lit(string(b)), q.d.lit(to))
	}
	return expr
}

// wordText is the SQL of firmo.WordText.
func (q *query) wordText(expr string) string {
	inner := fmt.Sprintf("LOWER(REPLACE(%s, '&', ' and '))", expr)
	return fmt.Sprintf("' ' || REPLACE(%s, ' ', '  ') || ' '", q.replaceSeparators(inner, " ", "&"))
}

// key is the SQL of firmo.Key.
func (q *query) key(expr string) string {
	return q.replaceSeparators(fmt.Sprintf("LOWER(REPLACE(%s, '&', 'and'))", expr), "", "&")
}

// techList is the SQL of firmo.TechKeys, as ";key;key;".
func (q *query) techList(expr string) string {
	inner := fmt.Sprintf("LOWER(REPLACE(REPLACE(REPLACE(%s, '&', 'and'), ',', ';'), '|', ';'))", expr)
	return fmt.Sprintf("';' || %s || ';'", q.replaceSeparators(inner, "", "&;"))
}

func (q *query) countriesTable() string {
	spellings := firmo.AllCountries().Spellings()
	rows := make([]string, len(spellings))
	for i, sp := range spellings {
		if q.d.name == "bigquery" {
			rows[i] = fmt.Sprintf("(%s, %s)", q.d.lit(sp[0]), q.d.lit(sp[1]))
		} else {
			rows[i] = fmt.Sprintf("(%s, %s)", q.d.lit(sp[0]), q.d.lit(sp[1]))
		}
	}
	switch q.d.name {
	case "bigquery":
		return "persona_countries AS (SELECT spelling, code FROM UNNEST(ARRAY<STRUCT<spelling STRING, code STRING>>[\n    " +
			strings.Join(rows, ",\n    ") + "]))"
	case "snowflake":
		return "persona_countries (spelling, code) AS (SELECT column1, column2 FROM VALUES\n    " + strings.Join(rows, ",\n    ") + ")"
	}
	return "persona_countries (spelling, code) AS (VALUES\n    " + strings.Join(rows, ",\n    ") + ")"
}

func orFalse(conds []string) string {
	if len(conds) == 0 {
		return "1 = 0"
	}
	return "(" + strings.Join(conds, " OR ") + ")"
}

// verdicts returns the SQL of an ICP's constraint verdicts (0 miss, 1
// unknown, 2 fit), in match.Constraints order, "" for one not declared.
func (q *query) verdicts(c *match.ICP) []string {
	out := make([]string, 5)
	if c.Industries != nil {
		var conds []string
		for _, ind := range c.Industries {
			for _, p := range ind.Phrases {
				conds = append(conds, "ind_t LIKE "+q.d.lit("%"+strings.Join(p, "%")+"%"))
			}
		}
		out[0] = fmt.Sprintf("CASE WHEN ind_m THEN 1 WHEN TRIM(ind_t) = '' THEN 1 WHEN %s THEN 2 ELSE 0 END", orFalse(conds))
	}
	if c.Employees != nil {
		out[1] = "CASE WHEN employees IS NULL THEN 1" + bounds("employees", c.Employees.Min, c.Employees.Max) + " ELSE 2 END"
	}
	if c.Revenue != nil {
		var b strings.Builder
		b.WriteString("CASE WHEN revenue IS NULL THEN 1")
		if lo, hi, ok := c.Revenue.Bounds(q.s.Currency); ok {
			fmt.Fprintf(&b, " WHEN cur_m THEN CASE%s ELSE 2 END", bounds("revenue", lo, hi))
		} else {
			b.WriteString(" WHEN cur_m THEN 1")
		}
		for _, cur := range c.Revenue.Currencies() {
			lo, hi, _ := c.Revenue.Bounds(cur)
			fmt.Fprintf(&b, " WHEN cur = %s THEN CASE%s ELSE 2 END", q.d.lit(cur), bounds("revenue", lo, hi))
		}
		b.WriteString(" ELSE 1 END")
		out[2] = b.String()
	}
	if c.Regions != nil {
		codes := make([]string, 0, len(c.Regions.Countries))
		for code := range c.Regions.Countries {
			codes = append(codes, code)
		}
		sort.Strings(codes)
		in := "1 = 0"
		if len(codes) > 0 {
			lits := make([]string, len(codes))
			for i, code := range codes {
				lits[i] = q.d.lit(code)
			}
			in = "country_code IN (" + strings.Join(lits, ", ") + ")"
		}
		out[3] = fmt.Sprintf("CASE WHEN country_m THEN 1 WHEN country_code IS NULL THEN 1 WHEN %s THEN 2 ELSE 0 END", in)
	}
	if c.Tech != nil {
		var conds []string
		for _, k := range c.Tech.Keys {
			conds = append(conds, "tech_t LIKE "+q.d.lit("%;"+k+";%"))
		}
		out[4] = fmt.Sprintf("CASE WHEN tech_m THEN 1 WHEN REPLACE(tech_t, ';', '') = '' THEN 1 WHEN %s THEN 2 ELSE 0 END", orFalse(conds))
	}
	return out
}

func bounds(expr string, lo, hi *float64) string {
	var b strings.Builder
	if lo != nil {
		fmt.Fprintf(&b, " WHEN %s < %s THEN 0", expr, num(*lo))
	}
	if hi != nil {
		fmt.Fprintf(&b, " WHEN %s > %s THEN 0", expr, num(*hi))
	}
	return b.String()
}

// currencyCode is the SQL of firmo.CurrencyCode for a currency cell.
func (q *query) currencyCode(expr string) string {
	return fmt.Sprintf("CASE TRIM(%s) WHEN '$' THEN 'USD' WHEN %s THEN 'EUR' WHEN %s THEN 'GBP' WHEN %s THEN 'JPY' ELSE UPPER(TRIM(%s)) END",
		expr, q.d.lit("€"), q.d.lit("£"), q.d.lit("¥"), expr)
}

func (q *query) write(table string, icps []*match.ICP) string {
	d := q.d
	needCountries := false
	for _, c := range icps {
		needCountries = needCountries || c.Regions != nil
	}
	var b strings.Builder
	b.WriteString("-- persona match: the ICPs ")
	ids := make([]string, len(icps))
	for i, c := range icps {
		ids[i] = c.ID
	}
	b.WriteString(strings.ReplaceAll(strings.Join(ids, ", "), "\n", " "))
	b.WriteString(" against each row of the accounts table (the README of persona, Matching accounts against ICPs).\nWITH ")
	if needCountries {
		b.WriteString(q.countriesTable() + ",\n")
	}
	b.WriteString("persona_rows AS " + d.materialized() + "(\n  SELECT\n    " + q.col(accounts.ID) + " AS id")
	for _, c := range []string{
		q.missing(q.col(accounts.Industry)) + " AS ind_m",
		q.wordText(q.col(accounts.Industry)) + " AS ind_t",
		q.col(accounts.Employees) + " AS employees",
		q.col(accounts.Revenue) + " AS revenue",
		q.missing(q.col(accounts.Currency)) + " AS cur_m",
		q.currencyCode(q.col(accounts.Currency)) + " AS cur",
		q.missing(q.col(accounts.Country)) + " AS country_m",
		q.key(q.col(accounts.Country)) + " AS country_k",
		q.missing(q.col(accounts.Technologies)) + " AS tech_m",
		q.techList(q.col(accounts.Technologies)) + " AS tech_t",
	} {
		if !needCountries && (strings.HasSuffix(c, " AS country_m") || strings.HasSuffix(c, " AS country_k")) {
			continue
		}
		b.WriteString(",\n    " + c)
	}
	b.WriteString("\n  FROM " + d.qualified(table) + " AS t\n),\npersona_accounts AS (\n  SELECT r.*")
	if needCountries {
		// The key is computed once per row, then joined.
		b.WriteString(", c.code AS country_code\n  FROM persona_rows AS r\n  LEFT JOIN persona_countries AS c ON c.spelling = r.country_k")
	} else {
		b.WriteString("\n  FROM persona_rows AS r")
	}
	// Each verdict is computed once, then combined: an engine that
	// inlines CTEs would otherwise compute it for every reference.
	b.WriteString("\n),\npersona_verdicts AS " + d.materialized() + "(\n  SELECT\n    id")
	statuses := make([]string, len(icps))
	for i, c := range icps {
		var misses, fits []string
		for k, v := range q.verdicts(c) {
			if v == "" {
				continue
			}
			name := fmt.Sprintf("v%d_%d", i, k)
			fmt.Fprintf(&b, ",\n    %s AS %s", v, name)
			misses = append(misses, name+" = 0")
			fits = append(fits, name+" = 2")
		}
		statuses[i] = fmt.Sprintf("CASE WHEN %s THEN 'no-fit' WHEN %s THEN 'fit' ELSE 'insufficient-data' END AS s%d",
			strings.Join(misses, " OR "), strings.Join(fits, " AND "), i)
	}
	b.WriteString("\n  FROM persona_accounts\n),\npersona_statuses AS (\n  SELECT\n    id")
	for _, st := range statuses {
		b.WriteString(",\n    " + st)
	}
	b.WriteString("\n  FROM persona_verdicts\n)\nSELECT\n  id")
	anyIs := func(status string) string {
		if len(icps) == 0 {
			return "1 = 0"
		}
		conds := make([]string, len(icps))
		for i := range icps {
			conds[i] = fmt.Sprintf("s%d = '%s'", i, status)
		}
		return strings.Join(conds, " OR ")
	}
	fmt.Fprintf(&b, ",\n  CASE WHEN %s THEN 'fit' WHEN %s THEN 'insufficient-data' ELSE 'no-fit' END AS status",
		anyIs("fit"), anyIs("insufficient-data"))
	fits := []string{"''"}
	for i, c := range icps {
		fits = append(fits, fmt.Sprintf("CASE WHEN s%d = 'fit' THEN %s ELSE '' END", i, d.lit(c.ID+";")))
	}
	fmt.Fprintf(&b, ",\n  RTRIM(%s, ';') AS fits", strings.Join(fits, " || "))
	for i, c := range icps {
		fmt.Fprintf(&b, ",\n  s%d AS %s", i, d.ident(strings.ReplaceAll(c.ID, "-", "_")+"_status"))
	}
	b.WriteString("\nFROM persona_statuses;\n")
	return b.String()
}
