package generate

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// AccountShapes are the account exports Accounts writes: HubSpot's and
// Salesforce's company exports as they come out of the CRM (bands,
// currency symbols, typos, empty cells), and a warehouse table whose
// employees, revenue and value are plain numbers.
func AccountShapes() []string { return []string{"hubspot", "salesforce", "table"} }

// Account values drawn from what real CRMs hold.
func industryLabels() []string {
	return []string{"Computer Software", "COMPUTER_SOFTWARE", "Information Technology & Services", "Financial Services",
		"FINANCIAL_SERVICES", "Banking", "Hospital & Health Care", "Health Care Equipment", "Healthcare", "Retail",
		"Marketing and Advertising", "E-Commerce", "Internet", "Insurance", "Higher Education", "Manufacturing",
		"Application Software", "Fintech", "Telecommunications", "Logistics & Supply Chain", "Sofware", "Non-Profit"}
}

func countryLabels() []string {
	return []string{"United States", "US", "USA", "U.S.", "United States of America", "Canada", "CA", "Germany", "DE",
		"Deutschland", "France", "FR", "United Kingdom", "UK", "GB", "England", "Netherlands", "NL", "Sweden", "Norway",
		"Brazil", "Mexico", "Japan", "JP", "India", "Australia", "AUS", "New Zealand", "South Korea", "Korea, Republic of",
		"Spain", "Italy", "Switzerland", "Austria", "Ireland", "Singapore", "Untied States", "Germny", "Côte d’Ivoire", "EMEA"}
}

func techLabels() []string {
	return []string{"NetSuite", "Net Suite", "Salesforce", "Snowflake", "HubSpot", "Shopify", "WordPress", "SAP",
		"Google Analytics", "Segment", "Stripe", "Zendesk", "AWS", "Looker", "dbt"}
}

func currencyLabels() []string {
	return []string{"USD", "USD", "USD", "EUR", "GBP", "eur", "CHF", "", "", "$"}
}

