package rules

import "testing"

func TestStale(t *testing.T) {
	runRuleCases(t, "stale", []ruleCase{
		{"old", with(map[string]string{"personas/fiona.md": persona("reviewed: 2025-01-01")}), "", []string{"personas/fiona.md:6:11 warning"}},
		{"exactly the limit is fresh", with(map[string]string{"personas/fiona.md": persona("reviewed: 2025-11-22")}), "", nil},
		{"one day over", with(map[string]string{"personas/fiona.md": persona("reviewed: 2025-11-21")}), "", []string{"personas/fiona.md:6:11 warning"}},
		{"missing", with(map[string]string{"personas/fiona.md": persona("reviewed: <delete>")}), "", []string{"personas/fiona.md:1:1 warning"}},
		{"max_age from config", with(map[string]string{"personas/fiona.md": persona("reviewed: 2026-08-01")}), "rules:\n  stale: {max_age: 8w}\n", []string{"personas/fiona.md:6:11 warning"}},
		{"retired is not judged", with(map[string]string{"personas/fiona.md": persona("reviewed: 2020-01-01", "status: retired")}), "", nil},
		{"interviews are not judged", with(map[string]string{"interviews/one.md": fm("kind: interview", "date: 2001-01-01", "consent: true")}), "", nil},
		{"missing on icp", with(map[string]string{"icps/saas.md": fm("kind: icp", "title: SaaS", "owners: [a]", "firmographics: {industries: [a], regions: [b]}")}), "", []string{"icps/saas.md:1:1 warning"}},
	})
}
