package contract

import (
	"fmt"
	"testing"

	"github.com/personakit/persona/pkg/model"
)

// TestEveryPropertyIsDescribed: editors show a property's description on
// hover; a property without one (a claim's text, a quote's source) leaves
// the user guessing.
func TestEveryPropertyIsDescribed(t *testing.T) {
	var walk func(node any, path string)
	walk = func(node any, path string) {
		switch n := node.(type) {
		case map[string]any:
			if props, ok := n["properties"].(map[string]any); ok {
				for name, p := range props {
					if m, ok := p.(map[string]any); ok && m["$ref"] == nil {
						if d, _ := m["description"].(string); d == "" {
							t.Errorf("%s.%s has no description", path, name)
						}
					}
				}
			}
			for k, v := range n {
				walk(v, path+"/"+k)
			}
		case []any:
			for i, v := range n {
				walk(v, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	}
	for _, k := range model.Kinds {
		walk(Schema(k, nil), string(k))
	}
}
