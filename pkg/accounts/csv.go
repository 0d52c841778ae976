package accounts

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// csvReader reads RFC 4180 records line by line, so that one bad record
// (ragged, an unclosed quote, a line over MaxLine) is skipped and reading
// goes on at the next line instead of losing the rest of the file.
type csvReader struct {
	file  string
	br    *bufio.Reader
	delim byte
	line  int         // lines taken from br or pending so far
	ahead []aheadLine // lines read past an unclosed quote, to be read again
	acc   []byte
	cells []string
	want  []bool // columns a field reads; the others are not copied
	width int    // the header's number of columns
	rows  int
	eof   bool
}

type aheadLine struct {
	text    []byte
	tooLong bool
}

// nextLine returns the next physical line (a copy), its number, and
// whether it was too long.
func (c *csvReader) nextLine() ([]byte, int, bool, error) {
	if len(c.ahead) > 0 {
		l := c.ahead[0]
		c.ahead = c.ahead[1:]
		c.line++
		return l.text, c.line, l.tooLong, nil
	}
	if c.eof {
		return nil, 0, false, io.EOF
	}
	line, tooLong, err := readLine(c.br)
	if err == io.EOF {
		c.eof = true
		if !tooLong {
			return nil, 0, false, io.EOF
		}
	} else if err != nil {
		return nil, 0, false, err
	}
	c.line++
	return bytes.Clone(line), c.line, tooLong, nil
}

// record reads the next record's cells into c.cells; a blank line is
// passed over. It returns the record's first line.
func (c *csvReader) record() (int, error) {
	for {
		line, start, tooLong, err := c.nextLine()
		if err != nil {
			return 0, err
		}
		if tooLong {
			return start, &Skip{File: c.file, Line: start, Err: fmt.Sprintf("line over %d MiB; skipped", MaxLine>>20)}
		}
		if len(line) == 0 {
			continue
		}
		c.acc = append(c.acc[:0], line...)
		var taken []aheadLine
		for {
			if c.split(c.acc) {
				return start, nil
			}
			more, _, tooLong, err := c.nextLine()
			if err != nil || tooLong || len(c.acc)+len(more) > MaxLine {
				// The quote is never closed within bounds: skip the line
				// it opened on and read the others again.
				if err == nil {
					taken = append(taken, aheadLine{more, tooLong})
				}
				c.ahead = append(taken, c.ahead...)
				c.line -= len(taken)
				if err != nil && err != io.EOF {
					return start, err
				}
				return start, &Skip{File: c.file, Line: start, Err: "a quoted cell is never closed; skipped this line"}
			}
			taken = append(taken, aheadLine{text: more})
			c.acc = append(append(c.acc, '\n'), more...)
		}
	}
}

// split parses one record into c.cells, reporting false when a quoted
// cell is still open at the end of rec. A quote inside an unquoted cell,
// or text after a closing quote, is kept as written, as spreadsheets do.
func (c *csvReader) split(rec []byte) bool {
	c.cells = c.cells[:0]
	col := 0
	var cell []byte
	i := 0
	for {
		cell = cell[:0]
		if i < len(rec) && rec[i] == '"' {
			i++
			closed := false
			for i < len(rec) {
				if rec[i] == '"' {
					if i+1 < len(rec) && rec[i+1] == '"' {
						cell = append(cell, '"')
						i += 2
						continue
					}
					i++
					closed = true
					break
				}
				cell = append(cell, rec[i])
				i++
			}
			if !closed {
				return false
			}
		}
		for i < len(rec) && rec[i] != c.delim {
			cell = append(cell, rec[i])
			i++
		}
		c.cells = append(c.cells, c.cellString(col, cell))
		col++
		if i >= len(rec) {
			return true
		}
		i++ // the delimiter
	}
}

func (c *csvReader) cellString(col int, cell []byte) string {
	if c.want != nil && (col >= len(c.want) || !c.want[col]) {
		return ""
	}
	return string(cell)
}

// detectDelimiter picks , ; or tab: the one the header line holds most
// often outside quotes (a comma when none).
func detectDelimiter(header []byte) byte {
	counts := map[byte]int{}
	quoted := false
	for _, b := range header {
		switch {
		case b == '"':
			quoted = !quoted
		case !quoted && (b == ',' || b == ';' || b == '\t'):
			counts[b]++
		}
	}
	best := byte(',')
	for _, d := range []byte{';', '\t'} {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return best
}

func openCSV(name string, br *bufio.Reader, idx headerIndex) (*Reader, error) {
	br = bufio.NewReaderSize(decodeText(br), MaxLine+2)
	c := &csvReader{file: name, br: br, delim: ','}
	var header []string
	for {
		first, err := br.Peek(1)
		if len(first) == 0 || err != nil {
			return nil, &FileError{File: name, Msg: "holds no rows: the file is empty; a CSV file needs a header row and a row per account"}
		}
		line, tooLong, err := readLine(br)
		c.line++
		if err != nil && err != io.EOF {
			return nil, err
		}
		if tooLong || bytes.IndexByte(line, 0) >= 0 || !utf8.Valid(line) {
			return nil, &FileError{File: name, Msg: "is not CSV or JSON Lines: its first line is binary or over 1 MiB; give a CSV file with a header row, a .jsonl file or a .parquet file"}
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		c.delim = detectDelimiter(line)
		if !c.split(line) {
			return nil, &FileError{File: name, Msg: "the header row has a quote that is never closed"}
		}
		for _, h := range c.cells {
			header = append(header, strings.TrimSpace(h))
		}
		break
	}
	r := &Reader{headers: header}
	r.mapColumns(idx)
	c.width = len(header)
	c.want = make([]bool, len(header))
	for _, cols := range r.cols {
		for _, i := range cols {
			c.want[i] = true
		}
	}
	row := &Row{File: name, cols: &r.cols}
	r.next = func() (*Row, error) {
		start, err := c.record()
		if err != nil {
			if skip, ok := err.(*Skip); ok {
				c.rows++
				return nil, skip
			}
			return nil, err
		}
		c.rows++
		if len(c.cells) != c.width {
			return nil, &Skip{File: name, Line: start, Err: fmt.Sprintf("the row has %d cells and the header %d; skipped", len(c.cells), c.width)}
		}
		row.Number, row.Line, row.cells = c.rows, start, c.cells
		return row, nil
	}
	return r, nil
}
