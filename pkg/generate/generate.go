// Package generate writes deterministic, realistic persona workspaces of
// any size, for benchmarks and load tests. The same arguments always give
// byte-identical trees.
package generate

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Shape of a generated ICP: its personas and interviews.
const (
	PersonasPerICP   = 8
	InterviewsPerICP = 12
	FilesPerICP      = 1 + PersonasPerICP + InterviewsPerICP
)

// Options control Workspace.
type Options struct {
	ICPs int
	// FlawedEvery makes every n-th persona break a rule (0: none); 20 gives
	// the ~5% of real repositories.
	FlawedEvery int
	// BodyBytes is the approximate size of each file's Markdown body.
	BodyBytes int
	// Realistic writes personas as real teams keep them: 15-20 claims
	// over the five claim lists in front matter, many with evidence, and
	// bodies whose sections are claim lists again (## Goals (2)) with
	// 5-10 items, numbered lists and paragraphs; sources as paths, some
	// that do not resolve, and values that lint flags (field-type,
	// source-icp-mismatch), so thousands of findings, as in a repository
	// that grew for years.
	Realistic bool
}

// Defaults returns the options of the benchmarks: ~4.7 KB files, ~580-byte
// front matter, 5% flawed personas.
func Defaults(icps int) Options {
	return Options{ICPs: icps, FlawedEvery: 20, BodyBytes: 4100}
}

// RealisticDefaults returns the options of the realistic shape: personas
// of ~7 KB, interviews of ~5 KB.
func RealisticDefaults(icps int) Options {
	return Options{ICPs: icps, FlawedEvery: 20, BodyBytes: 4400, Realistic: true}
}

// Workspace writes a workspace of opts.ICPs × FilesPerICP files under dir,
// plus a .persona.yaml, and returns the number of files written.
func Workspace(dir string, opts Options) (int, error) {
	rng := rand.New(rand.NewPCG(1, 2))
	files := 0
	write := func(rel, content string) error {
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		files++
		return os.WriteFile(full, []byte(content), 0o644)
	}
	if err := write(".persona.yaml", "version: 1\nfields:\n  allow: [jtbd]\n"); err != nil {
		return 0, err
	}
	files--
	persona, evidenced := 0, 0
	// Real claims are written in thousands of words, not the forty the
	// prose uses: claims that share most words are the rare overlap lint
	// exists to find, not the rule.
	vocab := vocabulary(rng, 3000)
	for i := range opts.ICPs {
		icp := fmt.Sprintf("icp-%05d", i)
		if err := write("icps/"+icp+".md", icpFile(rng, icp, opts.BodyBytes)); err != nil {
			return 0, err
		}
		notes := make([]string, InterviewsPerICP)
		for k := range InterviewsPerICP {
			id := fmt.Sprintf("interview-%05d-%02d", i, k)
			notes[k] = body(rng, "Interview "+fmt.Sprint(k), opts.BodyBytes)
			if err := write(fmt.Sprintf("interviews/%s/%s.md", icp, id), interviewFile(icp, k, notes[k])); err != nil {
				return 0, err
			}
		}
		for j := range PersonasPerICP {
			persona++
			flawed := opts.FlawedEvery > 0 && persona%opts.FlawedEvery == 0
			id := fmt.Sprintf("persona-%05d-%d", i, j)
			// Half of the personas carry claim evidence and sourced
			// quotes, taken from the notes they cite; one in twenty of
			// those quotes is made up.
			var evidence string
			if j%2 == 0 {
				evidenced++
				evidence = claimEvidence(rng, i, j, notes, evidenced%20 == 0)
			}
			content := personaFile(rng, icp, i, j, flawed, evidence, opts.BodyBytes)
			if opts.Realistic {
				content = realisticPersona(rng, vocab, icp, i, j, opts.ICPs, flawed, notes)
			}
			if err := write("personas/"+icp+"/"+id+".md", content); err != nil {
				return 0, err
			}
		}
	}
	return files, nil
}

var words = strings.Fields(`customer finance close month report board revenue pipeline churn
onboarding budget approval workflow spreadsheet integration dashboard forecast
renewal pricing procurement security compliance analytics warehouse export team
manager director quarter target adoption migration vendor contract support`)

