package cli

import "testing"

func TestZZLProf(t *testing.T) {
	for i := 0; i < 4; i++ {
		run(t, "/tmp", false, nil, "lint", "/tmp/x10", "--format", "json", "--today", "2026-11-22", "-o", "/dev/null")
	}
}
