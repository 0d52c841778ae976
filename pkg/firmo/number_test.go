package firmo

import (
	"math"
	"testing"
)

func TestMissing(t *testing.T) {
	for _, s := range []string{"", "   ", "-", "n/a", "N/A", "na", "None", "NULL", "unknown", " Unknown "} {
		if !Missing(s) {
			t.Errorf("Missing(%q) = false", s)
		}
	}
	for _, s := range []string{"0", "--", "no", "x", "nan"} {
		if Missing(s) {
			t.Errorf("Missing(%q) = true", s)
		}
	}
}

func TestParseAmount(t *testing.T) {
	cases := []struct {
		name, in string
		want     float64
		cur      string
		ok       bool
	}{
		{"plain", "250", 250, "", true},
		{"comma thousands", "1,200", 1200, "", true},
		{"several groups", "10,000,001", 10000001, "", true},
		{"underscore", "1_000", 1000, "", true},
		{"apostrophe", "1'000'000", 1e6, "", true},
		{"space", "1 000 000", 1e6, "", true},
		{"thin space", "1\u2009000", 1000, "", true},
		{"no-break space", "12\u00a0500", 12500, "", true},
		{"decimal point", "12.5", 12.5, "", true},
		{"both: comma last is the decimal point", "1.234,5", 1234.5, "", true},
		{"both: dot last is the decimal point", "1,234.5", 1234.5, "", true},
		{"dots only, several: thousands", "1.234.567", 1234567, "", true},
		{"k", "12k", 12000, "", true},
		{"K with space", "1.5 K", 1500, "", true},
		{"m", "3m", 3e6, "", true},
		{"mm", "3MM", 3e6, "", true},
		{"b", "2b", 2e9, "", true},
		{"bn", "1.2bn", 1.2e9, "", true},
		{"dollar", "$25,000,000", 25e6, "USD", true},
		{"euro after", "12,5 €", 0, "", false},
		{"euro before", "€12.5M", 12.5e6, "EUR", true},
		{"pound", "£3M", 3e6, "GBP", true},
		{"yen", "¥500", 500, "JPY", true},
		{"code before", "USD 12M", 12e6, "USD", true},
		{"code after", "12.5M EUR", 12.5e6, "EUR", true},
		{"lower-case code", "chf 10k", 10000, "CHF", true},
		{"not a currency code", "XYZ 10", 0, "", false},
		{"comma as a decimal alone is ambiguous", "1,5", 0, "", false},
		{"bad grouping", "12,34", 0, "", false},
		{"trailing point", "12.", 0, "", false},
		{"words", "lots", 0, "", false},
		{"negative", "-5", 0, "", false},
		{"absurd", "1e30", 0, "", false},
		{"absurd by suffix", "999999999bn", 0, "", false},
		{"empty", "", 0, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := ParseAmount(c.in)
			if ok != c.ok || (ok && (math.Abs(got.Value-c.want) > 1e-6 || got.Currency != c.cur)) {
				t.Errorf("ParseAmount(%q) = %+v, %v; want %v %s, %v", c.in, got, ok, c.want, c.cur, c.ok)
			}
		})
	}
}

func TestParseBand(t *testing.T) {
	inf := math.Inf(1)
	cases := []struct {
		name, in string
		lo, hi   float64
		open     bool
		cur      string
		ok       bool
	}{
		{"dash", "51-200", 51, 200, false, "", true},
		{"en dash", "51–200", 51, 200, false, "", true},
		{"to", "51 to 200", 51, 200, false, "", true},
		{"plus", "10,001+", 10001, inf, false, "", true},
		{"less than sign", "<10", 0, 10, true, "", true},
		{"under", "under 50", 0, 50, true, "", true},
		{"less than", "Less than 1M", 0, 1e6, true, "", true},
		{"money", "$1M-$10M", 1e6, 1e7, false, "USD", true},
		{"suffixes", "1K-5K", 1000, 5000, false, "", true},
		{"from zero", "$0-$1M", 0, 1e6, false, "USD", true},
		{"currency on one side", "1M-10M EUR", 1e6, 1e7, false, "EUR", true},
		{"two currencies", "$1M-€10M", 0, 0, false, "", false},
		{"reversed", "200-51", 0, 0, false, "", false},
		{"one side unreadable", "51-lots", 0, 0, false, "", false},
		{"not a band", "about fifty", 0, 0, false, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, ok := ParseBand(c.in)
			if ok != c.ok || (ok && (b.Lo != c.lo || b.Hi != c.hi || b.HiOpen != c.open || b.Currency != c.cur)) {
				t.Errorf("ParseBand(%q) = %+v, %v", c.in, b, ok)
			}
		})
	}
}

func TestWithin(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	q := func(s string) Quantity {
		x, ok := ParseQuantity(s)
		if !ok {
			t.Fatalf("ParseQuantity(%q) failed", s)
		}
		return x
	}
	cases := []struct {
		name   string
		q      Quantity
		lo, hi *float64
		want   Verdict
		side   int
	}{
		{"inside", q("250"), f(100), f(1000), Fit, 0},
		{"on the bounds", q("100"), f(100), f(1000), Fit, 0},
		{"below", q("40"), f(100), f(1000), Miss, -1},
		{"above", q("1,200"), f(100), f(1000), Miss, 1},
		{"open bounds", q("1"), nil, nil, Fit, 0},
		{"band inside", q("201-500"), f(100), f(1000), Fit, 0},
		{"band straddles the lower bound", q("51-200"), f(100), f(1000), Unknown, -1},
		{"band straddles the upper bound", q("501-5,000"), f(100), f(1000), Unknown, 1},
		{"band below", q("11-50"), f(100), nil, Miss, -1},
		{"band above", q("10,001+"), nil, f(5000), Miss, 1},
		{"open-ended band straddles", q("5,001+"), f(1000), f(10000), Unknown, 1},
		{"below A ends at A", q("<100"), f(100), nil, Miss, -1},
		{"below A fits up to A", q("under 100"), nil, f(100), Fit, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, side := c.q.Within(c.lo, c.hi)
			if v != c.want || side != c.side {
				t.Errorf("Within = %v, %d; want %v, %d", v, side, c.want, c.side)
			}
		})
	}
}

func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{"1,200", "$1M-$10M", "10,001+", "<10", "1.234,5", "12.5M EUR", "under 5k", "¥", "1 to 2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, ok := ParseQuantity(s)
		if !ok {
			return
		}
		if q.Lo < 0 || q.Hi < q.Lo || math.IsNaN(q.Lo) || math.IsNaN(q.Hi) || q.Lo > maxMagnitude {
			t.Fatalf("ParseQuantity(%q) = %+v", s, q)
		}
		if q.Exact != (q.Band == "") {
			t.Fatalf("ParseQuantity(%q) = %+v: a figure has no band text, a band has", s, q)
		}
		// Reading what was read again gives the same figure.
		if a, ok := ParseAmount(s); ok && (!q.Exact || a.Value != q.Lo) {
			t.Fatalf("ParseQuantity(%q) = %+v, ParseAmount = %+v", s, q, a)
		}
	})
}
