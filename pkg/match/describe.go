package match

import (
	"errors"
	"fmt"
	"os"

	"github.com/personakit/persona/pkg/accounts"
	"github.com/personakit/persona/pkg/fileio"
)

// Describe is an error of reading the accounts as the user is shown it: an
// account file's own error as it is, a file that cannot be opened by its
// path and the reason alone.
func Describe(err error) error {
	var fe *accounts.FileError
	if errors.As(err, &fe) {
		return err
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %v", pe.Path, fileio.Describe(err))
	}
	return err
}
