package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDemoForeignLanguageQuotes pins the quotes and speakers of the demo site's Spanish, French and
// Chinese stories (read without a tagger, as with an empty Article.Entities).
func TestDemoForeignLanguageQuotes(t *testing.T) {
	t.Parallel()
	type want struct{ start, speaker, role string }
	for _, tt := range []struct {
		file, lang string
		quotes     []want
	}{
		{"latam-post/colombia-reforma-pensional-es.md", "es", []want{
			{"Hoy Colombia salda", "Gloria Ramírez", "ministra de Trabajo"},
			{"la votación se hizo", "Julián Ospina", "representante"},
			{"Le están quitando", "Ospina", ""},
			{"acatar la ley", "", ""},
		}},
		{"latam-post/vaca-muerta-inversion-es.md", "es", []want{
			{"Vaca Muerta ya no es", "Martín Echeverría", "presidente de Petrosur"},
			{"Esto marca un antes", "Raúl Quiroga", "gobernador de Neuquén"}, // "afirmó en un mensaje": dropped subject
			{"Con el barril", "Laura Giménez", "economista"},
		}},
		{"euro-chronicle/sommet-lyon-climat-fr.md", "fr", []want{
			{"Lyon ne réglera pas", "Élodie Marchand", "ministre de la Transition écologique"},
			{"les sommes promises", "Aïssata Diallo", "ministre de l'Environnement du Niger et porte-parole du groupe sahélien"},
			{"Nos agriculteurs", "Aïssata Diallo", ""},           // "a-t-elle lancé"
			{"Paris a la politique", "Grégory Nkoulou", "maire"}, // "a résumé le maire"
		}},
		{"asia-pacific-wire/wuxi-chip-deal-chinese.md", "zh", []want{
			{"这不是一届任期", "崔荣国", "新吴区委书记"},
			{"每个省都想要", "曾凤仪", "香港港街证券半导体分析师"}, // 她说
		}},
	} {
		b, err := os.ReadFile(filepath.Join("..", "..", "..", "internal", "demo", "site", "articles", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		body := string(b)
		if i := strings.Index(body[3:], "\n---\n"); i >= 0 {
			body = body[i+8:]
		}
		got := New().FindIn(tt.lang, body, nil)
		if len(got) != len(tt.quotes) {
			t.Errorf("%s: %d quotes; want %d", tt.file, len(got), len(tt.quotes))
			continue
		}
		for i, w := range tt.quotes {
			q := got[i]
			spk := ""
			if q.Speaker != nil {
				spk = *q.Speaker
			}
			if !strings.HasPrefix(q.Text, w.start) || spk != w.speaker || q.Role != w.role {
				t.Errorf("%s quote %d = %.30q by %q (%q); want %q… by %q (%q)", tt.file, i, q.Text, spk, q.Role, w.start, w.speaker, w.role)
			}
		}
	}
}

// TestLanguagesNotRead: a language the extractor has no rules for gets no quotes, rather than
// English rules' guesses; English and an unknown language keep the English rules.
func TestLanguagesNotRead(t *testing.T) {
	t.Parallel()
	e := New()
	ru := "«Мы не допустим повышения цен», — сказал министр Иван Петров журналистам."
	if got := e.FindIn("ru", ru, nil); len(got) != 0 {
		t.Errorf("FindIn(ru) = %v; want no quotes", got)
	}
	en := "“We will not allow prices to rise,” said Minister Ivan Petrov."
	for _, lang := range []string{"en", ""} {
		if got := e.FindIn(lang, en, nil); len(got) != 1 || got[0].Speaker == nil || *got[0].Speaker != "Ivan Petrov" {
			t.Errorf("FindIn(%q, English) = %+v; want one quote by Ivan Petrov", lang, got)
		}
	}
}
