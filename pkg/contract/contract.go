// Package contract describes the front-matter contract once, as data: every
// key of every kind and nested mapping, with its type, allowed values,
// whether it is required, and a sentence about it. The decoder's key
// tables, the JSON Schema, key suggestions, the canonical key order and the
// README's key tables are derived from it, so they cannot drift apart.
package contract

import (
	"strings"
	"sync"

	"github.com/personakit/persona/pkg/model"
)

// Type is the shape a key's value must have.
type Type string

const (
	// Text is one scalar value; numbers and booleans are read as their text.
	Text Type = "text"
	// Slug is Text that must be a slug (id-invalid checks it, not the type).
	Slug Type = "slug"
	// Enum is Text restricted to Values.
	Enum Type = "enum"
	// Date is YYYY-MM-DD, optionally followed by a time (see DateLayouts).
	Date Type = "date"
	// Bool is true or false.
	Bool Type = "bool"
	// Number is an integer or a decimal number.
	Number Type = "number"
	// Count is a whole number of at least 1 (people, items).
	Count Type = "count"
	// TextList is a list of scalar values; a single value is refused.
	TextList Type = "text-list"
	// EnumList is one of Values, or a list of them.
	EnumList Type = "enum-list"
	// Share is a fraction in [0, 1] or a percentage string such as "25%".
	Share Type = "share"
	// Size is a head count: a number or a text such as 200-500 or 1k+.
	Size Type = "size"
	// Mapping holds the nested Keys (and any key when Open).
	Mapping Type = "mapping"
	// ClaimList is a list of claims: each a text, or a mapping {text,
	// evidence}, evidence a list of interview references or mappings
	// {interview, quote} (SPEC §9).
	ClaimList Type = "claim-list"
	// QuoteList is a list of quotes: each a text, or a mapping {text,
	// source}.
	QuoteList Type = "quote-list"
	// Any is a key the config allows under fields.allow: anything goes.
	Any Type = "any"
)

// Key is one key of the contract.
type Key struct {
	Name     string
	Type     Type
	Values   []string // Enum's allowed values
	Required bool     // field-required reports it missing
	// Open mappings accept keys beyond Keys (persona demographics,
	// interviewee); closed ones report others as field-unknown.
	Open bool
	Keys []Key // a Mapping's keys
	// Lint marks keys lint's rules read as values; the slim documents
	// lint keeps hold only these.
	Lint        bool
	Description string
	// StandIn names the key that stands in for a required one when it is
	// absent, null or blank: a persona page's title is its name (SPEC §12).
	StandIn string
	// Site marks a static-site generator's key that persona keeps and
	// does not check (SPEC §12).
	Site bool
}

// entry is a top-level key and the kinds that have it. One name may have a
// different shape in different kinds (demographics), hence several entries.
type entry struct {
	kinds []model.Kind
	key   Key
}

func rangeKeys(money bool) []Key {
	keys := []Key{
		{Name: "min", Type: Number, Lint: true, Description: "The lower bound (inclusive); leave it out for no lower bound."},
		{Name: "max", Type: Number, Lint: true, Description: "The upper bound (inclusive); leave it out for no upper bound."},
	}
	if money {
		keys = append(keys, Key{Name: "currency", Type: Text, Lint: true, Description: "The ISO 4217 currency of the bounds, such as EUR."})
	}
	return keys
}

