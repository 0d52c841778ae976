package rules

import (
	"fmt"
	"iter"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/personakit/persona/pkg/claims"
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

// maxOverlapClaims bounds the claims of one persona that take part.
const maxOverlapClaims = claims.MaxCompared

// A claim's index must fit the prefix index's low byte, and the claims of
// an ICP that hold a word must count in 16 bits (overlapWorker.prefixed).
var (
	_ [1<<claimBits - maxOverlapClaims]struct{}
	_ [1<<16 - maxOverlapPersonas*maxOverlapClaims]struct{}
)

// nearIdentical is the word-set similarity from which two claims say the
// same thing (SPEC §9).
const nearIdentical = claims.NearIdentical

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
	doc *model.Document
	// claims are the compared claims' words; after a lean load they are
	// read on first use, and sketch, the digest's, holds a few bits of
	// each (claims.Digest), which rule most pairs out first.
	claims   []claimWords
	read     bool
	sketch   []byte
	compared int // how many claims take part
	title    string
	// cited are the interviews cited, sorted by path, once citedRead
	// (overlapWorker.cited): most personas share no title with another.
	cited     []*model.Document
	citedRead bool
	index     []uint64 // sorted; built on first use
	// sketched is the sketch cut into claims (overlapWorker.unpack), with
	// their prefixes in the ICP's order of words (overlapWorker.prefixed).
	sketched *sketchProfile
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
func (c claimWords) prefix() []uint64 { return c.ids[:claims.PrefixLen(len(c.ids))] }

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
	personas := c.WS.SharedEntities(model.KindPersona)
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
	seed := c.WS.WordSeed()
	parallel.Each(len(order), func(int) func(int) {
		w := &overlapWorker{rule: r, ws: c.WS, hasher: wordset.NewHasher(seed)}
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
// core; every worker hashes words under the workspace's seed, as its
// claim digests are.
type overlapWorker struct {
	rule   *personaOverlap
	ws     *workspace.Workspace
	hasher *wordset.Hasher
	// reader reads persona files again, for the pairs that sketches do
	// not rule out.
	reader workspace.Reader
	// claimsWithWord counts, for the ICP being compared, the claims whose
	// sketch holds each word: the ICP's order of words, rarest first.
	// Cleared after each ICP.
	claimsWithWord [1 << claims.SketchBits]uint32
	byRarity       []uint32
	// arena holds what the profiles of the ICP being compared are cut
	// into, emptied for the next ICP: sketching every persona of a large
	// workspace would otherwise make a few kilobytes of garbage each.
	arena overlapArena
}

type overlapArena struct {
	overlapProfiles []overlapProfile
	profiles        []sketchProfile
	claims          []sketchClaim
	words           []uint16
	heads           []int32
	entries         []prefixEntry
	stamps          []int32
}

// take is n fresh elements at the end of *arena, grown as append grows:
// views taken earlier keep the array they were taken from.
func take[E any](arena *[]E, n int) []E {
	*arena = slices.Grow(*arena, n)
	start := len(*arena)
	*arena = (*arena)[:start+n]
	out := (*arena)[start : start+n : start+n]
	clear(out)
	return out
}

// compare profiles the personas of one ICP and finds each one that
// overlaps an earlier one, in path order.
func (w *overlapWorker) compare(personas []*model.Document) []overlapFound {
	w.arena.overlapProfiles = w.arena.overlapProfiles[:0]
	room := take(&w.arena.overlapProfiles, len(personas))
	profiles := make([]*overlapProfile, len(personas))
	for i, p := range personas {
		profiles[i] = &room[i]
		w.profile(profiles[i], p)
	}
	slices.SortFunc(profiles, func(a, b *overlapProfile) int { return strings.Compare(a.doc.Path, b.doc.Path) })
	if len(profiles) > 1 {
		a := &w.arena
		a.profiles, a.claims, a.words, a.heads, a.entries, a.stamps = a.profiles[:0], a.claims[:0], a.words[:0], a.heads[:0], a.entries[:0], a.stamps[:0]
		for _, p := range profiles {
			w.unpack(p)
		}
		w.countWords(profiles, 1)
		defer w.countWords(profiles, 0)
	}
	var out []overlapFound
	for j, later := range profiles {
		for _, earlier := range profiles[:j] {
			if why := w.overlap(earlier, later); why != "" {
				out = append(out, overlapFound{later.doc, earlier.doc.ID, why})
				break
			}
		}
	}
	return out
}

// profile makes prof, zero, the profile of persona p.
func (w *overlapWorker) profile(prof *overlapProfile, p *model.Document) {
	prof.doc, prof.title = p, strings.ToLower(strings.TrimSpace(p.Persona.Role.Title.Value))
	switch d := p.Persona.Digest; {
	case d != nil && d.Sketch != nil:
		prof.sketch = d.Sketch
		prof.compared = claims.SketchClaims(d.Sketch)
	case d != nil:
		// The digest holds the words whole, as setClaims would make them.
		prof.claims = splitClaims(d.Words, d.Ends)
		prof.read, prof.compared = true, len(prof.claims)
	default:
		w.setClaims(prof, p.Persona.Claims)
	}
}

// cited is the interviews the profile's persona cites, sorted by path,
// resolved on the first call.
func (w *overlapWorker) cited(p *overlapProfile) []*model.Document {
	if !p.citedRead {
		p.cited, p.citedRead = citedInterviews(w.ws, p.doc), true
	}
	return p.cited
}

// readClaims gives prof its claims' words, read again from its file after
// a lean load. A file that cannot be read now (it could when loaded)
// compares as a persona without claims.
func (w *overlapWorker) readClaims(prof *overlapProfile) {
	if prof.read {
		return
	}
	cls, _ := w.ws.ClaimsOf(prof.doc, &w.reader)
	w.setClaims(prof, cls)
}

func (w *overlapWorker) setClaims(prof *overlapProfile, cls []model.Claim) {
	// The claims are slices of one array of word ids: one allocation per
	// persona instead of one per claim.
	ids, ends := claims.Compared(nil, nil, cls, w.hasher)
	prof.claims = splitClaims(ids, ends)
	prof.read, prof.compared = true, len(prof.claims)
}

// splitClaims cuts the word ids of claim after claim at their ends into
// claimWords.
func splitClaims[E uint8 | int](ids []uint64, ends []E) []claimWords {
	out := make([]claimWords, len(ends))
	start := 0
	for i, e := range ends {
		end := int(e)
		out[i].ids = ids[start:end:end]
		for _, id := range out[i].ids {
			out[i].summary |= 1 << (id % 64)
		}
		start = end
	}
	return out
}

// sketchProfile is a profile's sketch cut into claims, each with its
// prefix: its first claims.PrefixLen words in the ICP's order (rarest
// first, then by value). Two claims whose sketches reach nearIdentical
// share a word of their prefixes in any order all claims follow (prefix
// filtering, with a word's copies as elements of its own); with the
// rarest words first, a prefix holds the words few claims share.
type sketchProfile struct {
	claims []sketchClaim
	// heads and entries list, by word, the claims whose prefix holds it:
	// heads[word & (len(heads)-1)] is 1 + the last entry of the word's
	// bucket, each entry naming the next; empty until the prefixes are
	// taken. Words are hashes already, so their low bits spread well.
	heads   []int32
	entries []prefixEntry
}

type sketchClaim struct {
	words  []uint16 // ascending, each word's copy kept
	prefix []uint16
	// summary has bit word%64 of each word: a word of one claim whose
	// bit the other's lacks is not among the other's words.
	summary uint64
}

// mayMatch says whether the claims' sketches reach nearIdentical: an
// upper bound on the words they share, from their summaries, rules most
// pairs out before their words are merged.
func (s sketchClaim) mayMatch(l sketchClaim) bool {
	ns, nl := len(s.words), len(l.words)
	if wordset.JaccardBelow(ns, nl, nearIdentical) {
		return false
	}
	common := min(ns-bits.OnesCount64(s.summary&^l.summary), nl-bits.OnesCount64(l.summary&^s.summary))
	if float64(common)/float64(ns+nl-common) < nearIdentical {
		return false
	}
	return wordset.Jaccard(s.words, l.words) >= nearIdentical
}

type prefixEntry struct {
	word  uint16
	claim uint8
	next  int32
}

// claimsWith yields the claims whose prefix holds the word v.
func (p *sketchProfile) claimsWith(v uint16) iter.Seq[int] {
	return func(yield func(int) bool) {
		for e := p.heads[int(v)&(len(p.heads)-1)]; e != 0; e = p.entries[e-1].next {
			if p.entries[e-1].word == v && !yield(int(p.entries[e-1].claim)) {
				return
			}
		}
	}
}

// unpack cuts the profile's sketch into its claims' words, in the arena:
// the digest's, or the same words cut from the claims' ids when the
// profile holds those, so that the pairs the sketches rule out are never
// compared word by word (nor their prefix indexes built).
func (w *overlapWorker) unpack(p *overlapProfile) {
	sp := &take(&w.arena.profiles, 1)[0]
	sp.claims = take(&w.arena.claims, p.compared)[:0]
	add := func(words []uint16) {
		c := sketchClaim{words: words}
		for _, v := range words {
			c.summary |= 1 << (v % 64)
		}
		sp.claims = append(sp.claims, c)
	}
	if p.sketch != nil {
		for words := range claims.SketchEntries(p.sketch, &w.arena.words) {
			add(words)
		}
	} else {
		for _, c := range p.claims {
			start := len(w.arena.words)
			w.arena.words = claims.AppendSketchWords(w.arena.words, c.ids)
			add(w.arena.words[start:len(w.arena.words):len(w.arena.words)])
		}
	}
	p.sketched = sp
}

// countWords adds by (1 or 0, which clears) to the count of each word:
// in how many claims of the ICP's personas the word is.
func (w *overlapWorker) countWords(profiles []*overlapProfile, by uint32) {
	counts := &w.claimsWithWord
	for _, p := range profiles {
		for _, c := range p.sketched.claims {
			for i, v := range c.words {
				if i == 0 || v != c.words[i-1] {
					counts[v] = (counts[v] + 1) * by
				}
			}
		}
	}
}

// prefixed is the profile's sketch with each claim's prefix taken, in the
// ICP's order of words, and indexed.
func (w *overlapWorker) prefixed(p *overlapProfile) *sketchProfile {
	sp := p.sketched
	if sp.heads != nil {
		return sp
	}
	prefixes := 0
	for _, c := range sp.claims {
		prefixes += claims.PrefixLen(len(c.words))
	}
	buf := take(&w.arena.words, prefixes)[:0]
	sp.entries = take(&w.arena.entries, prefixes)[:0]
	// Twice as many buckets as entries, so that most lookups of a word
	// that no prefix holds end at an empty bucket.
	sp.heads = take(&w.arena.heads, 1<<bits.Len(uint(2*prefixes)))
	counts := &w.claimsWithWord
	for i := range sp.claims {
		c := &sp.claims[i]
		// The rarest first, then by value: one key sorts both, as a
		// count fits 16 bits (maxOverlapPersonas·maxOverlapClaims).
		w.byRarity = w.byRarity[:0]
		for _, v := range c.words {
			w.byRarity = append(w.byRarity, counts[v]<<16|uint32(v))
		}
		slices.Sort(w.byRarity)
		start := len(buf)
		for _, key := range w.byRarity[:claims.PrefixLen(len(c.words))] {
			buf = append(buf, uint16(key))
		}
		c.prefix = buf[start:len(buf):len(buf)]
		for _, v := range c.prefix {
			head := &sp.heads[int(v)&(len(sp.heads)-1)]
			sp.entries = append(sp.entries, prefixEntry{word: v, claim: uint8(i), next: *head})
			*head = int32(len(sp.entries))
		}
	}
	return sp
}

// mayOverlap says whether enough of the smaller persona's claims may have
// a near-identical claim in the larger one's, by their sketches: a claim
// may only if a claim of the larger shares a word of its prefix and their
// sketches reach nearIdentical. It is never false for a pair that
// overlaps (TestSketchNeverRulesOutAnOverlap).
func (w *overlapWorker) mayOverlap(small, large *overlapProfile) bool {
	s, l := w.prefixed(small), w.prefixed(large)
	if len(large.stamp) != large.compared {
		large.stamp = take(&w.arena.stamps, large.compared)
	}
	n := len(s.claims)
	may, unmatched := 0, 0
	for _, sc := range s.claims {
		found := false
		large.round++
		for _, v := range sc.prefix {
			if found {
				break
			}
			for i := range l.claimsWith(v) {
				if large.stamp[i] == large.round {
					continue
				}
				large.stamp[i] = large.round
				if sc.mayMatch(l.claims[i]) {
					found = true
					break
				}
			}
		}
		if found {
			may++
		} else if unmatched++; float64(n-unmatched)/float64(n) < w.rule.minOverlap {
			return false
		}
	}
	return float64(may)/float64(n) >= w.rule.minOverlap
}

// citedInterviews are the interviews a persona cites (Workspace.Cites),
// sorted by path.
func citedInterviews(ws *workspace.Workspace, p *model.Document) []*model.Document {
	out := ws.Cites(p)
	slices.SortFunc(out, func(a, b *model.Document) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// overlap says why two personas are near-duplicates, or "".
func (w *overlapWorker) overlap(a, b *overlapProfile) string {
	if a.title != "" && a.title == b.title {
		if as := w.cited(a); len(as) > 0 && slices.Equal(as, w.cited(b)) {
			return "the same role title, citing the same interviews"
		}
	}
	sp, lp := a, b
	if sp.compared > lp.compared {
		sp, lp = lp, sp
	}
	if sp.compared == 0 || !w.mayOverlap(sp, lp) {
		return ""
	}
	w.readClaims(a)
	w.readClaims(b)
	return w.rule.overlap(a, b)
}

// overlap compares the claims of two personas.
func (r *personaOverlap) overlap(a, b *overlapProfile) string {
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