func sentence(rng *rand.Rand, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[rng.IntN(len(words))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func body(rng *rand.Rand, title string, size int) string {
	var b strings.Builder
	b.WriteString("\n# " + title + "\n")
	sections := []string{"Summary", "Context", "What we heard", "Day in the life", "Evidence", "Open questions"}
	for s := 0; b.Len() < size; s++ {
		b.WriteString("\n## " + sections[s%len(sections)] + "\n\n")
		for p := 0; p < 3 && b.Len() < size; p++ {
			for range 4 {
				b.WriteString(sentence(rng, 8+rng.IntN(8)) + " ")
			}
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func list(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString("  - " + strings.TrimSuffix(sentence(rng, 4+rng.IntN(3)), ".") + "\n")
	}
	return b.String()
}

func icpFile(rng *rand.Rand, id string, size int) string {
	return fmt.Sprintf(`---
kind: icp
id: %s
title: Segment %s
segment: b2b
owners: [product-marketing, sales]
reviewed: 2026-10-01
firmographics:
  industries: [software, fintech]
  employees: {min: 100, max: 1000}
  revenue: {min: 10000000, max: 200000000, currency: USD}
  regions: [north-america, emea]
pains:
%sdisqualifiers:
%s---
%s`, id, id, list(rng, 3), list(rng, 2), body(rng, "Segment "+id, size))
}

// claimEvidence is a persona's objections and quotes with evidence: a
// sentence of an interview it cites, or (fabricated) one nobody said.
func claimEvidence(rng *rand.Rand, i, j int, notes []string, fabricated bool) string {
	k, other := j%InterviewsPerICP, (j+4)%InterviewsPerICP
	said, also := quoteOf(rng, notes[k]), quoteOf(rng, notes[other])
	if fabricated {
		said = "Nobody in this company ever said these exact words at all"
		also = "Nor did anybody say this second sentence to us"
	}
	return fmt.Sprintf("objections:\n  - text: %s\n    evidence:\n      - interview: interview-%05d-%02d\n        quote: %q\nquotes:\n  - text: %q\n    source: interview-%05d-%02d\n",
		strings.TrimSuffix(sentence(rng, 5), "."), i, k, said, also, i, other)
}

// quoteOf picks one sentence of a generated body.
func quoteOf(rng *rand.Rand, body string) string {
	var sentences []string
	for _, line := range strings.Split(body, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		for _, s := range strings.SplitAfter(line, ". ") {
			if s = strings.TrimSpace(s); s != "" {
				sentences = append(sentences, s)
			}
		}
	}
	return sentences[rng.IntN(len(sentences))]
}

func personaFile(rng *rand.Rand, icp string, i, j int, flawed bool, evidence string, size int) string {
	status, typ := "active", "primary"
	switch j {
	case PersonasPerICP - 2:
		typ = "negative"
	case PersonasPerICP - 1:
		status = "draft"
	}
	icpRef := icp
	if flawed {
		icpRef = icp + "-typo"
	}
	var sources strings.Builder
	for s := range 3 {
		fmt.Fprintf(&sources, "  - interview-%05d-%02d\n", i, (j+s*4)%InterviewsPerICP)
	}
	return fmt.Sprintf(`---
kind: persona
name: Persona %d of %s
type: %s
status: %s
icp: %s
owners: [product]
reviewed: 2026-10-01
role: {title: Director of Finance %d, seniority: director, department: finance}
share: 0.1
buying_role: economic-buyer
goals:
%sfrustrations:
%schannels: [linkedin, newsletters]
%ssources:
%s---
%s`, j, icp, typ, status, icpRef, j, list(rng, 2), list(rng, 2), evidence, sources.String(), body(rng, fmt.Sprintf("Persona %d", j), size))
}

func interviewFile(icp string, k int, notes string) string {
	return fmt.Sprintf(`---
kind: interview
date: 2026-09-%02d
icp: %s
interviewee:
  role: Director of Finance
  company_size: %d
  region: emea
interviewer: research
consent: true
channel: video
---
%s`, 1+k, icp, 150+k*50, notes)
}

// Files writes files (slash-separated paths relative to dir, and their
// content) under dir, creating directories: the small workspaces tests
// describe inline.
func Files(dir string, files map[string]string) error {
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// claimLists are the five claim lists, as front matter keys and as the
// headings real pages give them.
var claimLists = [][2]string{{"goals", "Goals"}, {"motivations", "Motivations"}, {"frustrations", "Frustrations"},
	{"aspirations", "Aspirations"}, {"objections", "Objections"}}

// realisticPersona is a persona of the realistic shape (see Options).
func realisticPersona(rng *rand.Rand, vocab []string, icp string, i, j, icps int, flawed bool, notes []string) string {
	claim := func(n int) string {
		ws := make([]string, n)
		for k := range ws {
			ws[k] = vocab[rng.IntN(len(vocab))]
		}
		return strings.ToUpper(ws[0][:1]) + strings.Join(ws, " ")[1:]
	}
	ref := func(k int) string { return fmt.Sprintf("interview-%05d-%02d", i, k%InterviewsPerICP) }
	var fm strings.Builder
	fmt.Fprintf(&fm, "---\nkind: persona\nname: Persona %d of %s\ntype: primary\nstatus: active\n", j, icp)
	icpRef := icp
	if flawed {
		icpRef = icp + "-typo"
	}
	fmt.Fprintf(&fm, "icp: %s\nowners: [product, research]\nreviewed: 2026-10-01\n", icpRef)
	fmt.Fprintf(&fm, "role: {title: Director of Finance %d, seniority: director, department: finance}\n", j)
	share := "0.1"
	if j%5 == 3 {
		share = "about a tenth" // field-type, as hand-written shares are
	}
	fmt.Fprintf(&fm, "share: %s\nbuying_role: [economic-buyer, champion]\nchannels: [linkedin, newsletters, peers]\n", share)
	claims := 15 + rng.IntN(6)
	for c, list := range claimLists {
		n := claims / len(claimLists)
		if c < claims%len(claimLists) {
			n++
		}
		fmt.Fprintf(&fm, "%s:\n", list[0])
		for k := range n {
			text := claim(6 + rng.IntN(6))
			switch k % 3 {
			case 0:
				fmt.Fprintf(&fm, "  - %s\n", text)
			case 1:
				fmt.Fprintf(&fm, "  - text: %s\n    evidence: [%s]\n", text, ref(j+k))
			default:
				fmt.Fprintf(&fm, "  - text: %s\n    evidence:\n      - interview: %s\n        quote: %q\n", text, ref(j+k+1), quoteOf(rng, notes[(j+k+1)%InterviewsPerICP]))
			}
		}
	}
	fm.WriteString("sources:\n")
	fmt.Fprintf(&fm, "  - ../../interviews/%s/%s.md\n", icp, ref(j))
	fmt.Fprintf(&fm, "  - %s\n", ref(j+4))
	if j%3 == 0 {
		fmt.Fprintf(&fm, "  - ../../interviews/%s/%s-old.md\n", icp, ref(j+8)) // source-missing
	}
	if icps > 1 && j%4 == 1 {
		other := (i + 1) % icps // an interview of another ICP: source-icp-mismatch
		fmt.Fprintf(&fm, "  - interview-%05d-%02d\n", other, j%InterviewsPerICP)
	}
	fm.WriteString("---\n")
	// The body: claim sections again, with lists, numbered lists and
	// paragraphs, as real persona pages are written.
	var b strings.Builder
	fmt.Fprintf(&b, "\n# Persona %d\n\n", j)
	for range 2 {
		b.WriteString(sentence(rng, 12) + " " + sentence(rng, 14) + "\n\n")
	}
	for c, list := range claimLists {
		n := 5 + rng.IntN(6)
		fmt.Fprintf(&b, "## %s (%d)\n\n", list[1], n)
		for k := range n {
			if c%2 == 1 {
				fmt.Fprintf(&b, "%d. %s.", k+1, claim(6+rng.IntN(6)))
			} else {
				fmt.Fprintf(&b, "- %s.", claim(6+rng.IntN(6)))
			}
			if k%3 == 0 {
				fmt.Fprintf(&b, " [@%s]", ref(j+k))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n" + sentence(rng, 10) + " " + sentence(rng, 12) + "\n\n")
	}
	b.WriteString("## Day in the life\n\n" + sentence(rng, 14) + " " + sentence(rng, 10) + "\n")
	return fm.String() + b.String()
}

// vocabulary makes n distinct lower-case words of two to four syllables.
func vocabulary(rng *rand.Rand, n int) []string {
	syllables := strings.Fields("ba be bi bo bu ca ce co da de di do fa fe fi fo ga ge go ha he hi ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zo")
	seen := map[string]bool{}
	out := make([]string, 0, n)
	for len(out) < n {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}
