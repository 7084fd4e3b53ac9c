package wordclass

import "testing"

func TestWork(t *testing.T) {
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"film", true}, {"films", true}, {"novel", true}, {"documentary", true}, {"album", true},
		{"song", true}, {"bill", true}, {"statute", true}, {"thriller", true},
		// first senses of other kinds, or words used more as verbs or modifiers
		{"report", false}, {"show", false}, {"paper", false}, {"letter", false}, {"put", false},
		{"above", false}, {"company", false}, {"senator", false}, {"", false},
	} {
		if got := Work(tc.word); got != tc.want {
			t.Errorf("Work(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
}
