package adopt

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/claims"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/model"
)

func opts() Options { return Options{Sections: claims.DefaultSections()} }

func TestPlanPage(t *testing.T) {
	tests := []struct {
		name    string
		rel     string
		src     string
		opts    func(*Options)
		skipped string   // part of the reason, when the page is left alone
		paths   []string // the files written
		want    []string // what the first file holds, piece by piece
	}{
		{name: "one persona in place", rel: "cht/nurse.md",
			src:   "---\ntitle: Nurse\nweight: 3\n---\n\n## Needs\n\n- Offline forms\n",
			paths: []string{"cht/nurse.md"},
			want:  []string{"---\nkind: persona\nstatus: proto\ntitle: Nurse\nweight: 3\n---\n\n## Needs\n\n- Offline forms\n"}},
		{name: "cited persona is not proto, CRLF kept", rel: "p.md",
			src:   "---\r\ntitle: P\r\n---\r\n## Goals\r\n- x [@a]\r\n",
			paths: []string{"p.md"},
			want:  []string{"---\r\nkind: persona\r\ntitle: P\r\n---\r\n## Goals\r\n- x [@a]\r\n"}},
		{name: "no front matter: a block is added, the H1 names it", rel: "fiona.md",
			src:   "# Finance Fiona\n\n## Frustrations\n\n- Slow close\n",
			opts:  func(o *Options) { o.ICP = "saas" },
			paths: []string{"fiona.md"},
			want:  []string{"---\nkind: persona\nname: \"Finance Fiona\"\nicp: saas\nstatus: proto\n---\n# Finance Fiona\n"}},
		{name: "interview notes dated by name (month, day, year)", rel: "research/P1-06242019-0900.md",
			src:   "# Session\n",
			paths: []string{"research/P1-06242019-0900.md"},
			want:  []string{"kind: interview\nid: p1-06242019-0900\ndate: 2019-06-24\n"}},
		{name: "interview notes dated by name (ISO)", rel: "notes/2021-03-04-call.md",
			src:   "---\ninterviewer: sam\n---\nNotes.\n",
			paths: []string{"notes/2021-03-04-call.md"},
			want:  []string{"---\nkind: interview\ndate: 2021-03-04\ninterviewer: sam\n"}},
		{name: "a page of personas by headings is split", rel: "handbook/personas.md",
			src: "---\ntitle: Personas\nweight: 2\ntags: [handbook]\n---\nIntro.\n\n#### Sasha, Developer\n\n##### Motivations\n\n- Ship [@p1]\n\n" +
				"#### Delaney, Lead {#delaney}\n\n##### Frustrations\n\n- Tools\n",
			paths: []string{"handbook/personas/sasha-developer.md", "handbook/personas/delaney.md"},
			want:  []string{"---\nkind: persona\nid: sasha-developer\nname: \"Sasha, Developer\"\ntags: [handbook]\n---\n\n##### Motivations\n\n- Ship [@p1]\n"}},
		{name: "a page of personas by bold labels is split", rel: "buyers.md",
			src: "### Alex, App Manager\n\n- **Goals & Objectives:**\n  - ship\n- **Biggest Challenges:**\n  - hiring\n\n" +
				"### Skyler, CTO\n\n- **Goals & Objectives:**\n  - scale\n",
			opts:  func(o *Options) { o.OutDir = "personas" },
			paths: []string{"personas/alex-app-manager.md", "personas/skyler-cto.md"},
			want:  []string{"kind: persona\nid: alex-app-manager\nname: \"Alex, App Manager\"\nstatus: proto\n---\n\n- **Goals & Objectives:**\n  - ship\n"}},
		{name: "repeated names get ids no other persona has", rel: "p.md",
			src:   "## Fiona\n\n### Goals\n\n- a\n\n## Fiona\n\n### Goals\n\n- b\n\n## Fiona 2\n\n### Goals\n\n- c\n",
			paths: []string{"personas/fiona.md", "personas/fiona-2.md", "personas/fiona-2-2.md"}},
		{name: "an id the workspace has elsewhere is not reused", rel: "p.md",
			src:   "## Fiona\n\n### Goals\n\n- a\n\n## Ravi\n\n### Goals\n\n- b\n",
			opts:  func(o *Options) { o.Taken = map[string]string{"fiona": "team/fiona.md", "ravi": "personas/ravi.md"} },
			paths: []string{"personas/fiona-2.md", "personas/ravi.md"}},
		{name: "names Windows reserves are not file names", rel: "p.md",
			src:   "## Con\n\n### Goals\n\n- a\n\n## Aux\n\n### Goals\n\n- b\n",
			paths: []string{"personas/con-persona.md", "personas/aux-persona.md"}},
		{name: "setext persona headings", rel: "p.md",
			src:   "Ana\n===\n\n## Goals\n\n- a\n\nBo\n===\n\n## Goals\n\n- b\n",
			paths: []string{"personas/ana.md", "personas/bo.md"},
			want:  []string{"---\n\n## Goals\n\n- a\n"}},
		{name: "a repeated heading gets a numbered id", rel: "p.md",
			src:   "## Dev\n\n### Goals\n\n- a\n\n## Dev\n\n### Goals\n\n- b\n",
			paths: []string{"personas/dev.md", "personas/dev-2.md"}},
		{name: "heading level asked for", rel: "p.md",
			src:   "# Team\n\n## Ana\n\n### Goals\n\n- a\n\n## Bo\n\n### Goals\n\n- b\n",
			opts:  func(o *Options) { o.HeadingLevel = 2 },
			paths: []string{"personas/ana.md", "personas/bo.md"}},
		{name: "an entity already", rel: "p.md", src: "---\nkind: persona\nname: P\n---\n", skipped: "an entity already"},
		{name: "no claim sections, no date", rel: "about.md", src: "# About us\n\nText.\n", skipped: "no claim sections"},
		{name: "--kind adopts it anyway", rel: "about.md", src: "# Mid-market SaaS\n", opts: func(o *Options) { o.Kind = model.KindICP },
			paths: []string{"about.md"}, want: []string{"---\nkind: icp\ntitle: \"Mid-market SaaS\"\n---\n"}},
		{name: "TOML front matter", rel: "p.md", src: "+++\ntitle = 'x'\n+++\n## Goals\n- a\n", skipped: "TOML"},
		{name: "broken YAML", rel: "p.md", src: "---\ntitle: [x\n---\n## Goals\n- a\n", skipped: "not valid YAML"},
		// The shapes of real pages (#26).
		{name: "a heading in a code block is no heading", rel: "howto.md", src: "# How to write a persona\n\n```\n## Goals\n- a\n```\n", skipped: "no claim sections"},
		{name: "a proposal's goals are not a persona", rel: "beps/0008/README.md",
			src: "# BEP: Personas\n\n## Motivation\n\n### Goals\n\n- Define personas\n\n### Non-Goals\n\n- Everything\n", skipped: "reads as a proposal"},
		{name: "a strategy page's values are not a persona", rel: "strategy.md",
			src: "# Strategy\n\n## Mission\n\nText.\n\n## Values\n\n- Openness\n", skipped: "reads as a strategy page"},
		{name: "an interview-outcomes page is not a persona", rel: "research/outcomes.md",
			src: "# Interview outcomes\n\n## Methodology\n\nWe talked to 12 people.\n\n## Challenges\n\n- Setup\n", skipped: "reads as a research summary"},
		{name: "emoji and NBSP headings are claim sections", rel: "personas/ana.md",
			src:   "---\ntitle: Ana\n---\n## 🐛 Pain points\u00a0or biggest challenges\n\n- Slow setup\n\n## 🎯 Goals\n\n- Ship\n",
			paths: []string{"personas/ana.md"}, want: []string{"kind: persona\n"}},
		{name: "personas grouped under headings split at the personas", rel: "handbook/user-personas.md",
			src: "### User personas\n\n#### Parker (Product Manager)\n\n##### Motivations\n\n- a\n\n#### Delaney (Lead)\n\n##### Frustrations\n\n- b\n\n" +
				"#### Sasha (Developer)\n\n##### Goals\n\n- c\n\n### Internal personas\n\n#### Cameron (Admin)\n\n##### Goals\n\n- d\n",
			paths: []string{"handbook/personas/parker-product-manager.md", "handbook/personas/delaney-lead.md", "handbook/personas/sasha-developer.md", "handbook/personas/cameron-admin.md"}},
		{name: "--heading-level splits where sections hold no claim headings", rel: "bep.md",
			src:   "## Personas\n\n#### Admin\n\nKeeps the portal running.\n\n#### Developer\n\nBuilds plugins.\n",
			opts:  func(o *Options) { o.HeadingLevel = 4 },
			paths: []string{"personas/admin.md", "personas/developer.md"}},
		{name: "a README takes its folder's name as id", rel: "surveys/2024-developer-survey/README.md",
			src: "## Goals\n\n- a\n", paths: []string{"surveys/2024-developer-survey/README.md"}, want: []string{"id: 2024-developer-survey\n"}},
		{name: "a name without the heading's image and emoji", rel: "p.md",
			src:   "## <img src=\"a.png\" width=\"40\"/> 🧑‍💻 Dev **Dana**\n\n### Goals\n\n- a\n\n## ![x](b.png) Ops Olu\n\n### Goals\n\n- b\n",
			paths: []string{"personas/dev-dana.md", "personas/ops-olu.md"}, want: []string{"name: \"Dev Dana\"\n"}},
		{name: "a persona whose page has only an H3 is named by it", rel: "p.md",
			src: "### Finance Fiona\n\n#### Frustrations\n\n- Slow close\n", paths: []string{"p.md"}, want: []string{"name: \"Finance Fiona\"\n"}},
		{name: "a survey's summary is dated by its folder and typed", rel: "surveys/2023-06-15-otel-survey/README.md", src: "# OTel survey results\n\nMost use Go.\n",
			opts:  func(o *Options) { o.Kind = model.KindInterview },
			paths: []string{"surveys/2023-06-15-otel-survey/README.md"}, want: []string{"---\nkind: interview\nid: 2023-06-15-otel-survey\ndate: 2023-06-15\ntype: survey\n---\n"}},
		{name: "an interview without a date anywhere is skipped, not adopted broken", rel: "research/notes.md", src: "# Notes\n",
			opts: func(o *Options) { o.Kind = model.KindInterview }, skipped: "has no date"},
		{name: "a status the contract does not know becomes proto", rel: "p.md",
			src: "---\ntitle: P\nstatus: provisional\n---\n## Goals\n- a\n", paths: []string{"p.md"}, want: []string{"---\nkind: persona\ntitle: P\nstatus: proto # was: provisional\n---\n"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := opts()
			if tc.opts != nil {
				tc.opts(&o)
			}
			plan := PlanPage(tc.rel, []byte(tc.src), o)
			if tc.skipped != "" {
				if !strings.Contains(plan.Skipped, tc.skipped) || len(plan.Writes) != 0 {
					t.Fatalf("plan = %+v, want skipped for %q", plan, tc.skipped)
				}
				return
			}
			var paths []string
			for _, w := range plan.Writes {
				paths = append(paths, w.Path)
			}
			if plan.Skipped != "" || strings.Join(paths, " ") != strings.Join(tc.paths, " ") {
				t.Fatalf("writes %v (skipped %q), want %v", paths, plan.Skipped, tc.paths)
			}
			for _, piece := range tc.want {
				if !bytes.Contains(plan.Writes[0].Content, []byte(piece)) {
					t.Errorf("%s lacks %q:\n%s", paths[0], piece, plan.Writes[0].Content)
				}
			}
			for _, w := range plan.Writes {
				// Every file written decodes as the entity it says it is.
				doc := frontmatter.Decode(w.Path, w.Content)
				if doc == nil || doc.Kind != w.Kind || len(doc.Problems) != 0 {
					t.Errorf("%s does not decode as a clean %s: %+v\n%s", w.Path, w.Kind, doc, w.Content)
				}
			}
		})
	}
}

