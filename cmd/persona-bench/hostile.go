package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/personakit/persona/pkg/generate"
)

// hostile writes the workspace for one hostile input at size n under dir;
// .ci/bench-hostile runs persona on each at growing n to show that time and
// memory grow linearly (or not at all) with the input.
//
//	alias N       a persona whose aliases nest N levels, nine per level
//	quotes N      a persona body of N nested blockquote markers
//	misspelt N    a generated workspace of N ICPs, every persona's icp misspelt
//	citations N   one ICP, N personas and N interviews, each persona citing three
//	findings N    an interview with N e-mail addresses
//	sparse N      a persona that is a sparse file of N GiB
//	sources N     a persona citing a misspelt interview N times (fix's passes)
//	cited N       N personas of one id, all citing one interview (the site)
//	quoted N      a persona giving one 256 KB quote, then aliasing it N times
//	overlap N     N ICPs of 100 personas of 200 claims each, the claims of
//	              12 words drawn from one vocabulary of 300 per ICP: every
//	              pair compared, none near-identical (persona-overlap)
//	copies N      the same, every persona of an ICP the same claims: every
//	              persona overlaps the first, its claims read again
func hostile(kind string, n int, dir string) error {
	write := func(rel, content string) error {
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		return os.WriteFile(full, []byte(content), 0o644)
	}
	icp := "---\nkind: icp\ntitle: SaaS\nowners: [sales]\nreviewed: 2026-10-01\nfirmographics: {industries: [software], employees: {min: 10, max: 100}}\n---\n"
	if err := write("icps/saas.md", icp); err != nil {
		return err
	}
	switch kind {
	case "alias":
		return write("personas/bomb.md", generate.AliasBomb(n, "1"))
	case "quotes":
		return write("personas/quotes.md", "---\nkind: persona\nname: Quotes\nicp: saas\n---\n"+strings.Repeat(">", n)+" deep\n")
	case "misspelt":
		if _, err := generate.Workspace(dir, generate.Defaults(n)); err != nil {
			return err
		}
		return filepath.WalkDir(filepath.Join(dir, "personas"), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(p, []byte(strings.Replace(string(data), "\nicp: icp-", "\nicp: icq-", 1)), 0o644)
		})
	case "citations":
		for i := range n {
			if err := write(fmt.Sprintf("interviews/i%06d.md", i), fmt.Sprintf(
				"---\nkind: interview\ndate: 2026-09-01\nicp: saas\nconsent: true\n---\nNotes %d.\n", i)); err != nil {
				return err
			}
			if err := write(fmt.Sprintf("personas/p%06d.md", i), fmt.Sprintf(
				"---\nkind: persona\nname: P%d\nicp: saas\nsources: [i%06d, i%06d, i%06d]\n---\n", i, i, (i+1)%n, (i+2)%n)); err != nil {
				return err
			}
		}
		return nil
	case "findings":
		var b strings.Builder
		b.WriteString("---\nkind: interview\ndate: 2026-09-01\nicp: saas\nconsent: true\n---\n")
		for i := range n {
			fmt.Fprintf(&b, "write to person%d@example.com\n", i)
		}
		return write("interviews/emails.md", b.String())
	case "sources":
		if err := write("interviews/cfo-1.md", "---\nkind: interview\ndate: 2026-09-01\nicp: saas\nconsent: true\n---\nNotes.\n"); err != nil {
			return err
		}
		return write("personas/fiona.md", "---\nkind: persona\nname: Fiona\nicp: saas\ngoals: [Close faster]\nsources:\n"+strings.Repeat("  - cfo-l\n", n)+"---\n")
	case "cited":
		if err := write("interviews/cfo-1.md", "---\nkind: interview\nid: cfo-1\ndate: 2026-09-01\nicp: saas\nconsent: true\n---\nNotes.\n"); err != nil {
			return err
		}
		for i := range n {
			if err := write(fmt.Sprintf("personas/p%06d.md", i), "---\nkind: persona\nid: x\nname: X\nicp: saas\nsources: [cfo-1]\n---\n"); err != nil {
				return err
			}
		}
		return nil
	case "quoted":
		if err := write("interviews/cfo-1.md", "---\nkind: interview\ndate: 2026-09-01\nicp: saas\nconsent: true\n---\nNotes.\n"); err != nil {
			return err
		}
		var b strings.Builder
		b.WriteString("---\nkind: persona\nname: Fiona\nicp: saas\ngoals:\n  - text: Close faster\n    evidence:\n")
		fmt.Fprintf(&b, "      - {interview: cfo-1, quote: &q %s}\n", strings.Repeat("we close the books late ", 256<<10/24))
		b.WriteString(strings.Repeat("      - {interview: cfo-1, quote: *q}\n", n))
		b.WriteString("---\n")
		return write("personas/fiona.md", b.String())
	case "overlap", "copies":
		return overlapICPs(write, n, kind == "copies")
	case "sparse":
		if err := write("personas/sparse.md", "---\nkind: persona\nname: Sparse\nicp: nowhere\n---\n"); err != nil {
			return err
		}
		return os.Truncate(filepath.Join(dir, "personas", "sparse.md"), int64(n)<<30)
	}
	return fmt.Errorf("unknown hostile input %q", kind)
}

// overlapICPs writes n ICPs at persona-overlap's bounds: 100 personas of
// 200 claims each (maxOverlapPersonas, claims.MaxCompared).
func overlapICPs(write func(rel, content string) error, n int, copies bool) error {
	rng := rand.New(rand.NewPCG(uint64(n), 11))
	for i := range n {
		if err := write(fmt.Sprintf("icps/icp-%d.md", i), fmt.Sprintf(
			"---\nkind: icp\ntitle: ICP %d\nowners: [sales]\nreviewed: 2026-10-01\nfirmographics: {industries: [software], employees: {min: 10, max: 100}}\n---\n", i)); err != nil {
			return err
		}
		var claims strings.Builder
		for p := range 100 {
			if !copies || p == 0 {
				claims.Reset()
				for range 200 {
					claims.WriteString("  -")
					for range 12 {
						fmt.Fprintf(&claims, " w%dx%d", i, rng.IntN(300))
					}
					claims.WriteString("\n")
				}
			}
			if err := write(fmt.Sprintf("personas/icp-%d/p%d-%03d.md", i, i, p), fmt.Sprintf(
				"---\nkind: persona\nname: P%d\nicp: icp-%d\nowners: [m]\nreviewed: 2026-10-01\ngoals:\n%s---\n", p, i, claims.String())); err != nil {
				return err
			}
		}
	}
	return nil
}
