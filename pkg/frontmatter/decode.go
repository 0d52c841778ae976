package frontmatter

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/personakit/persona/pkg/contract"
	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/suggest"
	"github.com/personakit/persona/pkg/yamlkit"
	"go.yaml.in/yaml/v3"
)

// Rule ids of the problems found while decoding; the lint rules of the same
// ids report them.
const (
	RuleFileUnreadable     = "file-unreadable"
	RuleFrontmatterInvalid = "frontmatter-invalid"
	RuleKindUnknown        = "kind-unknown"
	RuleFieldType          = "field-type"
)

// Decode interprets one Markdown file. relPath is its workspace-relative,
// '/'-separated path, used for the default id. It returns nil for a file that
// is ordinary Markdown and must be ignored, and a Document with Problems (and
// possibly no Kind) for a broken entity.
func Decode(relPath string, src []byte) *model.Document { return DecodeSplit(relPath, Split(src)) }

// DecodeSplit is Decode for a file its caller has already split, so that
// loading splits each file once.
func DecodeSplit(relPath string, b Block) *model.Document {
	doc, _ := decodeBlock(relPath, b, false, nil, nil, nil)
	return doc
}

// DecodeSlim is DecodeSplit that keeps only the values lint's rules read
// (the contract's Lint keys); the others are checked and dropped, so a
// workspace of many thousand files stays small while it is linted.
func DecodeSlim(relPath string, b Block) *model.Document {
	doc, _ := decodeBlock(relPath, b, true, nil, nil, nil)
	return doc
}

// A Decoder decodes files one after another (DecodeSplit, or DecodeSlim
// when slim), parsing each block's YAML over the nodes of the one before:
// a document holds no node of its tree. One per goroutine.
type Decoder struct {
	nodes yamlkit.Nodes
	// Entities, when set, is where the entities decoded come from: a
	// load's, whose documents all live as long as it does.
	Entities *model.Entities
	// Room, when set, is where personas' claims are decoded (see
	// model.ClaimRoom): the caller is done with one persona's Claims
	// before the next Decode.
	Room *model.ClaimRoom
}

// Decode is DecodeSplit, or DecodeSlim when slim. A slim decode with
// both Entities and Room set copies every value the document keeps into
// Entities, and the others (claims, which the caller digests) may be
// views of b's text, valid until it changes.
func (dec *Decoder) Decode(relPath string, b Block, slim bool) *model.Document {
	defer dec.nodes.Reset()
	dec.nodes.Views = slim && dec.Entities != nil && dec.Room != nil
	doc, _ := decodeBlock(relPath, b, slim, &dec.nodes, dec.Entities, dec.Room)
	return doc
}

// DecodeTree is Decode that also returns the front matter mapping (nil
// unless the file is an entity) and the split, for callers that compare
// raw values, without parsing the YAML a second time.
func DecodeTree(relPath string, src []byte) (*model.Document, *yaml.Node, Block) {
	b := Split(src)
	doc, m := decodeBlock(relPath, b, false, nil, nil, nil)
	return doc, m, b
}

func decodeBlock(relPath string, b Block, slim bool, nodes *yamlkit.Nodes, entities *model.Entities, room *model.ClaimRoom) (*model.Document, *yaml.Node) {
	broken := func(rule string, pos model.Pos, msg string) (*model.Document, *yaml.Node) {
		return &model.Document{
			Path:     relPath,
			Problems: []model.Problem{{Rule: rule, Pos: pos, Message: msg}},
		}, nil
	}
	switch b.Format {
	case None:
		return nil, nil
	case TOML:
		if line := tomlKindLine(b.Text); line > 0 {
			return broken(RuleFrontmatterInvalid, model.Pos{Line: int32(b.Line + line - 1), Column: 1},
				"TOML front matter (+++) is not supported; write the block as YAML between --- lines")
		}
		return nil, nil
	}
	if !MentionsKind(b.Text) {
		// Whatever is wrong with it, a block that never says "kind" is some
		// other tool's front matter (a docs page); only real entities get here.
		if !b.Closed || !utf8.Valid(b.Text) {
			return nil, nil
		}
	}
	if !utf8.Valid(b.Text) {
		return broken(RuleFileUnreadable, model.FileStart,
			"front matter is not valid UTF-8; re-save the file with UTF-8 encoding")
	}
	if !b.Closed {
		return broken(RuleFrontmatterInvalid, model.FileStart,
			"front matter opened on line 1 is never closed; add a line with --- after the last key")
	}
	root, err := nodes.Parse(b.Text)
	if err != nil {
		if !MentionsKind(b.Text) {
			return nil, nil
		}
		p := yamlkit.ExplainYAML(b.Text, err)
		return broken(RuleFrontmatterInvalid, model.Pos{Line: int32(b.Line + p.Line - 1), Column: int32(p.Column)}, p.Message("front matter"))
	}
	var m *yaml.Node
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 && root.Content[0].Kind == yaml.MappingNode {
		m = root.Content[0]
	}
	if m == nil {
		if !MentionsKind(b.Text) {
			return nil, nil
		}
		return broken(RuleFrontmatterInvalid, model.FileStart,
			"front matter is not a mapping of keys to values; write it as `key: value` lines")
	}
	if room != nil {
		room.Reset()
	}
	d := &decoder{offset: b.Line - 1, slim: slim, entities: entities, room: room}
	kindNode := lookup(m, "kind")
	if kindNode == nil {
		return nil, nil
	}
	kindNode = deref(kindNode)
	if kindNode.Kind != yaml.ScalarNode {
		return nil, nil
	}
	kind, known := knownKind(kindNode.Value)
	if !known {
		low := strings.ToLower(kindNode.Value)
		for _, k := range model.Kinds {
			if suggest.Distance(low, string(k)) <= 2 {
				doc, _ := broken(RuleKindUnknown, d.pos(kindNode), fmt.Sprintf(
					"kind %q is not a known kind; did you mean %q?", kindNode.Value, k))
				// The kinds are far apart, so one within two edits is
				// the only one: a certain fix (SPEC §10).
				pos := d.pos(kindNode)
				doc.Problems[0].Suggest = &finding.Suggestion{Description: fmt.Sprintf("set kind to %q", k),
					Line: int(pos.Line), Column: int(pos.Column), Old: strings.Clone(kindNode.Value), New: string(k)}
				return doc, nil
			}
		}
		return nil, nil
	}
	if p := yamlkit.CheckTree(m, d.offset); p != nil {
		return broken(RuleFrontmatterInvalid, d.pos(p.Node), p.Message)
	}
	d.doc = entities.Document()
	d.doc.Path, d.doc.Kind, d.doc.KindPos = relPath, kind, d.pos(kindNode)
	d.decode(m)
	return d.doc, m
}

