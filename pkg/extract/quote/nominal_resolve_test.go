package quote

import (
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// ents builds the tagger's entities for a test text: typ, name and the occurrence of the name (0 =
// the first) it found, for each triple.
func ents(s string, triples ...any) []article.Entity {
	var out []article.Entity
	for i := 0; i+2 < len(triples); i += 3 {
		typ, name, n := triples[i].(string), triples[i+1].(string), triples[i+2].(int)
		out = append(out, article.Entity{Type: typ, Name: name, Mentions: []article.Mention{at(s, name, n)}})
	}
	return out
}

// TestNominalResolution: descriptions a reader resolves to the person or body the text introduced —
// an organisation noun to the body recent sentences are about when its name fits the noun, a
// person's epithet to the person recent sentences have as subject, a name before a noun for its
// kind to the name, a shorter description said again to the fuller one, "the spokesman" and "a
// spokesman" to the body they speak for — and the ones a reader leaves as stated.
func TestNominalResolution(t *testing.T) {
	const head = "Headline here\n\n"
	for _, tc := range []struct {
		name, in      string
		entities      []any
		text, speaker string
		kind          string
	}{
		{name: "union after a union named as subject",
			in:       head + "The Coastal Transport Workers said on Monday they would strike.\n\nThe union said talks with Norvik Motors had failed.",
			entities: []any{"ORG", "Coastal Transport Workers", 0, "ORG", "Norvik Motors", 0},
			text:     "talks with Norvik", speaker: "Coastal Transport Workers", kind: kindNominal},
		{name: "a company is no union",
			in:       head + "Norvik Motors said on Monday it would close a plant.\n\nThe union said talks had failed.",
			entities: []any{"ORG", "Norvik Motors", 0},
			text:     "talks had failed", speaker: "The union", kind: kindNominal},
		{name: "agency after a public office named as subject",
			in:       head + "The Office of Maritime Safety said it would inspect the ferry.\n\nThe agency said the checks would take a week.",
			entities: []any{"ORG", "Office of Maritime Safety", 0},
			text:     "the checks would", speaker: "Office of Maritime Safety", kind: kindNominal},
		{name: "the object of the sentence before is not its subject",
			in:       head + "Officials spoke to Norvik Motors about the plan.\n\nThe organisation said the plan was sound.",
			entities: []any{"ORG", "Norvik Motors", 0},
			text:     "the plan was sound", speaker: "The organisation", kind: kindNominal},
		{name: "a body named after a fronted phrase or in a relative clause is no subject",
			in: head + "In a letter to the Maritime Safety Commission, the group, which includes the Halden Dockers Union, asked for a list of owners.\n\n" +
				"The group said it wants the list by Friday.",
			entities: []any{"ORG", "Maritime Safety Commission", 0, "ORG", "Halden Dockers Union", 0},
			text:     "it wants the list", speaker: "The group", kind: kindNominal},
		{name: "a capitalised noun after a name is the name's own",
			in:       head + "Turnout was low, the right-wing Halden People's Party said.",
			entities: []any{"ORG", "Halden People's", 0},
			text:     "Turnout was low", speaker: "the right-wing Halden People's Party", kind: kindNominal},
		{name: "a name before a noun for its kind",
			in:       head + "The mayor resigned on Friday, the Halden Courier newspaper said.",
			entities: []any{"ORG", "Halden Courier", 0},
			text:     "The mayor resigned", speaker: "Halden Courier", kind: kindNamed},
		{name: "an owner's name before a noun of another kind",
			in:       head + "The mayor resigned on Friday, the Workers Party newspaper said.",
			entities: []any{"ORG", "Workers Party", 0},
			text:     "The mayor resigned", speaker: "the Workers Party newspaper", kind: kindNominal},
		{name: "a player's epithet with the club before it",
			in:       head + "Tomas Vrba scored twice in the derby on Saturday.\n\n\"It was a fine pass from Pablo,\" said the Slavia skipper.",
			entities: []any{"PERSON", "Tomas Vrba", 0, "PERSON", "Pablo", 0},
			text:     "It was a fine pass", speaker: "Tomas Vrba", kind: kindNominal},
		{name: "a player's position as epithet",
			in:       head + "And despite the defeat, captain Marc Dufour believes the squad is calm.\n\n\"We trained well,\" said the Lyon full-back.",
			entities: []any{"PERSON", "Marc Dufour", 0},
			text:     "We trained well", speaker: "Marc Dufour", kind: kindNominal},
		{name: "a shorter description said again",
			in:       head + "Reserves fell by $2bn in May, the Andean central bank has said.\n\nThe fall was smaller than feared, the central bank told reporters.",
			entities: nil,
			text:     "The fall was smaller", speaker: "the Andean central bank", kind: kindNominal},
		{name: "a description said again, resolved where it was said first",
			in: head + "The Coastal Transport Workers said on Monday they would strike.\n\nThe regional union said talks had failed. " +
				"Ferries stopped at noon. Buses ran late. Schools closed early.\n\nThe union said pickets would stay.",
			entities: []any{"ORG", "Coastal Transport Workers", 0},
			text:     "pickets would stay", speaker: "Coastal Transport Workers", kind: kindNominal},
		{name: "the spokesman again",
			in:       head + "A spokesman for the regional harbour ministry said the quay was closed. The spokesman added that repairs would start soon.",
			entities: nil,
			text:     "repairs would start", speaker: "the regional harbour ministry", kind: kindNominal},
		{name: "a spokesman after the body's own words",
			in:       head + "Norvik Motors said it would close the plant. A spokesman added that no jobs would be lost.",
			entities: []any{"ORG", "Norvik Motors", 0},
			text:     "no jobs would", speaker: "Norvik Motors", kind: kindAnonymous},
		{name: "it after a described speaker with a name inside",
			in:       head + "Sales of sugar rose sharply, the Workers Party newspaper said.\n\nAt current prices, it said, the loss was large.",
			entities: []any{"ORG", "Workers Party", 0},
			text:     "the loss was large", speaker: "the Workers Party newspaper", kind: kindPronoun},
		{name: "the bank after the bank's own words",
			in:       head + "Costs rose sharply, Norvik Finance Corp told the Halden Courier.\n\nThe outlook was weak, the bank said.",
			entities: []any{"ORG", "Norvik Finance Corp", 0, "ORG", "Halden Courier", 0},
			text:     "The outlook was weak", speaker: "Norvik Finance Corp", kind: kindNominal},
		{name: "a newspaper is no bank",
			in:       head + "The Halden Review said rates would fall.\n\nThe outlook was weak, the bank said.",
			entities: []any{"ORG", "Halden Review", 0},
			text:     "The outlook was weak", speaker: "the bank", kind: kindNominal},
		{name: "a title with a nationality before it",
			in: head + "The tariff will go, Trade Minister Lena Varga has said.\n\nExports rose. Imports fell. Prices held.\n\n" +
				"The Hungarian Trade Minister said the talks were over.",
			entities: []any{"PERSON", "Lena Varga", 0, "MISC", "Hungarian", 0},
			text:     "the talks were over", speaker: "Lena Varga", kind: kindNominal},
		{name: "the company is the business the sentence before had as subject, not its object",
			in:       head + "Varto Corp said it would buy a stake in Lumora Systems Inc.\n\nThe company said the deal would close in May.",
			entities: []any{"ORG", "Varto Corp", 0, "ORG", "Lumora Systems Inc", 0},
			text:     "the deal would close", speaker: "Varto Corp", kind: kindNominal},
		{name: "the company after a subsidiary named in the same sentence",
			in:       head + "Brenna said it owns 9.9 pct of Delco.\n\nThe offer, to be made through Brenna Acquisition Corp, a unit, is unconditional, the company said.",
			entities: []any{"ORG", "Brenna", 0, "ORG", "Delco", 0, "ORG", "Brenna Acquisition Corp", 0},
			text:     "The offer, to be made", speaker: "Brenna", kind: kindNominal},
		{name: "a participle clause before the subject",
			in: head + "Halvard Power Co said costs rose.\n\nNoting that Ostra Grid Co's share was small, Halvard said the charge was 90 mln dlrs.\n\n" +
				"In addition, the company said, the plant would open in May.",
			entities: []any{"ORG", "Halvard Power Co", 0, "ORG", "Ostra Grid Co", 0, "ORG", "Halvard", 1},
			text:     "the plant would open", speaker: "Halvard", kind: kindNominal},
		{name: "a name before a noun is no subject",
			in: head + "Varto Corp said output rose in the year.\n\nThe Norrland division kept busy.\n\n" +
				"Sales of mining tools were weak, the company said.",
			entities: []any{"ORG", "Varto Corp", 0, "ORG", "Norrland", 0},
			text:     "Sales of mining tools", speaker: "Varto Corp", kind: kindNominal},
		{name: "a body named in what a company reported is not the company",
			in: head + "Norvik Capital Inc said it received a subpoena.\n\nMarlow Partners has sued Halden Tech over the deal, Norvik Capital Inc said.\n\n" +
				"While the firm did not say whether it was a target, it said staff would testify.",
			entities: []any{"ORG", "Norvik Capital Inc", 0, "ORG", "Marlow Partners", 0, "ORG", "Halden Tech", 0, "ORG", "Norvik Capital Inc", 1},
			text:     "staff would testify", speaker: "Norvik Capital Inc", kind: kindPronoun},
		{name: "a lawmaker's state and party as epithet",
			in:       head + "Sen. Marta Kovac introduced the bill on Monday.\n\n\"This bill is the first step,\" the Vermont Democrat said.",
			entities: []any{"PERSON", "Marta Kovac", 0, "PERSON", "Vermont Democrat", 0},
			text:     "This bill is the first step", speaker: "Marta Kovac", kind: kindNominal},
		{name: "a party appositive whose closing comma is left out",
			in:       head + "The tariff bill passed the panel.\n\nTrade policy will get tougher, committee chairman Tomas Varga, an Ohio Democrat said.",
			entities: []any{"PERSON", "Tomas Varga", 0, "PERSON", "Ohio Democrat", 0},
			text:     "Trade policy will get tougher", speaker: "Tomas Varga", kind: kindNamed},
		{name: "a newspaper whose title ends in a title word",
			in:       head + "The campaign cost $400,000, according to the Halden Argus Leader.",
			entities: []any{"ORG", "Halden Argus Leader", 0},
			text:     "The campaign cost", speaker: "Halden Argus Leader", kind: kindNamed},
	} {
		qs := New().Find(tc.in, ents(tc.in, tc.entities...))
		found := false
		for _, q := range qs {
			if q.Text[:min(len(q.Text), len(tc.text))] != tc.text {
				continue
			}
			found = true
			if q.Speaker == nil || *q.Speaker != tc.speaker || q.SpeakerKind != tc.kind {
				t.Errorf("%s: quotes%s kind=%q; want %q (%s) at %q", tc.name, show(qs), q.SpeakerKind, tc.speaker, tc.kind, tc.text)
			}
		}
		if !found {
			t.Errorf("%s: no quote at %q in%s", tc.name, tc.text, show(qs))
		}
	}
}

// TestQuotationStretches: the stretches between double quotation marks, straight ones told apart
// by what stands around them, so a quote left open ("… this year. "For …") does not mark the
// narrative after it.
func TestQuotationStretches(t *testing.T) {
	s := `"But I have played as many games as anyone this year. "For a striker I am happy." Recent talk linked Owen with a move.`
	for _, tc := range []struct {
		word   string
		marked bool
	}{{"striker", true}, {"Owen", false}} {
		pos := 0
		for i := range s {
			if len(s)-i >= len(tc.word) && s[i:i+len(tc.word)] == tc.word {
				pos = i
				break
			}
		}
		if got := inSpans(quotationStretches(s), pos); got != tc.marked {
			t.Errorf("%q marked=%v, want %v", tc.word, got, tc.marked)
		}
	}
}