func TestDateFromName(t *testing.T) {
	tests := map[string]string{
		"2019-06-24-call.md":    "2019-06-24",
		"P1-06242019-0900.md":   "2019-06-24",
		"call-20210304.md":      "2021-03-04",
		"notes-2019-13-01.md":   "",
		"P2-13242019.md":        "",
		"v12345678.md":          "",
		"release-1.2.3.md":      "",
		"session-06242019x.md":  "2019-06-24",
		"2019-06-24T0900 s1.md": "2019-06-24",
	}
	for name, want := range tests {
		if got := dateFromName(name); got != want {
			t.Errorf("dateFromName(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestPlanPageIsIdempotent: a page adopted in place is left alone the
// second time.
func TestPlanPageIsIdempotent(t *testing.T) {
	first := PlanPage("p.md", []byte("---\ntitle: P\n---\n## Goals\n- a\n"), opts())
	if len(first.Writes) != 1 {
		t.Fatalf("first plan %+v", first)
	}
	if second := PlanPage("p.md", first.Writes[0].Content, opts()); second.Skipped == "" {
		t.Errorf("second plan %+v, want the page skipped", second)
	}
}

// handbook is a page of n personas as handbooks write them.
func handbook(n int) []byte {
	var b bytes.Buffer
	b.WriteString("---\ntitle: Personas\n---\n")
	for i := range n {
		fmt.Fprintf(&b, "#### Persona %d\n\n##### Motivations\n\n- Ship on time [@p%d]\n\n##### Frustrations\n\n- Slow tools\n\n", i, i)
	}
	return b.Bytes()
}

// BenchmarkSplit splits handbook pages of 2,500, 5,000 and 10,000
// personas: ns/op grows with the page (linearly: compare the three), as
// SPEC §12 asks of importing a 10,000-persona page.
func BenchmarkSplit(b *testing.B) {
	for _, n := range []int{2500, 5000, 10000} {
		src := handbook(n)
		b.Run(fmt.Sprintf("personas=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if got := len(PlanPage("p.md", src, opts()).Writes); got != n {
					b.Fatalf("%d personas split into %d files", n, got)
				}
			}
		})
	}
}

// FuzzPlanPage: any page plans without a panic; a page adopted in place
// keeps every byte it had, and is left alone when planned again; split
// personas decode as personas.
func FuzzPlanPage(f *testing.F) {
	f.Add("p.md", "---\ntitle: P\n---\n## Goals\n- a [@x]\n")
	f.Add("h.md", "#### A\n##### Goals\n- a\n#### B\n- **Pains:** b\n")
	f.Add("P1-06242019-0900.md", "notes\r\n")
	f.Add("x.md", "Ana\n===\n## Goals\n- a\nBo\n---\n## Goals\n- b\n")
	f.Fuzz(func(t *testing.T, name, src string) {
		rel := "dir/" + strings.NewReplacer("/", "", "\\", "").Replace(name) + ".md"
		plan := PlanPage(rel, []byte(src), opts())
		for _, w := range plan.Writes {
			if w.InPlace {
				if !isSubsequence([]byte(src), w.Content) {
					t.Fatalf("in-place adoption lost bytes of the page:\n%q\n%q", src, w.Content)
				}
				if again := PlanPage(rel, w.Content, opts()); again.Skipped == "" && len(again.Writes) > 0 && again.Writes[0].InPlace {
					t.Fatalf("adopted page planned again: %q", w.Content)
				}
				continue
			}
			if doc := frontmatter.Decode(w.Path, w.Content); doc == nil || doc.Kind != model.KindPersona {
				t.Fatalf("split file %s does not decode as a persona:\n%s", w.Path, w.Content)
			}
		}
	})
}

// isSubsequence reports whether every byte of a appears in b, in order.
func isSubsequence(a, b []byte) bool {
	i := 0
	for _, c := range b {
		if i < len(a) && a[i] == c {
			i++
		}
	}
	return i == len(a)
}
