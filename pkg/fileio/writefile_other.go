//go:build !unix

package fileio

import (
	"io/fs"
	"os"
)

// writeFile is os.WriteFile.
func writeFile(path string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(path, data, perm)
}
