package eval

import (
	"context"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

// MoneyCase is one line of a money JSONL file (shared/data/money/README.md, extended by our own
// testdata with the optional fields): a sentence and the sums of money in it.
type MoneyCase struct {
	Input    string          `json:"input"`
	Expected []MoneyExpected `json:"expected"`
	// Source is the publisher host the sentence comes from (our own sets); it decides bare dollars.
	Source string `json:"source,omitempty"`
	// Language is the BCP 47 tag of the sentence's language ("es", "zh"); "" is English.
	Language string `json:"language,omitempty"`
}

// MoneyExpected is one expected mention. Currency is an ISO 4217 code or one of the shared set's unit
// names ("Dollar", "Pound", "Cent", …); Amount is nil for a currency word without a number.
// AmountMax, Approximate and EquivalentOf are checked only when present.
type MoneyExpected struct {
	Text         string   `json:"text"`
	Start        int      `json:"start"`
	End          int      `json:"end"`
	Amount       *float64 `json:"amount"`
	AmountMax    *float64 `json:"amount_max,omitempty"`
	Currency     string   `json:"currency"`
	Approximate  *bool    `json:"approximate,omitempty"`
	EquivalentOf *int     `json:"equivalent_of,omitempty"`
}

// ReadMoneyCases reads a money JSONL file.
func ReadMoneyCases(r io.Reader) ([]MoneyCase, error) {
	return readJSONL[MoneyCase](r, "money cases", "", nil)
}

// MoneyScore is the result of scoring predictions against expected mentions.
type MoneyScore struct {
	Spans PRF // exact span match
	// Mentions is the number of expected mentions; ValueOK those whose span was found with the amount
	// within 0.5% and a compatible currency.
	Mentions, ValueOK int
	// Optional attributes, counted over the expected mentions that state them and were found.
	RangeTotal, RangeOK   int
	ApproxTotal, ApproxOK int
	LinkTotal, LinkOK     int
	Errors                []string // one line per miss, spurious or wrong value
}

// ValueAccuracy is ValueOK / Mentions.
func (s MoneyScore) ValueAccuracy() float64 { return ratio(s.ValueOK, s.Mentions) }

// Metrics returns the score as printed by --json.
func (s MoneyScore) Metrics() Metrics {
	return Metrics{
		"f1": Round4(s.Spans.F1()), "precision": Round4(s.Spans.Precision()), "recall": Round4(s.Spans.Recall()),
		"value_accuracy": Round4(s.ValueAccuracy()), "mentions": s.Mentions, "tp": s.Spans.TP, "fp": s.Spans.FP,
		"fn": s.Spans.FN, "range_accuracy": Round4(ratio(s.RangeOK, s.RangeTotal)), "ranges": s.RangeTotal,
		"approx_accuracy": Round4(ratio(s.ApproxOK, s.ApproxTotal)), "approx": s.ApproxTotal,
		"link_accuracy": Round4(ratio(s.LinkOK, s.LinkTotal)), "links": s.LinkTotal,
	}
}

// ScoreMoney compares the predicted sums of one case with its expected ones and adds to s.
func (s *MoneyScore) ScoreMoney(c MoneyCase, got []article.Money) {
	type key struct{ start, end int }
	byspan := make(map[key]int, len(got))
	for i, g := range got {
		byspan[key{g.Start, g.End}] = i
	}
	gotIndexOfExpected := make([]int, len(c.Expected))
	matched := make([]bool, len(got))
	for i, e := range c.Expected {
		s.Mentions++
		gi, ok := byspan[key{e.Start, e.End}]
		gotIndexOfExpected[i] = -1
		if !ok {
			s.Spans.FN++
			s.Errors = append(s.Errors, fmt.Sprintf("missed   %q in %q", e.Text, c.Input))
			continue
		}
		gotIndexOfExpected[i] = gi
		matched[gi] = true
		s.Spans.TP++
		g := got[gi]
		if MoneyValueMatches(e.Amount, e.Currency, g.Amount, g.Currency) {
			s.ValueOK++
		} else {
			want := "null"
			if e.Amount != nil {
				want = fmt.Sprint(*e.Amount)
			}
			s.Errors = append(s.Errors, fmt.Sprintf("value    %q = %v %s; want %s %s", e.Text, g.Amount, g.Currency, want, e.Currency))
		}
		if e.AmountMax != nil {
			s.RangeTotal++
			if amountClose(g.AmountMax, *e.AmountMax) {
				s.RangeOK++
			} else {
				s.Errors = append(s.Errors, fmt.Sprintf("range    %q max = %v; want %v", e.Text, g.AmountMax, *e.AmountMax))
			}
		}
		if e.Approximate != nil {
			s.ApproxTotal++
			if g.Approximate == *e.Approximate {
				s.ApproxOK++
			} else {
				s.Errors = append(s.Errors, fmt.Sprintf("approx   %q = %v in %q", e.Text, g.Approximate, c.Input))
			}
		}
	}
	// Links are checked once every expected mention has its predicted index.
	for i, e := range c.Expected {
		gi := gotIndexOfExpected[i]
		if e.EquivalentOf == nil || gi < 0 {
			continue
		}
		s.LinkTotal++
		want := -2
		if *e.EquivalentOf >= 0 && *e.EquivalentOf < len(gotIndexOfExpected) {
			want = gotIndexOfExpected[*e.EquivalentOf]
		}
		g := got[gi].EquivalentOf
		if (*e.EquivalentOf < 0 && g == nil) || (g != nil && *g == want) {
			s.LinkOK++
		} else {
			s.Errors = append(s.Errors, fmt.Sprintf("link     %q equivalent_of = %v; want %d in %q", e.Text, fmtIntPtr(g), *e.EquivalentOf, c.Input))
		}
	}
	for i, g := range got {
		if !matched[i] {
			s.Spans.FP++
			s.Errors = append(s.Errors, fmt.Sprintf("spurious %q (%v %s) in %q", g.Text, g.Amount, g.Currency, c.Input))
		}
	}
}

func fmtIntPtr(p *int) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprint(*p)
}

