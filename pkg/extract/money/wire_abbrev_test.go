package money

import "testing"

// TestWireAbbreviations covers the wire's other spellings of dollars and millions ("dls",
// "mlns") and a figure listed before a sum with its scale, which is read once.
func TestWireAbbreviations(t *testing.T) {
	type m struct {
		text   string
		amount float64
		cur    string
	}
	for _, tc := range []struct {
		in   string
		want []m
	}{
		{"It earned 2.5 dls per shr.", []m{{"2.5 dls", 2.5, "USD"}}},
		{"The claims were worth 40 mln dls.", []m{{"40 mln dls", 40e6, "USD"}}},
		{"It booked a gain of 120 mlns dlrs.", []m{{"120 mlns dlrs", 120e6, "USD"}}},
		{"It put the two deficits at 3.05 billion and 2.5 billion dlrs.", []m{{"3.05 billion", 3.05e9, "USD"}, {"2.5 billion dlrs", 2.5e9, "USD"}}},
	} {
		got := Find(tc.in, "")
		if len(got) != len(tc.want) {
			t.Errorf("Find(%q) = %v; want %v", tc.in, got, tc.want)
			continue
		}
		for i, g := range got {
			if w := tc.want[i]; g.Text != w.text || g.Amount != w.amount || g.Currency != w.cur {
				t.Errorf("Find(%q)[%d] = %q %g %s; want %v", tc.in, i, g.Text, g.Amount, g.Currency, w)
			}
		}
	}
}