// knownKind is the kind value names, the contract's own string, if any.
func knownKind(value string) (model.Kind, bool) {
	for _, known := range model.Kinds {
		if value == string(known) {
			return known, true
		}
	}
	return "", false
}

// MentionsKind reports whether text contains the word "kind": the contract's
// sign that a broken block may be an entity and deserves a finding.
func MentionsKind(text []byte) bool {
	s := text
	for {
		i := bytes.Index(s, kindWord)
		if i < 0 {
			return false
		}
		before := i == 0 || !isWordByte(s[i-1])
		after := i+4 >= len(s) || !isWordByte(s[i+4])
		if before && after {
			return true
		}
		s = s[i+4:]
	}
}

var kindWord = []byte("kind")

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

var yamlKind = regexp.MustCompile(`(?m)^kind:[ \t]*["']?(icp|persona|interview)["']?[ \t]*\r?$`)

// DeclaredKind is the kind a YAML block declares on a top-level line of its
// own, read without parsing: a block that does not parse (or is refused)
// still names what it was meant to be. It is "" when no line says so.
func DeclaredKind(text []byte) model.Kind {
	if m := yamlKind.FindSubmatch(text); m != nil {
		return model.Kind(m[1])
	}
	return ""
}

var tomlKind = regexp.MustCompile(`(?m)^[ \t]*kind[ \t]*=[ \t]*["']?(icp|persona|interview)["']?[ \t]*\r?$`)

// tomlKindLine returns the 1-based line within text of a TOML `kind = ...`
// naming one of our kinds, or 0.
func tomlKindLine(text []byte) int {
	loc := tomlKind.FindIndex(text)
	if loc == nil {
		return 0
	}
	// The text before the match ends with a line break, so the match is on
	// the line after the last one Lines counts there.
	line := 1
	Lines(text[:loc[0]], func(n int, _ []byte) bool { line = n + 1; return true })
	return line
}

