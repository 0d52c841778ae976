package langserver

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

// rawClient drives a server with bytes as they travel, to send what no
// well-behaved client library would.
type rawClient struct {
	in     *io.PipeWriter
	out    *bufio.Reader
	served chan error
}

func startRaw(t *testing.T) *rawClient {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &rawClient{in: inW, out: bufio.NewReader(outR), served: make(chan error, 1)}
	go func() {
		err := Serve(context.Background(), Options{In: inR, Out: outW, Today: time.Now})
		outW.Close()
		c.served <- err
	}()
	t.Cleanup(func() { inW.Close() })
	return c
}

func (c *rawClient) send(t *testing.T, raw string) {
	t.Helper()
	go func() { io.WriteString(c.in, raw) }() // the server may answer before it reads all of it
}

func frame(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }

// reply reads the next message the server sends.
func (c *rawClient) reply(t *testing.T) map[string]any {
	t.Helper()
	got := make(chan map[string]any, 1)
	go func() {
		tr := &transport{r: c.out}
		var m map[string]any
		if err := tr.ReadObject(&m); err != nil {
			m = map[string]any{"read error": err.Error()}
		}
		got <- m
	}()
	select {
	case m := <-got:
		return m
	case <-time.After(20 * time.Second):
		t.Fatal("no reply within 20 s")
		return nil
	}
}

const initialize = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`

func TestTransportAnswersMalformedMessagesAndServesOn(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		code float64
	}{
		{"invalid JSON", frame(`{"jsonrpc": "2.0", "id": 1, "method":`), codeParseError},
		{"a batch", frame(`[]`), codeInvalidRequest},
		{"a number", frame(`42`), codeInvalidRequest},
		{"an id of the wrong type", frame(`{"jsonrpc":"2.0","id":{"a":1},"method":"x"}`), codeInvalidRequest},
		{"a Content-Length that is not a number", "Content-Length: abc\r\n\r\n" + `{"jsonrpc":"2.0","method":"x"}`, codeParseError},
		{"a negative Content-Length", "Content-Length: -5\r\n\r\n", codeParseError},
		{"no Content-Length", "Content-Type: application/vscode-jsonrpc\r\n\r\n", codeParseError},
		{"a header that is no header", "hello\r\n\r\n", codeParseError},
		{"a header line of 1 MiB and no Content-Length", "X-Pad: " + strings.Repeat("x", 1<<20) + "\r\n\r\n", codeParseError},
		{"a header line of 1 MiB beside a Content-Length is ignored", "X-Pad: " + strings.Repeat("x", 1<<20) + "\r\n", 0},
		{"a body longer than its Content-Length", "Content-Length: 5\r\n\r\n" + `{"a":1} trailing`, codeParseError},
		{"a message over the limit", fmt.Sprintf("Content-Length: %d\r\n\r\n%s", maxMessage+1, strings.Repeat(" ", maxMessage+1)), codeInvalidRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := startRaw(t)
			c.send(t, tt.raw+frame(initialize))
			m := c.reply(t)
			if tt.code != 0 {
				e, _ := m["error"].(map[string]any)
				if e == nil || e["code"] != tt.code || m["id"] != nil {
					t.Fatalf("reply %v, want error %v with id null", m, tt.code)
				}
				if _, hasID := m["id"]; !hasID {
					t.Errorf("the error reply has no id member: %v", m)
				}
				m = c.reply(t)
			}
			if m["id"] != float64(1) || m["result"] == nil {
				t.Fatalf("initialize after it: %v", m)
			}
		})
	}
}

// TestTransportBoundsAHeaderLineWithNoEnd: 64 MiB of header with no line
// end costs the server no more than its buffers (jsonrpc2's codec held all
// of it, and more: 430 MB for 400 MB sent).
func TestTransportBoundsAHeaderLineWithNoEnd(t *testing.T) {
	junk := []byte(strings.Repeat("x", 64<<20))
	tr := &transport{r: bufio.NewReaderSize(strings.NewReader(string(junk)+"\r\n\r\n"+frame("{}")), 64<<10), w: bufio.NewWriter(io.Discard)}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var m map[string]any
	if err := tr.ReadObject(&m); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 4<<20 {
		t.Errorf("reading past a 64 MiB header line allocated %d MiB", grew>>20)
	}
}

func TestExitWithoutShutdownExits1(t *testing.T) {
	for _, tt := range []struct {
		name     string
		shutdown bool
		want     error
	}{
		{"exit after shutdown", true, nil},
		{"exit without shutdown", false, ErrExitWithoutShutdown},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := startRaw(t)
			c.send(t, frame(initialize))
			c.reply(t)
			if tt.shutdown {
				c.send(t, frame(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`))
				c.reply(t)
			}
			c.send(t, frame(`{"jsonrpc":"2.0","method":"exit"}`))
			go io.Copy(io.Discard, c.out)
			select {
			case err := <-c.served:
				if !errors.Is(err, tt.want) {
					t.Errorf("Serve = %v, want %v", err, tt.want)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("the server did not exit")
			}
		})
	}
}

// The replies are JSON-RPC 2.0 as the specification writes them.
func TestReplyErrorShape(t *testing.T) {
	var b strings.Builder
	tr := &transport{w: bufio.NewWriter(&b)}
	tr.replyError(codeParseError, "bad")
	body := b.String()[strings.Index(b.String(), "\r\n\r\n")+4:]
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(body), &m); err != nil || string(m["id"]) != "null" || string(m["jsonrpc"]) != `"2.0"` {
		t.Errorf("reply %s", body)
	}
}

// FuzzTransport: any bytes end in messages, error replies and the end of
// the stream — never a panic or a loop — and every reply is framed JSON.
func FuzzTransport(f *testing.F) {
	for _, s := range []string{frame(initialize), "Content-Length: abc\r\n\r\n{}", "x\r\n\r\n" + frame("[]"), "Content-Length: 3\r\n\r\n{}}" + frame("{}"), "\n\n\r\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var out strings.Builder
		tr := &transport{r: bufio.NewReaderSize(strings.NewReader(string(data)), 64<<10), w: bufio.NewWriter(&out)}
		for i := 0; ; i++ {
			var m json.RawMessage
			if err := tr.ReadObject(&m); err != nil {
				break
			}
			if !json.Valid(m) || i > len(data) {
				t.Fatalf("message %d: %q", i, m)
			}
		}
		replies := &transport{r: bufio.NewReader(strings.NewReader(out.String()))}
		for {
			var m map[string]any
			if err := replies.ReadObject(&m); err != nil {
				if !errors.Is(err, io.EOF) {
					t.Fatalf("the replies do not read back: %v", err)
				}
				break
			}
			if m["jsonrpc"] != "2.0" || m["error"] == nil {
				t.Fatalf("reply %v", m)
			}
		}
	})
}

// TestTransportOnAHostileStream sends testdata/hostile/lsp-malformed.bin,
// seven malformed messages in a row, then initialize: seven error replies,
// then the answer.
func TestTransportOnAHostileStream(t *testing.T) {
	data, err := os.ReadFile("../../testdata/hostile/lsp-malformed.bin")
	if err != nil {
		t.Fatal(err)
	}
	c := startRaw(t)
	c.send(t, string(data)+frame(initialize))
	errs := 0
	for {
		m := c.reply(t)
		if m["id"] == float64(1) {
			break
		}
		if m["error"] == nil || m["id"] != nil {
			t.Fatalf("reply %v", m)
		}
		errs++
	}
	if errs != 7 {
		t.Errorf("%d error replies, want 7", errs)
	}
}
