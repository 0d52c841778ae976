package rules

import "testing"

// accountsCSV is a small HubSpot export: two software companies in the
// US, one retailer in France, and a lead that is no customer.
const accountsCSV = `Record ID,Company name,Industry,Number of Employees,Country/Region,Lifecycle Stage
1,Acme,Computer Software,250,United States,customer
2,Globex,Software,400,USA,customer
3,Vive,Retail,900,France,customer
4,Hooli,Software,300,US,lead
`

const matchConfig = "match:\n  accounts: [crm/accounts.csv]\n"

func icpWith(lines ...string) string {
	return fm(append([]string{"kind: icp", "title: SaaS", "owners: [a]", "reviewed: 2026-10-01"}, lines...)...)
}

func TestICPNoCustomers(t *testing.T) {
	fits := icpWith("firmographics:", "  industries: [software]", "  regions: [north-america]")
	none := icpWith("firmographics:", "  industries: [healthcare]", "  regions: [north-america]")
	runRuleCases(t, "icp-no-customers", []ruleCase{
		{"customers fit", with(map[string]string{"icps/saas.md": fits, "crm/accounts.csv": accountsCSV}), matchConfig, nil},
		{"no customer fits: at the firmographics line", with(map[string]string{"icps/saas.md": none, "crm/accounts.csv": accountsCSV}), matchConfig,
			[]string{"icps/saas.md:6:1 warning"}},
		{"only a lead fits", with(map[string]string{"icps/saas.md": icpWith("firmographics:", "  industries: [software]", "  employees: {min: 280, max: 350}"),
			"crm/accounts.csv": accountsCSV}), matchConfig, []string{"icps/saas.md:6:1 warning"}},
		{"silent without match.accounts", with(map[string]string{"icps/saas.md": none, "crm/accounts.csv": accountsCSV}), "", nil},
		{"a retired ICP is not checked", with(map[string]string{"icps/saas.md": icpWith("status: retired", "firmographics: {industries: [healthcare], regions: [emea]}"),
			"crm/accounts.csv": accountsCSV}), matchConfig, nil},
		{"a b2c ICP is not checked", with(map[string]string{"icps/saas.md": icpWith("segment: b2c", "firmographics: {industries: [healthcare], regions: [emea]}"),
			"crm/accounts.csv": accountsCSV}), matchConfig, nil},
	})
}

func TestICPNoCustomersMessage(t *testing.T) {
	got := lintMessages(t, with(map[string]string{"icps/saas.md": icpWith("firmographics: {industries: [healthcare], regions: [emea]}"),
		"crm/accounts.csv": accountsCSV}), matchConfig, "icp-no-customers")
	want := "icps/saas.md:6:1 warning no customer in crm/accounts.csv fits this ICP (of 3 customers); widen its firmographics or retire it if the market has moved"
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
