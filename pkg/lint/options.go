package lint

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/suggest"
	"go.yaml.in/yaml/v3"
)

// CheckOptionNames rejects options a rule does not take, naming the first
// one in file order.
func CheckOptionNames(rule string, opts map[string]config.Option, configPath string, known ...string) error {
	names := make([]string, 0, len(opts))
	for name := range opts {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool { return opts[names[i]].Key.Line < opts[names[j]].Key.Line })
	for _, name := range names {
		if !slices.Contains(known, name) {
			return config.Errorf(configPath, opts[name].Key, "rule %s has no option %q%s",
				rule, name, suggest.DidYouMeanOr(name, known, "; its options are severity, "+strings.Join(known, ", ")))
		}
	}
	return nil
}

// IntOption decodes a whole-number option of at least minimum.
func IntOption(rule, name string, o config.Option, configPath string, minimum int) (int, error) {
	n, err := strconv.Atoi(o.Value.Value)
	if o.Value.Kind != yaml.ScalarNode || err != nil || n < minimum {
		return 0, config.Errorf(configPath, o.Value, "rules.%s.%s must be a whole number of at least %d, not %q", rule, name, minimum, o.Value.Value)
	}
	return n, nil
}

// SetIntOption sets *target from option name when the config gives it: a
// whole number of at least minimum.
func SetIntOption(rule string, opts map[string]config.Option, name, configPath string, minimum int, target *int) error {
	o, ok := opts[name]
	if !ok {
		return nil
	}
	n, err := IntOption(rule, name, o, configPath, minimum)
	if err != nil {
		return err
	}
	*target = n
	return nil
}

// SetListOption sets *target from option name when the config gives it: a
// list whose every item accept turns into a value, or refuses with the
// reason. example shows the option's form in the error for a non-list.
func SetListOption(rule string, opts map[string]config.Option, name, configPath, example string,
	accept func(item string) (string, string), target *[]string) error {
	o, ok := opts[name]
	if !ok {
		return nil
	}
	if o.Value.Kind != yaml.SequenceNode {
		return config.Errorf(configPath, o.Value, "rules.%s.%s must be a list, such as %s", rule, name, example)
	}
	values := make([]string, 0, len(o.Value.Content))
	for _, n := range o.Value.Content {
		v, why := accept(n.Value)
		if n.Kind != yaml.ScalarNode || why != "" {
			if why == "" {
				why = "a single value"
			}
			return config.Errorf(configPath, n, "%q is not %s", n.Value, why)
		}
		values = append(values, v)
	}
	*target = values
	return nil
}

// SetBoolOption sets *target from option name when the config gives it:
// true or false.
func SetBoolOption(rule string, opts map[string]config.Option, name, configPath string, target *bool) error {
	o, ok := opts[name]
	if !ok {
		return nil
	}
	b, err := strconv.ParseBool(o.Value.Value)
	if o.Value.Kind != yaml.ScalarNode || err != nil || o.Value.Value != "true" && o.Value.Value != "false" {
		return config.Errorf(configPath, o.Value, "rules.%s.%s must be true or false, not %q", rule, name, o.Value.Value)
	}
	*target = b
	return nil
}