// table is the contract, top-level keys in canonical order: identity first,
// then who and what, then the lists, then sources and suppressions. It is
// built per call so that nothing package-level is mutable.
func table() []entry {
	allKinds := []model.Kind{model.KindICP, model.KindPersona, model.KindInterview}
	icp := []model.Kind{model.KindICP}
	persona := []model.Kind{model.KindPersona}
	iview := []model.Kind{model.KindInterview}
	return []entry{
		{allKinds, Key{Name: "kind", Type: Enum, Values: []string{"icp", "persona", "interview"}, Required: true, Lint: true,
			Description: "What the file is: an ideal customer profile, a buyer persona or a customer interview."}},
		{allKinds, Key{Name: "id", Type: Slug, Lint: true,
			Description: "The id other files use to refer to this one: lowercase letters, digits and dashes. Defaults to the file name without .md."}},
		{persona, Key{Name: "name", Type: Text, Required: true, Lint: true, StandIn: "title",
			Description: "What the team calls this person, such as Finance Director Fiona; a page's title stands in when there is no name."}},
		{icp, Key{Name: "title", Type: Text, Required: true, Lint: true,
			Description: "The ICP's name, such as Mid-market SaaS."}},
		{persona, Key{Name: "type", Type: Enum, Values: []string{"primary", "secondary", "supplemental", "negative"}, Lint: true,
			Description: "How central the persona is; negative describes who the product is not for."}},
		{icp, Key{Name: "segment", Type: Enum, Values: []string{"b2b", "b2c"}, Lint: true,
			Description: "Whether the ICP describes organisations (b2b, the default) or consumers (b2c)."}},
		{allKinds, Key{Name: "status", Type: Enum, Values: []string{"draft", "proto", "active", "retired"}, Lint: true,
			Description: "Lifecycle: draft until it has evidence, proto for an assumption-based proto-persona, active (the default), retired."}},
		{persona, Key{Name: "icp", Type: Text, Lint: true,
			Description: "The id of the ICP this person works in."}},
		{iview, Key{Name: "icp", Type: Text, Lint: true,
			Description: "The id of the ICP the interviewee's company fits, if known."}},
		{allKinds, Key{Name: "owners", Type: TextList, Lint: true,
			Description: "The teams or people who keep it current."}},
		{allKinds, Key{Name: "reviewed", Type: Date, Lint: true,
			Description: "When it was last validated against reality (YYYY-MM-DD)."}},
		{allKinds, Key{Name: "tags", Type: TextList,
			Description: "Free labels."}},
		{persona, Key{Name: "role", Type: Mapping, Lint: true, Description: "The person's job.", Keys: []Key{
			{Name: "title", Type: Text, Lint: true, Description: "Their job title."},
			{Name: "seniority", Type: Text, Description: "Their seniority, such as manager or director."},
			{Name: "department", Type: Text, Description: "Their department, such as finance."},
			{Name: "budget_authority", Type: Bool, Description: "Whether they control a budget."},
		}}},
		{persona, Key{Name: "demographics", Type: Mapping, Open: true, Description: "Demographic traits; any keys.", Keys: []Key{
			{Name: "age_range", Type: Text, Description: "An age range, such as 35-50."},
			{Name: "location", Type: Text, Description: "Where they live or work."},
			{Name: "education", Type: Text, Description: "Their education."},
		}}},
		{icp, Key{Name: "firmographics", Type: Mapping, Lint: true, Description: "The attributes of the organisations that fit.", Keys: []Key{
			{Name: "industries", Type: TextList, Lint: true, Description: "The industries that fit."},
			{Name: "employees", Type: Mapping, Lint: true, Keys: rangeKeys(false), Description: "The head count range that fits, {min, max}."},
			{Name: "revenue", Type: Mapping, Lint: true, Keys: rangeKeys(true), Description: "The annual revenue range that fits, {min, max, currency}."},
			{Name: "regions", Type: TextList, Lint: true, Description: "The regions that fit."},
			{Name: "tech_stack", Type: TextList, Lint: true, Description: "The technologies fitting companies use."},
			{Name: "business_model", Type: Text, Lint: true, Description: "The business model that fits, such as subscription."},
		}}},
		{icp, Key{Name: "demographics", Type: Mapping, Lint: true, Description: "The attributes of the consumers that fit (b2c).", Keys: []Key{
			{Name: "age", Type: Mapping, Lint: true, Keys: rangeKeys(false), Description: "The age range that fits, {min, max}."},
			{Name: "income", Type: Mapping, Lint: true, Keys: rangeKeys(true), Description: "The income range that fits, {min, max, currency}."},
			{Name: "locations", Type: TextList, Lint: true, Description: "The locations that fit."},
			{Name: "education", Type: TextList, Lint: true, Description: "The education levels that fit."},
			{Name: "occupations", Type: TextList, Lint: true, Description: "The occupations that fit."},
			{Name: "interests", Type: TextList, Lint: true, Description: "The interests that fit."},
		}}},
		{icp, Key{Name: "shares", Type: Enum, Values: []string{"exclusive", "overlapping"}, Lint: true,
			Description: "Whether its personas' shares split its customers (exclusive, the default: together at most 100%) or overlap, as self-identified user types do."}},
		{icp, Key{Name: "customer_share", Type: Share, Lint: true,
			Description: "The share of current customers this ICP claims to cover: 0.35 or \"35%\"; persona match and icp-share-mismatch check it against account data."}},
		{persona, Key{Name: "share", Type: Share, Lint: true,
			Description: "The fraction of the ICP's customers this persona represents: 0.25 or \"25%\"."}},
		{persona, Key{Name: "buying_role", Type: EnumList, Values: []string{"decision-maker", "economic-buyer", "champion", "influencer", "user", "blocker", "initiator", "researcher"},
			Description: "The part they play in a purchase, or the parts: many buyers have several."}},
		{iview, Key{Name: "date", Type: Date, Required: true, Lint: true,
			Description: "When the conversation took place (YYYY-MM-DD; a time may follow)."}},
		{iview, Key{Name: "interviewee", Type: Mapping, Open: true, Lint: true, Description: "Who was interviewed, by role, never by name; any keys.", Keys: []Key{
			{Name: "role", Type: Text, Description: "The interviewee's job title."},
			{Name: "company_size", Type: Size, Lint: true, Description: "The head count of their company: 250, 200-500 or 1k+."},
			{Name: "region", Type: Text, Description: "Where their company is."},
		}}},
		{iview, Key{Name: "type", Type: Enum, Values: []string{"interview", "survey", "usability-test", "focus-group", "study"},
			Description: "What kind of research it was (interview, the default)."}},
		{iview, Key{Name: "participants", Type: Count,
			Description: "How many people took part (1, the default): a survey's respondents, a focus group's members."}},
		{iview, Key{Name: "interviewer", Type: Text, Description: "Who led the conversation."}},
		{iview, Key{Name: "consent", Type: Bool, Lint: true, Description: "True once the interviewee agreed to notes being kept."}},
		{iview, Key{Name: "channel", Type: Text, Description: "How it took place: call, video, in-person, survey."}},
		{persona, Key{Name: "goals", Type: ClaimList, Lint: true, Description: "What this person wants to achieve, in their words."}},
		{icp, Key{Name: "goals", Type: TextList, Description: "What the whole segment wants to achieve."}},
		{persona, Key{Name: "motivations", Type: ClaimList, Lint: true, Description: "What drives them: recognition, safety, growth, time."}},
		{persona, Key{Name: "frustrations", Type: ClaimList, Lint: true, Description: "What gets in their way today."}},
		{persona, Key{Name: "aspirations", Type: ClaimList, Lint: true, Description: "Where they want to get to."}},
		{icp, Key{Name: "pains", Type: TextList, Description: "The problems the whole segment shares."}},
		{icp, Key{Name: "needs", Type: TextList, Description: "What the segment needs to solve them."}},
		{icp, Key{Name: "behaviors", Type: TextList, Description: "How companies in the segment behave."}},
		{icp, Key{Name: "channels", Type: TextList, Description: "Where the segment learns and buys."}},
		{persona, Key{Name: "channels", Type: TextList, Description: "Where this person learns and buys: communities, newsletters, events."}},
		{icp, Key{Name: "triggers", Type: TextList, Description: "Events that make a company start looking: a new hire, funding, a migration."}},
		{persona, Key{Name: "objections", Type: ClaimList, Lint: true, Description: "Why they would say no."}},
		{icp, Key{Name: "disqualifiers", Type: TextList, Description: "Traits that rule a company out."}},
		{icp, Key{Name: "buying_committee", Type: TextList, Description: "Persona ids or role titles involved in buying."}},
		{persona, Key{Name: "quotes", Type: QuoteList, Lint: true, Description: "What interviewees said, word for word: a text, or {text, source} naming the interview that holds it."}},
		{persona, Key{Name: "sources", Type: TextList, Lint: true,
			Description: "The interviews it rests on: interview ids, or paths to interview files relative to this file or to the workspace root."}},
		{allKinds, Key{Name: "lint", Type: Mapping, Lint: true, Description: "Per-file suppression of lint rules.", Keys: []Key{
			{Name: "ignore", Type: TextList, Lint: true, Description: "The rule ids not to report in this file."},
			{Name: "reason", Type: Text, Lint: true, Description: "Why those rules do not apply here."},
		}}},
	}
}

