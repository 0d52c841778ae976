package matchout

import (
	"bytes"
	"io"
	"path/filepath"
	"testing"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/generate"
	"github.com/personakit/persona/pkg/match"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/workspace"
)

// BenchmarkRows matches 100,000 accounts against 20 ICPs and writes a row
// per account, as persona match --format csv and jsonl do.
func BenchmarkRows(b *testing.B) {
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
	s, err := match.NewSettings(cfg.Match)
	if err != nil {
		b.Fatal(err)
	}
	var data bytes.Buffer
	if err := generate.Accounts(&data, 100_000, 1, "table"); err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"csv", "jsonl"} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(data.Len()))
			for b.Loop() {
				_, err := match.Run(match.Options{ICPs: ws.Entities(model.KindICP), Settings: s,
					Inputs: []match.Input{{Name: "-", Path: "-"}}, Stdin: bytes.NewReader(data.Bytes()), Rows: Formats()[name].Rows(io.Discard)})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
