package article

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// This file reads the values the extractors write (Date.Value, Money figures and their
// EquivalentOf links) the way every consumer must agree on: the index filters on them, the API
// parses query bounds with them. They live with the contract, not in the extractors, so a reader
// of articles need not import the code that writes them.

// ErrBadDateValue is returned by DateInterval for a string that is not a Date.Value (docs/contracts.md §1).
var ErrBadDateValue = errors.New("article: not a date value")

// DateInterval returns the days a Date.Value covers, [start, end) in UTC: "2023-10-23" one day,
// "2023-10" a month, "2024-Q3" a quarter, "2024-H1" a half year, "2023" a year, and "A/B" from
// A's start to B's end. The index uses it to filter and bucket articles by the dates they mention.
// A week value (grain week) is its Monday's day; add six days for the whole week.
func DateInterval(value string) (start, end time.Time, err error) {
	if a, b, ok := strings.Cut(value, "/"); ok {
		s, _, err1 := DateInterval(a)
		_, e, err2 := DateInterval(b)
		if err := errors.Join(err1, err2); err != nil {
			return time.Time{}, time.Time{}, err
		}
		return s, e, nil
	}
	bad := fmt.Errorf("interval of %q: %w", value, ErrBadDateValue)
	switch {
	case len(value) == 10:
		t, err := time.Parse(time.DateOnly, value)
		if err != nil {
			return time.Time{}, time.Time{}, bad
		}
		return t, t.AddDate(0, 0, 1), nil
	case len(value) == 7 && (value[5] == 'Q' || value[5] == 'H'):
		y, err := strconv.Atoi(value[:4])
		n := int(value[6] - '0')
		months := 3
		if value[5] == 'H' {
			months = 6
		}
		if err != nil || value[4] != '-' || n < 1 || n > 12/months {
			return time.Time{}, time.Time{}, bad
		}
		s := time.Date(y, time.Month((n-1)*months+1), 1, 0, 0, 0, 0, time.UTC)
		return s, s.AddDate(0, months, 0), nil
	case len(value) == 7:
		t, err := time.Parse("2006-01", value)
		if err != nil {
			return time.Time{}, time.Time{}, bad
		}
		return t, t.AddDate(0, 1, 0), nil
	case len(value) == 4:
		y, err := strconv.Atoi(value)
		if err != nil {
			return time.Time{}, time.Time{}, bad
		}
		s := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return s, s.AddDate(1, 0, 0), nil
	}
	return time.Time{}, time.Time{}, bad
}

// MoneySummary is an article's money as search sees it: what the index filters and aggregates on.
type MoneySummary struct {
	Currencies []string  // distinct ISO codes, in order of first mention
	USD        []float64 // each figure in USD (the upper end of a range); 0 where no rate is known
	USDMax     float64   // the largest figure in USD; 0 when none converts
	// USDTotal sums the article's figures in USD, counting a figure and its restatements once.
	USDTotal float64
}

// SummarizeMoney converts an article's figures to USD using, in this order: the figure itself when
// in USD; its restatement in USD ("250 billion yuan ($34.23 billion)"); the rate that such a
// restatement implies for the same currency elsewhere in the article; then the given rates (USD per
// unit of the currency, may be nil). It does no I/O and never guesses a rate the text or the
// caller doesn't give.
func SummarizeMoney(ms []Money, rates map[string]float64) MoneySummary {
	var d MoneySummary
	if len(ms) == 0 {
		return d
	}
	seen := map[string]bool{}
	top := func(m Money) float64 { return max(m.Amount, m.AmountMax) }
	// USD restatements: figure index → its USD value, and the rates they imply.
	direct := map[int]float64{}
	implied := map[string]float64{}
	for i, m := range ms {
		if !seen[m.Currency] {
			seen[m.Currency] = true
			d.Currencies = append(d.Currencies, m.Currency)
		}
		if m.EquivalentOf == nil || *m.EquivalentOf < 0 || *m.EquivalentOf >= len(ms) {
			continue
		}
		j := *m.EquivalentOf
		orig := ms[j]
		switch {
		case m.Currency == "USD" && orig.Currency != "USD" && top(orig) > 0:
			direct[j] = top(m)
			implied[orig.Currency] = top(m) / top(orig)
		case orig.Currency == "USD" && m.Currency != "USD" && top(m) > 0:
			direct[i] = top(orig)
			implied[m.Currency] = top(orig) / top(m)
		}
	}
	d.USD = make([]float64, len(ms))
	for i, m := range ms {
		var usd float64
		if m.Currency == "USD" {
			usd = top(m)
		} else if v, ok := direct[i]; ok {
			usd = v
		} else if r, ok := implied[m.Currency]; ok {
			usd = top(m) * r
		} else if r, ok := rates[m.Currency]; ok {
			usd = top(m) * r
		}
		d.USD[i] = usd
		d.USDMax = max(d.USDMax, usd)
		if m.EquivalentOf == nil { // a restatement is the same money again
			d.USDTotal += usd
		}
	}
	return d
}