// lookup returns the value of key in mapping m, or nil.
func lookup(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// deref follows an alias to its anchored node. Only one hop is ever needed,
// and nothing here expands aliases recursively, so alias bombs stay cheap.
func deref(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

type decoder struct {
	offset   int
	doc      *model.Document
	entities *model.Entities
	// slim keeps only the contract's Lint keys; the rest is checked only.
	slim bool
	// substance counts the items of a persona's goals, motivations,
	// frustrations and aspirations, kept or not.
	substance int
	// key is the top-level key whose value is being read, for findings
	// that point at a key's line rather than its value's.
	key *yaml.Node
	// claimItems counts a persona's claim lists' items, kept or not.
	claimItems int
	// room, when not nil, is where claims are decoded (Decoder.Room).
	room *model.ClaimRoom
}

func (d *decoder) pos(n *yaml.Node) model.Pos {
	return model.Pos{Line: int32(n.Line + d.offset), Column: int32(n.Column)}
}

func (d *decoder) typeErr(n *yaml.Node, format string, args ...any) {
	d.doc.Problems = append(d.doc.Problems, model.Problem{
		Rule: RuleFieldType, Pos: d.pos(n), Message: fmt.Sprintf(format, args...),
	})
}

// field is how one key's value is decoded into the document.
type field func(d *decoder, name string, v *yaml.Node)

// Keys lists the top-level keys the contract defines for a kind, for
// field-unknown suggestions.
func Keys(k model.Kind) []string {
	var keys []string
	for _, key := range contract.Keys(k) {
		// A site generator's key is accepted, never suggested: "foo" is
		// not a misspelt "toc". A persona's title, which lint reads, is.
		if !key.Site || key.Lint {
			keys = append(keys, key.Name)
		}
	}
	sort.Strings(keys)
	return keys
}

var commonFields = map[string]field{
	"kind": func(*decoder, string, *yaml.Node) {},
	"id": func(d *decoder, name string, v *yaml.Node) {
		s := d.str(name, v)
		d.doc.ID, d.doc.IDPos = s.Value, s.Pos
	},
	"status": func(d *decoder, name string, v *yaml.Node) {
		s := d.enum(name, v, values(d.doc.Kind, "status")...)
		if s.Value != "" {
			d.doc.Status, d.doc.StatusPos = model.Status(s.Value), s.Pos
		}
	},
	"owners":   func(d *decoder, name string, v *yaml.Node) { d.doc.Owners = d.strList(name, v) },
	"tags":     func(d *decoder, name string, v *yaml.Node) { d.checkList(name, v) }, // checked; nothing reads them
	"reviewed": func(d *decoder, name string, v *yaml.Node) { d.doc.Reviewed = d.date(name, v) },
	"lint": func(d *decoder, name string, v *yaml.Node) {
		d.doc.Lint = &model.LintDirective{Pos: d.pos(v)}
		d.mapping(name, v, map[string]field{
			"ignore": func(d *decoder, name string, v *yaml.Node) { d.doc.Lint.Ignore = d.strList(name, v) },
			"reason": func(d *decoder, name string, v *yaml.Node) { d.doc.Lint.Reason = d.str(name, v).Value },
		})
	},
}

var kindFields = map[model.Kind]map[string]field{
	model.KindICP: {
		"title": func(d *decoder, n string, v *yaml.Node) { d.doc.ICP.Title = d.str(n, v) },
		"segment": func(d *decoder, n string, v *yaml.Node) {
			d.doc.ICP.Segment = d.enum(n, v, values(model.KindICP, "segment")...)
		},
		"shares": func(d *decoder, n string, v *yaml.Node) {
			d.doc.ICP.Shares = d.enum(n, v, values(model.KindICP, "shares")...)
		},
		"customer_share": func(d *decoder, n string, v *yaml.Node) {
			d.doc.ICP.CustomerShare, d.doc.ICP.CustomerSharePos = d.share(n, v), d.pos(v)
		},
		"firmographics": func(d *decoder, n string, v *yaml.Node) {
			f := &d.doc.ICP.Firmographics
			f.Pos = d.pos(d.key)
			d.mapping(n, v, map[string]field{
				"industries":     d.constraintList(&f.Industries),
				"employees":      d.constraintRange(&f.Employees, false),
				"revenue":        d.constraintRange(&f.Revenue, true),
				"regions":        d.constraintList(&f.Regions),
				"tech_stack":     d.constraintList(&f.TechStack),
				"business_model": d.constraintStr(&f.BusinessModel),
			})
		},
		"demographics": func(d *decoder, n string, v *yaml.Node) {
			g := &d.doc.ICP.Demographics
			d.mapping(n, v, map[string]field{
				"age":         d.constraintRange(&g.Age, false),
				"income":      d.constraintRange(&g.Income, true),
				"locations":   d.constraintList(&g.Locations),
				"education":   d.constraintList(&g.Education),
				"occupations": d.constraintList(&g.Occupations),
				"interests":   d.constraintList(&g.Interests),
			})
		},
		"pains":            listInto(func(d *decoder) *[]model.Str { return &d.doc.ICP.Pains }),
		"needs":            listInto(func(d *decoder) *[]model.Str { return &d.doc.ICP.Needs }),
		"goals":            listInto(func(d *decoder) *[]model.Str { return &d.doc.ICP.Goals }),
		"behaviors":        listInto(func(d *decoder) *[]model.Str { return &d.doc.ICP.Behaviors }),
		"channels":         listInto(func(d *decoder) *[]model.Str { return &d.doc.ICP.Channels }),
		"triggers":         listInto(func(d *decoder) *[]model.Str { return &d.doc.ICP.Triggers }),
		"disqualifiers":    listInto(func(d *decoder) *[]model.Str { return &d.doc.ICP.Disqualifiers }),
		"buying_committee": listInto(func(d *decoder) *[]model.Str { return &d.doc.ICP.BuyingCommittee }),
	},
	model.KindPersona: {
		"name": func(d *decoder, n string, v *yaml.Node) { d.doc.Persona.Name = d.str(n, v) },
		"type": func(d *decoder, n string, v *yaml.Node) {
			d.doc.Persona.Type = d.enum(n, v, values(model.KindPersona, "type")...)
		},
		"icp": func(d *decoder, n string, v *yaml.Node) { d.doc.Persona.ICP = d.str(n, v) },
		"role": func(d *decoder, n string, v *yaml.Node) {
			r := &d.doc.Persona.Role
			d.mapping(n, v, map[string]field{
				"title":      func(d *decoder, n string, v *yaml.Node) { r.Title = d.str(n, v) },
				"seniority":  func(d *decoder, n string, v *yaml.Node) { r.Seniority = d.str(n, v) },
				"department": func(d *decoder, n string, v *yaml.Node) { r.Department = d.str(n, v) },
				"budget_authority": func(d *decoder, n string, v *yaml.Node) {
					r.BudgetAuthority, _ = d.boolean(n, v)
				},
			})
		},
		"demographics": func(d *decoder, n string, v *yaml.Node) {
			d.doc.Persona.Demographics = map[string]string{}
			// Every key, known or free, lands in the map; the known ones
			// are type-checked first.
			d.mappingWith(n, v, nil, func(d *decoder, n string, v *yaml.Node) {
				if v.Kind == yaml.ScalarNode {
					d.doc.Persona.Demographics[d.entities.String(n[strings.LastIndexByte(n, '.')+1:])] = d.entities.String(v.Value)
				}
			})
		},
		"share": func(d *decoder, n string, v *yaml.Node) {
			d.doc.Persona.Share, d.doc.Persona.SharePos = d.share(n, v), d.pos(v)
		},
		"buying_role": func(d *decoder, n string, v *yaml.Node) {
			d.doc.Persona.BuyingRoles = d.enumList(n, v, values(model.KindPersona, "buying_role")...)
		},
		"goals":        claimsInto(func(t *model.ClaimTexts) *[]model.Str { return &t.Goals }),
		"motivations":  claimsInto(func(t *model.ClaimTexts) *[]model.Str { return &t.Motivations }),
		"frustrations": claimsInto(func(t *model.ClaimTexts) *[]model.Str { return &t.Frustrations }),
		"aspirations":  claimsInto(func(t *model.ClaimTexts) *[]model.Str { return &t.Aspirations }),
		"channels":     listInto(func(d *decoder) *[]model.Str { return &d.doc.Persona.Channels }),
		"objections":   claimsInto(func(t *model.ClaimTexts) *[]model.Str { return &t.Objections }),
		"quotes": func(d *decoder, n string, v *yaml.Node) {
			d.doc.Persona.QuoteItems = append(d.doc.Persona.QuoteItems, d.quotes(n, v)...)
		},
		"sources": listInto(func(d *decoder) *[]model.Str { return &d.doc.Persona.Sources }),
	},
	model.KindInterview: {
		"date": func(d *decoder, n string, v *yaml.Node) { d.doc.Interview.Date = d.date(n, v) },
		"participants": func(d *decoder, n string, v *yaml.Node) {
			if c, ok := d.count(n, v); ok {
				d.doc.Interview.Participants = c
			}
		},
		"icp": func(d *decoder, n string, v *yaml.Node) { d.doc.Interview.ICP = d.str(n, v) },
		"interviewee": func(d *decoder, n string, v *yaml.Node) {
			iv := &d.doc.Interview.Interviewee
			d.mapping(n, v, map[string]field{
				"role":         func(d *decoder, n string, v *yaml.Node) { iv.Role = d.str(n, v) },
				"company_size": func(d *decoder, n string, v *yaml.Node) { iv.CompanySize = d.str(n, v) },
				"region":       func(d *decoder, n string, v *yaml.Node) { iv.Region = d.str(n, v) },
			})
		},
		"interviewer": func(d *decoder, n string, v *yaml.Node) { d.doc.Interview.Interviewer = d.str(n, v) },
		"consent": func(d *decoder, n string, v *yaml.Node) {
			d.doc.Interview.Consent, d.doc.Interview.ConsentPos = d.boolean(n, v)
		},
		"channel": func(d *decoder, n string, v *yaml.Node) { d.doc.Interview.Channel = d.str(n, v) },
	},
}

// claimsInto decodes a claim list into the persona's claims, and its texts
// into target (not kept in slim documents).
func claimsInto(target func(t *model.ClaimTexts) *[]model.Str) field {
	return func(d *decoder, name string, v *yaml.Node) {
		if texts := d.claims(name, v); !d.slim {
			p := d.doc.Persona
			if p.Texts == nil {
				p.Texts = &model.ClaimTexts{}
			}
			*target(p.Texts) = texts
		}
	}
}

// claims reads a claim list into the persona's claims: each item a text,
// or a mapping {text, evidence}; evidence a list of interview references
// or mappings {interview, quote}. It returns the claims' texts, unless the
// document is slim.
func (d *decoder) claims(name string, v *yaml.Node) (texts []model.Str) {
	if v.Kind != yaml.SequenceNode {
		return d.strList(name, v) // the same messages as any list
	}
	p := d.doc.Persona
	for _, item := range v.Content {
		item = deref(item)
		if isNull(item) {
			continue
		}
		var c model.Claim
		switch item.Kind {
		case yaml.ScalarNode:
			c = model.Claim{List: name, Text: model.Str{Value: item.Value, Pos: d.pos(item)}}
		case yaml.MappingNode:
			if c = d.claim(name, item); strings.TrimSpace(c.Text.Value) == "" {
				continue
			}
		default:
			d.typeErr(item, "each item of %s must be a text or a mapping {text, evidence}, not a %s", name, nodeKind(item))
			continue
		}
		if !d.slim {
			texts = append(texts, c.Text)
		}
		if p.Claims == nil {
			// Room for every claim list's items at once.
			if d.room != nil {
				p.Claims = slices.Grow(d.room.Claims[:0], d.claimItems)
			} else {
				p.Claims = make([]model.Claim, 0, max(d.claimItems, 1))
			}
		}
		p.Claims = append(p.Claims, c)
		if d.room != nil {
			d.room.Claims = p.Claims // cleared by the next Decode
		}
	}
	return texts
}

func (d *decoder) claim(list string, m *yaml.Node) model.Claim {
	c := model.Claim{List: list, Text: model.Str{Pos: d.pos(m)}}
	d.twoFields(m, itemName{list: list}, "text", "evidence", func(text bool, v *yaml.Node) {
		if text {
			c.Text = d.viewItem(itemName{list: list}, "text", v)
		} else {
			c.Evidence = d.evidence(itemName{list, "evidence"}, v)
		}
	})
	if strings.TrimSpace(c.Text.Value) == "" {
		d.typeErr(m, "a claim of %s written as a mapping needs text: what the persona says", list)
	}
	return c
}

// itemFields reads a list item written as a mapping: its single values
// into strs, other known keys through lists, null values skipped, and any
// other key recorded as unknown "name.key".
func (d *decoder) itemFields(m *yaml.Node, name string, strs map[string]*model.Str, lists map[string]func(*yaml.Node)) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], deref(m.Content[i+1])
		target, isStr := strs[k.Value]
		read, isList := lists[k.Value]
		switch {
		case !isStr && !isList:
			d.unknownItemKey(m, name, k)
		case isNull(v):
		case isStr:
			*target = d.str(name+"."+k.Value, v)
		default:
			read(v)
		}
	}
}