// SiteKeyNames are the front-matter keys of the common static-site
// generators (Hugo, Docusaurus, Jekyll, Gatsby/MDX). Persona pages in a
// docs site carry them beside persona's own; they are never field-unknown
// (SPEC §12).
func SiteKeyNames() []string {
	return []string{"title", "linkTitle", "weight", "description", "draft", "date", "aliases", "slug", "layout",
		"permalink", "categories", "sidebar", "sidebar_position", "sidebar_label", "showTitle", "toc", "menu",
		"url", "type", "summary", "keywords", "image",
		// Docusaurus
		"tags", "toc_min_heading_level", "toc_max_heading_level", "hide_table_of_contents", "hide_title",
		"pagination_label", "pagination_next", "pagination_prev", "custom_edit_url", "sidebar_class_name",
		"sidebar_custom_props", "displayed_sidebar", "parse_number_prefixes", "last_update", "unlisted",
		// Hugo, Jekyll, Gatsby
		"lastmod", "publishDate", "expiryDate", "headless", "cascade", "outputs", "resources", "params",
		"author", "authors", "translationKey", "published", "excerpt", "redirect_from", "path", "template"}
}

// Keys returns the top-level keys of a kind in canonical order, then the
// site keys the kind does not define itself.
func Keys(k model.Kind) []Key {
	var out []Key
	own := map[string]bool{}
	for _, e := range table() {
		for _, ek := range e.kinds {
			if ek == k {
				out = append(out, e.key)
				own[e.key.Name] = true
			}
		}
	}
	for _, name := range SiteKeyNames() {
		if own[name] {
			continue
		}
		key := Key{Name: name, Type: Any, Site: true,
			Description: "A static-site generator's key (Hugo, Docusaurus, Jekyll, Gatsby): persona keeps it and does not check it."}
		if k == model.KindPersona && name == "title" {
			// It stands in for the name, so it is read, and typed as one.
			key.Type, key.Lint = Text, true
			key.Description = "The page's title, which stands in for name when there is none."
		}
		out = append(out, key)
	}
	return out
}

