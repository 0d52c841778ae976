package reporthtml

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/match"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/report"
	"github.com/personakit/persona/pkg/reportmd"
)

// TestCustomersBesideDeclaredShare builds a report with account data: each
// format shows the ICP's measured coverage beside its declared share, and
// the customers in no ICP.
func TestCustomersBesideDeclaredShare(t *testing.T) {
	ws := load(t, map[string]string{
		"icps/saas.md": "---\nkind: icp\ntitle: SaaS <b>\ncustomer_share: 35%\nfirmographics: {industries: [software]}\n---\n",
	})
	cfg, err := config.Parse(".persona.yaml", []byte("match: {accounts: [a.csv]}"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := match.NewSettings(cfg.Match)
	if err != nil {
		t.Fatal(err)
	}
	csv := "name,industry,country,value\nA,Software,US,100\nB,Retail <i>,DE,300\nC,Mining,DE,50\nD,Software,FR,50\n"
	sum, err := match.Run(match.Options{ICPs: ws.Entities(model.KindICP), Settings: s, Inputs: []match.Input{{Name: "crm/a.csv", Path: "-"}},
		Stdin: strings.NewReader(csv)})
	if err != nil {
		t.Fatal(err)
	}
	r := report.Build(ws, nil, report.Options{Today: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC), Accounts: sum})
	var md, html, js bytes.Buffer
	if err := reportmd.Markdown(&md, r); err != nil {
		t.Fatal(err)
	}
	if err := HTML(&html, r); err != nil {
		t.Fatal(err)
	}
	if err := report.JSON(&js, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Customers that fit: `███████│███░░░░░░░░░░` 50% (2 of 4 customers in crm/a.csv; 30% of value); declared 35%.",
		"| Retail &lt;i&gt; | unknown | DE | 1 | 25% | 60% |",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md.String())
		}
	}
	for _, want := range []string{
		`<title id="chart-customers-saas-t">Customers of SaaS &lt;b&gt; that fit: 50% by count, 30% by value; declared 35%.</title>`,
		`<figcaption>50% (2 of 4 customers in crm/a.csv; 30% of value); declared 35%</figcaption>`,
		`<li><a href="#customers-in-no-icp">Customers in no ICP</a></li>`,
		`<caption>The largest groups of customers that fit no ICP</caption>`,
		`<tr><td>Retail &lt;i&gt;</td><td>unknown</td><td>DE</td><td class="num">1</td><td class="num">25%</td><td class="num">60%</td></tr>`,
	} {
		if !strings.Contains(html.String(), want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	var got struct {
		ICPs []struct {
			Customers *report.Customers `json:"customers"`
		} `json:"icps"`
		Uncovered []match.Segment `json:"uncovered_segments"`
	}
	if err := json.Unmarshal(js.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if c := got.ICPs[0].Customers; c == nil || c.Fit != 2 || c.Customers != 4 || *c.DeclaredShare != 0.35 || len(got.Uncovered) != 2 {
		t.Errorf("JSON customers %+v, uncovered %+v", c, got.Uncovered)
	}
	// Without account data nothing of it is shown.
	plain := report.Build(ws, nil, report.Options{Today: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)})
	md.Reset()
	html.Reset()
	reportmd.Markdown(&md, plain)
	HTML(&html, plain)
	if strings.Contains(md.String(), "Customers") || strings.Contains(html.String(), "Customers") {
		t.Error("a report without match.accounts mentions customers")
	}
}
