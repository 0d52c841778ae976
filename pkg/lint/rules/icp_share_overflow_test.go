package rules

import "testing"

func TestICPShareOverflow(t *testing.T) {
	runRuleCases(t, "icp-share-overflow", []ruleCase{
		{"over", with(map[string]string{"personas/ravi.md": persona("name: Ravi", `share: "60%"`)}), "", []string{"icps/saas.md:1:1 error"}},
		{"exactly 100%", with(map[string]string{"personas/ravi.md": persona("name: Ravi", "share: 0.5")}), "", nil},
		{"thirds round", with(map[string]string{"personas/fiona.md": persona("share: 0.333"), "personas/ravi.md": persona("share: 0.333"), "personas/dana.md": persona("share: 0.334")}), "", nil},
		{"negative personas do not count", with(map[string]string{"personas/ravi.md": persona("share: 0.9", "type: negative")}), "", nil},
		{"retired personas do not count", with(map[string]string{"personas/ravi.md": persona("share: 0.9", "status: retired")}), "", nil},
	})
}