// twoFields is itemFields for an item of two keys, a and b: read gets
// each one's value that is not null (first says it is a's). Claims and
// their evidence come by the dozen per persona, and itemFields' maps cost
// more than reading them.
func (d *decoder) twoFields(m *yaml.Node, name itemName, a, b string, read func(first bool, v *yaml.Node)) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], deref(m.Content[i+1])
		switch {
		case k.Value != a && k.Value != b:
			d.unknownItemKey(m, name.String(), k)
		case isNull(v):
		default:
			read(k.Value == a, v)
		}
	}
}

// unknownItemKey records key k of list item m, of the list name, as
// unknown.
func (d *decoder) unknownItemKey(m *yaml.Node, name string, k *yaml.Node) {
	d.doc.Unknown = append(d.doc.Unknown, model.Key{Name: name + "." + k.Value, Pos: d.pos(k), Siblings: d.keysOf(m)})
}

// itemName names a key of a list's items in messages ("goals",
// "goals.evidence"), joined only when a message needs it: claims and
// their evidence come by the dozen per persona, and most have none.
type itemName struct{ list, sub string }

func (n itemName) String() string {
	if n.sub == "" {
		return n.list
	}
	return n.list + "." + n.sub
}

// viewItem is view for key of name's items.
func (d *decoder) viewItem(name itemName, key string, v *yaml.Node) model.Str {
	if v.Kind != yaml.ScalarNode {
		return d.view(name.String()+"."+key, v)
	}
	return d.view("", v) // a value: its name, never read, not joined
}

