package rules

import "testing"

func TestLintIgnoreUnused(t *testing.T) {
	runRuleCases(t, "lint-ignore-unused", []ruleCase{
		{"unused", with(map[string]string{"personas/fiona.md": persona("lint: {ignore: [stale], reason: x}")}), "", []string{"personas/fiona.md:10:17 info"}},
		{"used", with(map[string]string{"personas/fiona.md": persona("reviewed: 2020-01-01", "lint: {ignore: [stale], reason: x}")}), "", nil},
		{"unknown rule", with(map[string]string{"personas/fiona.md": persona("lint: {ignore: [stail], reason: x}")}), "", []string{"personas/fiona.md:10:17 info"}},
		{"rule turned off in config", with(map[string]string{"personas/fiona.md": persona("lint: {ignore: [stale], reason: x}")}), "rules:\n  stale: off\n", nil},
	})
}
