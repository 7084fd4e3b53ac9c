package eval

import (
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

func moneyPtr[T any](v T) *T { return &v }

func TestMoneyValueMatches(t *testing.T) {
	for _, tc := range []struct {
		wantAmount *float64
		wantCur    string
		got        float64
		gotCur     string
		ok         bool
	}{
		{moneyPtr(5e6), "Dollar", 5e6, "USD", true},
		{moneyPtr(5e6), "Dollar", 5e6, "CAD", true}, // a bare "$" names no country
		{moneyPtr(5e6), "USD", 5e6, "CAD", false},
		{moneyPtr(50.0), "Cent", 0.5, "USD", true}, // sub-units are converted to the main unit
		{moneyPtr(470.0), "Pence", 4.7, "GBP", true},
		{moneyPtr(2.0), "Satoshi", 2e-8, "BTC", true},
		{moneyPtr(100.0), "EUR", 100.4, "EUR", true}, // within 0.5%
		{moneyPtr(100.0), "EUR", 101, "EUR", false},
		{nil, "CNY", 0, "CNY", true},
		{moneyPtr(1.0), "Pound", 1, "EUR", false},
		{moneyPtr(6.65e9), "Peseta", 6.65e9, "ESP", true},
	} {
		if got := MoneyValueMatches(tc.wantAmount, tc.wantCur, tc.got, tc.gotCur); got != tc.ok {
			t.Errorf("MoneyValueMatches(%v, %s, %v, %s) = %v; want %v", tc.wantAmount, tc.wantCur, tc.got, tc.gotCur, got, tc.ok)
		}
	}
}

func TestScoreMoney(t *testing.T) {
	cases, err := ReadMoneyCases(strings.NewReader(
		`{"input":"250 billion yuan ($34.23 billion) and 5 euros","expected":[` +
			`{"text":"250 billion yuan","start":0,"end":16,"amount":250000000000,"currency":"CNY"},` +
			`{"text":"$34.23 billion","start":18,"end":32,"amount":34230000000,"currency":"Dollar","equivalent_of":0},` +
			`{"text":"5 euros","start":38,"end":45,"amount":5,"currency":"EUR"}]}` + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	zero := 0
	got := []article.Money{
		{Text: "250 billion yuan", Start: 0, End: 16, Amount: 250e9, Currency: "CNY"},
		{Text: "$34.23 billion", Start: 18, End: 32, Amount: 34.23e9, Currency: "USD", EquivalentOf: &zero},
		{Text: "5", Start: 38, End: 39, Amount: 5, Currency: "EUR"}, // wrong span: one miss, one spurious
	}
	var s MoneyScore
	s.ScoreMoney(cases[0], got)
	if s.Spans != (PRF{TP: 2, FP: 1, FN: 1}) || s.Mentions != 3 || s.ValueOK != 2 || s.LinkOK != 1 || s.LinkTotal != 1 {
		t.Errorf("score = %+v; want TP 2 FP 1 FN 1, 2 of 3 values, 1 of 1 links", s)
	}
	if got, want := Round4(s.ValueAccuracy()), 0.6667; got != want {
		t.Errorf("ValueAccuracy = %v; want %v", got, want)
	}
}

func TestScoreDates(t *testing.T) {
	c := DateCase{Input: "On Oct. 23 and in 2019.", Published: "2023-10-25", Expected: []DateExpected{
		{Text: "Oct. 23", Start: 3, End: 10, Value: "2023-10-23", Grain: "day"},
		{Text: "2019", Start: 18, End: 22, Value: "2019", Grain: "year"},
	}}
	var s DateScore
	s.ScoreDates(c, []article.Date{
		{Text: "Oct. 23", Start: 3, End: 10, Value: "2022-10-23", Grain: "day"}, // found, wrong year
		{Text: "2019", Start: 18, End: 22, Value: "2019", Grain: "year"},
	})
	if s.Spans != (PRF{TP: 2}) || s.Resolved != 1 || s.ResolvedAccuracy() != 0.5 {
		t.Errorf("score = %+v; want TP 2, 1 of 2 resolved", s)
	}
}
