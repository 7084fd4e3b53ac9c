package quote

import (
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// TestClassCues: a verb of communication outside the hand list (WordNet's verb.communication) is a
// cue when a named speaker or a pronoun is its subject and what follows states something; the same
// verb naming an act ("filed suit", "faced questions", "called into a show") reports nothing.
func TestClassCues(t *testing.T) {
	for _, tc := range []struct {
		name, in, text, speaker string // text: the start of the quote's text; "" = no quote wanted
	}{
		{"accused of",
			"Maria Okafor accused the regulator of hiding the inspection reports for two years.",
			"the regulator of hiding", "Maria Okafor"},
		{"cited as proof",
			"Jonas Lindqvist cited the empty wards as proof that the hospital plan had failed.",
			"the empty wards", "Jonas Lindqvist"},
		{"naming verb with a small clause",
			"Pedro Almeida has called the new tariff a tax on every family in the port city.",
			"the new tariff", "Pedro Almeida"},
		{"request with an infinitive",
			"The mayor met Ingrid Solberg on Monday. Solberg exhorted residents to boil their water until the end of the week.",
			"residents to boil", "Ingrid Solberg"},
		{"progressive with a clause",
			"Harlow Mining said the mine was safe. Senator Ruth Abara is alleging that Harlow Mining ignored three warnings from inspectors.",
			"Harlow Mining ignored", "Ruth Abara"},
		{"a hand-listed cue in the progressive",
			"The Reserve Bank of Fiji is warning that inflation will stay high until the harvest.",
			"inflation will stay", "Reserve Bank of Fiji"},
		{"pronoun subject resolves",
			"Sandvik Holdings reported a loss for the year. It described the quarter as the hardest in a decade.",
			"the quarter", "Sandvik Holdings"},
		{"sentence-final verb after a comma",
			"Rates will stay where they are until the spring, Ms Delacroix intimated.",
			"Rates will stay", "Delacroix"},
		{"a quoted fragment after the verb's object",
			"Governor Lena Ortiz exhorted voters to “stay home” before the storm reached the coast.",
			"voters to", "Lena Ortiz"},
		{"a finding without that",
			"Statistics Norway published the data on Friday. Statistics Norway figures released on Friday showed rents rose 4 per cent in the year to March.",
			"rents rose", "Statistics Norway"},
		{"a finding of a thing is no clause", "Orkla Group showed a profit of $2 million in the quarter.", "", ""},
		{"a clause of time after as is no predicate",
			"Tomas Brandt approved the budget as farmers protested outside the town hall.", "", ""},
		{"a relative that is no reported clause",
			"Anna Kowalski introduced a resolution that would cut the city's water rates.", "", ""},
		{"filed suit is an act", "Tomas Brandt filed suit against the county in federal court last year.", "", ""},
		{"faced questions is no speech", "Anna Kowalski faced questions about the budget from angry parents.", "", ""},
		{"called into a show", "Elena Marsh called into a radio programme from her hotel room.", "", ""},
		{"passive", "Lukas Weber was criticised for the decision to close the library early.", "", ""},
		{"a thing says nothing", "The storm questioned nothing, but the bridge collapsed that night as engineers feared.", "", ""},
	} {
		qs := spoken(t, tc.in)
		if tc.text == "" {
			if len(qs) != 0 {
				t.Errorf("%s: quotes%s; want none", tc.name, show(qs))
			}
			continue
		}
		if got, ok := speakerAt(qs, tc.text); !ok || !containsFold(got, lower(tc.speaker)) {
			t.Errorf("%s: quotes%s; want one at %q by %q", tc.name, show(qs), tc.text, tc.speaker)
		}
	}
}

// TestAdverbialTail: a sentence-final cue may be followed by where, when and how it was said, however
// long, but not by the verb's complement or a clause.
func TestAdverbialTail(t *testing.T) {
	for _, tc := range []struct {
		name, in, text, speaker string
	}{
		{"a filing and a time",
			"Corvane Foods will close two bakeries in the north by March, the company said in a filing to the stock exchange late on Thursday.",
			"Corvane Foods will close", "Corvane Foods"},
		{"here and an occasion",
			"Ottawa will give $2 billion to a flood fund, Minister Claire Dubois announced here on Tuesday, on the first day of a meeting of donors.",
			"Ottawa will give", "Claire Dubois"},
		{"a statement issued somewhere",
			"The loan was repaid in full and on time, the Treasury said in a statement issued in Accra.",
			"The loan was repaid", "Treasury"},
	} {
		qs := spoken(t, tc.in)
		if got, ok := speakerAt(qs, tc.text); !ok || !containsFold(got, lower(tc.speaker)) {
			t.Errorf("%s: quotes%s; want one at %q by %q", tc.name, show(qs), tc.text, tc.speaker)
		}
	}
	for _, in := range []string{
		"Late that night, Marek Nowak admitted to stealing the van, and hiding it in a barn near the river.",
		"Lena Holm, 24, opened the scoring with a low shot from the edge of the box, and Ida Berg, 21, added a second early in the second half after a long run.",
		"On Friday, the minister said in Geneva the talks had failed after two days of argument.",
	} {
		for _, q := range spoken(t, in) {
			if q.Start == 0 {
				t.Errorf("%q: the clause before the cue taken as what was said: %s", in, show([]article.Quote{q}))
			}
		}
	}
}

// TestColonBlock: a lead-in ending in a colon reports the block after it when the block carries no
// quote marks: the next paragraph, or the run of list items.
func TestColonBlock(t *testing.T) {
	for _, tc := range []struct {
		name, in, text, speaker, notIn string
	}{
		{"a list after the colon",
			"Magistrate Ilse Brandt said the company must:\n\n- Repair the dam by June\n\n- Pay each family $2,000\n\nThe hearing ended at noon.",
			"the company must", "Ilse Brandt", "The hearing"},
		{"a paragraph without marks",
			"Governor Tom Reyes wrote:\n\nWe will rebuild every school that the river took. Not one will be forgotten.\n\nThe legislature meets next week.",
			"We will rebuild", "Tom Reyes", "The legislature"},
	} {
		qs := spoken(t, tc.in)
		got, ok := speakerAt(qs, tc.text)
		if !ok || !containsFold(got, lower(tc.speaker)) {
			t.Errorf("%s: quotes%s; want one at %q by %q", tc.name, show(qs), tc.text, tc.speaker)
		}
		for _, q := range qs {
			if strings.Contains(q.Text, tc.notIn) {
				t.Errorf("%s: the block ran on into %q: %q", tc.name, tc.notIn, q.Text)
			}
		}
	}
}

// TestDashAside: an aside between dashes after the subject describes it; the cue's subject is the
// name before the first dash.
func TestDashAside(t *testing.T) {
	in := "Nadia Ferreira teaches law in Porto.\n\nFerreira -- author of a study of tax courts, a book that took ten years -- said the reform had come too late."
	qs := spoken(t, in)
	if got, ok := speakerAt(qs, "the reform had come"); !ok || got != "Nadia Ferreira" {
		t.Errorf("quotes%s; want Nadia Ferreira's at %q", show(qs), "the reform had come")
	}
}

// TestHeadlineSays: a capitalised speech verb ending a title-case headline is its cue; in the body
// a capitalised word after a name stays a name ("Islamic State").
func TestHeadlineSays(t *testing.T) {
	in := "Rail Strike Will Hurt Exporters, Marta Vidal Warns.\n\nThe strike will cost exporters $40 million a day, Marta Vidal told reporters on Friday."
	qs := spoken(t, in)
	if got, ok := speakerAt(qs, "Rail Strike Will Hurt"); !ok || got != "Marta Vidal" {
		t.Errorf("quotes%s; want Marta Vidal's headline", show(qs))
	}
}

// TestContentBeforeSpeaker: in "CONTENT, X said: “…”" the clause before the speaker is X's reported
// speech; a lead-in of time, place or manner before the comma is not.
func TestContentBeforeSpeaker(t *testing.T) {
	in := "Rosa Lind coaches the national team.\n\nThe team will probably change its captain before the final, Lind said: \"We need a calmer voice.\"\n\nSpeaking at a press conference in Oslo, Lind said: \"Nothing is decided.\""
	qs := spoken(t, in)
	if got, ok := speakerAt(qs, "The team will probably"); !ok || got != "Rosa Lind" {
		t.Errorf("quotes%s; want Rosa Lind's at %q", show(qs), "The team will probably")
	}
	if _, ok := speakerAt(qs, "Speaking at a press"); ok {
		t.Errorf("quotes%s; a lead-in read as what was said", show(qs))
	}
}
