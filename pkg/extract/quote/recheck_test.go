package quote

import (
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// speakerCase is a sentence and what the quote starting with text should be credited to.
type speakerCase struct {
	name    string
	in      string
	text    string // the start of the quote's text
	speaker string // "" = no speaker
	kind    string // checked when not empty
}

// checkSpeakers runs each case through ner and quote and compares the speaker of the quote whose
// text starts with the case's text.
func checkSpeakers(t *testing.T, cases []speakerCase) {
	t.Helper()
	for _, tc := range cases {
		got := spoken(t, tc.in)
		var q *article.Quote
		for i := range got {
			if len(got[i].Text) >= len(tc.text) && got[i].Text[:len(tc.text)] == tc.text {
				q = &got[i]
				break
			}
		}
		if q == nil {
			if tc.speaker != "" {
				t.Errorf("%s: no quote starting %q in%s", tc.name, tc.text, show(got))
			}
			continue
		}
		var name string
		if q.Speaker != nil {
			name = *q.Speaker
		}
		if name != tc.speaker || tc.kind != "" && q.SpeakerKind != tc.kind {
			t.Errorf("%s: speaker %q kind %q; want %q kind %q", tc.name, name, q.SpeakerKind, tc.speaker, tc.kind)
		}
	}
}

// TestReaderChecks covers the classes a reading of real wires and BBC stories found: epithets of
// nationality, capitalised adverbs opening a sentence, datelines, names cut at "and" or "&".
func TestReaderChecks(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"an epithet of nationality is the person the story is about",
			"Maria Kovacs lost the final in three sets on Sunday.\n\n\"I was tired after the long week,\" said the Hungarian.",
			"I was tired", "Maria Kovacs", "nominal"},
		{"a name after a preposition is someone else",
			"Daniel Okafor won the match easily.\n\nReplying to a remark by club chairman Peter Lindqvist, the Nigerian said: \"The pitch was fine.\"",
			"The pitch", "Daniel Okafor", "nominal"},
		{"an epithet with no one named nearby goes on with the person last quoted",
			"Ivan Petrov beat the top seed in four sets.\n\n\"I try to stay calm,\" he said. \"I had enough of the noise.\" The Bulgarian added that he was not worried by his ankle.",
			"he was not worried", "Ivan Petrov", "nominal"},
		{"two people joined by and are not one name",
			"The King and Prince of Wales said the news had made them very happy.",
			"the news", "Prince of Wales", ""},
		{"an age epithet is the person the story is about",
			"Former captain Paul Renard says the new side is stronger. \"They are fitter than we were,\" the 36-year-old said.",
			"They are fitter", "Paul Renard", "nominal"},
		{"an epithet skips a person named after a preposition in the sentence before",
			"Striker Tomas Lindgren was fined on Monday.\n\nThe Swede believed he was talking to club president Anders Berg when he criticised the coach. \"I want to leave,\" the 24-year-old told a radio station.",
			"I want to leave", "Tomas Lindgren", "nominal"},
		{"the spokesman again is the body a spokesman spoke for",
			"Dairy group Norlac said three managers were in custody. A Norlac spokesman said the board would meet on Friday. The spokesman did not say why the managers had been detained.",
			"why the managers", "Norlac", "nominal"},
		{"the paper is the newspaper the story named",
			"In an interview with the Financial Times, Ms Lund refused to name a date. The paper said she had \"claimed ignorance\" of the plans.",
			"she had", "Financial Times", "nominal"},
		{"a resolved nominal brings its name forward for the next pronoun",
			"The New York Times reported the move. The newspaper quoted Pentagon officials as saying the carrier would stay.\n\nThe paper said the carrier group would have eight ships.\n\nIt said the missiles were a threat.",
			"the missiles", "New York Times", "pronoun"},
		{"a title WordNet also has for a person is no nationality",
			"Dr Rowan Hale has criticised the war.\n\nOn Friday, the Cardinal will tell the congregation to search for peace.",
			"to search", "Cardinal", ""},
		{"a main clause before an epithet is what was said, not who said it",
			"Hollywood actors Sam Porter and Ben Miles have signed up for Rick Grey's new sitcom, the comedian has told BBC News.",
			"Hollywood actors", "the comedian", ""},
		{"a sentence whose subject is a pronoun names someone else after it",
			"Alicia Molik won in just 56 minutes. She will now meet Venus Williams. \"Bring it on,\" said the 23-year-old.",
			"Bring it on", "Alicia Molik", "nominal"},
		{"a passive sentence after a quote is no cue of it",
			"Mark Greene lost the race in the semi-finals. \"I should have won the race but I was conserving energy.\" Greene was also denied gold in the relay.",
			"I should have won", "Mark Greene", ""},
		{"a quoted phrase inside a passive sentence goes on with no one",
			"Companies rarely have HIV policies, according to the World Economic Forum. The gap is widest in Nigeria and Russia, the so-called \"next wave\" countries, which are predicted to see the most new cases.",
			"next wave", "", ""},
		{"a name the tagger found later is no adverb",
			"House prices fell, official figures have shown.\n\nNationwide said that in January house prices went up by 0.4% on the month. \"We are not seeing a collapse,\" said Nationwide economist Alex Bannister.",
			"in January", "Nationwide", ""},
		{"a capitalised adverb opening a sentence is no name",
			"Overall, asking rents have risen 4% since spring.",
			"rents", "", ""},
		{"a dateline is not who spoke",
			"PERTH, March 24 - Boral Group unit Western Minerals Ltd, said its net profit fell to 45.79 mln dlrs in 1986.",
			"its net profit", "Western Minerals Ltd", ""},
		{"a rating agency's name joined by and",
			"The agency cut the rating of the bonds.\n\nS and P said the outlook for the issuer remained negative.",
			"the outlook", "S and P", ""},
		{"a given name tells a pronoun's gender",
			"Margaret Ellison danced in Paris before the war. In 1950, back in London, she and Thomas Hale founded a ballet company. She retired in 1963, a \"sudden choice\" she said, \"mostly because of a knee injury\".",
			"mostly because", "Margaret Ellison", "pronoun"},
		{"a name only as a possessive does not take over from the person quoted",
			"The surface had been speeded up since last year, Ray Dunn said. But he refused to accept that the new surface may have had a bearing on Carter's performances over the years. \"Mark is proving how good he is,\" he said.",
			"Mark is proving", "Ray Dunn", "pronoun"},
		{"the person a medium quoted, not the medium",
			"State radio quoted a Foreign Ministry spokesman as saying any attack would be met with force.",
			"any attack", "Foreign Ministry", "anonymous"},
		{"the one a passive quoted names",
			"Energy minister Javier Ortega was quoted by the agency as saying Brazil would keep its output steady.",
			"Brazil would", "Javier Ortega", "named"},
		{"a quote before the medium that quoted someone",
			"\"We are mourning a great company,\" the agency quoted factory worker Dennis Hale as saying.",
			"We are mourning", "Dennis Hale", "named"},
		{"content before a passive quoted as saying",
			"The central bank is trying to keep policy tight, Vice-President Karl Weber was quoted as saying.",
			"The central bank", "Karl Weber", "named"},
		{"a passive cue's subject is not who spoke",
			"Shares of Norvell Corp rose after it was announced that the company would be sold.",
			"the company would", "", ""},
		{"a passive cue's by-phrase names who spoke",
			"The fibres may not have come from the suspect's coat, the trial was told by forensic expert Helen Marsh.",
			"The fibres", "Helen Marsh", "named"},
		{"a capitalised plural for people opening a sentence names no one",
			"The pound rose against the dollar.\n\nCreditors said the central bank had bought sterling.",
			"the central bank", "Creditors", "anonymous"},
		{"a party and state tag after a name is no speaker",
			"Rep. Ed Jones, D-Tenn., chairman of the House Agriculture subcommittee, told reporters the plan was a good idea.",
			"the plan", "Ed Jones", "named"},
		{"a title with the body it serves, then the holder's name",
			"The Peruvian minister at the Presidency, Carlos Ortega, told reporters that Chile will lend Peru oil.",
			"Chile will", "Carlos Ortega", "named"},
		{"an inverted description keeps no trailing preposition",
			"\"Costs will rise,\" said the manager of a European bank.",
			"Costs will", "the manager", ""},
		{"a person the tagger ran on into the firm",
			"Bond prices fell sharply.\n\n\"The market is nervous,\" said Walter Brennan of Harbor Securities Corp. He said rates would rise.",
			"The market", "Walter Brennan", "named"},
		{"the person of the firm is the pronoun's antecedent",
			"Bond prices fell sharply.\n\n\"The market is nervous,\" said Walter Brennan of Harbor Securities Corp. He said rates would rise.",
			"rates would", "Walter Brennan", "pronoun"},
	})
}

// TestPersonOfFirm splits a person from the firm the tagger joined to them, and nothing else.
func TestPersonOfFirm(t *testing.T) {
	for name, want := range map[string]string{
		"Philip Braverman of Irving Securities Corp.":  "Philip Braverman",
		"Leslie of Discount Corp.":                     "Leslie",
		"Bank of America Corp":                         "",
		"Duke of Edinburgh":                            "",
		"University of Texas":                          "",
		"Ministry of International Trade and Industry": "",
	} {
		got, _, _ := personOfFirm(name)
		if got != want {
			t.Errorf("personOfFirm(%q) = %q; want %q", name, got, want)
		}
	}
}
