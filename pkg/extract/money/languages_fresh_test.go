package money

import "testing"

// TestPeruvianSol: Peru's press writes the sol "S/" or "S/." before the number (issue #22, fresh
// dev batch); a slash after another capital is no currency.
func TestPeruvianSol(t *testing.T) {
	for _, tt := range []struct {
		in, text string
		amount   float64
	}{
		{"aprobó un crédito de S/ 450 millones para Piura", "S/ 450 millones", 4.5e8},
		{"el pasaje cuesta S/. 3,50 desde el lunes", "S/. 3,50", 3.5},
		{"la empresa (S/A) anunció 20 despidos", "", 0},
	} {
		got := FindIn(tt.in, "", "es")
		switch {
		case tt.text == "" && len(got) > 0:
			t.Errorf("%q: %+v; want no sum", tt.in, got)
		case tt.text != "" && (len(got) != 1 || got[0].Text != tt.text || got[0].Amount != tt.amount || got[0].Currency != "PEN"):
			t.Errorf("%q: %+v; want %q %v PEN", tt.in, got, tt.text, tt.amount)
		}
	}
}