// index maps kind and dotted path to a key, for the decoder's lookups on
// every key of every file. Built once on first use and never written
// after, so sharing it is safe.
var index = sync.OnceValue(func() map[model.Kind]map[string]Key {
	out := map[model.Kind]map[string]Key{}
	var add func(k model.Kind, prefix string, keys []Key)
	add = func(k model.Kind, prefix string, keys []Key) {
		for _, key := range keys {
			out[k][prefix+key.Name] = key
			add(k, prefix+key.Name+".", key.Keys)
		}
	}
	for _, k := range model.Kinds {
		out[k] = map[string]Key{}
		add(k, "", Keys(k))
	}
	return out
})

// ClaimLists names the persona's claim lists (SPEC §9), in canonical order.
func ClaimLists() []string {
	var out []string
	for _, k := range Keys(model.KindPersona) {
		if k.Type == ClaimList {
			out = append(out, k.Name)
		}
	}
	return out
}

// Order is the canonical order of top-level key names across all kinds,
// for show --canonical and persona diff.
func Order() []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range table() {
		if !seen[e.key.Name] {
			seen[e.key.Name] = true
			out = append(out, e.key.Name)
		}
	}
	return out
}

// Lookup returns the key at a dotted path ("firmographics.employees") in a
// kind, and whether the contract defines it.
func Lookup(k model.Kind, path string) (Key, bool) {
	key, ok := index()[k][path]
	return key, ok
}

// Names lists the names of keys.
func Names(keys []Key) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.Name
	}
	return out
}

// ItemKeys are the keys of a list item written as a mapping, by the path of
// the item below its list: a claim ("<list>"), an evidence item
// ("<list>.evidence") and a quote ("quotes") (SPEC §9). The decoder and the
// schema spell the same shapes; the editor server completes and explains
// them from here.
func ItemKeys(k model.Kind, listPath string) []Key {
	if k != model.KindPersona {
		return nil
	}
	list, sub, nested := strings.Cut(listPath, ".")
	key, ok := Lookup(k, list)
	switch {
	case !ok:
		return nil
	case key.Type == ClaimList && !nested:
		return []Key{
			{Name: "text", Type: Text, Description: "The claim: what the people interviewed want, struggle with or object to."},
			{Name: "evidence", Type: TextList, Description: "The interviews that support the claim: ids or paths, or mappings {interview, quote}."},
		}
	case key.Type == ClaimList && sub == "evidence":
		return []Key{
			{Name: "interview", Type: Text, Description: "The interview that supports the claim: its id, or the path of its file."},
			{Name: "quote", Type: Text, Description: "What the interviewee said, word for word as the notes have it; quote-not-found checks it."},
		}
	case key.Type == QuoteList && !nested:
		return []Key{
			{Name: "text", Type: Text, Description: "The quote, word for word as the notes have it."},
			{Name: "source", Type: Text, Description: "The interview it comes from: its id, or the path of its file; quote-not-found checks the words against it."},
		}
	}
	return nil
}

// The keys of the mappings inside claim and quote lists, described once
// for the schema's hover text and the README.
const (
	ClaimTextDescription     = "The claim, in the person's own terms."
	ClaimEvidenceDescription = "The interviews the claim rests on: ids or paths, or {interview, quote} with the words said."
	EvidenceInterviewDesc    = "The interview the claim rests on: its id or its path."
	EvidenceQuoteDesc        = "The words said in that interview, as its notes write them; lint checks they occur there."
	QuoteTextDescription     = "What was said, word for word."
	QuoteSourceDescription   = "The interview it was said in: its id or its path; lint checks the words occur there."
)