func (d *decoder) evidence(name itemName, v *yaml.Node) []model.Evidence {
	if v.Kind != yaml.SequenceNode {
		d.typeErr(v, "%s must be a list of interview references, not a %s; write each on its own line starting with \"- \"", name, nodeKind(v))
		return nil
	}
	out := d.room.EvidenceList(len(v.Content))
	for _, item := range v.Content {
		item = deref(item)
		switch {
		case isNull(item):
		case item.Kind == yaml.ScalarNode:
			out = append(out, model.Evidence{Ref: model.Str{Value: item.Value, Pos: d.pos(item)}})
		case item.Kind == yaml.MappingNode:
			e := model.Evidence{Ref: model.Str{Pos: d.pos(item)}}
			d.twoFields(item, name, "interview", "quote", func(ref bool, v *yaml.Node) {
				if ref {
					e.Ref = d.viewItem(name, "interview", v)
				} else {
					e.Quote = d.viewItem(name, "quote", v)
				}
			})
			if strings.TrimSpace(e.Ref.Value) == "" {
				d.typeErr(item, "an item of %s written as a mapping needs interview: the interview it cites", name)
				continue
			}
			out = append(out, e)
		default:
			d.typeErr(item, "each item of %s must be an interview reference or a mapping {interview, quote}, not a %s", name, nodeKind(item))
		}
	}
	if len(out) == 0 {
		return nil // as without a room
	}
	return out
}

