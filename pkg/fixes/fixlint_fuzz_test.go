package fixes_test

import (
	"slices"
	"testing"
	"time"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/fixes"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/lint/rules"
	"github.com/personakit/persona/pkg/workspace"
)

// fixWorkspace is what a fuzzed persona lives beside: ICPs and interviews
// its typos can be near, and notes its quotes can slip against.
var fixWorkspace = []workspace.File{
	{Rel: "icps/mid-market-saas.md", Data: []byte("---\nkind: icp\nid: mid-market-saas\ntitle: Mid-market SaaS\n---\n")},
	{Rel: "icps/enterprise.md", Data: []byte("---\nkind: icp\nid: enterprise\ntitle: Enterprise\n---\n")},
	{Rel: "interviews/cfo-1.md", Data: []byte("---\nkind: interview\nid: cfo-1\ndate: 2026-01-01\nicp: mid-market-saas\n---\n> We lose two weeks,\n> every month.\n")},
	{Rel: "interviews/cfo-2.md", Data: []byte("---\nkind: interview\nid: cfo-2\ndate: 2026-01-02\nicp: mid-market-saas\n---\nNotes.\n")},
}

// FuzzFixesHold applies every fix lint offers for a fuzzed persona, one
// at a time, and lints again: the file still parses as well as it did,
// and the finding fixed is gone.
func FuzzFixesHold(f *testing.F) {
	f.Add("---\nkind: persnoa\nicp: mid-markt-saas\n---\n")
	f.Add("---\nkind: persona\nid: p\nicp: \"mid-markt-saas\" # typo\nfrustratons: [x]\nsources: [cfo-11, cfo-2]\nlint:\n  ignore: [stale, persona-overlp]\n---\n")
	f.Add("---\nkind: persona\nid: p\nicp: enterprse\nquotes:\n  - text: \"we lose two weeks every month\"\n    source: cfo-1\n---\n")
	f.Add("---\r\nkind: persona\r\nicp: mid-market-saa\r\ngoals:\r\n  - text: x\r\n    evidence: [cfo-l]\r\n---\r\n")
	f.Add("---\nkind: persona\nfrustratons: [a]\nfrustrations: [b]\n---\n")
	cfg := config.Default()
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 {
			return
		}
		runner, err := lint.NewRunner(cfg, rules.All())
		if err != nil {
			t.Fatal(err)
		}
		lintText := func(src []byte) []finding.Finding {
			files := append(slices.Clone(fixWorkspace), workspace.File{Rel: "personas/p.md", Data: src})
			ws := workspace.FromFiles("/w", files, workspace.Options{Config: cfg, Inspect: runner.Inspector(), Slim: true})
			var out []finding.Finding
			for _, fd := range runner.Run(ws, lint.Options{Today: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}) {
				if fd.Path == "personas/p.md" {
					out = append(out, fd)
				}
			}
			return out
		}
		invalid := func(fs []finding.Finding) bool {
			return slices.ContainsFunc(fs, func(fd finding.Finding) bool {
				return fd.Rule == "frontmatter-invalid" || fd.Rule == "file-unreadable"
			})
		}
		src := []byte(text)
		before := lintText(src)
		for _, fd := range before {
			if fd.Suggestion == nil {
				continue
			}
			e, err := fixes.Place(src, fd.Path, *fd.Suggestion)
			if err != nil {
				continue
			}
			fixed, applied := fixes.Apply(src, []finding.Edit{e})
			if !applied[0] {
				t.Fatalf("a placed fix was not applied: %+v", e)
			}
			after := lintText(fixed)
			// A file of unknown kind is not checked past its kind, so its
			// fix may reveal problems that were there all along (a key
			// written twice); persona fix lints again and reports them.
			if !invalid(before) && invalid(after) && fd.Rule != "kind-unknown" {
				t.Fatalf("fixing %s (%q) broke the file:\n%s\n→\n%s\n%+v", fd.Rule, fd.Message, src, fixed, after)
			}
			if slices.ContainsFunc(after, func(a finding.Finding) bool {
				return a.Rule == fd.Rule && a.Line == fd.Line && a.Column == fd.Column && a.Message == fd.Message
			}) {
				t.Fatalf("the fix of %s did not remove it:\n%s\n→\n%s", fd.Message, src, fixed)
			}
		}
	})
}
