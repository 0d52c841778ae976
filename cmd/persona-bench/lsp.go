package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sourcegraph/jsonrpc2"
)

// lspBench measures persona lsp as an editor uses it, against persona lint
// on the same workspace: the time from starting the server to the first
// diagnostics of an opened persona; the time from each of edits changes
// of that persona to its new diagnostics; and the server's peak memory.
//
//	persona-bench lsp PERSONA DIR EDITS
func lspBench(persona, dir string, edits int) error {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	target, err := firstPersona(dir)
	if err != nil {
		return err
	}
	text, err := os.ReadFile(target)
	if err != nil {
		return err
	}
	uri := (&url.URL{Scheme: "file", Path: filepath.ToSlash(target)}).String()
	// Lint and a server's first diagnostics in turn, round after round, so
	// that machine noise hits both alike; the last server stays for edits.
	const rounds = 5
	var lintWalls, firsts []time.Duration
	var lintRSS int64
	var s *lspSession
	for range rounds {
		wall, rss, err := timeOnce(persona, []string{"lint", dir, "--format", "json", "--today", "2026-11-22"})
		if err != nil {
			return err
		}
		lintWalls = append(lintWalls, wall)
		lintRSS = max(lintRSS, rss)
		if s != nil {
			s.close()
		}
		began := time.Now()
		if s, err = startSession(persona, dir); err != nil {
			return err
		}
		s.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": string(text)}})
		if _, err := waitFor(s.published, uri, 1); err != nil {
			return err
		}
		firsts = append(firsts, time.Since(began))
	}
	defer s.close()
	lintWall, first := median(lintWalls), median(firsts)
	ctx := context.Background()
	conn, published, cmd := s.conn, s.published, s.cmd

	// Each edit rewrites the persona's icp line, the kind of change typing
	// makes: to a typo and back, so that every edit changes the text and
	// every other one changes its findings.
	var latencies []time.Duration
	line, original := icpLine(string(text))
	lines := [2]string{"icp: mid-markt", original}
	for i := range edits {
		version := i + 2
		before := lines[(i+1)%2] // what the line reads now
		sent := time.Now()
		conn.Notify(ctx, "textDocument/didChange", map[string]any{
			"textDocument": map[string]any{"uri": uri, "version": version},
			"contentChanges": []any{map[string]any{
				"range": map[string]any{"start": map[string]any{"line": line, "character": 0}, "end": map[string]any{"line": line, "character": len(before)}},
				"text":  lines[i%2],
			}},
		})
		if _, err := waitFor(published, uri, version); err != nil {
			return err
		}
		latencies = append(latencies, time.Since(sent))
	}
	rss, err := peakRSS(cmd.Process.Pid)
	if err != nil {
		return err
	}
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	pct := func(p float64) time.Duration { return latencies[min(len(latencies)-1, int(p*float64(len(latencies))))] }
	fmt.Printf("first diagnostics %.3f s, lint %.3f s, medians of %d interleaved rounds (ratio %.2f, target ≤ 1.5)\n", first.Seconds(), lintWall.Seconds(), rounds, first.Seconds()/lintWall.Seconds())
	fmt.Printf("change to diagnostics over %d edits: median %.1f ms (target ≤ 20), p90 %.1f ms (target ≤ 50)\n", edits, float64(pct(0.5).Microseconds())/1000, float64(pct(0.9).Microseconds())/1000)
	fmt.Printf("server peak RSS %d MiB, lint %d MiB (ratio %.2f, target ≤ 2)\n", rss/1024, lintRSS/1024, float64(rss)/float64(lintRSS))
	return nil
}

// lspSession is a running persona lsp, initialized.
type lspSession struct {
	cmd       *exec.Cmd
	stdin     io.WriteCloser
	conn      *jsonrpc2.Conn
	published chan publishedDiagnostics
}

func startSession(persona, dir string) (*lspSession, error) {
	cmd := exec.Command(persona, "lsp", "--today", "2026-11-22")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &lspSession{cmd: cmd, stdin: stdin, published: make(chan publishedDiagnostics, 1<<16)}
	s.conn = jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(rwc{stdout, stdin}, jsonrpc2.VSCodeObjectCodec{}), benchClient{s.published})
	var init json.RawMessage
	root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)}).String()
	if err := s.conn.Call(context.Background(), "initialize", map[string]any{"processId": os.Getpid(), "rootUri": root, "capabilities": map[string]any{}}, &init); err != nil {
		s.close()
		return nil, err
	}
	s.notify("initialized", map[string]any{})
	return s, nil
}

func (s *lspSession) notify(method string, params any) {
	s.conn.Notify(context.Background(), method, params)
}

func (s *lspSession) close() {
	s.conn.Close()
	s.stdin.Close()
	s.cmd.Wait()
}

func median(ds []time.Duration) time.Duration {
	sorted := append([]time.Duration(nil), ds...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	return sorted[len(sorted)/2]
}

type rwc struct {
	io.ReadCloser
	io.WriteCloser
}

func (r rwc) Close() error {
	r.ReadCloser.Close()
	return r.WriteCloser.Close()
}

type publishedDiagnostics struct {
	URI     string `json:"uri"`
	Version int    `json:"version"`
}

// benchClient takes the server's notifications in order, as an editor
// does, and answers its requests without blocking the reading.
type benchClient struct{ published chan<- publishedDiagnostics }

func (b benchClient) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	if !req.Notif {
		go conn.Reply(ctx, req.ID, nil)
		return
	}
	if req.Method == "textDocument/publishDiagnostics" && req.Params != nil {
		var p publishedDiagnostics
		if json.Unmarshal(*req.Params, &p) == nil {
			b.published <- p
		}
	}
}

func waitFor(published <-chan publishedDiagnostics, uri string, version int) (publishedDiagnostics, error) {
	timeout := time.After(5 * time.Minute)
	for {
		select {
		case p := <-published:
			if p.URI == uri && p.Version == version {
				return p, nil
			}
		case <-timeout:
			return publishedDiagnostics{}, fmt.Errorf("no diagnostics for %s version %d", uri, version)
		}
	}
}

func firstPersona(dir string) (string, error) {
	var found string
	err := filepath.WalkDir(filepath.Join(dir, "personas"), func(p string, d os.DirEntry, err error) error {
		if err == nil && found == "" && !d.IsDir() && strings.HasSuffix(p, ".md") {
			found = p
		}
		return err
	})
	if found == "" && err == nil {
		err = fmt.Errorf("no persona under %s/personas", dir)
	}
	return found, err
}

// icpLine finds a persona's icp line: its 0-based number and its text.
func icpLine(text string) (int, string) {
	for n, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, "icp: ") {
			return n, l
		}
	}
	return 0, ""
}

// peakRSS reads a live process's peak resident set from /proc, in KiB.
func peakRSS(pid int) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		}
	}
	return 0, fmt.Errorf("no VmHWM for process %d", pid)
}