// quotes reads the quotes list: each a text, or a mapping {text, source}.
func (d *decoder) quotes(name string, v *yaml.Node) []model.Quote {
	var out []model.Quote
	if v.Kind != yaml.SequenceNode {
		for _, t := range d.strList(name, v) { // the same messages as any list
			out = append(out, model.Quote{Text: t})
		}
		return out
	}
	for _, item := range v.Content {
		item = deref(item)
		var q model.Quote
		switch {
		case isNull(item):
			continue
		case item.Kind == yaml.ScalarNode:
			q.Text = model.Str{Value: d.entities.String(item.Value), Pos: d.pos(item)}
		case item.Kind == yaml.MappingNode:
			q.Text.Pos = d.pos(item)
			d.itemFields(item, name, map[string]*model.Str{"text": &q.Text, "source": &q.Source}, nil)
			if strings.TrimSpace(q.Text.Value) == "" {
				d.typeErr(item, "a quote written as a mapping needs text: the words said")
				continue
			}
		default:
			d.typeErr(item, "each item of %s must be a text or a mapping {text, source}, not a %s", name, nodeKind(item))
			continue
		}
		out = append(out, q)
	}
	return out
}

func listInto(target func(d *decoder) *[]model.Str) field {
	return func(d *decoder, name string, v *yaml.Node) { *target(d) = d.strList(name, v) }
}

func (d *decoder) decode(m *yaml.Node) {
	doc := d.doc
	doc.Status = model.StatusActive
	switch doc.Kind {
	case model.KindICP:
		doc.ICP = d.entities.ICP()
	case model.KindPersona:
		doc.Persona = d.entities.Persona()
		for i := 0; i+1 < len(m.Content); i += 2 {
			if key, ok := contract.Lookup(model.KindPersona, m.Content[i].Value); ok && key.Type == contract.ClaimList {
				d.claimItems += len(deref(m.Content[i+1]).Content)
			}
		}
	case model.KindInterview:
		doc.Interview = d.entities.Interview()
	}
	specific := kindFields[doc.Kind]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], deref(m.Content[i+1])
		if isNull(v) {
			continue
		}
		// The contract says which keys exist and what they hold; the
		// setters below put the values lint and reports read into the
		// document, and any other contract key is type-checked alone.
		key, known := contract.Lookup(doc.Kind, k.Value)
		if known && doc.Kind == model.KindPersona && model.Substantive(k.Value) {
			d.substance += listItems(v)
		}
		d.key = k
		switch f, ok := commonFields[k.Value]; {
		case !known:
			doc.Unknown = append(doc.Unknown, model.Key{Name: d.entities.String(k.Value), Pos: d.pos(k), Siblings: d.keysOf(m)})
		case d.slim && !key.Lint:
			d.check(key, k.Value, v)
		case ok:
			f(d, k.Value, v)
		default:
			if f, ok := specific[k.Value]; ok {
				f(d, k.Value, v)
			} else {
				d.check(key, k.Value, v)
			}
		}
	}
	if doc.ID == "" {
		doc.ID = Stem(doc.Path)
		doc.IDPos = model.Pos{}
	}
	if p := doc.Persona; p != nil {
		p.Substance = d.substance
		if strings.TrimSpace(p.Name.Value) == "" {
			// A docs-site page names its persona in title (SPEC §12).
			if t := lookup(m, "title"); t != nil {
				if t = deref(t); t.Kind == yaml.ScalarNode && !isNull(t) && strings.TrimSpace(t.Value) != "" {
					p.Name = model.Str{Value: d.entities.String(t.Value), Pos: d.pos(t)}
				}
			}
		}
	}
}

// mapping decodes the nested mapping at name (a dotted path): the keys the
// contract defines there through fields (or, without a setter, checked
// alone), other keys recorded as unknown "parent.key" unless the mapping
// is open.
func (d *decoder) mapping(name string, v *yaml.Node, fields map[string]field) {
	d.mappingWith(name, v, fields, nil)
}

// mappingWith is mapping that also passes every key of an open mapping,
// known or free, to each (after its check).
func (d *decoder) mappingWith(name string, v *yaml.Node, fields map[string]field, each field) {
	if v.Kind != yaml.MappingNode {
		d.typeErr(v, "%s must be a mapping of keys to values; indent its keys under %s:", name, name)
		return
	}
	parent, _ := contract.Lookup(d.doc.Kind, name)
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], deref(v.Content[i+1])
		full := name + "." + k.Value
		if isNull(val) {
			continue
		}
		key, known := subKey(parent, k.Value)
		switch f, ok := fields[k.Value]; {
		case known && d.slim && !key.Lint:
			d.check(key, full, val)
		case known && ok:
			f(d, full, val)
		case known:
			d.check(key, full, val)
		case !parent.Open:
			d.doc.Unknown = append(d.doc.Unknown, model.Key{Name: full, Pos: d.pos(k), Siblings: d.keysOf(v)})
		}
		if each != nil {
			each(d, full, val)
		}
	}
}

// listItems counts the claims a claim list holds: its non-null text or
// mapping items, or one for a single value written without a list.
func listItems(v *yaml.Node) int {
	switch v.Kind {
	case yaml.ScalarNode:
		return 1
	case yaml.SequenceNode:
		n := 0
		for _, item := range v.Content {
			if item = deref(item); !isNull(item) && item.Kind != yaml.SequenceNode {
				n++
			}
		}
		return n
	}
	return 0
}

func subKey(parent contract.Key, name string) (contract.Key, bool) {
	for _, k := range parent.Keys {
		if k.Name == name {
			return k, true
		}
	}
	return contract.Key{}, false
}

