package quote

import (
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// TestNominalSalience: "the company", "a company spokesperson" stand for the business the story is
// about when the article calls no organisation a company: the one whose name the text writes most
// often before, counted in the text even where the tagger missed a mention; two names written as
// often leave the description as stated.
func TestNominalSalience(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		ents     []article.Entity // built below from (type, name, the occurrence the tagger found)
		text     string
		speaker  string
	}{
		{name: "tagger missed the name at sentence starts",
			in: "Lumora is being audited by the regulator, Reuters reported.\n\nLumora is based in Lisbon. " +
				"The audit follows complaints about Lumora's billing. A company spokesperson said in an email that it was cooperating fully.",
			text: "it was cooperating", speaker: "Lumora"},
		{name: "two names as often as each other",
			in:   "Lumora and Brixa share a plant, Reuters reported. Lumora and Brixa make glass. A company spokesperson said the plant was safe.",
			text: "the plant was safe", speaker: "A company spokesperson"},
	} {
		s := tc.in
		ents := []article.Entity{
			{Type: "ORG", Name: "Reuters", Mentions: []article.Mention{at(s, "Reuters", 0)}},
			{Type: "ORG", Name: "Lumora", Mentions: []article.Mention{at(s, "Lumora", 1)}},
		}
		if tc.speaker != "Lumora" {
			ents = append(ents, article.Entity{Type: "ORG", Name: "Brixa", Mentions: []article.Mention{at(s, "Brixa", 1)}})
		}
		qs := New().Find(s, ents)
		if got, ok := speakerAt(qs, tc.text); !ok || got != tc.speaker {
			t.Errorf("%s: quotes%s; want %q at %q", tc.name, show(qs), tc.speaker, tc.text)
		}
	}
}

// TestNominalKinds: a definite description resolves to the entity the article named that fits its
// head's kind — a title to the person given it, an institution noun to the organisation whose name
// holds it, "the firm" to the only business named — and stays a description when none fits.
func TestNominalKinds(t *testing.T) {
	for _, tc := range []struct{ in, text, speaker string }{
		{"Nordvik Bank raised its fees on Monday. A spokesperson for the firm said the change would affect few customers.",
			"the change would", "Nordvik Bank"},
		{"The European Medicines Agency approved the drug on Friday. The agency said the benefits outweighed the risks.",
			"the benefits", "European Medicines Agency"},
		{"Senator Mark Olsen of Ohio voted against the plan. The senator said the plan was too costly.",
			"the plan was", "Mark Olsen"},
		{"The Ministry of Health opened two clinics. The company said it would build a third one next year.",
			"it would build", "The company"},
		{"The agency said the river would crest on Friday.", "the river", "The agency"},
	} {
		qs := spoken(t, tc.in)
		if got, ok := speakerAt(qs, tc.text); !ok || got != tc.speaker {
			t.Errorf("%q: quotes%s; want %q", tc.in[:40], show(qs), tc.speaker)
		}
	}
}

// TestCoordinatedModifiers: two modifiers joined by "and" inside a description belong to one head:
// "the Lyon-based textile and chemicals group said" is the group, which names the company before.
func TestCoordinatedModifiers(t *testing.T) {
	in := "Verdane Industries SA makes dyes.\n\nRegulators have opened an inquiry into its accounts, the Lyon-based industrial and chemicals group said."
	qs := spoken(t, in)
	if got, ok := speakerAt(qs, "Regulators have opened"); !ok || got != "Verdane Industries SA" {
		t.Errorf("quotes%s; want Verdane Industries SA at %q", show(qs), "Regulators have opened")
	}
}
