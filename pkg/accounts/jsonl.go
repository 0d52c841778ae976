package accounts

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// maxKeys bounds the distinct keys a JSON Lines file may introduce: keys
// that map to no field are never kept, and those that do are few.
const maxKeys = 256

// maxDepth bounds lists inside lists in one cell.
const maxDepth = 16

// jsonlReader reads one JSON object per line. Keys are found as they
// come: each key that maps to a field gets a column the first time it is
// seen, so that objects need not all have the same keys.
type jsonlReader struct {
	file  string
	br    *bufio.Reader
	idx   headerIndex
	r     *Reader
	col   map[string]int // key as written → column; -1 for a key no field reads
	cells []string
	line  int
	rows  int
}

func openJSONLines(name string, br *bufio.Reader, idx headerIndex) (*Reader, error) {
	br = bufio.NewReaderSize(decodeText(br), MaxLine+2)
	j := &jsonlReader{file: name, br: br, idx: idx, col: map[string]int{}}
	j.r = &Reader{seen: []string{}}
	j.r.next = j.next
	return j.r, nil
}

// column returns the column of a key, giving it one when it maps to a
// field; -1 when no field reads it.
func (j *jsonlReader) column(key string) int {
	if c, ok := j.col[key]; ok {
		return c
	}
	m, ok := j.idx[NormalHeader(key)]
	if len(j.r.seen) < maxKeys {
		j.r.seen = append(j.r.seen, key)
	}
	c := -1
	if ok && len(j.r.headers) < maxKeys {
		c = len(j.r.headers)
		j.r.headers = append(j.r.headers, key)
		j.r.cols[m.field] = append(j.r.cols[m.field], c)
		// Keep the field's columns in rank order.
		cols := j.r.cols[m.field]
		for i := len(cols) - 1; i > 0; i-- {
			if j.rank(cols[i]) >= j.rank(cols[i-1]) {
				break
			}
			cols[i], cols[i-1] = cols[i-1], cols[i]
		}
	}
	if len(j.col) < maxKeys*4 {
		j.col[key] = c
	}
	return c
}

func (j *jsonlReader) rank(col int) int { return j.idx[NormalHeader(j.r.headers[col])].rank }

func (j *jsonlReader) next() (*Row, error) {
	for {
		line, tooLong, err := readLine(j.br)
		if err != nil && !(err == io.EOF && tooLong) {
			return nil, err
		}
		j.line++
		if tooLong {
			j.rows++
			return nil, &Skip{File: j.file, Line: j.line, Err: fmt.Sprintf("line over %d MiB; skipped", MaxLine>>20)}
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		j.rows++
		if why := j.object(line); why != "" {
			return nil, &Skip{File: j.file, Line: j.line, Err: why + "; skipped"}
		}
		return &Row{File: j.file, Number: j.rows, Line: j.line, cells: j.cells, cols: &j.r.cols}, nil
	}
}

// object reads one line's object into cells, or says why it cannot.
func (j *jsonlReader) object(line []byte) string {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return "not a JSON object"
	}
	j.cells = j.cells[:0]
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return "not valid JSON: " + err.Error()
		}
		key, _ := t.(string)
		text, ok := scalarText(dec, 0)
		if !ok {
			return "not valid JSON"
		}
		c := j.column(key)
		if c < 0 {
			continue
		}
		for len(j.cells) <= c {
			j.cells = append(j.cells, "")
		}
		j.cells[c] = text
	}
	if _, err := dec.Token(); err != nil {
		return "not valid JSON: " + err.Error()
	}
	if _, err := dec.Token(); err != io.EOF {
		return "more than one JSON value on the line"
	}
	return ""
}

// scalarText reads the next value as a cell: text as is, numbers as
// written, null as empty, a list of scalars joined with ";" (a technology
// list), anything else as unreadable text.
func scalarText(dec *json.Decoder, depth int) (string, bool) {
	if depth > maxDepth {
		return "", false
	}
	t, err := dec.Token()
	if err != nil {
		return "", false
	}
	switch v := t.(type) {
	case nil:
		return "", true
	case string:
		return v, true
	case json.Number:
		return v.String(), true
	case bool:
		if v {
			return "true", true
		}
		return "false", true
	case json.Delim:
		if v == '[' {
			var items []string
			for dec.More() {
				item, ok := scalarText(dec, depth+1)
				if !ok {
					return "", false
				}
				items = append(items, item)
			}
			if _, err := dec.Token(); err != nil {
				return "", false
			}
			return strings.Join(items, ";"), true
		}
		open := 1
		for open > 0 {
			t, err := dec.Token()
			if err != nil {
				return "", false
			}
			switch t {
			case json.Delim('{'), json.Delim('['):
				open++
			case json.Delim('}'), json.Delim(']'):
				open--
			}
		}
		return "{…}", true
	}
	return "", false
}
