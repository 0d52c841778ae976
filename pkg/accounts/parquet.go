package accounts

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"
)

// parquetBatch is how many rows are decoded at a time.
const parquetBatch = 256

// openParquet reads a Parquet file. Parquet keeps its schema at the end,
// so a file read from stdin or through gzip is first copied to a
// temporary file, removed when the reader closes.
func openParquet(name string, br *bufio.Reader, direct *os.File, idx headerIndex, tempDir string, closers *[]func() error) (*Reader, error) {
	f := direct
	if f == nil {
		tmp, err := os.CreateTemp(tempDir, "persona-accounts-*.parquet")
		if err != nil {
			return nil, err
		}
		*closers = append(*closers, func() error { tmp.Close(); return os.Remove(tmp.Name()) })
		if _, err := io.Copy(tmp, br); err != nil {
			return nil, err
		}
		f = tmp
	}
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	pf, err := parquet.OpenFile(f, info.Size())
	if err != nil {
		return nil, &FileError{File: name, Msg: "is not a readable Parquet file: " + err.Error()}
	}
	r := &Reader{}
	for _, path := range pf.Schema().Columns() {
		// A LIST column's leaf is name.list.element: the column is name.
		if n := len(path); n >= 3 && (path[n-2] == "list" || path[n-2] == "bag") {
			path = path[:n-2]
		}
		r.headers = append(r.headers, strings.Join(path, "."))
	}
	pr := parquet.NewReader(pf)
	*closers = append(*closers, pr.Close)
	rows := make([]parquet.Row, parquetBatch)
	var n, at, number int
	cells := make([]string, len(r.headers))
	want := make([]bool, len(r.headers))
	r.mapColumns(idx)
	for _, cols := range r.cols {
		for _, c := range cols {
			want[c] = true
		}
	}
	row := &Row{File: name, cols: &r.cols}
	r.next = func() (*Row, error) {
		if at == n {
			var err error
			n, err = pr.ReadRows(rows)
			at = 0
			if n == 0 {
				if err == nil || errors.Is(err, io.EOF) {
					return nil, io.EOF
				}
				return nil, &FileError{File: name, Msg: "cannot read Parquet rows: " + err.Error()}
			}
		}
		values := rows[at]
		at++
		number++
		for i := range cells {
			cells[i] = ""
		}
		for _, v := range values {
			c := v.Column()
			if c < 0 || c >= len(cells) || !want[c] || v.IsNull() {
				continue
			}
			if cells[c] != "" {
				cells[c] += ";" // a repeated column: a list
			}
			cells[c] += parquetText(v)
		}
		row.Number, row.Line, row.cells = number, number, cells
		return row, nil
	}
	return r, nil
}

// parquetText writes a value as a cell: numbers in full (never with an
// exponent, which no export writes), text as is.
func parquetText(v parquet.Value) string {
	switch v.Kind() {
	case parquet.Boolean:
		return strconv.FormatBool(v.Boolean())
	case parquet.Int32:
		return strconv.FormatInt(int64(v.Int32()), 10)
	case parquet.Int64:
		return strconv.FormatInt(v.Int64(), 10)
	case parquet.Float:
		return strconv.FormatFloat(float64(v.Float()), 'f', -1, 32)
	case parquet.Double:
		return strconv.FormatFloat(v.Double(), 'f', -1, 64)
	case parquet.ByteArray, parquet.FixedLenByteArray:
		return string(v.ByteArray())
	}
	return fmt.Sprint(v)
}
