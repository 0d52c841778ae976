package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/generate"
)

// TestMatchGoldens matches the export-shaped account sets of
// testdata/accounts (HubSpot's and Salesforce's headers, bands, symbols
// and codes, missing values, typos): the summaries against twenty
// generated ICPs, the rows (a line per account) against the showcase's.
func TestMatchGoldens(t *testing.T) {
	ws := t.TempDir()
	if err := generate.MatchICPs(ws, 20); err != nil {
		t.Fatal(err)
	}
	accounts := filepath.Join(repoRoot(t), "testdata", "accounts")
	acme := filepath.Join(repoRoot(t), "examples", "acme-analytics")
	for _, tc := range []struct {
		file, format, ext, ws string
	}{
		{"hubspot-companies.csv", "json", "json", ws},
		{"hubspot-companies.csv", "text", "txt", ws},
		{"salesforce-accounts.csv", "markdown", "md", ws},
		{"salesforce-accounts.csv", "csv", "csv", acme},
		{"hubspot-companies.csv", "jsonl", "jsonl", acme},
	} {
		t.Run(tc.file+"/"+tc.format, func(t *testing.T) {
			stdout, stderr, code := run(t, accounts, false, nil, "-C", tc.ws, "match", filepath.Join(accounts, tc.file), "--format", tc.format)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			// The files are named as given: absolute here, so show them
			// relative to the repository.
			stdout = strings.ReplaceAll(stdout, repoRoot(t)+"/", "")
			golden(t, "match."+strings.TrimSuffix(tc.file, ".csv")+"."+tc.ext, stdout)
		})
	}
}
