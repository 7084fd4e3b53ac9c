package text

import "testing"

func TestRuneCounter(t *testing.T) {
	s := "Zürich, 北京 and Lyon"
	c := NewRuneCounter(s)
	idx := NewRuneIndex(s)
	for _, b := range []int{0, 3, 9, 12, len(s), 1} { // the last one goes backwards: restarts
		if got, want := c.At(b), idx.Rune(b); got != want {
			t.Errorf("At(%d) = %d, want %d", b, got, want)
		}
	}
}

func TestWordFilter(t *testing.T) {
	var f WordFilter
	for _, w := range []string{"million", "Euro", "yuan"} {
		f.Add(w)
	}
	for _, w := range []string{"million", "MILLION", "euro", "yuan"} {
		if !f.MayHave(w) {
			t.Errorf("MayHave(%q) = false for an added word", w)
		}
	}
	if f.MayHave("") || f.MayHave("cat") {
		t.Error("MayHave true for a word of another shape")
	}
}

func TestLookupLower(t *testing.T) {
	m := map[string]int{"million": 6, "bn": 9}
	for w, want := range map[string]int{"million": 6, "Million": 6, "BN": 9, "crore": 0} {
		if got, _ := LookupLower(m, w); got != want {
			t.Errorf("LookupLower(%q) = %d, want %d", w, got, want)
		}
	}
	if allocs := testing.AllocsPerRun(100, func() { LookupLower(m, "MILLION") }); allocs != 0 {
		t.Errorf("LookupLower allocates %v times", allocs)
	}
}
