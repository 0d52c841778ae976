// Package rules holds one file per lint rule of the contract and the
// registry that lists them in the contract's order.
package rules

import (
	"time"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/contract"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/pii"
)

// All returns fresh instances of every rule, in the order of the contract.
// Rules with options are configured per run, so instances are never shared.
func All() []lint.Rule {
	return []lint.Rule{
		fileUnreadable(),
		frontmatterInvalid(),
		kindUnknown(),
		&idInvalid{meta: meta{"id-invalid", lint.Error,
			"`id` is not a slug: lowercase letters, digits and dashes",
			"Ids are used in references, file names and URLs; a slug keeps them unambiguous everywhere."}},
		&idDuplicate{meta: meta{"id-duplicate", lint.Error,
			"two entities of the same kind share an id",
			"References resolve by id; a duplicate makes every reference to it ambiguous. Rename one of them."}},
		&fieldRequired{meta: meta{"field-required", lint.Error,
			"a required key is missing: icp title, persona name, interview date",
			"These keys are what people see first in reports and lists; without them an entity is anonymous."}},
		fieldType(),
		&fieldUnknown{meta: meta{"field-unknown", lint.Warning,
			"a key the contract does not define and fields.allow does not list",
			"Unknown keys are usually typos, which silently drop data from lint and reports. List deliberate extra keys under fields.allow."}},
		&personaNoICP{meta: meta{"persona-no-icp", lint.Error,
			"a persona names no ICP",
			"A persona describes an individual inside an ideal customer profile; one grounded in no ICP tends to be made up."}},
		&personaUnknownICP{meta: meta{"persona-unknown-icp", lint.Error,
			"a persona's icp names no ICP in the workspace",
			"The reference is broken, usually by a typo or a renamed ICP; the persona is then grounded in nothing."}},
		&personaRetiredICP{meta: meta{"persona-retired-icp", lint.Warning,
			"an active persona belongs to a retired ICP",
			"When an ICP is retired its personas are no longer targets; move them to a live ICP or retire them too."}},
		&personaNoSources{meta: meta{"persona-no-sources", lint.Error,
			"a persona cites no interview",
			"A persona is only as good as its evidence; one that cites no interview is a guess. Drafts and proto-personas get a warning instead."}},
		&personaFewSources{meta: meta{"persona-few-sources", lint.Warning,
			"a persona cites fewer distinct existing interviews than `min` (default 3)",
			"One or two conversations describe people, not a persona; patterns need several interviews."}, min: 3},
		&sourceMissing{meta: meta{"source-missing", lint.Error,
			"a source resolves to no interview",
			"A source must be an interview id or the path of an interview file; a broken one is evidence that is not there."}},
		&sourceOutside{meta: meta{"source-outside-workspace", lint.Error,
			"a source path resolves outside the workspace root",
			"Evidence outside the repository cannot be reviewed with it and breaks on other machines."}},
		&sourceICPMismatch{meta: meta{"source-icp-mismatch", lint.Warning,
			"a cited interview belongs to another ICP or its company size is outside the ICP's employee range",
			"Evidence from outside the persona's ICP describes other customers; it may not transfer."}},
		&demographicsOnly{meta: meta{"persona-demographics-only", lint.Warning,
			"a persona has none of goals, motivations, frustrations, aspirations",
			"A persona that only lists demographics is really an ICP; what makes it useful is what the person wants and struggles with."}},
		&stale{meta: meta{"stale", lint.Warning,
			"`reviewed` is missing or older than `max_age` (default 365 days) on an active ICP or persona",
			"Markets move; ICPs and personas go stale unless re-validated against reality. Update reviewed when you re-check one."}, maxAgeDays: 365},
		&icpVague{meta: meta{"icp-vague", lint.Warning,
			"an ICP constrains fewer than `min_constraints` firmographic or demographic attributes (default 2)",
			"An ICP that constrains almost nothing fits everyone and so guides no decision."}, minConstraints: 2},
		&icpNoPersonas{meta: meta{"icp-no-personas", lint.Warning,
			"an active ICP has no active persona",
			"An ICP nobody inside it is described for is hard to sell or build for; add at least one persona."}},
		&icpTooManyPersonas{meta: meta{"icp-too-many-personas", lint.Warning,
			"an ICP has more than `max` active personas (default 6)",
			"A handful of core personas per ICP (about four) stays manageable; dozens are not read. Merge or retire some."}, max: 6},
		&icpShareOverflow{meta: meta{"icp-share-overflow", lint.Error,
			"the shares of an ICP's active personas add up to more than 100%",
			"Shares are fractions of the ICP's customers; more than 100% means at least one is wrong."}},
		&noOwners{meta: meta{"no-owners", lint.Warning,
			"an ICP or persona has no owners",
			"Without an owner nobody keeps it current; name the teams or people responsible."}},
		&interviewNoConsent{meta: meta{"interview-no-consent", lint.Warning,
			"an interview does not record consent: true",
			"Keep notes only of people who agreed to it; record their consent explicitly."}},
		interviewPII(),
		&dateFuture{meta: meta{"date-future", lint.Warning,
			"an interview `date` or a `reviewed` date lies after today",
			"A future interview is no evidence yet, and a future reviewed date hides staleness; dates record what happened."}},
		&sourceAbsolute{meta: meta{"source-absolute", lint.Warning,
			"a source is an absolute file path",
			"An absolute path names a place on one machine; on every other checkout (a colleague's, CI's) it breaks. Cite interview ids or relative paths."}},
		&quoteNotFound{meta: meta{"quote-not-found", lint.Error,
			"a quote in a claim's evidence, or a `quotes` item with `source`, does not occur in the cited interview",
			"A quote is a promise that a customer said exactly this; one that is not in the notes is made up or misremembered. The message names the closest passage."}},
		&quoteUnsourced{meta: meta{"quote-unsourced", lint.Warning,
			"a `quotes` item names no interview",
			"A quote nobody can trace to an interview cannot be checked; name the interview with source:."}},
		&claimUnsupported{meta: meta{"claim-unsupported", lint.Off,
			"a claim (a goals, motivations, frustrations, aspirations or objections item) has no claim-level evidence",
			"A claim that cites no interview may be made up; evidence per claim keeps every goal and frustration traceable. persona init turns this on as a warning."},
			lists: contract.ClaimLists()},
		&personaOverlap{meta: meta{"persona-overlap", lint.Warning,
			"two active, non-negative personas of one ICP are near-duplicates",
			"Two personas that say the same things, or share a role and their interviews, are one persona written twice; teams then target a blur."}, minOverlap: 0.6},
		&personaNewEvidence{meta: meta{"persona-new-evidence", lint.Info,
			"interviews of the persona's ICP dated after its reviewed date exist that it does not cite",
			"New interviews are where a persona is re-validated; this names how many and the newest."}},
		&bodyTooComplex{meta: meta{"body-too-complex", lint.Warning,
			"a Markdown body exceeds the parsing limits (nesting depth, table width, size)",
			"Deeply nested or delimiter-heavy Markdown makes parsers slow; such a body is shown as plain text and yields no claims."}},
		fileOutsideWorkspace(),
		findingsCapped(),
		&interviewOrphan{meta: meta{"interview-orphan", lint.Info,
			"no persona cites this interview",
			"Uncited interviews are evidence that informs nothing yet; cite it from the personas it supports."}},
		placeholderTextRule(),
		&ignoreNoReason{meta: meta{"lint-ignore-no-reason", lint.Warning,
			"a lint.ignore is given without a reason",
			"Suppressions without a reason cannot be reviewed later; say why the rule does not apply."}},
		&ignoreUnused{meta: meta{"lint-ignore-unused", lint.Info,
			"a lint.ignore names a rule that would not have fired on this file",
			"Stale suppressions hide future problems; remove the ones that no longer apply."}},
		&icpNoCustomers{meta: meta{"icp-no-customers", lint.Warning,
			"only with match.accounts: an active b2b ICP that no customer in the account data fits",
			"An ICP is derived from the customers who generate the most revenue; one that none of them fits describes a market the team does not sell to. Widen it, or retire it."}},
		&icpShareMismatch{meta: meta{"icp-share-mismatch", lint.Warning,
			"only with match.accounts: an ICP's customer_share differs from the measured share of customers by more than `tolerance` (default 0.1)",
			"A declared share the customer base does not bear out misleads every plan built on it; re-measure and update it."}, tolerance: 0.1},
		&sectionMissing{meta: meta{"section-missing", lint.Off,
			"the body lacks a heading the config requires for this kind",
			"Shared sections make personas comparable. Configure them with rules.section-missing.required: {persona: [Goals, ...]}."}},
	}
}

