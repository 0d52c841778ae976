package match

import (
	"strings"

	"github.com/personakit/persona/pkg/accounts"
	"github.com/personakit/persona/pkg/firmo"
)

// State is what a field of one account holds.
type State uint8

// States of a field.
const (
	Absent     State = iota // no column for it, or an empty cell
	Readable                // a value matching can use
	Unreadable              // a value matching cannot read
)

// Account is one row read for matching: each field parsed once, whatever
// the number of ICPs.
type Account struct {
	File   string
	Number int
	Line   int
	ID     string
	Name   string

	Customer bool
	Value    float64 // in the base currency; 0 unless ValueState is Readable
	ValueSt  State

	Industry   string // as written, trimmed
	IndustrySt State
	// IndustryKnown says some ICP industry fits it (data quality).
	IndustryKnown bool

	Employees   firmo.Quantity
	EmployeesSt State
	EmployeesIn string // as written, for reasons
	// employeesText is the head count as reasons write it, made once.
	employeesText string

	Revenue    firmo.Quantity
	RevenueCur string // the currency Revenue is in
	RevenueSt  State
	RevenueIn  string
	// revenueText is the amount with its currency as reasons write it.
	revenueText string
	// RevenueWhy says why a revenue is unreadable.
	RevenueWhy string

	Country   string // alpha-2 code when Readable
	CountryIn string
	CountrySt State
	// countryFacts says, per ICP index, whether its regions hold Country.
	countryFacts *textFacts

	TechIn string
	TechSt State
	// techQuoted is TechIn as reasons quote it, made once.
	techQuoted string

	// industryFacts and techFacts say, per ICP (by its index), whether the
	// ICP's industries and tech_stack fit; facts works them out once per
	// distinct cell, and keeps the reasons made of them.
	industryFacts, techFacts *textFacts
	facts                    *facts
}

// customerWords are the values of a customer column that mean a customer
// (SPEC §13); a value starting with "customer" is one too.
func isCustomer(s string) bool {
	t := strings.ToLower(strings.Trim(s, " "))
	switch t {
	case "customer", "closed won", "won", "true", "yes", "1":
		return true
	}
	return strings.HasPrefix(t, "customer")
}

// read parses a row. hasCustomer says whether the file has a customer
// column: without one every account is a customer.
func (a *Account) read(r *accounts.Row, hasCustomer bool, s *Settings, f *facts) {
	*a = Account{File: r.File, Number: r.Number, Line: r.Line, facts: f}
	a.ID = strings.TrimSpace(r.First(accounts.ID))
	a.Name = strings.TrimSpace(r.First(accounts.Name))
	a.Customer = !hasCustomer || isCustomer(r.First(accounts.Customer))

	currency := ""
	curCell := r.First(accounts.Currency)
	curSt := Absent
	if !firmo.Missing(curCell) {
		if code, ok := firmo.CurrencyCode(curCell); ok {
			currency, curSt = code, Readable
		} else {
			curSt = Unreadable
		}
	}

	if cell := r.First(accounts.Value); !firmo.Missing(cell) {
		a.ValueSt = Unreadable
		if amt, ok := firmo.ParseAmount(cell); ok {
			cur := pick(currency, amt.Currency, s.Currency)
			if rate, ok := s.rate(cur); ok && curSt != Unreadable {
				a.Value, a.ValueSt = amt.Value*rate, Readable
			}
		}
	}

	if cell := strings.TrimSpace(r.First(accounts.Industry)); !firmo.Missing(cell) {
		t := f.industry(cell)
		a.Industry, a.IndustrySt, a.IndustryKnown, a.industryFacts = cell, t.st, t.known, t
	}

	a.Employees, a.EmployeesSt, a.EmployeesIn = quantity(r, accounts.Employees)
	a.Revenue, a.RevenueSt, a.RevenueIn = quantity(r, accounts.Revenue)
	if a.RevenueSt == Readable {
		a.RevenueCur = pick(currency, a.Revenue.Currency, s.Currency)
		if curSt == Unreadable {
			a.RevenueSt, a.RevenueWhy = Unreadable, "currency "+quote(curCell)+" is not an ISO 4217 code"
		}
	} else if a.RevenueSt == Unreadable {
		a.RevenueWhy = quote(a.RevenueIn) + " is not a number or band"
	}

	if cell := strings.TrimSpace(r.First(accounts.Country)); !firmo.Missing(cell) {
		a.CountryIn, a.CountrySt = cell, Unreadable
		r.Get(accounts.Country, func(c string) bool {
			if code, ok := f.country(c); ok && !firmo.Missing(c) {
				a.Country, a.CountrySt, a.countryFacts = code, Readable, f.regions(code)
				return false
			}
			return true
		})
	}

	if cell := r.First(accounts.Technologies); !firmo.Missing(cell) {
		t := f.tech(cell)
		a.TechIn, a.TechSt, a.techFacts = strings.TrimSpace(cell), t.st, t
	}
}

// quantity reads a count or an amount from a field's columns: the first
// exact figure, else the first band, else unreadable.
func quantity(r *accounts.Row, f accounts.Field) (firmo.Quantity, State, string) {
	var band *firmo.Quantity
	bandIn, firstIn := "", ""
	var exact *firmo.Quantity
	exactIn := ""
	r.Get(f, func(cell string) bool {
		if firmo.Missing(cell) {
			return true
		}
		if firstIn == "" {
			firstIn = strings.TrimSpace(cell)
		}
		q, ok := firmo.ParseQuantity(cell)
		switch {
		case ok && q.Exact:
			exact, exactIn = &q, strings.TrimSpace(cell)
			return false
		case ok && band == nil:
			band, bandIn = &q, strings.TrimSpace(cell)
		}
		return true
	})
	switch {
	case exact != nil:
		return *exact, Readable, exactIn
	case band != nil:
		return *band, Readable, bandIn
	case firstIn != "":
		return firmo.Quantity{}, Unreadable, firstIn
	}
	return firmo.Quantity{}, Absent, ""
}

func pick(options ...string) string {
	for _, o := range options {
		if o != "" {
			return o
		}
	}
	return ""
}
