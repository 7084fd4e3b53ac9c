package quote

import "testing"

// TestLanguageMarksAndCues: each language's quotation marks and speech verbs, with the speaker
// before or after the quote.
func TestLanguageMarksAndCues(t *testing.T) {
	t.Parallel()
	e := New()
	for _, tt := range []struct{ lang, text, quote, speaker string }{
		{"fr", "«\u00a0Nous tiendrons nos engagements\u00a0», a affirmé Jean Dupont.", "Nous tiendrons nos engagements", "Jean Dupont"},
		{"fr", "« Rien n'est décidé », déclare-t-il. Marc Petit a ensuite quitté la salle.", "Rien n'est décidé", ""},
		{"de", "»Das ist ein guter Tag für Hamburg«, sagte Bürgermeister Peter Hansen.", "Das ist ein guter Tag für Hamburg", "Peter Hansen"},
		{"de", "„Wir bleiben hart“, so Gewerkschaftschefin Eva Brandt.", "Wir bleiben hart", "Eva Brandt"},
		{"de", "Die Ministerin Petra Vogt sagte: „Der Plan steht.“", "Der Plan steht.", "Petra Vogt"},
		{"es", "«No habrá nuevos impuestos», aseguró el presidente Luis Arce.", "No habrá nuevos impuestos", "Luis Arce"},
		{"pt", "\"Vamos vencer esta crise\", disse ele. O ministro Paulo Reis falou depois.", "Vamos vencer esta crise", ""},
		{"it", "«Il governo andrà avanti», ha detto il premier Marco Rinaldi.", "Il governo andrà avanti", "Marco Rinaldi"},
		{"it", "Secondo Giulia Conti, «la crescita sarà debole anche nel 2027».", "la crescita sarà debole anche nel 2027", "Giulia Conti"},
		{"zh", "外交部发言人汪文涛表示：“中方对此表示严重关切。”", "中方对此表示严重关切。", "汪文涛"},
		{"zh", "台北市長蔣文安表示：「捷運將於明年通車。」", "捷運將於明年通車。", "蔣文安"},
		{"zh", "“我们会继续努力。”王芳说。", "我们会继续努力。", "王芳"},
		{"zh", "台风“海葵”登陆福建。", "", ""}, // a name in quotes is no quote
		{"es", "—No vamos a subir los impuestos —aseguró el ministro Pablo Ortiz.", "No vamos a subir los impuestos", "Pablo Ortiz"},
		{"es", "— Primer punto: el presupuesto.\n— Segundo punto: la deuda.", "", ""}, // a list, not dialogue
		{"pt", "Uma nova frase.\n—Vamos vencer —disse a prefeita Ana Souza.", "Vamos vencer", "Ana Souza"},
	} {
		got := e.FindIn(tt.lang, tt.text, nil)
		if tt.quote == "" {
			if len(got) != 0 {
				t.Errorf("FindIn(%s, %q) = %+v; want none", tt.lang, tt.text, got)
			}
			continue
		}
		if len(got) != 1 {
			t.Errorf("FindIn(%s, %q): %d quotes; want 1", tt.lang, tt.text, len(got))
			continue
		}
		spk := ""
		if got[0].Speaker != nil {
			spk = *got[0].Speaker
		}
		if got[0].Text != tt.quote || spk != tt.speaker {
			t.Errorf("FindIn(%s, %q) = %q by %q; want %q by %q", tt.lang, tt.text, got[0].Text, spk, tt.quote, tt.speaker)
		}
	}
}
