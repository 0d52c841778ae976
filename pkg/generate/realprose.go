package generate

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// RealProse copies a workspace that Workspace wrote with Realistic set
// from src to dst, with every claim's text replaced by a sentence of real
// prose taken from the Markdown pages under corpora. The generator's
// made-up words make some work easy that real sentences do not: claim
// words outside ASCII, body items the one-pass reader cannot prove, and
// persona-overlap's digests on claims that share words.
//
// Each ICP takes one topic (a directory of pages with at least
// minTopicSentences distinct sentences), as the personas of one ICP share
// a vocabulary, and deals its personas that topic's sentences without
// replacement, as people write their own sentences: personas that share
// words, not claims. With nearDuplicates, each ICP draws with replacement
// from two pages instead, which makes about half of all personas
// near-duplicates of another: what persona-overlap costs when its
// findings are true. The same arguments give the same tree.
func RealProse(src, dst, corpora string, nearDuplicates bool) error {
	pools, err := prosePools(corpora, nearDuplicates)
	if err != nil {
		return err
	}
	if len(pools) < 2 {
		return &os.PathError{Op: "read prose", Path: corpora, Err: fs.ErrNotExist}
	}
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(7, 7))
	decks := map[string]drawer{}
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		out := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(out, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if parts := strings.Split(filepath.ToSlash(rel), "/"); len(parts) == 3 && parts[0] == "personas" {
			icp := parts[1]
			if decks[icp] == nil {
				decks[icp] = newDrawer(rng, pools, nearDuplicates)
			}
			data = []byte(rewriteClaims(string(data), decks[icp]))
		}
		return os.WriteFile(out, data, 0o644)
	})
}

// minTopicSentences is the fewest distinct sentences a topic deals from:
// an ICP's eight personas write some 440 claims.
const minTopicSentences = 300

// prosePools are the sentences RealProse deals from: one pool per topic
// (directory), or with nearDuplicates one per page of at least 20.
func prosePools(corpora string, nearDuplicates bool) ([][]string, error) {
	var files []string
	err := filepath.WalkDir(corpora, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	topics := map[string][]string{}
	var order []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		key := filepath.Dir(f)
		if nearDuplicates {
			key = f
		}
		if _, ok := topics[key]; !ok {
			order = append(order, key)
		}
		topics[key] = append(topics[key], sentences(string(data))...)
	}
	slices.Sort(order)
	var pools [][]string
	for _, key := range order {
		t := topics[key]
		if nearDuplicates {
			if len(t) >= 20 {
				pools = append(pools, t)
			}
			continue
		}
		seen := map[string]bool{}
		var distinct []string
		for _, s := range t {
			if !seen[s] {
				seen[s] = true
				distinct = append(distinct, s)
			}
		}
		if len(distinct) >= minTopicSentences {
			pools = append(pools, distinct)
		}
	}
	return pools, nil
}

var (
	proseFrontMatter = regexp.MustCompile(`(?s)\A---.*?---`)
	proseFences      = regexp.MustCompile("(?s)```.*?```")
	proseMarkup      = regexp.MustCompile(`\{\{.*?\}\}|<[^>]+>|\[([^\]]*)\]\([^)]*\)`)
	proseStray       = regexp.MustCompile("[`*_\\[\\]|\\\\]")
)

// sentences are a page's sentences of prose: no front matter, code,
// shortcodes, tags or link targets; 25 to 160 characters and at least
// four words each.
func sentences(page string) []string {
	page = proseFrontMatter.ReplaceAllString(page, "")
	page = proseFences.ReplaceAllString(page, " ")
	page = proseMarkup.ReplaceAllString(page, "$1")
	var out []string
	for _, line := range strings.Split(page, "\n") {
		line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "#>-*0123456789. "))
		for _, s := range splitSentences(line) {
			s = strings.TrimSpace(proseStray.ReplaceAllString(s, ""))
			if n := utf8.RuneCountInString(s); n >= 25 && n <= 160 && len(strings.Fields(s)) >= 4 {
				out = append(out, s)
			}
		}
	}
	return out
}

// splitSentences splits a line at each run of white space that follows
// ".", "!" or "?".
func splitSentences(line string) []string {
	var out []string
	start := 0
	for i := 0; i < len(line); i++ {
		if i > 0 && strings.IndexByte(".!?", line[i-1]) >= 0 && isProseSpace(line[i]) {
			j := i
			for j < len(line) && isProseSpace(line[j]) {
				j++
			}
			out = append(out, line[start:i])
			start, i = j, j-1
		}
	}
	return append(out, line[start:])
}

func isProseSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' }

// drawer deals an ICP's sentences.
type drawer func() string

func newDrawer(rng *rand.Rand, pools [][]string, nearDuplicates bool) drawer {
	if nearDuplicates {
		a := rng.IntN(len(pools))
		b := (a + 1 + rng.IntN(len(pools)-1)) % len(pools)
		pool := append(slices.Clip(pools[a]), pools[b]...)
		return func() string { return pool[rng.IntN(len(pool))] }
	}
	pool := pools[rng.IntN(len(pools))]
	var left []string
	return func() string {
		if len(left) == 0 {
			left = slices.Clone(pool)
			rng.Shuffle(len(left), func(i, j int) { left[i], left[j] = left[j], left[i] })
		}
		s := left[len(left)-1]
		left = left[:len(left)-1]
		return s
	}
}

var proseBodyItem = regexp.MustCompile(`^(- |\d+\. )(.*?)(\s*\[@[^\]]*\])?$`)

// rewriteClaims replaces the text of each claim of a persona page, in
// front matter (a list item of a claim list, plain or as text:) and in
// the body (a bullet or numbered item, its citation kept).
func rewriteClaims(page string, draw drawer) string {
	lines := strings.Split(page, "\n")
	fences := 0
	for i, line := range lines {
		if line == "---" {
			fences++
			continue
		}
		switch {
		case fences == 1:
			if prefix, ok := frontMatterClaim(line); ok {
				lines[i] = prefix + quoteYAML(draw())
			}
		case fences >= 2:
			if m := proseBodyItem.FindStringSubmatch(line); m != nil && m[2] != "" {
				lines[i] = m[1] + strings.TrimRight(draw(), ".") + "." + m[3]
			}
		}
	}
	return strings.Join(lines, "\n")
}

// frontMatterClaim says whether a front matter line holds a claim's text
// written by the realistic generator, and what comes before it.
func frontMatterClaim(line string) (prefix string, ok bool) {
	if strings.HasPrefix(line, "  - ../") || strings.HasPrefix(line, "  - interview-") {
		return "", false
	}
	// The first prefix after which neither "interview:" nor "quote:"
	// follows decides; a flow mapping there is not a claim's text.
	for _, prefix := range []string{"  - text: ", "  - "} {
		rest, found := strings.CutPrefix(line, prefix)
		if found && !strings.HasPrefix(rest, "interview:") && !strings.HasPrefix(rest, "quote:") {
			return prefix, !strings.HasPrefix(rest, "{")
		}
	}
	return "", false
}

func quoteYAML(s string) string {
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
}
