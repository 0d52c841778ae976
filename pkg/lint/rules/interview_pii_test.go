package rules

import (
	"strings"
	"testing"
)

func TestInterviewPII(t *testing.T) {
	iv := fm("kind: interview", "date: 2026-01-01", "consent: true")
	runRuleCases(t, "interview-pii", []ruleCase{
		{"email in body", with(map[string]string{"interviews/one.md": iv + "\nMail jane.doe@example.com today.\n"}), "", []string{"interviews/one.md:7:6 warning"}},
		{"two on one line", with(map[string]string{"interviews/one.md": iv + "a@b.io, c@d.io\n"}), "", []string{"interviews/one.md:6:1 warning", "interviews/one.md:6:9 warning"}},
		{"phone formats", with(map[string]string{"interviews/one.md": iv + "+1 415 555 0134\n(415) 555-0134\n+44 20 7946 0958\n"}), "", []string{"interviews/one.md:6:1 warning", "interviews/one.md:7:1 warning", "interviews/one.md:8:1 warning"}},
		{"in front matter", with(map[string]string{"interviews/one.md": fm("kind: interview", "date: 2026-01-01", "consent: true", "interviewer: sam@acme.io")}), "", []string{"interviews/one.md:5:14 warning"}},
		{"in a persona, national form of a configured region", with(map[string]string{"personas/fiona.md": persona() + "Call 020 7946 0958\n"}), "rules:\n  interview-pii: {regions: [GB]}\n", []string{"personas/fiona.md:11:6 warning"}},
		{"a national number of a region not configured", with(map[string]string{"personas/fiona.md": persona() + "Call 020 7946 0958\n"}), "", nil},
		{"European numbers", with(map[string]string{"interviews/one.md": iv + "+49 711 1234567\n0711 1234567\n+33 6 12 34 56 78\n(030) 123 45 67\n"}), "rules:\n  interview-pii: {regions: [DE, FR]}\n",
			[]string{"interviews/one.md:6:1 warning", "interviews/one.md:7:1 warning", "interviews/one.md:8:1 warning", "interviews/one.md:9:1 warning"}},
		{"international numbers whatever the regions", with(map[string]string{"interviews/one.md": iv + "Reach her on +49 711 1234567.\n"}), "", []string{"interviews/one.md:6:14 warning"}},
		{"order numbers, dates and an IBAN are not phones", with(map[string]string{"interviews/one.md": iv + "Order 4711-2026-123456 of 2026-01-01, ticket 123456789, invoice 20260101\n"}), "rules:\n  interview-pii: {regions: [DE, US]}\n", nil},
		{"an IBAN is its own kind", with(map[string]string{"interviews/one.md": iv + "Pay to DE89 3704 0044 0532 0130 00 or GB82WEST12345698765432.\n"}), "",
			[]string{"interviews/one.md:6:8 warning", "interviews/one.md:6:39 warning"}},
		{"an IBAN with wrong check digits is not one", with(map[string]string{"interviews/one.md": iv + "Ref DE00 3704 0044 0532 0130 00\n"}), "", nil},
		{"column counts characters", with(map[string]string{"interviews/one.md": iv + "Zoë: zoe@example.org\n"}), "", []string{"interviews/one.md:6:6 warning"}},
		{"dates, ranges and money are not phones", with(map[string]string{"interviews/one.md": iv + "2026-01-01, 200-500 staff, $10,000,000, 1.234.567, v1.2.3, 10 000 000\n"}), "", nil},
		{"a phone in the front matter above a prose body", with(map[string]string{"interviews/one.md": fm("kind: interview", "date: 2026-01-01", "consent: true", `interviewer: "+1 415 555 0134"`) + "\nShe closes the books by hand.\n"}), "",
			[]string{"interviews/one.md:5:15 warning"}},
		{"digits spread over a body's lines are no number", with(map[string]string{"interviews/one.md": iv + "1 2 3 4 5\n6 7 8 9 0\n"}), "", nil},
		{"icps are not scanned", with(map[string]string{"icps/saas.md": fm("kind: icp", "title: SaaS", "owners: [a]", "reviewed: 2026-10-01", "firmographics: {industries: [a], regions: [b]}") + "sales@acme.io\n"}), "", nil},
	})
}

func TestInterviewPIIKinds(t *testing.T) {
	iv := fm("kind: interview", "date: 2026-01-01", "consent: true")
	got := lintMessages(t, with(map[string]string{"interviews/one.md": iv + "DE89 3704 0044 0532 0130 00\n+49 711 1234567\nx@y.io\n"}), "", "interview-pii")
	want := []string{"an IBAN", "a phone number", "an e-mail address"}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i, w := range want {
		if !strings.Contains(got[i], "text contains "+w+";") {
			t.Errorf("finding %d = %q, want it to name %s", i, got[i], w)
		}
	}
}

func TestPIIRegionsOption(t *testing.T) {
	configErrorCases(t, []configErrorCase{
		{"not a list", "rules:\n  interview-pii: {regions: DE}\n", "must be a list, such as [US, DE] (ISO 3166-1 region codes)"},
		{"unknown code", "rules:\n  interview-pii: {regions: [DE, XX]}\n", `"XX" is not a region code`},
	})
}
