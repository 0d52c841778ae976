package rules

import (
	"fmt"
	"hash/maphash"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/parallel"
	"github.com/personakit/persona/pkg/wordset"
	"github.com/personakit/persona/pkg/workspace"
)

// personaOverlap finds near-duplicate personas of one ICP: two personas
// that say the same things, or have one job and one set of interviews, are
// one persona written twice.
type personaOverlap struct {
	meta
	minOverlap float64
}

// maxOverlapPersonas bounds the pairwise comparison per ICP: beyond it the
// ICP has far more personas than anyone reads (icp-too-many-personas says
// so), and comparing every pair would grow with their square.
const maxOverlapPersonas = 100

// maxOverlapClaims bounds the claims of one persona that take part: two
// personas are compared claim by claim, so a file of half a million claims
// must not make that grow with the square of its size.
const maxOverlapClaims = 200

// A claim's index must fit the prefix index's low byte.
var _ [1<<claimBits - maxOverlapClaims]struct{}

// nearIdentical is the word-set similarity from which two claims say the
// same thing (SPEC §9).
const nearIdentical = 0.6

func (r *personaOverlap) Options() []lint.Option {
	return []lint.Option{{Name: "min_overlap", Default: "0.6",
		Description: "The share of the smaller persona's claims with a near-identical claim in the other that makes two personas overlap."}}
}

func (r *personaOverlap) Configure(opts map[string]config.Option, path string) error {
	o, ok := opts["min_overlap"]
	if !ok {
		return nil
	}
	f, err := strconv.ParseFloat(o.Value.Value, 64)
	if err != nil || f <= 0 || f > 1 {
		return config.Errorf(path, o.Value, "rules.persona-overlap.min_overlap must be a fraction above 0 and at most 1, such as 0.6, not %q", o.Value.Value)
	}
	r.minOverlap = f
	return nil
}

type overlapProfile struct {
	doc    *model.Document
	claims []claimWords
	title  string
	// sources are the interviews cited, sorted by path, resolved on the
	// first call: most personas share no title with another.
	sources func() []*model.Document
	index   []uint64 // sorted; built on first use
	// stamp marks the claims of this profile already compared with the
	// current claim of another: one slot per claim, reused.
	stamp []int32
	round int32
}

// claimWords is one claim's words as sorted ids, and a 64-bit summary of
// them (bit id%64 per word): two claims whose summaries share no bit share
// no word, so most pairs are ruled out by one AND.
type claimWords struct {
	ids     []uint64
	summary uint64
}

// prefix is the start of a claim's sorted word ids that any claim
// near-identical to it (Jaccard ≥ nearIdentical) must share a word with:
// a set of n words reaches similarity t with another only if they share
// one of its first n - ⌈t·n⌉ + 1 words in a common order (prefix
// filtering). Indexing prefixes finds the candidates of a claim without
// comparing it with every claim of the other persona.
func (c claimWords) prefix() []uint64 {
	n := len(c.ids)
	keep := n - int(math.Ceil(nearIdentical*float64(n))) + 1
	return c.ids[:min(max(keep, 0), n)]
}

// A prefix index entry is one word of a claim's prefix: the word's id
// with its low byte replaced by the claim's index (maxOverlapClaims fits),
// so that the index is a plain sorted []uint64. Two words whose ids agree
// but for the low byte only make an extra candidate, which the claims'
// Jaccard similarity, on whole ids, then rules out.
const claimBits = 8

// prefixIndex lists, by word, the claims of a profile whose prefix holds
// the word: one sorted array, built on first use, for the profiles that
// are compared at all.
func (p *overlapProfile) prefixIndex() []uint64 {
	if p.index == nil {
		n := 0
		for _, c := range p.claims {
			n += len(c.prefix())
		}
		p.index = make([]uint64, 0, n)
		for i, c := range p.claims {
			for _, id := range c.prefix() {
				p.index = append(p.index, id>>claimBits<<claimBits|uint64(i))
			}
		}
		slices.Sort(p.index)
	}
	return p.index
}

// claimsWith calls fn with each claim whose prefix holds the word id (and
// any whose prefix holds a word whose id differs only in the low byte).
func claimsWith(index []uint64, id uint64, fn func(claim int32) bool) {
	word := id >> claimBits << claimBits
	at, _ := slices.BinarySearch(index, word)
	for ; at < len(index) && index[at]>>claimBits<<claimBits == word; at++ {
		if !fn(int32(index[at] & (1<<claimBits - 1))) {
			return
		}
	}
}

func (r *personaOverlap) Check(c *lint.Context) {
	// A persona's finding depends on every earlier persona of its ICP, so
	// a scoped run compares whole ICPs: those of the personas it checks.
	personas := c.WS.Entities(model.KindPersona)
	if c.Scoped() {
		wanted := map[string]bool{}
		personas = nil
		for _, p := range c.Entities(model.KindPersona) {
			if !wanted[p.Persona.ICP.Value] {
				wanted[p.Persona.ICP.Value] = true
				personas = append(personas, c.WS.PersonasOf(p.Persona.ICP.Value)...)
			}
		}
	}
	// Personas are grouped by ICP first and profiled one ICP at a time on
	// each core: only one ICP's word sets and indexes per core are held at
	// once, however many ICPs the workspace has.
	groups := map[string][]*model.Document{}
	var order []string
	for _, p := range personas {
		icp := p.Persona.ICP.Value
		if !p.CountsInICP() || icp == "" || len(groups[icp]) >= maxOverlapPersonas {
			continue
		}
		if groups[icp] == nil {
			order = append(order, icp)
		}
		groups[icp] = append(groups[icp], p)
	}
	found := make([][]overlapFound, len(order))
	seed := maphash.MakeSeed()
	parallel.Each(len(order), func(int) func(int) {
		w := &overlapWorker{rule: r, ws: c.WS, seed: seed}
		return func(i int) { found[i] = w.compare(groups[order[i]]) }
	})
	for _, icp := range found {
		for _, f := range icp {
			c.Report(f.later, model.FileStart, "persona overlaps %q (%s); merge the two, or make them differ in what they want and struggle with", f.earlier, f.why)
		}
	}
}

