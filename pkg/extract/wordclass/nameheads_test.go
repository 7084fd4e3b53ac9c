package wordclass

import "testing"

func TestNameHead(t *testing.T) {
	for _, tc := range []struct {
		word string
		want byte
	}{
		{"summit", Occasion}, {"forum", Occasion}, {"festival", Occasion}, {"awards", Occasion},
		{"games", Occasion}, {"championships", Occasion}, {"expo", Occasion}, {"referendum", Occasion},
		{"commission", Organisation}, {"committee", Organisation}, {"railways", Organisation},
		{"association", Organisation}, {"party", Organisation}, {"parties", Organisation},
		{"state", 0}, {"house", 0}, {"affairs", 0}, {"rubber", 0}, {"Summit", Occasion}, {"Railways", Organisation}, {"news", 0}, {"series", 0}, {"leader", 0}, {"xyzzy", 0},
	} {
		if got := NameHead(tc.word); got != tc.want {
			t.Errorf("NameHead(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
	// The fourth column leaves the event classes as they were.
	if c := Of("election"); !c.First(Electoral) || !c.First(Act) {
		t.Errorf("Of(election) = %+v", c)
	}
	if c := Of("committee"); !c.First(Legislative) || !c.First(Group) {
		t.Errorf("Of(committee) = %+v", c)
	}
}

func TestNameHeadAllocatesNothing(t *testing.T) {
	NameHead("summit") // the table is built on first use
	if n := testing.AllocsPerRun(100, func() { NameHead("Championships"); NameHead("Trump"); NameHead("parties") }); n != 0 {
		t.Errorf("NameHead allocates %v times per run", n)
	}
}
