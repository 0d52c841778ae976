package matchout

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/personakit/persona/pkg/match"
)

type jsonlRows struct {
	w    *bufio.Writer
	enc  *json.Encoder
	icps []*match.ICP
}

type jsonlICP struct {
	Status  match.Status `json:"status"`
	Reasons []string     `json:"reasons"`
}

type jsonlRow struct {
	Row    int                 `json:"row"`
	File   string              `json:"file"`
	ID     string              `json:"id"`
	Name   string              `json:"name,omitempty"`
	Status match.Status        `json:"status"`
	Fits   []string            `json:"fits"`
	ICPs   map[string]jsonlICP `json:"icps"`
}

// Renderer writes rows as Row does, into a buffer of the caller's.
func (j *jsonlRows) Renderer() func([]byte, *match.RowResult) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	r := &jsonlRows{enc: enc, icps: j.icps}
	return func(dst []byte, res *match.RowResult) ([]byte, error) {
		buf.Reset()
		err := r.Row(res)
		return append(dst, buf.Bytes()...), err
	}
}

// WriteRendered writes rendered rows.
func (j *jsonlRows) WriteRendered(p []byte) error {
	_, err := j.w.Write(p)
	return err
}

// NewJSONLines writes one JSON object per account.
func NewJSONLines(w io.Writer) match.RowWriter {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &jsonlRows{w: bw, enc: enc}
}

func (j *jsonlRows) Begin(icps []*match.ICP) error {
	j.icps = icps
	return nil
}

func (j *jsonlRows) Row(r *match.RowResult) error {
	a := r.Account
	out := jsonlRow{Row: a.Number, File: a.File, ID: a.ID, Name: a.Name, Status: r.Status,
		Fits: append([]string{}, r.Fits...), ICPs: make(map[string]jsonlICP, len(j.icps))}
	for k, c := range j.icps {
		out.ICPs[c.ID] = jsonlICP{Status: r.Statuses[k], Reasons: append([]string{}, r.Reasons[k]...)}
	}
	return j.enc.Encode(out)
}

func (j *jsonlRows) End() error { return j.w.Flush() }
