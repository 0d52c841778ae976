//go:build !linux

package fileio

import "io/fs"

func createTemp(dir string, mode fs.FileMode) (*tempFile, error) { return namedTemp(dir, mode) }

func (t *tempFile) commit(path string, replace bool) error { return t.commitNamed(path, replace) }
