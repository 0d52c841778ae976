package match

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/generate"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/workspace"
)

// discardRows is a RowWriter that asks for reasons and keeps nothing.
type discardRows struct{}

func (discardRows) Begin([]*ICP) error   { return nil }
func (discardRows) Row(*RowResult) error { return nil }
func (discardRows) End() error           { return nil }

// benchSetup generates 20 ICPs and n accounts of shape.
func benchSetup(b *testing.B, n int, shape string) ([]*model.Document, *Settings, []byte) {
	b.Helper()
	dir := b.TempDir()
	if err := generate.MatchICPs(dir, 20); err != nil {
		b.Fatal(err)
	}
	cfg, err := config.Load(filepath.Join(dir, ".persona.yaml"), ".persona.yaml")
	if err != nil {
		b.Fatal(err)
	}
	ws, err := workspace.Load(dir, workspace.Options{Config: cfg})
	if err != nil {
		b.Fatal(err)
	}
	s, err := NewSettings(cfg.Match)
	if err != nil {
		b.Fatal(err)
	}
	var data bytes.Buffer
	if err := generate.Accounts(&data, n, 1, shape); err != nil {
		b.Fatal(err)
	}
	return ws.Entities(model.KindICP), s, data.Bytes()
}

// BenchmarkMatch matches 100,000 accounts against 20 ICPs: the summary
// alone, and with a row (and its reasons) per account.
func BenchmarkMatch(b *testing.B) {
	for _, shape := range []string{"hubspot", "table"} {
		icps, s, data := benchSetup(b, 100_000, shape)
		for _, rows := range []bool{false, true} {
			name := shape + "/summary"
			if rows {
				name = shape + "/rows"
			}
			b.Run(name, func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					opts := Options{ICPs: icps, Settings: s, Inputs: []Input{{Name: "-", Path: "-"}}, Stdin: bytes.NewReader(data)}
					if rows {
						opts.Rows = discardRows{}
					}
					if _, err := Run(opts); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
