package ner

import (
	"context"
	"os"
	"slices"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// docPlaces is the fake gazetteer of the document-level typing tests: the places of their
// sentences, and "Kenya" and "Copa" as the real gazetteer has them.
var docPlaces = fakePlaces{"Kenya": true, "Nairobi": true, "Bavaria": true, "Munich": true, "Wuxi": true,
	"Córdoba": true, "Lagos": true, "Barcelona": true, "Madrid": true, "Bogotá": true, "Colombia": true,
	"Hungary": true, "Debrecen": true, "Copa": true, "Chile": true, "Santiago": true, "Beijing": true,
	"Buenos Aires": true, "Lyon": true, "Kunshan": true, "Chicago": true, "Pittsburgh": true,
	"New York": true, "Hong Kong": true, "Washington": true, "DC": true, "United States": true, "São Bernardo do Campo": true, "São Bernardo": true, "Campo": true, "The Hague": true, "Nottingham": true, "Leeds": true}

// TestDocumentTyping runs issue-like sentences through the Tagger: one type per name, decided by the
// evidence of the whole text (issue #19, "names typed wrong").
func TestDocumentTyping(t *testing.T) {
	t.Parallel()
	tagger := New(docPlaces)
	for _, tc := range []struct {
		class string
		in    string
		wants []want
		not   []string
	}{
		{"apposition says company; the short name follows the full one",
			"The decision by Brenner Halbleiter, a family-owned chipmaker from Bavaria, was criticised. Brenner will hold 24 per cent of the venture.",
			[]want{{"ORG", "Brenner Halbleiter"}, {"PLACE", "Bavaria"}}, []string{"Brenner"}},
		{"a company named after its country, with an organisation head word",
			"Work on the first stretch could start in 2027, Kenya Railways said in a statement. According to Kenya Railways, the line will reach Nairobi.",
			[]want{{"ORG", "Kenya Railways"}}, []string{"Kenya"}},
		{"class noun before the name",
			"said Adaora Nwankwo, a Lagos-based economist at the think tank Agora Policy.",
			[]want{{"PERSON", "Adaora Nwankwo"}, {"ORG", "Agora Policy"}}, nil},
		{"organisation head words in other languages",
			"The conservative Partido Popular voted against. Economists at the Barcelona-based Fundació Cotec said growth would slow.",
			[]want{{"ORG", "Partido Popular"}, {"ORG", "Fundació Cotec"}}, nil},
		{"joint venture and state miner",
			"Salares Unidos, the joint venture formed by state miner Minera Nacional, will ship lithium to China.",
			[]want{{"ORG", "Salares Unidos"}, {"ORG", "Minera Nacional"}}, nil},
		{"sports bodies and clubs; a club's short name",
			"Atlético Serrano of Córdoba won the final, beating Grêmio Fluminense 2-1. Fluminense had been favourites. The £3m that World Rugby gave us is paying off.",
			[]want{{"ORG", "Atlético Serrano"}, {"ORG", "Grêmio Fluminense"}, {"ORG", "World Rugby"}, {"PLACE", "Córdoba"}}, []string{"Fluminense"}},
		{"'the' before one word: a parliament, rivers listed with water words",
			"Sabine Roth, a Green member of the Bundestag, objected. Meltwater from the Alps feeds the Rhine, the Rhône and the Po, which supply drinking water.",
			[]want{{"PERSON", "Sabine Roth"}, {"ORG", "Bundestag"}, {"PLACE", "Rhine"}, {"PLACE", "Rhône"}, {"PLACE", "Po"}}, nil},
		{"a title word is a role, not part of the name",
			"Economist Aly-Khan Jiwa of the Nairobi-based Institute of Public Finance said debt had doubled.",
			[]want{{"PERSON", "Aly-Khan Jiwa"}, {"ORG", "Institute of Public Finance"}}, []string{"Economist Aly-Khan Jiwa"}},
		{"a dateline's month abbreviation is no person; the upper-case city is the place",
			"WUXI, Nov 17 (Reuters) - Shares in the company rose.",
			[]want{{"PLACE", "Wuxi"}, {"ORG", "Reuters"}}, []string{"Nov 17", "Nov", "WUXI"}},
		{"a source's name is an outlet, not a place",
			"Jingke Robotics is seeking to raise $500 million, according to a term sheet seen by Asia Pacific Wire.",
			[]want{{"ORG", "Asia Pacific Wire"}}, nil},
		{"a constellation and a plateau",
			"The star lies in the constellation Taurus. The receiver was installed on the Chajnantor plateau near San Pedro.",
			[]want{{"MISC", "Taurus"}, {"PLACE", "Chajnantor"}}, nil},
		{"currency codes and common acronyms are not names",
			"The canton had promised CHF 15m for protective works. Anything with robots or AI in the name still gets attention.",
			nil, []string{"CHF", "CHF 15m", "AI"}},
		{"an acronym opening a paragraph keeps its capitals",
			"Junts accused ERC of selling out.\n\nERC, which had withheld support, said it had won commitments.",
			[]want{{"ORG", "ERC"}}, []string{"Erc"}},
		{"an event name kept whole across 'of', with its year",
			"Exhibitors came to the 2023 World Internet of Things Exposition held from Oct 20 to 23 in Wuxi.",
			[]want{{"EVENT", "2023 World Internet of Things Exposition"}, {"PLACE", "Wuxi"}},
			[]string{"2023 World Internet", "Things Exposition", "Oct 20"}},
		{"a company named with a place, kept whole across 'and'",
			"The line was built by China Road and Bridge Corporation and opened in 2017.",
			[]want{{"ORG", "China Road and Bridge Corporation"}}, []string{"China Road", "Bridge Corporation"}},
		{"a list of a place and a company stays a list",
			"Talks between Kenya and Siemens AG resumed.",
			[]want{{"PLACE", "Kenya"}, {"ORG", "Siemens AG"}}, []string{"Kenya and Siemens AG"}},
		{"a name kept whole across a curly possessive",
			"He played for Newell’s Old Boys before moving to Europe.",
			[]want{{"ORG", "Newell’s Old Boys"}}, []string{"Newell"}},
		{"a known company keeps its possessive, curly or straight",
			"Macy’s said sales fell. Macy's said it would close stores.",
			[]want{{"ORG", "Macy’s"}, {"ORG", "Macy's"}}, []string{"Macy"}},
		{"a trailing weekday is not part of an event's name",
			"Kiprotich won the Suzhou Marathon on Sunday in a course record.",
			[]want{{"EVENT", "Suzhou Marathon"}}, []string{"Suzhou Marathon on Sunday"}},
		{"a place the gazetteer knows keeps its type beside a clause",
			"Lingdian will build a cell factory near Debrecen in eastern Hungary, the company said in a filing.",
			[]want{{"PLACE", "Hungary"}}, nil},
		{"a portfolio in a person's title is no body",
			"Deputy Health Minister Sipho Ndlovu said the government had committed R40 million. Treasury Cabinet Secretary Joseph Mbugua agreed. " +
				"Climate Change Cabinet Secretary Rose Wekesa met the Ministry of Health Director Ann Mwangi.",
			[]want{{"PERSON", "Sipho Ndlovu"}, {"PERSON", "Joseph Mbugua"}, {"PERSON", "Rose Wekesa"}, {"ORG", "Ministry of Health"}},
			[]string{"Health", "Treasury Cabinet", "Treasury", "Climate Change Cabinet", "Climate Change"}},
		{"a place's party is the place",
			"Kunshan's Party secretary, Zhou Wenbin, said the city would offer subsidies.",
			[]want{{"PERSON", "Zhou Wenbin"}, {"PLACE", "Kunshan"}}, []string{"Kunshan's Party"}},
		{"a place listed with places",
			"The deal covers trade between the EU and Chile, Kenya and Hungary.",
			[]want{{"PLACE", "Chile"}, {"PLACE", "Kenya"}, {"PLACE", "Hungary"}}, nil},
		{"a nationality adjective is no short form of a body's name",
			"A European spacecraft was launched on Tuesday. The mission is a collaboration between the European Space Agency and Japan.",
			[]want{{"MISC", "European"}, {"ORG", "European Space Agency"}}, nil},
		{"a place with a capitalised plural is a club; its nickname follows it",
			"Brock Nelson scored to lift the Chicago Islanders over Pittsburgh on Tuesday. The Islanders trailed by two late in the third period.",
			[]want{{"ORG", "Chicago Islanders"}, {"PERSON", "Brock Nelson"}}, []string{"Islanders"}},
		{"a result line's score is not part of a club's name",
			"Blue Jackets 5, Canadiens 2: Pierre-Luc Dubois had two goals and an assist.",
			nil, []string{"Blue Jackets 5", "Canadiens 2"}},
		{"facilities and places by their head word",
			"Protesters gathered outside the State Capitol. Containers reach the Naivasha Inland Container Depot by rail. The opening match was played at Arena Corinthians in São Paulo.",
			[]want{{"PLACE", "State Capitol"}, {"PLACE", "Naivasha Inland Container Depot"}, {"PLACE", "Arena Corinthians"}}, nil},
		{"forest words around 'the X'",
			"Forest fires burned a record area of the Amazon in 2024, and deforestation rose.",
			[]want{{"PLACE", "Amazon"}}, nil},
		{"an upper-case dateline's place is whole, and its date belongs to no name",
			"NEW YORK, April 1 - Manufacturers Hanover Corp said it placed loans on non-accrual.",
			[]want{{"PLACE", "New York"}}, []string{"YORK", "April 1 - Manufacturers Hanover Corp"}},
		{"a royal title is a role, and a place keeps its capitalised article",
			"The cabinet resigned and King Willem-Alexander received the prime minister in The Hague on Friday.",
			[]want{{"PERSON", "Willem-Alexander"}, {"PLACE", "The Hague"}}, []string{"King Willem-Alexander", "Hague"}},
		{"a place and a compass word name a constituency",
			"Labour held Nottingham North and Leeds Central in the election.",
			[]want{{"PLACE", "Nottingham North"}, {"PLACE", "Leeds Central"}}, nil},
		{"products by their model word or number, 'i'-names and platforms",
			"The iPad Pro has a faster chip. The Galaxy Note 10 Plus and the Mavic Mini are on sale, and the speaker works with Alexa over Bluetooth.",
			[]want{{"MISC", "iPad Pro"}, {"MISC", "Galaxy Note 10 Plus"}, {"MISC", "Mavic Mini"}, {"MISC", "Alexa"}, {"MISC", "Bluetooth"}}, nil},
		{"institutions kept whole across 'of' a place, after a place, and with a lower-case 'party'",
			"The Central Bank of Kenya held rates. Students at the Hong Kong Polytechnic University protested against the Communist party.",
			[]want{{"ORG", "Central Bank of Kenya"}, {"ORG", "Hong Kong Polytechnic University"}, {"ORG", "Communist party"}},
			[]string{"Central Bank", "Polytechnic University", "Communist"}},
		{"names joined by a slash are two; a title before a body's name is no part of it",
			"A Reuters/Ipsos poll agreed. Jane Roe, Founder of Ceres Robotics Inc., said Ceres Robotics would bid.",
			[]want{{"ORG", "Reuters"}, {"ORG", "Ceres Robotics"}},
			[]string{"Reuters/Ipsos", "Founder of Ceres Robotics Inc.", "Ceres Robotics Inc."}},
		{"common-noun acronyms and diseases are not names",
			"Covid-19 patients filled the ICU, said a French MEP, as MRSA spread.",
			nil, []string{"Covid", "Covid-19", "ICU", "MEP", "MRSA"}},
		{"a region's adjective before a place noun stays a nationality",
			"The Bavarian state government was more supportive. Hubert Aigner, the Bavarian economy minister, agreed.",
			[]want{{"MISC", "Bavarian"}, {"PERSON", "Hubert Aigner"}}, nil},
		{"two events listed are two",
			"Retailers expect record sales between Black Friday and Cyber Monday this year.",
			nil, []string{"Black Friday and Cyber Monday"}},
		{"a place followed by an outlet's head word is the outlet",
			"Everything went according to the plan, Kiprotich told Kenya Today by phone from Nairobi.",
			[]want{{"ORG", "Kenya Today"}, {"PLACE", "Nairobi"}}, []string{"Kenya"}},
		{"an agreement is MISC, and its head word alone refers to it",
			"The summit closed with a declaration, dubbed the Lyon Compact, committing signatories to speed up payments. " +
				"The region would host a permanent secretariat for the Compact.",
			[]want{{"MISC", "Lyon Compact"}}, []string{"Compact"}},
		{"a place the model cut at a particle is one place",
			"Roberto Fagundes runs a company making hydraulic presses in São Bernardo do Campo, part of the ABC region.",
			[]want{{"PLACE", "São Bernardo do Campo"}}, []string{"Campo"}},
		{"a town and its state are two places",
			"Washington, DC, United States: Getting to the Moon has been done.",
			[]want{{"PLACE", "Washington"}, {"PLACE", "DC"}}, []string{"Washington, DC"}},
		{"a lone word no full name introduces is a body, not a person",
			"The Hefce report, drawing on child benefits data, said teenagers in the richest areas could expect a better chance of going to university.",
			[]want{{"ORG", "Hefce"}}, nil},
		{"people stay people",
			"Senator Dale Kirkpatrick met Jennifer Alvarez, the county recorder, and its German partner's chief executive, Matthias Brenner.",
			[]want{{"PERSON", "Dale Kirkpatrick"}, {"PERSON", "Jennifer Alvarez"}, {"PERSON", "Matthias Brenner"}}, nil},
	} {
		ents := tagger.Tag(tc.in)
		checkOffsets(t, tc.in, ents)
		for _, w := range tc.wants {
			e := find(ents, w.name)
			if e == nil {
				t.Errorf("%s: Tag(%q): no entity %q; got %v", tc.class, tc.in, w.name, ents)
				continue
			}
			if e.Type != w.typ {
				t.Errorf("%s: Tag(%q): %q type = %s; want %s", tc.class, tc.in, w.name, e.Type, w.typ)
			}
		}
		for _, n := range tc.not {
			if find(ents, n) != nil {
				t.Errorf("%s: Tag(%q): unexpected entity %q", tc.class, tc.in, n)
			}
		}
	}
}

// TestTitleBecomesRole checks that a title taken off a name is kept as the person's role.
func TestTitleBecomesRole(t *testing.T) {
	ents := New(docPlaces).Tag("Economist Aly-Khan Jiwa of the Institute of Public Finance said debt had doubled.")
	if e := find(ents, "Aly-Khan Jiwa"); e == nil || e.Role != "Economist" {
		t.Errorf("Aly-Khan Jiwa = %+v; want role Economist", e)
	}
}

// TestNonEnglishKeepsOnlyKnownPlaces: text in a language without a model yields no English-model
// guesses, only places the gazetteer knows and people named with a common given name.
func TestNonEnglishKeepsOnlyKnownPlaces(t *testing.T) {
	t.Parallel()
	tagger := New(docPlaces)
	for _, tc := range []struct {
		lang   string
		in     string
		places []string
		people []string
	}{
		{"it", "Oggi Colombia discute la riforma delle pensioni. Secondo il Ministero dell'Economia, il costo sarà alto. " +
			"Lo ha detto Gloria Ramírez a Bogotá. Critiche sono arrivate da Buenos Aires.", []string{"Bogotá", "Buenos Aires"}, []string{"Gloria Ramírez"}},
		{"ru", "Celui-ci a été signé à Lyon. Selon Aïssata Diallo, les États-Unis doivent payer.", []string{"Lyon"}, nil}, // text of a language without a model, whatever it is labelled
	} {
		a := &article.Article{Text: tc.in, Language: tc.lang}
		if err := tagger.Extract(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		checkOffsets(t, a.Text, a.Entities)
		for _, e := range a.Entities {
			if e.Type != article.TypePlace && !(e.Type == article.TypePerson && slices.Contains(tc.people, e.Name)) {
				t.Errorf("%s: %s entity %q from the English model", tc.lang, e.Type, e.Name)
			}
		}
		for _, p := range tc.places {
			if e := find(a.Entities, p); e == nil {
				t.Errorf("%s: place %q lost; got %v", tc.lang, p, a.Entities)
			}
		}
	}
	// English, and text whose language is unknown, are tagged as before.
	for _, lang := range []string{"en", ""} {
		a := &article.Article{Text: "Senator Dale Kirkpatrick spoke in Nairobi.", Language: lang}
		if err := tagger.Extract(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if e := find(a.Entities, "Dale Kirkpatrick"); e == nil || e.Type != article.TypePerson {
			t.Errorf("language %q: Dale Kirkpatrick = %v", lang, e)
		}
	}
}

func TestIsLegalForm(t *testing.T) {
	t.Parallel()
	k := loadKnowledge()
	for w, want := range map[string]bool{"GmbH": true, "AG": true, "S.A.": true, "SA": true, "SpA": true, "S.p.A.": true,
		"Ltd": true, "Ltd.": true, "plc": true, "Inc.": true, "NV": true, "SE": true,
		"Sa": false, "se": false, "Halbleiter": false, "Bank": false, "ag": false} {
		if got := k.isLegalForm(w); got != want {
			t.Errorf("isLegalForm(%q) = %v; want %v", w, got, want)
		}
	}
	ents := New(docPlaces).Tag("Deutsche Telekom AG and Brenner Halbleiter GmbH signed the deal with Telefónica S.A. in Madrid.")
	for _, n := range []string{"Deutsche Telekom AG", "Brenner Halbleiter GmbH"} {
		if e := find(ents, n); e == nil || e.Type != article.TypeOrg {
			t.Errorf("%q = %v; want ORG", n, e)
		}
	}
}

func TestKnowledgeLists(t *testing.T) {
	t.Parallel()
	k := loadKnowledge()
	for _, n := range []string{"John", "Mary", "Jennifer", "Dale", "Valentina"} {
		if !k.firstNames[n] {
			t.Errorf("first name %q missing", n)
		}
	}
	for _, n := range []string{"Halbleiter", "Railways", "Oxfam"} {
		if k.firstNames[n] {
			t.Errorf("%q listed as a first name", n)
		}
	}
	if !k.orgNames["Airbus"] || !k.orgNames["Macy's"] {
		t.Error("company names missing from org-names.txt")
	}
}

// BenchmarkDocumentStep measures what the document-level step adds to Tag on the fixture article:
// reshape, evidence and the typed merge, against the merge alone, over the same model mentions.
func BenchmarkDocumentStep(b *testing.B) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(raw)
	tg := New(places)
	m, err := tg.model()
	if err != nil {
		b.Fatal(err)
	}
	sc := &docScratch{f: newFeaturizer(m.res, tg.places)}
	toks, _, sents, labels := m.tagText(sc, s)
	meta := metaRanges(s)
	var cands []candidate
	for _, sp := range sents {
		for _, e := range labelSpans(m.labels, labels[sp[0]:sp[1]]) {
			if productType(m.types[e.typ]) == "" {
				continue
			}
			if c, ok := tg.candidate(s, toks, sp[0], sp[0]+e.start, sp[0]+e.end, m.types[e.typ], meta); ok {
				cands = append(cands, c)
			}
		}
	}
	b.Run("merge", func(b *testing.B) {
		for b.Loop() {
			tg.merge(s, slices.Clone(cands))
		}
	})
	b.Run("step+merge", func(b *testing.B) {
		for b.Loop() {
			c := tg.reshape(s, toks, slices.Clone(cands))
			tg.gatherEvidence(s, toks, c)
			tg.merge(s, c)
		}
	})
	b.Run("tagText", func(b *testing.B) {
		for b.Loop() {
			m.tagText(sc, s)
		}
	})
}

// TestForeignLanguagePeople checks what text in another language keeps: places the gazetteer knows
// and people whose names open with a common given name — found even in a flattened table the model
// passes over — but no guesses of the English model.
func TestForeignLanguagePeople(t *testing.T) {
	t.Parallel()
	tagger := New(docPlaces)
	for _, tc := range []struct {
		class string
		in    string
		wants []want
		not   []string
	}{
		{"a table of drivers flattened into one line",
			"Classificação final em 2019: Pos. Piloto Pontos 1 Kyle Busch 5040 5 1 17 27 2 Martin Truex Jr. 5035 7 0 15 24 3 Ty Dillon 613 0 0 1 3",
			[]want{{"PERSON", "Kyle Busch"}, {"PERSON", "Martin Truex Jr."}, {"PERSON", "Ty Dillon"}},
			[]string{"Piloto Pontos", "Kyle Busch 5040"}},
		{"a phrase opening a sentence is no person; a known place stays",
			"Según Echeverría, el acuerdo llega tarde. Celui-ci a quitté Madrid.",
			[]want{{"PLACE", "Madrid"}}, []string{"Según Echeverría", "Celui-ci"}},
	} {
		a := &article.Article{Text: tc.in, Language: "pt"}
		if err := tagger.Extract(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		checkOffsets(t, tc.in, a.Entities)
		for _, w := range tc.wants {
			e := find(a.Entities, w.name)
			if e == nil {
				t.Errorf("%s: no entity %q; got %v", tc.class, w.name, a.Entities)
			} else if e.Type != w.typ {
				t.Errorf("%s: %q type = %s; want %s", tc.class, w.name, e.Type, w.typ)
			}
		}
		for _, n := range tc.not {
			if find(a.Entities, n) != nil {
				t.Errorf("%s: unexpected entity %q", tc.class, n)
			}
		}
	}
}
