package article

import (
	"errors"
	"math"
	"slices"
	"testing"
)

func TestDateInterval(t *testing.T) {
	t.Parallel()
	for value, want := range map[string][2]string{
		"2023-10-23":            {"2023-10-23", "2023-10-24"},
		"2023-10":               {"2023-10-01", "2023-11-01"},
		"2024-Q3":               {"2024-07-01", "2024-10-01"},
		"2024-H2":               {"2024-07-01", "2025-01-01"},
		"2023":                  {"2023-01-01", "2024-01-01"},
		"2023-10-20/2023-10-23": {"2023-10-20", "2023-10-24"},
		"2019/2021":             {"2019-01-01", "2022-01-01"},
	} {
		s, e, err := DateInterval(value)
		if err != nil || s.Format("2006-01-02") != want[0] || e.Format("2006-01-02") != want[1] {
			t.Errorf("DateInterval(%q) = %v, %v, %v; want %v", value, s, e, err, want)
		}
	}
	for _, bad := range []string{"", "2024-Q5", "2024-H3", "20x3", "2023-13", "2023/"} {
		if _, _, err := DateInterval(bad); !errors.Is(err, ErrBadDateValue) {
			t.Errorf("DateInterval(%q) error = %v; want ErrBadDateValue", bad, err)
		}
	}
}

func TestSummarizeMoney(t *testing.T) {
	t.Parallel()
	// The figures money.Find reads in "Wuxi will spend 250 billion yuan ($34.23 billion) on chips,
	// 100 billion yuan on roads, €2 billion on a lab and $500 million on housing."
	zero := 0
	ms := []Money{
		{Text: "250 billion yuan", Amount: 250e9, Currency: "CNY"},
		{Text: "$34.23 billion", Amount: 34.23e9, Currency: "USD", EquivalentOf: &zero},
		{Text: "100 billion yuan", Amount: 100e9, Currency: "CNY"},
		{Text: "€2 billion", Amount: 2e9, Currency: "EUR"},
		{Text: "$500 million", Amount: 500e6, Currency: "USD"},
	}
	d := SummarizeMoney(ms, map[string]float64{"EUR": 1.1})
	if want := []string{"CNY", "USD", "EUR"}; !slices.Equal(d.Currencies, want) {
		t.Errorf("Currencies = %v; want %v", d.Currencies, want)
	}
	// yuan: stated; the second yuan figure by the rate the first implies; euros by config.
	want := []float64{34.23e9, 34.23e9, 13.692e9, 2.2e9, 0.5e9}
	for i := range want {
		if i >= len(d.USD) || math.Abs(d.USD[i]-want[i]) > 1e3 {
			t.Fatalf("USD = %v; want %v", d.USD, want)
		}
	}
	if d.USDMax != 34.23e9 {
		t.Errorf("USDMax = %v; want 34.23e9", d.USDMax)
	}
	if math.Abs(d.USDTotal-(34.23e9+13.692e9+2.2e9+0.5e9)) > 1e3 {
		t.Errorf("USDTotal = %v; want the restatement counted once", d.USDTotal)
	}
	rupees := []Money{{Text: "5 million rupees", Amount: 5e6, Currency: "INR"}} // "It cost 5 million rupees."
	if d := SummarizeMoney(rupees, nil); d.USDMax != 0 || d.USD[0] != 0 {
		t.Errorf("SummarizeMoney without any rate = %+v; want no USD value", d)
	}
}
