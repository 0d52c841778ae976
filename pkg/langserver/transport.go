package langserver

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"
)

// The base protocol's bounds. A header line or a message over them is
// answered with an error and skipped, never held: the client is a process
// persona does not control, and a stuck or hostile one must not grow the
// server's memory.
const (
	maxHeaderLine = 8 << 10
	// maxMessage holds the largest file persona reads (8 MiB) even when
	// JSON escapes every byte of it.
	maxMessage = 64 << 20
)

// JSON-RPC error codes for messages that never became a request.
const (
	codeParseError     = -32700
	codeInvalidRequest = -32600
)

// transport is the Language Server Protocol's base protocol on a byte
// stream: Content-Length framed JSON. Unlike jsonrpc2's VSCodeObjectCodec,
// which ends the connection on the first malformed message and reads a
// header line of any length, it answers a malformed message with the
// JSON-RPC error the specification names (id null) and reads on, resyncing
// at the next Content-Length header.
type transport struct {
	r     *bufio.Reader
	w     *bufio.Writer
	close io.Closer
	mu    sync.Mutex // one writer at a time, replies and errors alike
}

func newTransport(rwc io.ReadWriteCloser) *transport {
	return &transport{r: bufio.NewReaderSize(rwc, 64<<10), w: bufio.NewWriter(rwc), close: rwc}
}

// WriteObject sends one message.
func (t *transport) WriteObject(obj any) error {
	data, err := json.Marshal(obj)
	if err != nil {
		return err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, err := fmt.Fprintf(t.w, "Content-Length: %d\r\n\r\n", len(data)); err != nil {
		return err
	}
	if _, err := t.w.Write(data); err != nil {
		return err
	}
	return t.w.Flush()
}

// Close closes the stream.
func (t *transport) Close() error { return t.close.Close() }

// ReadObject reads the next well-formed message into v. A malformed one
// is answered and skipped; only the end of the stream (or a failing read)
// ends the loop with an error.
func (t *transport) ReadObject(v any) error {
	for {
		length, problem, err := t.readHeader()
		if err != nil {
			return err
		}
		if problem != "" {
			t.replyError(codeParseError, problem)
			continue
		}
		if length > maxMessage {
			if _, err := io.CopyN(io.Discard, t.r, length); err != nil {
				return err
			}
			t.replyError(codeInvalidRequest, fmt.Sprintf("a message of %d bytes is over persona's limit of %d MiB; it was skipped", length, maxMessage>>20))
			continue
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(t.r, body); err != nil {
			return err
		}
		code, msg := decodeMessage(body, v)
		if code == 0 {
			return nil
		}
		t.replyError(code, msg)
	}
}

// decodeMessage decodes body into v, or says which JSON-RPC error it is.
func decodeMessage(body []byte, v any) (code int, msg string) {
	if !json.Valid(body) {
		return codeParseError, "the message is not valid JSON"
	}
	if trimmed := bytes.TrimLeft(body, " \t\r\n"); len(trimmed) == 0 || trimmed[0] != '{' {
		return codeInvalidRequest, "a message must be a JSON object (LSP has no batches)"
	}
	if err := json.Unmarshal(body, v); err != nil {
		return codeInvalidRequest, "the message is not a JSON-RPC request, notification or response: " + err.Error()
	}
	return 0, ""
}

// readHeader reads one header block up to its empty line and returns the
// Content-Length it gives, or, when it gives none, what is wrong with it;
// lines that are too long or not headers are ignored beside a valid
// Content-Length, since the message can still be read. Blank lines before a
// block (after a body whose length was short) are skipped. A
// Content-Length met in the middle of a line is taken: it is how the
// stream resyncs after a body that was longer than its header said.
func (t *transport) readHeader() (length int64, problem string, err error) {
	length = -1
	lines := 0
	for {
		line, tooLong, err := t.readLine()
		if err != nil {
			if lines > 0 && errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return 0, "", err
		}
		switch {
		case len(line) == 0 && !tooLong && lines == 0:
			continue
		case len(line) == 0 && !tooLong:
			switch {
			case length >= 0:
				return length, "", nil // other lines are headers persona has no use for
			case problem == "":
				problem = "the message has no Content-Length header"
			}
			return 0, problem, nil
		}
		lines++
		if tooLong {
			problem = fmt.Sprintf("a header line is longer than %d KiB", maxHeaderLine>>10)
			continue
		}
		i := indexContentLength(line)
		if i < 0 {
			if bytes.IndexByte(line, ':') < 0 {
				problem = fmt.Sprintf("%q is not a header line", clip(line))
			}
			continue // Content-Type and any other header
		}
		value := bytes.TrimSpace(line[i+len("content-length:"):])
		n, perr := strconv.ParseInt(string(value), 10, 64)
		if perr != nil || n < 0 {
			problem = fmt.Sprintf("Content-Length %q is not a length in bytes", clip(value))
			continue
		}
		length, problem = n, ""
	}
}

// readLine reads one line without its LF or CRLF; a line longer than
// maxHeaderLine is read to its end and dropped (tooLong), so that it
// costs no memory however long it is.
func (t *transport) readLine() (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := t.r.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > maxHeaderLine+2 {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err != nil:
			return nil, false, err
		}
		buf = bytes.TrimSuffix(bytes.TrimSuffix(buf, []byte("\n")), []byte("\r"))
		return buf, tooLong, nil
	}
}

// replyError answers a message that never became a request: with id null,
// as JSON-RPC 2.0 says for an error in detecting the id.
func (t *transport) replyError(code int, message string) {
	_ = t.WriteObject(map[string]any{
		"jsonrpc": "2.0",
		"id":      nil,
		"error":   map[string]any{"code": code, "message": "persona lsp: " + message},
	})
}

// indexContentLength finds "Content-Length:" in line, in any ASCII case
// (header names are case-insensitive); byte for byte, so that offsets hold
// in a line that is not UTF-8.
func indexContentLength(line []byte) int {
	const name = "content-length:"
	for i := 0; i+len(name) <= len(line); i++ {
		j := 0
		for ; j < len(name); j++ {
			c := line[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != name[j] {
				break
			}
		}
		if j == len(name) {
			return i
		}
	}
	return -1
}

func clip(b []byte) string {
	if len(b) > 40 {
		return string(b[:40]) + "…"
	}
	return string(b)
}
