// Package accounts streams account rows out of CRM exports and warehouse
// unloads (CSV, JSON Lines, Parquet, gzip-compressed or not) and finds the
// columns that hold each firmographic field (SPEC §13, Input). Memory does
// not grow with the number of rows: one row is held at a time.
package accounts

import (
	"slices"
	"strings"
)

// Field is what matching reads from a row.
type Field int

// The fields, in the order SPEC §13 lists them.
const (
	ID Field = iota
	Name
	Domain
	Industry
	Employees
	Revenue
	Currency
	Country
	Technologies
	Customer
	Value
	numFields
)

// FieldCount is how many fields there are.
const FieldCount = int(numFields)

// String is the field's name as --column and match.columns write it.
func (f Field) String() string {
	return [...]string{"id", "name", "domain", "industry", "employees", "revenue", "currency",
		"country", "technologies", "customer", "value"}[f]
}

// Fields lists every field in order.
func Fields() []Field {
	out := make([]Field, numFields)
	for i := range out {
		out[i] = Field(i)
	}
	return out
}

// FieldNames lists the fields' names in order.
func FieldNames() []string {
	out := make([]string, 0, numFields)
	for _, f := range Fields() {
		out = append(out, f.String())
	}
	return out
}

// ParseField reads a field name.
func ParseField(s string) (Field, bool) {
	i := slices.Index(FieldNames(), strings.ToLower(strings.TrimSpace(s)))
	return Field(i), i >= 0
}

// BuiltinHeaders are the headers of common exports (HubSpot, Salesforce,
// warehouses) for each field, the more precise first: where two columns
// give one field, the first that holds a value is read, and a number wins
// over a band (pkg/match reads employees and revenue so).
func BuiltinHeaders(f Field) []string {
	switch f {
	case ID:
		return []string{"id", "Record ID", "hs_object_id", "Account ID", "AccountId"}
	case Name:
		return []string{"name", "Company name", "Account Name", "company"}
	case Domain:
		return []string{"domain", "Company Domain Name", "Website", "website"}
	case Industry:
		return []string{"industry", "Industry", "hs_industry_group", "Industry group", "sector"}
	case Employees:
		return []string{"employees", "Number of Employees", "numberofemployees", "NumberOfEmployees",
			"Employee range", "hs_employee_range", "size", "company size"}
	case Revenue:
		return []string{"revenue", "Annual Revenue", "annualrevenue", "AnnualRevenue", "Revenue range", "hs_revenue_range"}
	case Currency:
		return []string{"currency", "Annual Revenue Currency Code", "hs_annual_revenue_currency_code", "CurrencyIsoCode"}
	case Country:
		return []string{"Country/Region Code", "hs_country_code", "BillingCountryCode", "country code",
			"country", "Country/Region", "BillingCountry"}
	case Technologies:
		return []string{"technologies", "Web Technologies", "web_technologies", "tech stack"}
	case Customer:
		return []string{"customer", "is customer", "Lifecycle Stage", "lifecyclestage", "Type", "stage"}
	case Value:
		return []string{"value", "Total Revenue", "total_revenue", "ARR", "MRR", "amount"}
	}
	return nil
}

// NormalHeader is how headers are compared: case-insensitively, ignoring
// spaces, _, - and /.
func NormalHeader(h string) string {
	h = strings.TrimPrefix(h, "\ufeff")
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(h)) {
		switch r {
		case ' ', '_', '-', '/', '\t':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// headerIndex maps a normal header to its field and its rank among the
// field's headers (0 the most precise).
type headerIndex map[string]struct {
	field Field
	rank  int
}

// newHeaderIndex builds the index of built-in headers; explicit names a
// field's one header (--column, match.columns), which then replaces the
// built-in ones for that field.
func newHeaderIndex(explicit map[Field]string) headerIndex {
	idx := headerIndex{}
	for _, f := range Fields() {
		if h, ok := explicit[f]; ok {
			idx[NormalHeader(h)] = struct {
				field Field
				rank  int
			}{f, -1}
			continue
		}
		for rank, h := range BuiltinHeaders(f) {
			n := NormalHeader(h)
			if prev, taken := idx[n]; taken && prev.rank < 0 {
				continue // an explicit header keeps its field
			}
			if _, taken := idx[n]; !taken {
				idx[n] = struct {
					field Field
					rank  int
				}{f, rank}
			}
		}
	}
	// An explicit header wins over a built-in one of another field.
	for f, h := range explicit {
		idx[NormalHeader(h)] = struct {
			field Field
			rank  int
		}{f, -1}
	}
	return idx
}
