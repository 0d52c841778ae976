package lint

import (
	"slices"
	"testing"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/finding"
)

type orderRule struct{ id string }

func (r orderRule) ID() string                        { return r.id }
func (r orderRule) DefaultSeverity() finding.Severity { return finding.Warning }
func (r orderRule) Summary() string                   { return "a rule" }
func (r orderRule) Help() string                      { return "" }
func (r orderRule) Check(*Context)                    {}

type costlyOrderRule struct{ orderRule }

func (costlyOrderRule) Costly() {}

// TestCostlyCheckersStartFirst: the costly checks are handed to the cores
// first, the others after them in their own order, and a rule turned off
// is not handed out at all.
func TestCostlyCheckersStartFirst(t *testing.T) {
	cfg := config.Default()
	cfg.Rules = map[string]config.RuleSetting{"quick-c": {Severity: "off"}}
	cfg.RuleOrder = []string{"quick-c"}
	r, err := NewRunner(cfg, []Rule{
		orderRule{"quick-a"},
		costlyOrderRule{orderRule{"costly-a"}},
		orderRule{"quick-c"},
		orderRule{"quick-b"},
		costlyOrderRule{orderRule{"costly-b"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range r.checkers() {
		got = append(got, c.(Rule).ID())
	}
	if want := []string{"costly-a", "costly-b", "quick-a", "quick-b"}; !slices.Equal(got, want) {
		t.Errorf("checks handed out in the order %v, want %v", got, want)
	}
}
