package rules

import "testing"

func TestInterviewPII(t *testing.T) {
	iv := fm("kind: interview", "date: 2026-01-01", "consent: true")
	runRuleCases(t, "interview-pii", []ruleCase{
		{"email in body", with(map[string]string{"interviews/one.md": iv + "\nMail jane.doe@example.com today.\n"}), "", []string{"interviews/one.md:7:6 warning"}},
		{"two on one line", with(map[string]string{"interviews/one.md": iv + "a@b.io, c@d.io\n"}), "", []string{"interviews/one.md:6:1 warning", "interviews/one.md:6:9 warning"}},
		{"phone formats", with(map[string]string{"interviews/one.md": iv + "+1 415 555 0134\n(415) 555-0134\n+44 20 7946 0958\n"}), "", []string{"interviews/one.md:6:1 warning", "interviews/one.md:7:1 warning", "interviews/one.md:8:1 warning"}},
		{"in front matter", with(map[string]string{"interviews/one.md": fm("kind: interview", "date: 2026-01-01", "consent: true", "interviewer: sam@acme.io")}), "", []string{"interviews/one.md:5:14 warning"}},
		{"in a persona", with(map[string]string{"personas/fiona.md": persona() + "Call 020 7946 0958\n"}), "", []string{"personas/fiona.md:11:6 warning"}},
		{"column counts characters", with(map[string]string{"interviews/one.md": iv + "Zoë: zoe@example.org\n"}), "", []string{"interviews/one.md:6:6 warning"}},
		{"dates, ranges and money are not phones", with(map[string]string{"interviews/one.md": iv + "2026-01-01, 200-500 staff, $10,000,000, 1.234.567, v1.2.3, 10 000 000\n"}), "", nil},
		{"icps are not scanned", with(map[string]string{"icps/saas.md": fm("kind: icp", "title: SaaS", "owners: [a]", "reviewed: 2026-10-01", "firmographics: {industries: [a], regions: [b]}") + "sales@acme.io\n"}), "", nil},
	})
}

func TestCountDigits(t *testing.T) {
	var all []byte
	for c := 0; c < 256; c++ {
		all = append(all, byte(c))
	}
	for _, s := range []string{"", "abc", "0123456789", "+1 (415) 555-0134", "zoë 42 ÿ/:9", string(all), string(all[40:]) + "9"} {
		want := 0
		for _, c := range []byte(s) {
			if c >= '0' && c <= '9' {
				want++
			}
		}
		if got := countDigits([]byte(s)); got != want {
			t.Errorf("countDigits(%q) = %d, want %d", s, got, want)
		}
	}
}
