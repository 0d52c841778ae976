package rules

import (
	"strings"
	"sync"
	"testing"

	"github.com/personakit/persona/pkg/generate"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/quote"
)

func TestQuoteNotFound(t *testing.T) {
	iv := "---\nkind: interview\ndate: 2026-09-01\nicp: saas\ninterviewee: {company_size: 200}\nconsent: true\n---\n" +
		"## What we heard\n\n> We lose the *first two weeks* of every month\n> to the close.\n\nShe said: \"I don’t trust a revenue number until I've rebuilt it myself.\"\n"
	fiona := func(extra string) string {
		return replaceLine(cleanWorkspace()["personas/fiona.md"], "goals: [Close faster]", extra)
	}
	runRuleCases(t, "quote-not-found", []ruleCase{
		{"a claim's quote across a line break, emphasis and a blockquote", with(map[string]string{"interviews/one.md": iv, "personas/fiona.md": fiona(
			"goals:\n  - text: Close faster\n    evidence:\n      - interview: one\n        quote: we lose the first two weeks of every month to the close")}), "", nil},
		{"curly quotes and an ellipsis", with(map[string]string{"interviews/one.md": iv, "personas/fiona.md": fiona(
			"goals: [x]\nquotes:\n  - text: \"“I don’t trust a revenue number … myself.”\"\n    source: one")}), "", nil},
		{"one word changed", with(map[string]string{"interviews/one.md": iv, "personas/fiona.md": fiona(
			"goals:\n  - text: Close faster\n    evidence:\n      - interview: one\n        quote: we lose the first three weeks of every month")}), "",
			[]string{"personas/fiona.md:12:16 error"}},
		{"a made-up quote", with(map[string]string{"interviews/one.md": iv, "personas/fiona.md": fiona(
			"goals: [x]\nquotes:\n  - text: Our CEO loves dashboards\n    source: one")}), "",
			[]string{"personas/fiona.md:10:11 error"}},
		{"a missing interview is source-missing's", with(map[string]string{"interviews/one.md": iv, "personas/fiona.md": fiona(
			"goals: [x]\nquotes:\n  - text: anything\n    source: nobody")}), "", nil},
		{"an unsourced quote is not checked", with(map[string]string{"interviews/one.md": iv, "personas/fiona.md": fiona(
			"goals: [x]\nquotes: [made up]")}), "", nil},
		// A quote looked for once is reported each time it is given again
		// (an alias is where its anchor is).
		{"a quote aliased in a row, made up and said", with(map[string]string{"interviews/one.md": iv, "personas/fiona.md": fiona(
			"goals:\n  - text: Close faster\n    evidence:\n      - {interview: one, quote: &q made up words}\n      - {interview: one, quote: *q}\n" +
				"      - {interview: one, quote: &s to the close}\n      - {interview: one, quote: *s}\n      - {interview: one, quote: *q}")}), "",
			[]string{"personas/fiona.md:11:33 error", "personas/fiona.md:11:33 error", "personas/fiona.md:11:33 error"}},
	})
}

func TestQuoteNotFoundNamesTheClosestPassage(t *testing.T) {
	iv := "---\nkind: interview\ndate: 2026-09-01\nicp: saas\ninterviewee: {company_size: 200}\nconsent: true\n---\n\nIntro.\n\n> We lose the first two weeks of every month to the close.\n"
	fiona := replaceLine(cleanWorkspace()["personas/fiona.md"], "goals: [Close faster]",
		"goals:\n  - text: Close faster\n    evidence:\n      - interview: one\n        quote: we lose the first three weeks of every month")
	got := lintMessages(t, with(map[string]string{"interviews/one.md": iv, "personas/fiona.md": fiona}), "", "quote-not-found")
	if len(got) != 1 || !strings.Contains(got[0], `quote does not occur in interview "one"; the closest passage, at interviews/one.md:11, holds 89% of its words: "we lose the first two weeks of every month`) {
		t.Errorf("got %q", got)
	}
}

func TestQuoteUnsourced(t *testing.T) {
	fiona := cleanWorkspace()["personas/fiona.md"]
	runRuleCases(t, "quote-unsourced", []ruleCase{
		{"a plain quote and a mapping without source", with(map[string]string{"personas/fiona.md": replaceLine(fiona, "goals: [Close faster]",
			"goals: [x]\nquotes:\n  - words said\n  - text: more words\n  - text: sourced\n    source: one")}), "",
			[]string{"personas/fiona.md:10:5 warning", "personas/fiona.md:11:11 warning"}},
		{"none", cleanWorkspace(), "", nil},
	})
}

func TestClaimEvidenceCountsAsSources(t *testing.T) {
	fiona := replaceLine(cleanWorkspace()["personas/fiona.md"], "sources: [one, two, three]",
		"frustrations:\n  - text: Slow close\n    evidence: [one, {interview: two}]\nquotes:\n  - text: said\n    source: three")
	files := with(map[string]string{"personas/fiona.md": fiona})
	for _, rule := range []string{"persona-no-sources", "persona-few-sources", "interview-orphan"} {
		if got := lintFindings(t, files, "", rule); len(got) != 0 {
			t.Errorf("%s: %v; evidence and quote sources are the persona's sources", rule, got)
		}
	}
	missing := replaceLine(cleanWorkspace()["personas/fiona.md"], "goals: [Close faster]",
		"goals:\n  - text: x\n    evidence: [gone]")
	if got := lintFindings(t, with(map[string]string{"personas/fiona.md": missing}), "", "source-missing"); len(got) != 1 || got[0] != "personas/fiona.md:10:16 error" {
		t.Errorf("source-missing at the evidence's own line: %v", got)
	}
}

