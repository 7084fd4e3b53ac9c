package names_test

import (
	"fmt"
	"testing"

	"github.com/newsmon/newsmon/pkg/names"
)

// TestGivenNames: every entry is a title-case name with a gender, each name once.
func TestGivenNames(t *testing.T) {
	list := names.GivenNames()
	if len(list) < 3000 {
		t.Fatalf("%d given names; want the whole list (3,023)", len(list))
	}
	seen := map[string]bool{}
	for _, g := range list {
		if g.Gender != 'm' && g.Gender != 'f' {
			t.Errorf("%q: gender %q; want m or f", g.Name, g.Gender)
		}
		if g.Name == "" || g.Name[0] < 'A' || g.Name[0] > 'Z' {
			t.Errorf("%q: want a title-case name", g.Name)
		}
		if seen[g.Name] {
			t.Errorf("%q listed twice", g.Name)
		}
		seen[g.Name] = true
	}
}

func ExampleGivenNames() {
	for _, g := range names.GivenNames()[:2] {
		fmt.Printf("%s %c\n", g.Name, g.Gender)
	}
	// Output:
	// Aaron m
	// Abbey f
}