// check type-checks a value the contract defines but no setter stores, with
// the same messages as the setters.
func (d *decoder) check(key contract.Key, name string, v *yaml.Node) {
	switch key.Type {
	case contract.Text, contract.Slug, contract.Size:
		d.view(name, v)
	case contract.Enum:
		d.enum(name, v, key.Values...)
	case contract.EnumList:
		d.enumList(name, v, key.Values...)
	case contract.Date:
		d.date(name, v)
	case contract.Bool:
		d.boolean(name, v)
	case contract.Number:
		d.number(name, v)
	case contract.Count:
		d.count(name, v)
	case contract.TextList:
		d.checkList(name, v)
	case contract.Share:
		d.share(name, v)
	case contract.Mapping:
		d.mapping(name, v, nil)
	case contract.ClaimList:
		d.claims(name, v)
	case contract.QuoteList:
		d.quotes(name, v)
	}
}

// str reads a single value the document keeps (model.Entities.String).
func (d *decoder) str(name string, v *yaml.Node) model.Str {
	s := d.view(name, v)
	s.Value = d.entities.String(s.Value)
	return s
}

// view reads a single value as the node holds it: for a value only
// checked, or one a digest copies.
func (d *decoder) view(name string, v *yaml.Node) model.Str {
	if v.Kind != yaml.ScalarNode {
		d.typeErr(v, "%s must be a single value, not a %s; write it on one line", name, nodeKind(v))
		return model.Str{Pos: d.pos(v)}
	}
	return model.Str{Value: v.Value, Pos: d.pos(v)}
}

// strList reads a list of values the document keeps.
func (d *decoder) strList(name string, v *yaml.Node) []model.Str { return d.list(name, v, d.entities) }

// checkList checks a list of values nothing keeps.
func (d *decoder) checkList(name string, v *yaml.Node) { d.list(name, v, nil) }

func (d *decoder) list(name string, v *yaml.Node, keep *model.Entities) []model.Str {
	switch v.Kind {
	case yaml.ScalarNode:
		d.typeErr(v, "%s must be a list, not a single value; write each item on its own line starting with \"- \"", name)
		return []model.Str{{Value: keep.String(v.Value), Pos: d.pos(v)}}
	case yaml.SequenceNode:
		out := keep.Strs(len(v.Content))
		for _, item := range v.Content {
			item = deref(item)
			if isNull(item) {
				continue
			}
			if item.Kind != yaml.ScalarNode {
				d.typeErr(item, "each item of %s must be a single value, not a %s", name, nodeKind(item))
				continue
			}
			out = append(out, model.Str{Value: keep.String(item.Value), Pos: d.pos(item)})
		}
		return out
	default:
		d.typeErr(v, "%s must be a list of values, not a %s", name, nodeKind(v))
		return nil
	}
}

func (d *decoder) enum(name string, v *yaml.Node, allowed ...string) model.Str {
	s := d.view(name, v)
	if v.Kind != yaml.ScalarNode {
		return model.Str{}
	}
	for _, a := range allowed {
		if s.Value == a {
			return model.Str{Value: a, Pos: s.Pos} // the contract's string, not the file's
		}
	}
	d.typeErr(v, "%s %q is not one of %s%s", name, s.Value, strings.Join(allowed, ", "), suggest.DidYouMean(s.Value, allowed))
	return model.Str{}
}

// values are the values the contract allows for the enum key at path in
// kind: the decoder checks what the schema, completion and the README say.
func values(kind model.Kind, path string) []string {
	key, ok := contract.Lookup(kind, path)
	if !ok || len(key.Values) == 0 {
		panic("frontmatter: the contract has no enum " + string(kind) + "." + path)
	}
	return key.Values
}

// enumList reads one allowed value or a list of them.
func (d *decoder) enumList(name string, v *yaml.Node, allowed ...string) []model.Str {
	if v.Kind == yaml.ScalarNode {
		if s := d.enum(name, v, allowed...); s.Value != "" {
			return []model.Str{s}
		}
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		d.typeErr(v, "%s must be one of %s, or a list of them, not a %s", name, strings.Join(allowed, ", "), nodeKind(v))
		return nil
	}
	var out []model.Str
	for _, item := range v.Content {
		if item = deref(item); isNull(item) {
			continue
		}
		if item.Kind != yaml.ScalarNode {
			d.typeErr(item, "each item of %s must be a single value, not a %s", name, nodeKind(item))
			continue
		}
		if s := d.enum(name, item, allowed...); s.Value != "" {
			out = append(out, s)
		}
	}
	return out
}

// date reads a date as the contract accepts it: a day, which a time may
// follow (2019-06-24T09:00).
func (d *decoder) date(name string, v *yaml.Node) model.Date {
	s := d.view(name, v)
	if v.Kind != yaml.ScalarNode {
		return model.Date{Pos: s.Pos}
	}
	if t, ok := contract.ParseDate(s.Value); ok {
		return model.Date{Time: t, Valid: true, Pos: s.Pos}
	}
	d.typeErr(v, "%s %q is not a date; write it as YYYY-MM-DD (a time may follow: YYYY-MM-DDThh:mm)", name, s.Value)
	return model.Date{Pos: s.Pos}
}

