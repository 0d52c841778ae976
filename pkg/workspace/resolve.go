package workspace

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/personakit/persona/pkg/model"
)

// ResolveStatus is ResolveSource's status and document, without the path
// a Source holds: what lint's table of every reference keeps.
func (ws *Workspace) ResolveStatus(from *model.Document, ref string) (SourceStatus, *model.Document) {
	s := ws.resolve(from, ref, false)
	return s.Status, s.Doc
}

// resolve is ResolveSource, with the path of a file that is missing or no
// entity left out unless withPath. A reference given as a relative path is
// joined and cleaned in buffers on the stack (appendClean) and looked up
// without a string made for it; path.Join and path.Clean made two for
// every one, 10 MB of garbage at 52,500 realistic files while the rules
// ran, when every collection marks the whole workspace.
func (ws *Workspace) resolve(from *model.Document, ref string, withPath bool) Source {
	if d := ws.Lookup(model.KindInterview, ref); d != nil {
		return Source{Status: SourceFound, Doc: d, Path: d.Path}
	}
	if strings.Contains(ref, "://") && IsExternal(ref) {
		return Source{Status: SourceExternal}
	}
	var joined, first, second [256]byte
	var candidates [][]byte
	if filepath.IsAbs(ref) {
		rel, err := filepath.Rel(ws.Root, filepath.Clean(ref))
		if err != nil {
			return Source{Status: SourceOutside}
		}
		candidates = [][]byte{append(first[:0], filepath.ToSlash(rel)...)}
	} else {
		// ref from the persona's directory, then from the workspace's root.
		ref = filepath.ToSlash(ref)
		j := append(joined[:0], path.Dir(from.Path)...)
		if ref != "" {
			j = append(append(j, '/'), ref...)
		}
		candidates = [][]byte{appendClean(first[:0], j), appendClean(second[:0], ref)}
	}
	var inside []byte
	for _, c := range candidates {
		if string(c) == ".." || len(c) > 2 && string(c[:3]) == "../" {
			continue
		}
		if d := ws.byPath[string(c)]; d != nil {
			if d.Kind == model.KindInterview {
				return Source{Status: SourceFound, Doc: d, Path: d.Path}
			}
			return Source{Status: SourceNotInterview, Doc: d, Path: d.Path}
		}
		if ws.others[string(c)] {
			return Source{Status: SourceNotInterview, Path: pathIf(withPath, c)}
		}
		if inside == nil {
			inside = c
		}
	}
	if inside == nil {
		return Source{Status: SourceOutside}
	}
	return Source{Status: SourceMissing, Path: pathIf(withPath, inside)}
}

// pathIf is c as a string when it is wanted.
func pathIf(want bool, c []byte) string {
	if !want {
		return ""
	}
	return string(c)
}

// appendClean appends path.Clean(p) to dst: the same steps, written to a
// buffer of the caller's.
func appendClean[S ~string | ~[]byte](dst []byte, p S) []byte {
	if len(p) == 0 {
		return append(dst, '.')
	}
	start := len(dst)
	rooted := p[0] == '/'
	n := len(p)
	r, dotdot := 0, 0
	if rooted {
		dst = append(dst, '/')
		r, dotdot = 1, 1
	}
	for r < n {
		switch {
		case p[r] == '/':
			r++
		case p[r] == '.' && (r+1 == n || p[r+1] == '/'):
			r++
		case p[r] == '.' && p[r+1] == '.' && (r+2 == n || p[r+2] == '/'):
			r += 2
			switch {
			case len(dst)-start > dotdot:
				w := len(dst) - 1
				for w-start > dotdot && dst[w] != '/' {
					w--
				}
				dst = dst[:w]
			case !rooted:
				if len(dst) > start {
					dst = append(dst, '/')
				}
				dst = append(dst, '.', '.')
				dotdot = len(dst) - start
			}
		default:
			if rooted && len(dst)-start != 1 || !rooted && len(dst) > start {
				dst = append(dst, '/')
			}
			for ; r < n && p[r] != '/'; r++ {
				dst = append(dst, p[r])
			}
		}
	}
	if len(dst) == start {
		dst = append(dst, '.')
	}
	return dst
}