// meta carries a rule's identity and documentation.
type meta struct {
	id      string
	sev     lint.Severity
	summary string
	help    string
}

func (m meta) ID() string                     { return m.id }
func (m meta) DefaultSeverity() lint.Severity { return m.sev }
func (m meta) Summary() string                { return m.summary }
func (m meta) Help() string                   { return m.help }

// Configured reads the config at path, shown as shown in messages ("" for
// none: the defaults apply), and checks it against every rule. It returns
// the config and the runner, or every problem of both together, sorted,
// so that config verify, lint and the editor server report the same.
func Configured(path, shown string) (*config.Config, *lint.Runner, error) {
	cfg := config.Default()
	var problems config.Problems
	if path != "" {
		var err error
		if cfg, err = config.Load(path, shown); err != nil && (cfg == nil || !problems.Add(err)) {
			return nil, nil, err
		}
	}
	runner, err := lint.NewRunner(cfg, All())
	if err != nil && !problems.Add(err) {
		return nil, nil, err
	}
	if len(problems) > 0 {
		return nil, nil, problems.Sorted()
	}
	return cfg, runner, nil
}

// PIIRegions are the regions the interview-pii rule of a rule set checks
// phone numbers for, as configured, so that a redacted report removes what
// lint finds; the default regions when the set has no such rule.
func PIIRegions(set []lint.Rule) []string {
	for _, rule := range set {
		if r, ok := rule.(*piiRule); ok {
			return r.Regions()
		}
	}
	return pii.DefaultRegions()
}

// Staleness is the stale rule of a runner as a test of one entity, so that
// the report calls stale exactly what lint does; nil with the rule off.
func Staleness(r *lint.Runner, today time.Time) func(*model.Document) bool {
	for _, rule := range r.Rules() {
		if s, ok := rule.(*stale); ok && r.Severity(rule.ID()) != lint.Off {
			return func(d *model.Document) bool { return s.IsStale(d, today) }
		}
	}
	return nil
}
