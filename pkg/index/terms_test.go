package index

import (
	"math"
	"testing"
)

func TestJLH(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		fg, fgSize, bg, bgSize int
		want                   float64
	}{
		{8, 8, 10, 56, (1 - 10.0/56) * (56.0 / 10)},
		{4, 8, 28, 56, 0},                  // as common as in the background
		{1, 8, 50, 56, 0},                  // rarer
		{3, 10, 0, 100, (0.3 - 0.03) * 10}, // background read before the foreground: counts as the foreground
		{0, 8, 10, 56, 0},
		{2, 0, 10, 56, 0},
	} {
		if got := JLH(tc.fg, tc.fgSize, tc.bg, tc.bgSize); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("JLH(%d, %d, %d, %d) = %v; want %v", tc.fg, tc.fgSize, tc.bg, tc.bgSize, got, tc.want)
		}
	}
}

func TestTermWorthy(t *testing.T) {
	t.Parallel()
	for term, want := range map[string]bool{"zeppelin": true, "g7": true, "co2": true, "北京": true, "a": false,
		"2023": false, "20,000": false, "10:30": false, "3.5%": false, "--": false, "": false, "é": false, "ai": true} {
		if got := TermWorthy(term); got != want {
			t.Errorf("TermWorthy(%q) = %v; want %v", term, got, want)
		}
	}
}

func TestTermsOptionsNormalized(t *testing.T) {
	if got := (TermsOptions{}).Normalized(); got != (TermsOptions{DefaultTermsSize, DefaultTermsSample}) {
		t.Errorf("zero options = %+v", got)
	}
	if got := (TermsOptions{Size: 1e6, Sample: 1e6}).Normalized(); got != (TermsOptions{MaxTermsSize, MaxTermsSample}) {
		t.Errorf("huge options = %+v", got)
	}
}