func amountClose(got, want float64) bool {
	return math.Abs(got-want) <= 0.005*math.Abs(want)
}

// MoneyValueMatches reports whether a predicted amount in an ISO currency equals an expected one:
// amount within 0.5% and the same currency. The expected currency may be a unit name of the shared
// set: the predicted ISO code is mapped to its unit ("Dollar" for any dollar, as a bare "$" names no
// country), and sub-units ("Cent", "Pence", "Satoshi", …) are converted to their main unit, since
// the extractor always reports main units (50 cents = 0.5 USD). A nil expected amount checks only
// the currency.
func MoneyValueMatches(wantAmount *float64, wantCurrency string, gotAmount float64, gotCurrency string) bool {
	factor := 1.0
	unit := wantCurrency
	if sub, ok := subUnits[wantCurrency]; ok {
		unit, factor = sub.unit, sub.factor
	}
	if gotCurrency != unit && currencyUnit(gotCurrency) != unit {
		return false
	}
	return wantAmount == nil || amountClose(gotAmount, *wantAmount*factor)
}

type subUnit struct {
	unit   string
	factor float64
}

// subUnits are the shared set's sub-unit names with their main unit.
var subUnits = map[string]subUnit{
	"Cent": {"Dollar", 0.01}, "Pence": {"Pound", 0.01}, "Penny": {"Pound", 0.01}, "Sen": {"JPY", 0.01},
	"Satoshi": {"Bitcoin", 1e-8},
}

// currencyUnit names an ISO code's unit as the shared set does.
func currencyUnit(iso string) string {
	switch iso {
	case "USD", "AUD", "CAD", "HKD", "SGD", "NZD", "TWD", "ZWL", "JMD", "NAD", "FJD", "BSD", "BBD", "BZD",
		"BMD", "BND", "KYD", "XCD", "GYD", "LRD", "SBD", "SRD", "TTD":
		return "Dollar"
	case "GBP", "EGP", "LBP", "SYP", "SSP", "SDG", "GIP", "FKP", "SHP":
		return "Pound"
	case "CHF", "XOF", "XAF", "XPF", "FRF", "BEF", "LUF", "RWF", "BIF", "CDF", "DJF", "GNF", "KMF", "MGA":
		return "Franc"
	case "INR", "PKR", "LKR", "NPR", "MUR", "SCR":
		return "Rupee"
	case "BTC", "XBT":
		return "Bitcoin"
	case "FIM":
		return "Finnish markka"
	case "ESP":
		return "Peseta"
	case "NLG":
		return "Netherlands guilder"
	}
	return iso
}

// Money scores a money extractor on a JSONL file of sentences with expected sums
// (shared/data/money/README.md; our own sets add source, amount_max, approximate, equivalent_of):
// span F1 by exact span match, value accuracy (amount within 0.5%, same currency) over the
// expected mentions.
type Money struct {
	Find    func(text, source, language string) []article.Money // the extractor (money.FindIn)
	Verbose bool                                                // list every miss, spurious sum and wrong value
}

// Score reads the cases of path and scores Find on them.
func (m Money) Score(ctx context.Context, path string, _, _ io.Writer) (*Report, error) {
	var score MoneyScore
	var took time.Duration
	cases, err := eachCase(ctx, "money", path, ReadMoneyCases, func(c MoneyCase) error {
		start := time.Now()
		got := m.Find(c.Input, c.Source, c.Language)
		took += time.Since(start)
		score.ScoreMoney(c, got)
		return nil
	})
	if err != nil {
		return nil, err
	}
	r := caseReport(score.Metrics(), cases, m.Verbose, score.Errors)
	r.Printf("cases=%d mentions=%d tp=%d fp=%d fn=%d extract=%s\n", cases, score.Mentions,
		score.Spans.TP, score.Spans.FP, score.Spans.FN, took.Round(time.Microsecond))
	if score.RangeTotal+score.ApproxTotal+score.LinkTotal > 0 {
		r.Printf("range_accuracy=%.4f (%d) approx_accuracy=%.4f (%d) link_accuracy=%.4f (%d)\n",
			ratio(score.RangeOK, score.RangeTotal), score.RangeTotal, ratio(score.ApproxOK, score.ApproxTotal),
			score.ApproxTotal, ratio(score.LinkOK, score.LinkTotal), score.LinkTotal)
	}
	r.Printf("%s\nmoney f1=%.4f value_accuracy=%.4f\n", NoHeldAside, score.Spans.F1(), score.ValueAccuracy())
	return r, nil
}