// Accounts writes n accounts of shape as CSV, the same for the same seed.
func Accounts(w io.Writer, n int, seed uint64, shape string) error {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := csv.NewWriter(bw)
	var header []string
	switch shape {
	case "hubspot":
		header = []string{"Record ID", "Company name", "Company Domain Name", "Industry", "Number of Employees",
			"Employee range", "Annual Revenue", "Annual Revenue Currency Code", "Country/Region", "Web Technologies",
			"Lifecycle Stage", "Total Revenue", "Create Date", "Company owner"}
	case "salesforce":
		header = []string{"Account ID", "Account Name", "Website", "Industry", "NumberOfEmployees", "AnnualRevenue",
			"CurrencyIsoCode", "BillingCountry", "BillingCountryCode", "Type", "ARR", "Description"}
	case "table":
		header = []string{"id", "name", "industry", "employees", "revenue", "currency", "country", "technologies", "customer", "value"}
	default:
		return fmt.Errorf("unknown account shape %q; use one of %s", shape, strings.Join(AccountShapes(), ", "))
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(header))
	for i := range n {
		a := drawAccount(rng, i)
		switch shape {
		case "hubspot":
			rec = append(rec[:0], strconv.Itoa(1000000+i), a.name, a.domain, a.industry, a.employeesText(rng),
				a.band, a.revenueText(rng), a.currency, a.country, strings.Join(a.techs, ";"), a.stage,
				a.valueText(), "2024-0"+strconv.Itoa(1+i%9)+"-1"+strconv.Itoa(i%10), "Owner "+strconv.Itoa(i%17))
		case "salesforce":
			code, name := a.country, ""
			if len(code) > 2 {
				code, name = "", a.country
			}
			typ := "Prospect"
			if a.customer {
				typ = []string{"Customer - Direct", "Customer - Channel"}[i%2]
			}
			rec = append(rec[:0], fmt.Sprintf("001%012d", i), a.name, "https://"+a.domain, a.industry, a.employeesText(rng),
				a.revenueText(rng), a.currency, name, code, typ, a.valueText(), notes(rng, i))
		case "table":
			rec = append(rec[:0], strconv.Itoa(i+1), a.name, a.industry, a.employeesPlain(), a.revenuePlain(), a.currency,
				a.country, strings.Join(a.techs, a.techSep), strconv.FormatBool(a.customer), a.valueText())
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

type drawn struct {
	name, domain, industry, band, currency, country, stage, techSep string
	employees                                                       int // 0: missing
	revenue, value                                                  float64
	techs                                                           []string
	customer                                                        bool
}

func pickOf(rng *rand.Rand, items []string) string { return items[rng.IntN(len(items))] }

func drawAccount(rng *rand.Rand, i int) drawn {
	a := drawn{name: fmt.Sprintf("Company %d", i), domain: fmt.Sprintf("company%d.example", i)}
	if rng.IntN(10) > 0 {
		a.industry = pickOf(rng, industryLabels())
	} else if rng.IntN(2) == 0 {
		a.industry = pickOf(rng, []string{"n/a", "-", "Unknown", "  "})
	}
	if rng.IntN(8) > 0 {
		// Head counts spread over five orders of magnitude, as real bases do.
		a.employees = 1 + int(float64(rng.IntN(100000))*rng.Float64()*rng.Float64()/5)
	}
	bands := []string{"1-10", "11-50", "51-200", "201-500", "501-1,000", "1,001-5,000", "5,001-10,000", "10,001+"}
	a.band = pickOf(rng, bands)
	if rng.IntN(7) > 0 {
		a.revenue = float64(a.max(1, a.employees)) * (50000 + float64(rng.IntN(250000)))
	}
	a.currency = pickOf(rng, currencyLabels())
	if rng.IntN(12) > 0 {
		a.country = pickOf(rng, countryLabels())
	}
	for range rng.IntN(5) {
		a.techs = append(a.techs, pickOf(rng, techLabels()))
	}
	a.techSep = pickOf(rng, []string{";", ", ", " | ", ","})
	a.customer = rng.IntN(4) > 0
	a.stage = "lead"
	if a.customer {
		a.stage = pickOf(rng, []string{"customer", "Customer", "closed won"})
	} else if rng.IntN(2) == 0 {
		a.stage = "opportunity"
	}
	if rng.IntN(9) > 0 {
		a.value = float64(1000 * (1 + rng.IntN(500)))
	}
	return a
}

func (a drawn) max(x, y int) int {
	if x > y {
		return x
	}
	return y
}

// employeesText writes a head count as exports do: plain, with a
// thousands separator, or not at all (the band column holds it).
func (a drawn) employeesText(rng *rand.Rand) string {
	switch {
	case a.employees == 0:
		return ""
	case a.employees >= 1000 && rng.IntN(2) == 0:
		return groupThousands(int64(a.employees))
	}
	return strconv.Itoa(a.employees)
}

func (a drawn) employeesPlain() string {
	if a.employees == 0 {
		return ""
	}
	return strconv.Itoa(a.employees)
}

func (a drawn) revenueText(rng *rand.Rand) string {
	if a.revenue == 0 {
		return ""
	}
	switch rng.IntN(4) {
	case 0:
		return fmt.Sprintf("$%sM", strconv.FormatFloat(a.revenue/1e6, 'f', 1, 64))
	case 1:
		return fmt.Sprintf("%.0f", a.revenue)
	case 2:
		return fmt.Sprintf("%s %sM", "EUR", strconv.FormatFloat(a.revenue/1e6, 'f', 2, 64))
	}
	return groupThousands(int64(a.revenue))
}

func (a drawn) revenuePlain() string {
	if a.revenue == 0 {
		return ""
	}
	return strconv.FormatFloat(a.revenue, 'f', -1, 64)
}

func (a drawn) valueText() string {
	if a.value == 0 {
		return ""
	}
	return strconv.FormatFloat(a.value, 'f', -1, 64)
}

func groupThousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// MatchICPs writes n ICPs under dir/icps that constrain what accounts
// hold, in every combination persona match judges: industries (with
// compound words), employee and revenue ranges in several currencies,
// regions of every kind, technology lists, and a declared customer_share.
func MatchICPs(dir string, n int) error {
	if err := os.MkdirAll(filepath.Join(dir, "icps"), 0o755); err != nil {
		return err
	}
	industries := [][]string{{"software"}, {"fintech", "financial-services"}, {"healthcare"}, {"ecommerce", "retail"},
		{"internet"}, {"manufacturing"}, {"insurance", "banking"}, {"telecommunications"}}
	regions := [][]string{{"north-america"}, {"emea"}, {"dach", "nordics"}, {"europe"}, {"apac"}, {"latam"},
		{"us", "ca", "gb"}, {"northern-europe", "anz"}}
	techs := [][]string{{"netsuite", "snowflake"}, {"salesforce"}, {"shopify", "stripe"}, {"aws"}, {"sap", "looker"}}
	currencies := []string{"USD", "EUR", "GBP"}
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "---\nkind: icp\nid: icp-%02d\ntitle: ICP %d\nowners: [sales]\nreviewed: 2026-11-01\n", i, i)
		fmt.Fprintf(&b, "customer_share: %d%%\nfirmographics:\n", 5+i%30)
		if i%5 != 4 {
			fmt.Fprintf(&b, "  industries: [%s]\n", strings.Join(industries[i%len(industries)], ", "))
		}
		lo := []int{1, 11, 51, 201, 1001}[i%5]
		fmt.Fprintf(&b, "  employees: {min: %d, max: %d}\n", lo, lo*20)
		if i%3 == 0 {
			fmt.Fprintf(&b, "  revenue: {min: %d, max: %d, currency: %s}\n", lo*100000, lo*5000000, currencies[i%3])
		}
		if i%4 != 3 {
			fmt.Fprintf(&b, "  regions: [%s]\n", strings.Join(regions[i%len(regions)], ", "))
		}
		if i%2 == 1 {
			fmt.Fprintf(&b, "  tech_stack: [%s]\n", strings.Join(techs[i%len(techs)], ", "))
		}
		b.WriteString("---\n\n# ICP\n")
		if err := os.WriteFile(filepath.Join(dir, "icps", fmt.Sprintf("icp-%02d.md", i)), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, ".persona.yaml"), []byte("version: 1\nmatch:\n  rates: {EUR: 1.08, GBP: 1.27, CHF: 1.12}\n  industries: {fintech: [Banking]}\n"), 0o644)
}

// notes is a Salesforce Description as account teams write them: empty
// for many, a line for some, for a few several paragraphs with quotes,
// commas and line breaks, which a CSV export quotes across lines.
func notes(rng *rand.Rand, i int) string {
	switch rng.IntN(6) {
	case 0, 1:
		return ""
	case 2, 3, 4:
		return "Account notes, with a comma"
	}
	var b strings.Builder
	for p := range 1 + rng.IntN(4) {
		fmt.Fprintf(&b, "Call %d with \"Company %d\": renewal in Q%d, budget owner is the CFO; they asked about SSO, audit logs, and the EU region.\n", p+1, i, 1+p%4)
		b.WriteString("Next step: send the security questionnaire, then a pricing call.\n\n")
	}
	return b.String()
}
