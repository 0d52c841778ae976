package match

import (
	"path/filepath"
	"strings"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/model"
)

// ConfiguredInputs are the config's match.accounts, relative to dir (the
// config's directory); show names a path as messages do.
func ConfiguredInputs(cfg *config.Config, dir string, show func(abs string) string) []Input {
	out := make([]Input, 0, len(cfg.Match.Accounts))
	for _, a := range cfg.Match.Accounts {
		path := filepath.FromSlash(a)
		if !filepath.IsAbs(path) {
			path = filepath.Join(dir, path)
		}
		out = append(out, Input{Name: show(path), Path: path})
	}
	return out
}

// Measure matches the config's match.accounts against the ICPs, for the
// lint rules and the report (SPEC §13, Lint and reports). It returns nil
// without match.accounts.
func Measure(cfg *config.Config, dir string, show func(abs string) string, icps []*model.Document) (*model.CustomerCoverage, *Summary, error) {
	inputs := ConfiguredInputs(cfg, dir, show)
	if len(inputs) == 0 {
		return nil, nil, nil
	}
	s, err := NewSettings(cfg.Match)
	if err != nil {
		return nil, nil, err
	}
	columns, err := ColumnsOf(cfg.Match.Columns)
	if err != nil {
		return nil, nil, err
	}
	sum, err := Run(Options{ICPs: icps, Settings: s, Inputs: inputs, Columns: columns, Stdin: strings.NewReader("")})
	if err != nil {
		return nil, nil, err
	}
	cov := &model.CustomerCoverage{Source: sum.Source(), Customers: sum.Customers, Fit: map[string]int{}}
	for _, c := range sum.ICPs {
		cov.Fit[c.ID] = c.CustomersFit
	}
	return cov, sum, nil
}
