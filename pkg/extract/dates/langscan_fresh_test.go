package dates

import (
	"testing"
	"time"
)

// TestLatinFreshDevClasses: the date errors of the fresh dev batch (issue #22). A range word after
// a cue lets a bare year stand ("d'ici à 2030"), and a weekday with no tense near it takes the
// tense of its sentence's verb, further back; the plural of a future-pointing verb points forward too.
func TestLatinFreshDevClasses(t *testing.T) {
	ref := time.Date(2026, 11, 19, 0, 0, 0, 0, time.UTC) // a Thursday
	cases := []struct{ lang, in, want string }{
		{"fr", "La Belgique investira dans le port d'ici à 2030, a-t-il dit.", "2030 2030 year"},
		{"fr", "« Nous ne céderons pas », a lancé Thierry Lemoine, secrétaire général de la CGT, devant la préfecture de Rouen, dimanche.", "dimanche 2026-11-15 day"},
		{"fr", "Il est monté à 2030 mètres.", ""},
		{"es", "“Las obras empiezan el lunes”, dijo la ministra.", "lunes 2026-11-23 day"}, // plural of a listed verb
	}
	for _, c := range cases {
		got := New().FindIn(c.in, ref, "", c.lang)
		s := ""
		if len(got) == 1 {
			s = got[0].Text + " " + got[0].Value + " " + got[0].Grain
		}
		if len(got) > 1 || s != c.want {
			t.Errorf("%q = %+v; want %q", c.in, got, c.want)
		}
	}
}
