package config

import (
	"strconv"
	"strings"

	"github.com/personakit/persona/pkg/accounts"
	"github.com/personakit/persona/pkg/firmo"
	"github.com/personakit/persona/pkg/suggest"
	"go.yaml.in/yaml/v3"
)

var matchKeys = []string{"accounts", "columns", "industries", "regions", "currency", "rates"}

// parseMatch reads match: (SPEC §13), reporting every wrong key at once.
func (c *Config) parseMatch(v *yaml.Node) error {
	if v.Kind != yaml.MappingNode {
		return Errorf(c.Path, v, "match must be a mapping, such as match: {accounts: [crm/accounts.csv]}")
	}
	var problems Problems
	var regionsNode *yaml.Node
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		var err error
		switch k.Value {
		case "accounts":
			c.Match.Accounts, err = list(c.Path, "match.accounts", val)
		case "columns":
			err = c.parseMatchColumns(val)
		case "industries":
			c.Match.Industries, err = c.listMap("match.industries", val, "fintech: [Financial Services, Banking]")
		case "regions":
			regionsNode = val
			c.Match.Regions, err = c.listMap("match.regions", val, "core-eu: [de, fr, nl]")
		case "currency":
			var s string
			if s, err = scalar(c.Path, "match.currency", val); err == nil {
				code, ok := firmo.CurrencyCode(s)
				if !ok {
					err = Errorf(c.Path, val, "match.currency %q is not an ISO 4217 currency code such as USD or EUR", s)
				}
				c.Match.Currency = code
			}
		case "rates":
			err = c.parseRates(val)
		default:
			err = Errorf(c.Path, k, "unknown key match.%s%s", k.Value,
				suggest.DidYouMeanOr(k.Value, matchKeys, "; its keys are "+strings.Join(matchKeys, ", ")))
		}
		problems.Add(err)
	}
	if regionsNode != nil && c.Match.Regions != nil {
		if _, err := firmo.NewRegions(c.Match.Regions); err != nil {
			problems = append(problems, Errorf(c.Path, regionsNode, "%v", err))
		}
	}
	if len(problems) > 0 {
		return problems
	}
	return nil
}

func (c *Config) parseMatchColumns(v *yaml.Node) error {
	if v.Kind != yaml.MappingNode {
		return Errorf(c.Path, v, "match.columns must map a field to its header, such as columns: {employees: \"Headcount (LinkedIn)\"}")
	}
	c.Match.Columns = map[string]string{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		f, ok := accounts.ParseField(k.Value)
		if !ok {
			return Errorf(c.Path, k, "match.columns: %q is not a field%s", k.Value,
				suggest.DidYouMeanOr(k.Value, accounts.FieldNames(), "; the fields are "+strings.Join(accounts.FieldNames(), ", ")))
		}
		h, err := scalar(c.Path, "match.columns."+k.Value, val)
		if err != nil {
			return err
		}
		if strings.TrimSpace(h) == "" {
			return Errorf(c.Path, val, "match.columns.%s must name a header", k.Value)
		}
		c.Match.Columns[f.String()] = h
	}
	return nil
}

// listMap reads a mapping of names to lists of values.
func (c *Config) listMap(name string, v *yaml.Node, example string) (map[string][]string, error) {
	if v.Kind != yaml.MappingNode {
		return nil, Errorf(c.Path, v, "%s must map names to lists, such as %s", name, example)
	}
	out := map[string][]string{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if _, dup := out[k.Value]; dup {
			return nil, Errorf(c.Path, k, "%s.%s is given twice; merge the lists", name, k.Value)
		}
		items, err := list(c.Path, name+"."+k.Value, val)
		if err != nil {
			return nil, err
		}
		out[k.Value] = items
	}
	return out, nil
}

func (c *Config) parseRates(v *yaml.Node) error {
	if v.Kind != yaml.MappingNode {
		return Errorf(c.Path, v, "match.rates must map a currency to its rate, such as rates: {EUR: 1.08}")
	}
	c.Match.Rates = map[string]float64{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		code, ok := firmo.CurrencyCode(k.Value)
		if !ok {
			return Errorf(c.Path, k, "match.rates: %q is not an ISO 4217 currency code such as EUR", k.Value)
		}
		f, err := strconv.ParseFloat(val.Value, 64)
		if val.Kind != yaml.ScalarNode || err != nil || !(f > 0) || f > 1e9 {
			return Errorf(c.Path, val, "match.rates.%s must be a positive number: how many units of match.currency one %s is", k.Value, code)
		}
		c.Match.Rates[code] = f
	}
	return nil
}
