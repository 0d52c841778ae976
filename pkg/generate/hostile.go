package generate

import (
	"fmt"
	"strings"
)

// AliasBomb is a persona's front matter (with its --- lines) whose aliases
// nest levels deep, nine per level: a few hundred bytes that would expand to
// 9^levels values. leaf is the innermost value, so two versions can differ.
func AliasBomb(levels int, leaf string) string {
	var b strings.Builder
	b.WriteString("---\nkind: persona\nname: Bomb\nicp: saas\na0: &a0 {leaf: " + leaf + "}\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "a%d: &a%d {", i, i)
		for j := range 9 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "k%d: *a%d", j, i-1)
		}
		b.WriteString("}\n")
	}
	b.WriteString("---\n")
	return b.String()
}