// overlapFound is a persona that overlaps an earlier one of its ICP.
type overlapFound struct {
	later   *model.Document
	earlier string
	why     string
}

// overlapWorker compares the personas of one ICP after another, on one
// core; every worker hashes words under the run's one seed.
type overlapWorker struct {
	rule *personaOverlap
	ws   *workspace.Workspace
	seed maphash.Seed
}

// compare profiles the personas of one ICP and finds each one that
// overlaps an earlier one, in path order.
func (w *overlapWorker) compare(personas []*model.Document) []overlapFound {
	profiles := make([]*overlapProfile, 0, len(personas))
	for _, p := range personas {
		profiles = append(profiles, w.profile(p))
	}
	slices.SortFunc(profiles, func(a, b *overlapProfile) int { return strings.Compare(a.doc.Path, b.doc.Path) })
	var out []overlapFound
	for j, later := range profiles {
		for _, earlier := range profiles[:j] {
			if why := w.rule.overlap(earlier, later); why != "" {
				out = append(out, overlapFound{later.doc, earlier.doc.ID, why})
				break
			}
		}
	}
	return out
}

func (w *overlapWorker) profile(p *model.Document) *overlapProfile {
	prof := &overlapProfile{doc: p, title: strings.ToLower(strings.TrimSpace(p.Persona.Role.Title.Value))}
	// The claims' word ids are appended to one array, each claim's run
	// sorted in place, and the claims are slices of it: one allocation per
	// persona instead of one per claim.
	var ids []uint64
	var ends []int
	for _, cl := range p.Persona.Claims {
		if len(ends) == maxOverlapClaims {
			break
		}
		start := len(ids)
		if ids = w.appendWords(ids, cl.Text.Value); len(ids) > start {
			ends = append(ends, len(ids))
		}
	}
	prof.claims = make([]claimWords, len(ends))
	for i, start := 0, 0; i < len(ends); i++ {
		cw := claimWords{ids: ids[start:ends[i]:ends[i]]}
		for _, id := range cw.ids {
			cw.summary |= 1 << (id % 64)
		}
		prof.claims[i], start = cw, ends[i]
	}
	if prof.title != "" {
		// Only a persona of the same title compares interviews with it.
		prof.sources = sync.OnceValue(func() []*model.Document { return citedInterviews(w.ws, p) })
	}
	return prof
}

// citedInterviews are the interviews a persona cites (Workspace.Cites),
// sorted by path.
func citedInterviews(ws *workspace.Workspace, p *model.Document) []*model.Document {
	out := ws.Cites(p)
	slices.SortFunc(out, func(a, b *model.Document) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// appendWords appends a claim's words to ids as sorted ids, each once:
// each word's hash under the run's seed, so that no table of words is
// kept. Two words share an id only if their 64-bit hashes collide, about
// one chance in 10¹⁹ for a pair, and the seed is secret, so no file can be
// written to collide.
func (w *overlapWorker) appendWords(ids []uint64, text string) []uint64 {
	start := len(ids)
	ids = wordset.AppendHashes(ids, text, w.seed)
	claim := ids[start:]
	slices.Sort(claim)
	return ids[:start+len(slices.Compact(claim))]
}

// overlap says why two personas are near-duplicates, or "".
func (r *personaOverlap) overlap(a, b *overlapProfile) string {
	if a.title != "" && a.title == b.title && a.sources != nil && b.sources != nil {
		if as := a.sources(); len(as) > 0 && slices.Equal(as, b.sources()) {
			return "the same role title, citing the same interviews"
		}
	}
	sp, lp := a, b
	if len(sp.claims) > len(lp.claims) {
		sp, lp = lp, sp
	}
	small := sp.claims
	if len(small) == 0 {
		return ""
	}
	index := lp.prefixIndex()
	if len(lp.stamp) != len(lp.claims) {
		lp.stamp = make([]int32, len(lp.claims))
	}
	matched, unmatched := 0, 0
	for _, s := range small {
		lp.round++
		found := false
		for _, id := range s.prefix() {
			claimsWith(index, id, func(i int32) bool {
				if lp.stamp[i] == lp.round {
					return true
				}
				lp.stamp[i] = lp.round
				l := lp.claims[i]
				found = s.summary&l.summary != 0 && !wordset.JaccardBelow(len(s.ids), len(l.ids), nearIdentical) && wordset.Jaccard(s.ids, l.ids) >= nearIdentical
				return !found
			})
			if found {
				matched++
				break
			}
		}
		// Most pairs differ: stop once the claims left cannot reach the
		// share, which gives the answer the whole walk would.
		if !found {
			unmatched++
			if float64(len(small)-unmatched)/float64(len(small)) < r.minOverlap {
				return ""
			}
		}
	}
	if share := float64(matched) / float64(len(small)); share >= r.minOverlap {
		return fmt.Sprintf("%d of %d claims are near-identical", matched, len(small))
	}
	return ""
}

// Costly: it compares the personas of each ICP pairwise, claim by claim.
func (r *personaOverlap) Costly() {}
