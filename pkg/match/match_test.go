package match

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/firmo"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/model"
)

// icp decodes an ICP file's front matter lines.
func icp(t *testing.T, id string, lines ...string) *model.Document {
	t.Helper()
	src := "---\nkind: icp\nid: " + id + "\ntitle: T\n" + strings.Join(lines, "\n") + "\n---\n"
	d := frontmatter.Decode("icps/"+id+".md", []byte(src))
	if d == nil || d.ICP == nil {
		t.Fatalf("not an ICP: %s", src)
	}
	return d
}

func settings(t *testing.T, yaml string) *Settings {
	t.Helper()
	cfg, err := config.Parse(".persona.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSettings(cfg.Match)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// rowsRecorder keeps every row's result as "status fits | reasons".
type rowsRecorder struct{ rows []string }

func (r *rowsRecorder) Begin([]*ICP) error { return nil }
func (r *rowsRecorder) End() error         { return nil }
func (r *rowsRecorder) Row(res *RowResult) error {
	var reasons []string
	for _, rs := range res.Reasons {
		reasons = append(reasons, rs...)
	}
	r.rows = append(r.rows, string(res.Status)+" "+strings.Join(res.Fits, ";")+" | "+strings.Join(reasons, "; "))
	return nil
}

func run(t *testing.T, icps []*model.Document, s *Settings, csv string) (*Summary, []string) {
	t.Helper()
	rec := &rowsRecorder{}
	sum, err := Run(Options{ICPs: icps, Settings: s, Inputs: []Input{{Name: "accounts.csv", Path: "-"}},
		Stdin: strings.NewReader(csv), Rows: rec})
	if err != nil {
		t.Fatal(err)
	}
	return sum, rec.rows
}

func TestFitAndReasons(t *testing.T) {
	saas := icp(t, "saas", "firmographics:", "  industries: [software, fintech]", "  employees: {min: 100, max: 1000}",
		"  revenue: {min: 10000000, currency: USD}", "  regions: [north-america]", "  tech_stack: [netsuite]")
	s := settings(t, "match: {rates: {EUR: 1.1}}")
	csv := `name,industry,employees,revenue,country,technologies
fits,Computer Software,250,$25M,USA,Net Suite;Slack
small,Software,40,$25M,US,NetSuite
band straddles,Software,51-200,$25M,US,NetSuite
retail in France,Retail,500,$25M,FR,NetSuite
euros converted,Software,500,EUR 10M,CA,NetSuite
no rate,Software,500,GBP 50M,CA,NetSuite
unknowns,,,,Untied States,
unreadable,Software,lots,$25M,US,NetSuite
`
	_, rows := run(t, []*model.Document{saas}, s, csv)
	want := []string{
		"fit saas | ",
		"no-fit  | employees 40 is below 100",
		"insufficient-data  | employees band 51-200 straddles 100",
		`no-fit  | industry "Retail" is not software, fintech; country FR is not in north-america`,
		"fit saas | ",
		"insufficient-data  | revenue unknown: no rate for GBP",
		"insufficient-data  | industry unknown: no value; employees unknown: no value; revenue unknown: no value; " +
			`country unknown: "Untied States" is not a known country; technologies unknown: no value`,
		`insufficient-data  | employees unknown: "lots" is unreadable`,
	}
	for i := range want {
		if i >= len(rows) || rows[i] != want[i] {
			t.Errorf("row %d = %q\nwant %q", i+1, at(rows, i), want[i])
		}
	}
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return "(none)"
}

func TestRevenueBelowInICPCurrency(t *testing.T) {
	eu := icp(t, "eu", "firmographics: {revenue: {min: 1000000, currency: EUR}}")
	s := settings(t, "match: {currency: USD, rates: {EUR: 1.08}}")
	_, rows := run(t, []*model.Document{eu}, s, "name,revenue\nA,$1M\nB,$1.1M\nC,EUR 900k\n")
	want := []string{"no-fit  | revenue 1,000,000 USD is below 1,000,000 EUR", "fit eu | ", "no-fit  | revenue 900,000 EUR is below 1,000,000 EUR"}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
}

func TestCustomersAndSummary(t *testing.T) {
	saas := icp(t, "saas", "customer_share: 0.5", "firmographics: {industries: [software], employees: {min: 100}}")
	b2c := icp(t, "gamers", "segment: b2c", "demographics: {age: {min: 18}}")
	empty := icp(t, "vague", "firmographics: {business_model: subscription}")
	retired := icp(t, "old", "status: retired", "firmographics: {industries: [mining]}")
	csv := `Record ID,Company name,Industry,Number of Employees,Country,Lifecycle Stage,ARR
1,A,Software,500,US,customer,100
2,B,Software,50,US,Customer - Direct,300
3,C,Retail,500,DE,closed won,600
4,D,Software,500,US,lead,900
5,E,,500,Untied States,yes,0
`
	sum, _ := run(t, []*model.Document{saas, b2c, empty, retired}, settings(t, ""), csv)
	got, _ := json.Marshal(sum)
	for _, want := range []string{
		`"accounts":5,"customers":4,"by_value":true`,
		`"id":"saas","title":"T","accounts_fit":2,"customers_fit":1,"customers_insufficient_data":1,"customers_no_fit":2,"customer_share":0.25,"value_share":0.1,"declared_share":0.5`,
		`"largest_exclusion":{"constraint":"industry","customers":1,"customer_share":0.25,"value_share":0.6}`,
		`"skipped_icps":[{"id":"gamers","why":"b2c"},{"id":"vague","why":"nothing to match"}]`,
		`"unmatched":{"customers":3,"share":0.75,"value_share":0.9,"largest":[{"id":"3","name":"C","value":600,"file":"accounts.csv","row":3},{"id":"2","name":"B","value":300,"file":"accounts.csv","row":2},{"id":"5","name":"E","value":0,"file":"accounts.csv","row":5}]}`,
		`{"industry":"Retail","employees":"201-500","country":"DE","customers":1,"share":0.25,"value_share":0.6}`,
		`"unrecognised":{"country":[{"value":"Untied States","count":1,"suggest":"US"}],"industry":[{"value":"Retail","count":1,"suggest":null}]}`,
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("summary lacks %s\n%s", want, got)
		}
	}
	if m := sum.ICPs[0]; m.ID != "saas" || m.CustomerShare != 0.25 {
		t.Errorf("the measured share of saas = %v (%s)", m.CustomerShare, m.ID)
	}
	if c := sum.Covered(false); c != 0.25 {
		t.Errorf("Covered by count = %v", c)
	}
	if c := sum.Covered(true); c != 0.1 {
		t.Errorf("Covered by value = %v", c)
	}
}

func TestSkippedRowsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("industry,employees\n")
	for range 250 {
		b.WriteString("Software\n") // one cell: ragged
	}
	b.WriteString("Software,10\n")
	sum, _ := run(t, []*model.Document{icp(t, "a", "firmographics: {industries: [software]}")}, settings(t, ""), b.String())
	if len(sum.RowsSkipped) != 100 || sum.RowsSkippedMore != 150 || sum.Accounts != 1 {
		t.Errorf("skipped %d listed, %d more, %d accounts", len(sum.RowsSkipped), sum.RowsSkippedMore, sum.Accounts)
	}
	if sum.RowsSkipped[0].Line != 2 || sum.RowsSkipped[0].File != "accounts.csv" {
		t.Errorf("first skip %+v", sum.RowsSkipped[0])
	}
}

