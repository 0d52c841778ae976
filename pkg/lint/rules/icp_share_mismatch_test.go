package rules

import "testing"

func TestICPShareMismatch(t *testing.T) {
	// Two of the three customers fit: a measured share of 66.7%.
	icp := func(share string) string {
		return icpWith("customer_share: "+share, "firmographics: {industries: [software], regions: [north-america]}")
	}
	runRuleCases(t, "icp-share-mismatch", []ruleCase{
		{"close enough", with(map[string]string{"icps/saas.md": icp("0.6"), "crm/accounts.csv": accountsCSV}), matchConfig, nil},
		{"far off: at the customer_share line", with(map[string]string{"icps/saas.md": icp(`"35%"`), "crm/accounts.csv": accountsCSV}), matchConfig,
			[]string{"icps/saas.md:6:17 warning"}},
		{"tolerance from the config", with(map[string]string{"icps/saas.md": icp("0.6"), "crm/accounts.csv": accountsCSV}),
			matchConfig + "rules:\n  icp-share-mismatch: {tolerance: 0.05}\n", []string{"icps/saas.md:6:17 warning"}},
		{"no declared share", with(map[string]string{"icps/saas.md": icpWith("firmographics: {industries: [software]}"), "crm/accounts.csv": accountsCSV}), matchConfig, nil},
		{"silent without match.accounts", with(map[string]string{"icps/saas.md": icp("0.1"), "crm/accounts.csv": accountsCSV}), "", nil},
	})
}

func TestICPShareMismatchMessage(t *testing.T) {
	got := lintMessages(t, with(map[string]string{"icps/saas.md": icpWith(`customer_share: "35%"`, "firmographics: {industries: [software], regions: [north-america]}"),
		"crm/accounts.csv": accountsCSV}), matchConfig, "icp-share-mismatch")
	want := "icps/saas.md:6:17 warning customer_share says 35% of customers, but 2 of 3 customers in crm/accounts.csv fit (66.7%); update customer_share or the ICP's firmographics"
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
