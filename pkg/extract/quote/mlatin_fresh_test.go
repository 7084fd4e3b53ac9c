package quote

import "testing"

// TestLatinFreshDevClasses: the speaker errors of the fresh dev batch (issue #22). Right after a
// quote's closing comma an auxiliary and any participle are the cue ("», a réagi la présidente"), and
// a day after the verb ("dijo el lunes") is no subject: the speaker is the one named before.
func TestLatinFreshDevClasses(t *testing.T) {
	lx := newLatinLexicons()
	cases := []struct{ lang, text, want string }{
		{"fr", "L'usine fermera en mars. « C'est un choc pour toute la région », a réagi la présidente de la région, Sophie Keller.", "Sophie Keller"},
		{"fr", "« Aucun village ne sera oublié », a promis le ministre Youssef Alaoui.", "Youssef Alaoui"},
		{"es", "El alcalde de Valencia, Vicente Morató, anunció el tranvía. “Lo inauguraremos antes del verano”, dijo el lunes.", "Vicente Morató"},
	}
	for _, c := range cases {
		qs := findLatin(lx[c.lang], c.text, nil)
		if len(qs) != 1 || qs[0].Speaker == nil || *qs[0].Speaker != c.want {
			got := "none"
			if len(qs) == 1 && qs[0].Speaker != nil {
				got = *qs[0].Speaker
			}
			t.Errorf("%s %q: speaker %s; want %q", c.lang, c.text, got, c.want)
		}
	}
}