// TestBodyClaims writes the claims in the persona's body, as prose under
// claim headings (SPEC §9): their citations are sources, their cited
// blockquotes are quotes, and they are claims to every rule.
func TestBodyClaims(t *testing.T) {
	iv := "---\nkind: interview\ndate: 2026-09-01\nicp: saas\ninterviewee: {company_size: 200}\nconsent: true\n---\n\n> We lose two weeks every month to the close.\n"
	persona := "---\nkind: persona\nname: Fiona\nicp: saas\nowners: [m]\nreviewed: 2026-10-01\nshare: 0.5\n---\n\n" +
		"## Frustrations\n\n- The close takes too long [@one; @two]\n\n  > We lose three weeks every month to the close. [@one]\n\n**Goals:**\n\n- Trust the numbers [@three]\n- Hire an analyst\n"
	files := with(map[string]string{"interviews/one.md": iv, "personas/fiona.md": persona})
	for _, rule := range []string{"persona-no-sources", "persona-few-sources", "persona-demographics-only", "interview-orphan"} {
		if got := lintFindings(t, files, "", rule); len(got) != 0 {
			t.Errorf("%s: %v; body claims and their citations count", rule, got)
		}
	}
	if got := lintFindings(t, files, "", "quote-not-found"); len(got) != 1 || got[0] != "personas/fiona.md:14:5 error" {
		t.Errorf("quote-not-found on the body's blockquote: %v", got)
	}
	if got := lintFindings(t, files, "rules:\n  claim-unsupported: warning\n", "claim-unsupported"); len(got) != 1 || got[0] != "personas/fiona.md:19:3 warning" {
		t.Errorf("claim-unsupported on the body's uncited item: %v", got)
	}
	// An item that is only a link lists a source, however the body is
	// read: not a claim, and a source of the persona.
	linked := "---\nkind: persona\nname: Lin\nicp: saas\nowners: [m]\nreviewed: 2026-10-01\nshare: 0.5\n---\n\n## Goals\n\n- Trust the numbers\n- https://research.example/study\n"
	if got := lintFindings(t, with(map[string]string{"personas/lin.md": linked}), "", "persona-no-sources"); len(got) != 0 {
		t.Errorf("persona-no-sources with a listed link: %v", got)
	}
	var lin []string
	for _, f := range lintFindings(t, with(map[string]string{"personas/lin.md": linked}), "rules:\n  claim-unsupported: warning\n", "claim-unsupported") {
		if strings.HasPrefix(f, "personas/lin.md:") {
			lin = append(lin, f)
		}
	}
	if len(lin) != 1 || lin[0] != "personas/lin.md:12:3 warning" {
		t.Errorf("claim-unsupported: %v; want the one claim, not the link", lin)
	}
	missing := strings.Replace(persona, "@three", "@nobody", 1)
	if got := lintFindings(t, with(map[string]string{"interviews/one.md": iv, "personas/fiona.md": missing}), "", "source-missing"); len(got) != 1 || got[0] != "personas/fiona.md:18:23 error" {
		t.Errorf("source-missing at the citation: %v", got)
	}
}

// TestQuoteNotFoundTellsWhereQuotesAre: a run asked to (QuoteFound) is
// told of each quote found, once per interview and quote, on the line of
// the notes' body quote.Text.Locate gives; a quote not found is not told.
func TestQuoteNotFoundTellsWhereQuotesAre(t *testing.T) {
	iv := "---\nkind: interview\ndate: 2026-09-01\nicp: saas\ninterviewee: {company_size: 200}\nconsent: true\n---\n" +
		"## What we heard\n\n> We lose the *first two weeks* of every month\n> to the close.\n\nShe said: \"I don’t trust a revenue number until I've rebuilt it myself.\"\n"
	files := with(map[string]string{"interviews/one.md": iv, "personas/fiona.md": replaceLine(cleanWorkspace()["personas/fiona.md"], "goals: [Close faster]",
		"goals:\n  - text: Close faster\n    evidence:\n      - {interview: one, quote: &q we lose the first two weeks of every month to the close}\n      - {interview: one, quote: *q}\n"+
			"      - {interview: one, quote: made up words}\nquotes:\n  - {text: \"I don’t trust a revenue number\", source: one}")})
	root := t.TempDir()
	if err := generate.Files(root, files); err != nil {
		t.Fatal(err)
	}
	runner, ws := loadWithAllRules(t, root)
	var mu sync.Mutex
	told := map[string]int{}
	runner.Run(ws, lint.Options{QuoteFound: func(interview *model.Document, q string, line int) {
		mu.Lock()
		defer mu.Unlock()
		if _, twice := told[q]; twice || interview.ID != "one" {
			t.Errorf("told of %q in %s again, or of the wrong interview", q, interview.ID)
		}
		told[q] = line
	}})
	notes := quote.NewText([]byte(ws.Lookup(model.KindInterview, "one").Body))
	for _, q := range []string{"we lose the first two weeks of every month to the close", "I don’t trust a revenue number"} {
		want, ok := notes.Locate(q)
		if got, told := told[q]; !ok || !told || got != want {
			t.Errorf("%q: told line %d (%v), Locate says %d (%v)", q, got, told, want, ok)
		}
	}
	if len(told) != 2 {
		t.Errorf("told of %d quotes, want the 2 found: %v", len(told), told)
	}
}
