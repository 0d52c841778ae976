package langserver

import (
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
)

// pathOf returns the local file path a file: URI names, or false for any
// other URI (untitled buffers, remote files), which the server leaves alone.
func pathOf(uri string) (string, bool) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" || u.Path == "" {
		return "", false
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		p = strings.TrimPrefix(p, "/") // /C:/x → C:/x
	}
	return filepath.Clean(filepath.FromSlash(p)), true
}

// uriOf returns the file: URI of an absolute path, percent-encoded by
// net/url so that any file name (spaces, #, ?, %) survives.
func uriOf(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
