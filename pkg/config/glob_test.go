package config

import (
	"os"
	"strings"
	"testing"
)

func TestGlobCost(t *testing.T) {
	cases := []struct {
		name, glob string
		refused    bool
	}{
		{"plain", "drafts/**", false},
		{"a few alternatives", "{drafts,archive,old}/**/*.{md,mdx}", false},
		{"nested", "{a,{b,c}}/{d,e}", false},
		{"escaped braces do not count", `\{` + strings.Repeat(`\{,\}`, 40), false},
		{"the hostile one: 26 empty pairs", "**/" + strings.Repeat("{,}", 26) + "*zzz", true},
		{"nine groups of two", strings.Repeat("{a,b}", 9), true},
		{"eight groups of two", strings.Repeat("{a,b}", 8), false},
		{"many wildcards", strings.Repeat("*a", 40), true},
		{"too long", strings.Repeat("a", 2000), true},
		{"deep nesting", strings.Repeat("{a,", 40) + strings.Repeat("}", 40), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := globTooCostly(c.glob) != ""; got != c.refused {
				t.Errorf("globTooCostly(%q) refused = %v, want %v", c.glob, got, c.refused)
			}
		})
	}
}

func TestHostileExcludeIsAConfigError(t *testing.T) {
	// 85 bytes that took minutes to match a path with.
	data, err := os.ReadFile("../../testdata/hostile/glob-bomb.persona.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Parse(".persona.yaml", data)
	if err == nil || !strings.Contains(err.Error(), ".persona.yaml:1:11: exclude pattern") || !strings.Contains(err.Error(), "more than 256 alternatives") {
		t.Errorf("error %v", err)
	}
}
