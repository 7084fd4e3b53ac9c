package money

import "testing"

// TestMixedFractions: US market copy quotes prices in whole numbers and eighths, "12-3/8 dlrs";
// the sum is the whole number and its fraction, and bare quotes without a currency stay no sum.
func TestMixedFractions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, text string
		want     float64
	}{
		{"The stock rose 3-1/2 dlrs to 61.", "3-1/2 dlrs", 3.5},
		{"Bids climbed by as much as 12-3/8 dlrs a share.", "12-3/8 dlrs", 12.375},
		{"Futures gained one to 1-3/4 cents a bushel.", "1-3/4 cents", 0.0175},
		{"It paid 7-1/16 mln dlrs for the unit.", "7-1/16 mln dlrs", 7.0625e6},
	} {
		got := Find(tc.in, "")
		found := false
		for _, m := range got {
			if m.Text == tc.text {
				found = true
				if m.Amount != tc.want {
					t.Errorf("Find(%q): %q = %g; want %g", tc.in, m.Text, m.Amount, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("Find(%q) = %v; want a sum %q", tc.in, got, tc.text)
		}
	}
	for _, in := range []string{"The stock was at 24-1/8, up 1/8.", "The notes carry a 10-3/4 pct coupon.", "Bought 9-11/12 of it."} {
		if got := Find(in, ""); len(got) != 0 {
			t.Errorf("Find(%q) = %v; want no sum", in, got)
		}
	}
}
