package rules

import "testing"

func TestFieldType(t *testing.T) {
	runRuleCases(t, "field-type", []ruleCase{
		{"share above one", with(map[string]string{"personas/fiona.md": persona("share: 1.5")}), "", []string{"personas/fiona.md:7:8 error"}},
		{"share percentage", with(map[string]string{"personas/fiona.md": persona(`share: "30%"`)}), "", nil},
		{"customer_share above one", with(map[string]string{"icps/x.md": icpWith("customer_share: 35")}), "", []string{"icps/x.md:6:17 error"}},
		{"customer_share as a list", with(map[string]string{"icps/x.md": icpWith("customer_share: [1]")}), "", []string{"icps/x.md:6:17 error"}},
		{"customer_share percentage", with(map[string]string{"icps/x.md": icpWith(`customer_share: "35%"`)}), "", nil},
		{"goals as a string", with(map[string]string{"personas/fiona.md": persona("goals: close faster")}), "", []string{"personas/fiona.md:8:8 error"}},
		{"bad date", with(map[string]string{"personas/fiona.md": persona("reviewed: last week")}), "", []string{"personas/fiona.md:6:11 error"}},
		{"unknown enum", with(map[string]string{"personas/fiona.md": persona("buying_role: buyer")}), "", []string{"personas/fiona.md:10:14 error"}},
		{"consent as text", with(map[string]string{"interviews/one.md": fm("kind: interview", "date: 2026-01-01", "consent: sure")}), "", []string{"interviews/one.md:4:10 error"}},
	})
}