func TestEmployeeBand(t *testing.T) {
	for in, want := range map[string]string{"1": "1-10", "10": "1-10", "11": "11-50", "250": "201-500", "1,000": "501-1,000",
		"20,000": "10,001+", "51-200": "51-200", "60-180": "51-200", "100-5,000": "100-5,000", "<10": "1-10", "5,001+": "5,001+"} {
		a := &Account{}
		a.Employees, a.EmployeesSt = mustQuantity(t, in), Readable
		if got := EmployeeBand(a.Employees, a.EmployeesSt); got != want {
			t.Errorf("EmployeeBand(%s) = %q, want %q", in, got, want)
		}
	}
}

func mustQuantity(t *testing.T, s string) firmo.Quantity {
	t.Helper()
	q, ok := firmo.ParseQuantity(s)
	if !ok {
		t.Fatalf("not a quantity: %q", s)
	}
	return q
}

func TestWithoutValueOrCustomerColumns(t *testing.T) {
	sum, _ := run(t, []*model.Document{icp(t, "a", "firmographics: {industries: [software]}")}, settings(t, ""),
		"industry\nSoftware\nRetail\n")
	got, _ := json.Marshal(sum)
	for _, want := range []string{`"accounts":2,"customers":2,"by_value":false`, `"customer_share":0.5,"value_share":null`,
		`"unmatched":{"customers":1,"share":0.5,"value_share":null,"largest":[]}`} {
		if !strings.Contains(string(got), want) {
			t.Errorf("summary lacks %s\n%s", want, got)
		}
	}
	if sum.Covered(true) != 0 || sum.Covered(false) != 0.5 {
		t.Errorf("Covered = %v by value, %v by count", sum.Covered(true), sum.Covered(false))
	}
}

func TestUnknownRegionIsANote(t *testing.T) {
	sum, rows := run(t, []*model.Document{icp(t, "a", "firmographics: {regions: [atlantis]}")}, settings(t, ""), "country\nUS\n")
	if len(sum.Notes) != 1 || !strings.Contains(sum.Notes[0], `icp a: region "atlantis" is not a country or region`) {
		t.Errorf("notes %q", sum.Notes)
	}
	if len(rows) != 1 || !strings.HasPrefix(rows[0], "no-fit ") {
		t.Errorf("rows %q", rows)
	}
}