func (d *decoder) boolean(name string, v *yaml.Node) (*bool, model.Pos) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" {
		b, err := strconv.ParseBool(strings.ToLower(v.Value))
		if err == nil {
			return &b, d.pos(v)
		}
	}
	d.typeErr(v, "%s must be true or false, not %s", name, describe(v))
	return nil, d.pos(v)
}

func (d *decoder) number(name string, v *yaml.Node) (float64, bool) {
	if v.Kind == yaml.ScalarNode && (v.Tag == "!!int" || v.Tag == "!!float") {
		f, err := strconv.ParseFloat(strings.ReplaceAll(v.Value, "_", ""), 64)
		if err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			return f, true
		}
	}
	d.typeErr(v, "%s must be a number, not %s", name, describe(v))
	return 0, false
}

// maxCount bounds a count so that sums of them stay exact in an int.
const maxCount = 1_000_000_000

// count reads a whole number of at least 1 (SPEC §2: participants).
func (d *decoder) count(name string, v *yaml.Node) (int, bool) {
	f, ok := d.number(name, v)
	if !ok {
		return 0, false
	}
	if f < 1 || f != math.Trunc(f) || f > maxCount {
		d.typeErr(v, "%s must be a whole number of at least 1, not %s", name, v.Value)
		return 0, false
	}
	return int(f), true
}

// share reads a fraction in [0, 1] or a percentage ("25%"); nil when the
// value is not one (a field-type problem says why).
func (d *decoder) share(name string, v *yaml.Node) *float64 {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!str" && strings.HasSuffix(strings.TrimSpace(v.Value), "%") {
		f, ok := contract.ParsePercent(v.Value)
		if !ok {
			d.typeErr(v, "%s %q must be a percentage from 0%% to 100%%, such as \"25%%\"", name, v.Value)
			return nil
		}
		return &f
	}
	if v.Kind != yaml.ScalarNode || (v.Tag != "!!int" && v.Tag != "!!float") {
		d.typeErr(v, "%s must be a fraction from 0 to 1 or a percentage such as \"25%%\", not %s", name, describe(v))
		return nil
	}
	f, ok := d.number(name, v)
	if !ok {
		return nil
	}
	if f < 0 || f > 1 {
		hint := ""
		if f >= 2 && f <= 100 && f == math.Trunc(f) {
			hint = fmt.Sprintf("; did you mean \"%s%%\"?", v.Value)
		}
		d.typeErr(v, "%s %s is outside 0..1; write a fraction such as 0.25 or a percentage such as \"25%%\"%s", name, v.Value, hint)
		return nil
	}
	return &f
}

// constraintList, constraintRange and constraintStr decode an ICP attribute
// and count it towards the ICP's constraints when it is non-empty.
func (d *decoder) constraintList(target *[]model.Str) field {
	return func(d *decoder, n string, v *yaml.Node) {
		*target = d.strList(n, v)
		if len(*target) > 0 {
			d.doc.ICP.Constraints++
		}
	}
}

func (d *decoder) constraintStr(target *model.Str) field {
	return func(d *decoder, n string, v *yaml.Node) {
		*target = d.str(n, v)
		if strings.TrimSpace(target.Value) != "" {
			d.doc.ICP.Constraints++
		}
	}
}

func (d *decoder) constraintRange(target **model.Range, money bool) field {
	return func(d *decoder, n string, v *yaml.Node) {
		r := &model.Range{Pos: d.pos(v)}
		fields := map[string]field{
			"min": func(d *decoder, n string, v *yaml.Node) {
				if f, ok := d.number(n, v); ok {
					r.Min = &f
				}
			},
			"max": func(d *decoder, n string, v *yaml.Node) {
				if f, ok := d.number(n, v); ok {
					r.Max = &f
				}
			},
		}
		if money {
			fields["currency"] = func(d *decoder, n string, v *yaml.Node) { r.Currency = d.str(n, v).Value }
		}
		d.mapping(n, v, fields)
		if v.Kind != yaml.MappingNode {
			return
		}
		if r.Min != nil && r.Max != nil && *r.Min > *r.Max {
			d.typeErr(v, "%s has min %g above max %g; swap them", n, *r.Min, *r.Max)
		}
		*target = r
		if r.Min != nil || r.Max != nil {
			d.doc.ICP.Constraints++
		}
	}
}

// keysOf lists a mapping's keys as written, for the document to keep.
// Only unknown keys keep them, and those are rare, so the list is made
// for each.
func (d *decoder) keysOf(m *yaml.Node) []string {
	out := make([]string, 0, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		out = append(out, d.entities.String(m.Content[i].Value))
	}
	return out
}

func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	default:
		return "value"
	}
}

func describe(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return strconv.Quote(n.Value)
	}
	return "a " + nodeKind(n)
}

// SubKeys returns the keys known under parent ("" for top-level keys) in an
// entity of kind k, from the contract.
func SubKeys(k model.Kind, parent string) []string {
	if parent == "" {
		return Keys(k)
	}
	key, ok := contract.Lookup(k, parent)
	if !ok {
		return nil
	}
	return contract.Names(key.Keys)
}
