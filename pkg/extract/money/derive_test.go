package money

import (
	"math"
	"slices"
	"testing"
)

func TestDerive(t *testing.T) {
	t.Parallel()
	text := "Wuxi will spend 250 billion yuan ($34.23 billion) on chips, 100 billion yuan on roads, " +
		"€2 billion on a lab and $500 million on housing."
	d := Derive(Find(text, ""), map[string]float64{"EUR": 1.1})
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
	if d := Derive(Find("It cost 5 million rupees.", ""), nil); d.USDMax != 0 || d.USD[0] != 0 {
		t.Errorf("Derive without any rate = %+v; want no USD value", d)
	}
}
