package money

import (
	"github.com/newsmon/newsmon/pkg/article"
)

// Derived summarises an article's money for search: what the index filters and aggregates on.
type Derived struct {
	Currencies []string  // distinct ISO codes, in order of first mention
	USD        []float64 // each figure in USD (the upper end of a range); 0 where no rate is known
	USDMax     float64   // the largest figure in USD; 0 when none converts
	// USDTotal sums the article's figures in USD, counting a figure and its restatements once.
	USDTotal float64
}

// Derive converts an article's figures to USD using, in this order: the figure itself when in USD;
// its restatement in USD ("250 billion yuan ($34.23 billion)"); the rate that such a restatement
// implies for the same currency elsewhere in the article; then the configured rates (USD per unit
// of the currency, may be nil). It does no I/O and never guesses a rate the text or config doesn't
// give.
func Derive(ms []article.Money, rates map[string]float64) Derived {
	var d Derived
	if len(ms) == 0 {
		return d
	}
	seen := map[string]bool{}
	top := func(m article.Money) float64 { return max(m.Amount, m.AmountMax) }
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
