package matchout

import (
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/personakit/persona/pkg/match"
	"github.com/personakit/persona/pkg/textsafe"
)

type csvRows struct {
	out  io.Writer
	w    *csv.Writer
	icps []*match.ICP
	rec  []string
}

// NewCSV writes one row per account: row, file, id, name, status, fits,
// then <id>.status and <id>.reasons per ICP.
func NewCSV(w io.Writer) match.RowWriter { return &csvRows{out: w, w: csv.NewWriter(w)} }

// Renderer writes rows as Row does, into a buffer of the caller's.
func (c *csvRows) Renderer() func([]byte, *match.RowResult) ([]byte, error) {
	var buf bytes.Buffer
	r := &csvRows{w: csv.NewWriter(&buf), icps: c.icps}
	return func(dst []byte, res *match.RowResult) ([]byte, error) {
		buf.Reset()
		if err := r.Row(res); err != nil {
			return dst, err
		}
		r.w.Flush()
		return append(dst, buf.Bytes()...), r.w.Error()
	}
}

// WriteRendered writes rendered rows after the header.
func (c *csvRows) WriteRendered(p []byte) error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return err
	}
	_, err := c.out.Write(p)
	return err
}

func (c *csvRows) Begin(icps []*match.ICP) error {
	c.icps = icps
	head := []string{"row", "file", "id", "name", "status", "fits"}
	for _, icp := range icps {
		head = append(head, icp.ID+".status", icp.ID+".reasons")
	}
	c.rec = make([]string, len(head))
	return c.write(head)
}

func (c *csvRows) Row(r *match.RowResult) error {
	a := r.Account
	c.rec = append(c.rec[:0], strconv.Itoa(a.Number), a.File, a.ID, a.Name, string(r.Status), strings.Join(r.Fits, ";"))
	for k := range c.icps {
		c.rec = append(c.rec, string(r.Statuses[k]), strings.Join(r.Reasons[k], "; "))
	}
	return c.write(c.rec)
}

func (c *csvRows) write(rec []string) error {
	for i, cell := range rec {
		rec[i] = textsafe.CSVCell(cell)
	}
	return c.w.Write(rec)
}

func (c *csvRows) End() error {
	c.w.Flush()
	return c.w.Error()
}
