package quote

import (
	"context"
	"sync"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/ner"
	"github.com/newsmon/newsmon/pkg/geo"
)

// tagger is the embedded NER model with the embedded gazetteer, as the pipeline runs it before the
// quote extractor; loaded once for all tests.
var tagger = sync.OnceValues(func() (*ner.Tagger, error) {
	gaz, err := geo.Default()
	if err != nil {
		return nil, err
	}
	return ner.New(gaz), nil
})

// spoken runs ner then quote over s, as the pipeline does.
func spoken(t *testing.T, s string) []article.Quote {
	t.Helper()
	tg, err := tagger()
	if err != nil {
		t.Fatal(err)
	}
	a := &article.Article{Text: s}
	if err := tg.Extract(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := New().Extract(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, s, a.Quotes)
	return a.Quotes
}

// TestSpeakers reads speakers as issue #19 asks, on issue-like sentences through the embedded
// models: a speaker is a person, an organisation or a described group, never a place, a date or a
// document; nominal speakers resolve to the entity the article named; titles before a name give the
// person and the role. Each case checks the quote whose text starts with want.text.
func TestSpeakers(t *testing.T) {
	type spk struct {
		text    string // the start of the quote's text
		speaker string // "" = no speaker
		typ     string
		kind    string
		role    string // checked when not empty
	}
	for _, tc := range []struct {
		name string
		in   string
		want spk
	}{
		{"appositive role without closing comma: the person, not the body",
			"Martin Hollis, senior research fellow at the Dunmore Institute said prices would keep rising.",
			spk{"prices would", "Martin Hollis", "PERSON", "named", "senior research fellow at the Dunmore Institute"}},
		{"appositive role after a parenthesis: the person, not the body",
			"Karen Pruitt (D-Ore.), chairman of the Senate Banking Committee, said the bill was dead.",
			spk{"the bill", "Karen Pruitt", "PERSON", "named", ""}},
		{"group in a place is the group",
			"Farmers in nearby Yangzhou said the harvest had come three weeks late this year.",
			spk{"the harvest", "Farmers in nearby Yangzhou", "PERSON", "anonymous", ""}},
		{"police in a city",
			"Police in Montevideo reported only minor incidents after the final on Saturday night.",
			spk{"only minor incidents", "Police in Montevideo", "ORG", "anonymous", ""}},
		{"group from a list of places",
			"Delegates from Africa and Latin America said the figure was small compared with the need.",
			spk{"the figure", "Delegates from Africa and Latin America", "PERSON", "anonymous", ""}},
		{"an embassy in a capital",
			"The Kenyan embassy in Beijing said a reception would be held for the athletes on Wednesday.",
			spk{"a reception", "The Kenyan embassy in Beijing", "ORG", "nominal", ""}},
		{"a supervisor from a province, with a relative clause",
			"A 34-year-old supervisor from Henan, who asked not to be named, said that her factory had cut shifts.",
			spk{"her factory", "A 34-year-old supervisor from Henan", "PERSON", "anonymous", ""}},
		{"a country acting alone is its government",
			"Beijing said the export rules were a matter for the companies involved.",
			spk{"the export rules", "Beijing", "ORG", "named", ""}},
		{"title before the name",
			"Agriculture Cabinet Secretary Mary Wanjiru said the drought had cut maize yields by a third.",
			spk{"the drought", "Mary Wanjiru", "PERSON", "named", "Agriculture Cabinet Secretary"}},
		{"occupation before the name",
			"Economist Aly-Khan Jiwa said the loan was far more expensive than it looked.",
			spk{"the loan", "Aly-Khan Jiwa", "PERSON", "named", "Economist"}},
		{"possessive title with the holder between commas",
			"Athletics Kenya's president, Samuel Kiptanui, congratulated both athletes in a statement and said the federation would consider them for the world championships.",
			spk{"the federation", "Samuel Kiptanui", "PERSON", "named", "president"}},
		{"description then the name after an inverted cue",
			"“We will not stay in a government that breaks its word,” said the party's leader, Gert Hoekstra, in a statement.",
			spk{"We will not stay", "Gert Hoekstra", "PERSON", "named", "party's leader"}},
		{"a study is no speaker",
			"Scientists have found bacteria that produce a new antibiotic, according to a study published on Wednesday in the journal Nature.",
			spk{"Scientists have found", "", "", "", ""}},
		{"a term sheet seen by a news agency is no speaker",
			"Jingke Robotics plans to raise HK$3.9 billion in a Hong Kong listing, according to a term sheet seen by Asia Pacific Wire.",
			spk{"Jingke Robotics plans", "", "", "", ""}},
		{"opinion polls are no speaker",
			"Opinion polls suggest that voters will return another fragmented parliament in March.",
			spk{"voters will return", "", "", "", ""}},
		{"a statement speaks for whoever released it",
			"According to a statement released by the Wuxi municipal government, the city will provide land at a discount.",
			spk{"the city will provide", "the Wuxi municipal government", "ORG", "nominal", ""}},
		{"the statement is the statement the article credited",
			"Kenya Railways said in a statement that work on the first stretch could start in 2027.\n\nThe statement said the line would reach the Uganda border by 2031.",
			spk{"the line would reach", "Kenya Railways", "", "nominal", ""}}, // its type is the tagger's
		{"the agency is the agency the lead named",
			"The Japan Meteorological Agency said the quake had a magnitude of 6.2.\n\nThe agency said aftershocks of similar strength were possible over the coming week.",
			spk{"aftershocks", "Japan Meteorological Agency", "ORG", "nominal", ""}},
		{"the company is the business introduced as one",
			"Lingdian New Energy, a battery maker based in Suzhou, reported higher profits on Wednesday.\n\nThe company said it would build its first European plant in Hungary.",
			spk{"it would build", "Lingdian New Energy", "ORG", "nominal", ""}},
		{"the production company is the company the article described",
			"Endemol Shine Group, the television production company behind the show, bought the rights in May.\n\nThe production company said filming would start in March.",
			spk{"filming", "Endemol Shine Group", "ORG", "nominal", ""}},
		{"company management speaks for the business",
			"Kenya Airways reported a loss on Thursday.\n\nCompany management said the airline would cut six routes next year.",
			spk{"the airline would cut", "Kenya Airways", "ORG", "nominal", ""}},
		{"the governor is the person named with the title",
			"The governor of the province, Li Qiang, visited the site on Monday.\n\nThe governor said the project was the province's first priority.",
			spk{"the project", "Li Qiang", "PERSON", "nominal", ""}},
		{"a nominal head never takes a person of another role",
			"Treasury secretary Joseph Mbugua flew to London on Monday.\n\nThe country's treasury said the bond was priced to yield 8.95 percent.",
			spk{"the bond", "Treasury", "ORG", "nominal", ""}},
		{"she is a person, not a parliament",
			"Sabine Roth, a Green member of the Bundestag, criticised the deal on Tuesday. She said the plan was a strategic mistake dressed up as a business decision.",
			spk{"the plan", "Sabine Roth", "PERSON", "pronoun", ""}},
		{"she is the sentence's subject, not a name later in it",
			"Anna Berg won the final on Sunday, beating Norway's Ingrid Solheim by two seconds. She said she had felt strong from the start.",
			spk{"she had felt", "Anna Berg", "PERSON", "pronoun", ""}},
		{"a name inside the quote is talked about, not speaking",
			"“The references to Paul Hart struck me as political,” Laura Finch said.\n\n“I can't speak to what the senator meant, but the mention of Paul Hart sounded political to me,” she said.",
			spk{"I can't speak", "Laura Finch", "PERSON", "pronoun", ""}},
		{"a spokesperson speaks for the organisation named with it",
			"ECOWAS suspended the three countries in 2023.\n\nAn ECOWAS spokesperson said the bloc remained open to dialogue.",
			spk{"the bloc", "ECOWAS", "ORG", "anonymous", ""}},
		{"an official of a body the article named in full",
			"The European Commission is preparing new rules.\n\nA Commission official said the case was exactly what the proposal is meant to address.",
			spk{"the case was", "European Commission", "ORG", "anonymous", ""}},
		{"an epithet is the person the text was just about",
			"Senator Mark Ellison on Tuesday attacked the tax code.\n\nThe Republican nominee said he would introduce legislation next year.",
			spk{"he would introduce", "Mark Ellison", "PERSON", "nominal", ""}},
		{"an epithet built on another's name",
			"Daniel Reyes on Wednesday called on Howard Dean to apologize to Maria Ortiz.\n\n“That was outrageous,” Ortiz's former campaign strategist said.",
			spk{"That was outrageous", "Daniel Reyes", "PERSON", "nominal", ""}},
		{"an epithet with no one just named stays a description",
			"The weather was cold.\n\nThe senator said the bill would pass.",
			spk{"the bill", "The senator", "PERSON", "nominal", ""}},
		{"two names and one cue: the first is credited",
			"Kurt Vogel and Tim Marsh testified on Tuesday.\n\nVogel and Marsh said that the call was not in line with American goals.",
			spk{"the call was", "Kurt Vogel", "PERSON", "named", ""}},
		{"according to a person familiar with something",
			"The bank is expected to contribute a further $300 million, according to a person familiar with the negotiations.",
			spk{"The bank is expected", "a person familiar with the negotiations", "PERSON", "anonymous", ""}},
		{"according to a bare plural at the sentence's end",
			"The bank is expected to contribute a further $300 million, according to analysts.",
			spk{"The bank is expected", "analysts", "PERSON", "anonymous", ""}},
		{"according to a description with many modifiers",
			"The agency granted the aide immunity, according to a senior law enforcement official.",
			spk{"The agency granted", "a senior law enforcement official", "PERSON", "anonymous", ""}},
		{"an inverted cue with a long description and a relative clause",
			"The ruling would affect other cases, said a former federal law enforcement official who oversaw such inquiries.",
			spk{"The ruling would affect", "a former federal law enforcement official", "PERSON", "anonymous", ""}},
		{"a country before official is where the official serves",
			"The talks will resume in May, a senior U.S. official said.",
			spk{"The talks will resume", "a senior U.S. official", "PERSON", "anonymous", ""}},
		{"a group before its verb is a participle's subject, not the name after the verb",
			"Analysts expect Varto to raise its bid, saying the offer is too low.",
			spk{"the offer is too low", "Analysts", "PERSON", "anonymous", ""}},
		{"a time adverbial with 'past' between the subject and its verb",
			"Pavel Horak, the party chairman, this past week announced that the site was live.",
			spk{"the site was live", "Pavel Horak", "PERSON", "named", ""}},
		{"people with knowledge of something",
			"People with knowledge of the talks said the group was funded by the party.",
			spk{"the group was funded", "People with knowledge of the talks", "PERSON", "anonymous", ""}},
		{"according to him",
			"Pavel Horak, a trader, spoke on Monday. Prices will rise in May, according to him.",
			spk{"Prices will rise", "Pavel Horak", "PERSON", "pronoun", ""}},
		{"a negated auxiliary is no part of the subject",
			"The mayor's aides haven't said much about the plan.",
			spk{"much about the plan", "The mayor's aides", "PERSON", "nominal", ""}},
		{"a document with no issuer is the speaker's source, not the speaker",
			"“A forest that burns every two years is not a forest,” said Dr. Marcelo Andrade, an ecologist.\n\nHe said the area of forest affected by fire this year exceeded 9,000 square kilometres, according to preliminary estimates.",
			spk{"the area of forest", "Marcelo Andrade", "PERSON", "pronoun", ""}},
		{"a description with its complement, then the name between commas",
			"“We have agreed on how much and how fast,” the French minister for ecological transition, Élodie Marchand, told a closing press conference.",
			spk{"We have agreed", "Élodie Marchand", "PERSON", "named", ""}},
		{"a spokesperson for an acronym the tagger missed",
			"A GLAMOS spokesperson said the figures were preliminary.",
			spk{"the figures", "GLAMOS", "ORG", "anonymous", ""}},
		{"a short sentence quoted right after the speaker's quote goes on with the speaker",
			"“Pune has the engineers and the customers,” the industries minister, Sanjay Deshmukh, told reporters. “Now it will.”",
			spk{"Now it will", "Sanjay Deshmukh", "PERSON", "named", ""}},
		{"an estimate stated as a clause is reported speech",
			"The World Health Organization estimates that drug-resistant infections cause more than one million deaths a year.",
			spk{"drug-resistant infections", "World Health Organization", "ORG", "named", ""}},
		{"a dateline joined to the name is no part of the speaker",
			"NEW YORK, April 1 - Halvorsen Trust Corp said it placed 1.4 billion dlrs of loans on non-accrual.",
			spk{"it placed", "Halvorsen Trust Corp", "ORG", "named", ""}},
		{"a company's board speaks for the company",
			"Hughes Tool Co agreed to the merger in January.\n\nThe Hughes board said it might cancel the merger.",
			spk{"it might cancel", "Hughes Tool Co", "ORG", "nominal", ""}},
		{"a call for something is a demand in words",
			"The Public Accounts Committee called for the audit office to be given a free hand.",
			spk{"the audit office", "Public Accounts Committee", "ORG", "named", ""}},
		{"calling on someone to act",
			"Daniel Reyes on Wednesday called on Howard Dean to apologize.",
			spk{"Howard Dean to apologize", "Daniel Reyes", "PERSON", "named", ""}},
		{"a recording is no speaker",
			"Video shows that the man had his hands in the air.",
			spk{"the man had", "", "", "", ""}},
		{"a contracted pronoun",
			"Maria Lopez has run the shop in Phoenix for twenty years. She’s said the rent is now too high to stay.",
			spk{"the rent", "Maria Lopez", "PERSON", "pronoun", ""}},
		{"a bare plural group is never one named entity",
			"Lingdian New Energy, a battery maker, signed the deal with city officials.\n\nLocal officials said the project would create about 6,800 jobs.",
			spk{"the project", "Local officials", "PERSON", "anonymous", ""}},
		{"a person's affiliation is the role",
			"“It would have been a long shot,” said Stephen Vladeck of the University of Texas School of Law.",
			spk{"It would have been", "Stephen Vladeck", "PERSON", "named", "of the University of Texas School of Law"}},
		{"anonymous plural",
			"Analysts said the relief may be temporary because the debt remains high.",
			spk{"the relief", "Analysts", "PERSON", "anonymous", ""}},
		{"according to a group",
			"According to analysts, the runoff will be decided by the voters who backed other candidates.",
			spk{"the runoff", "analysts", "PERSON", "anonymous", ""}},
		{"a person familiar with the matter",
			"A person familiar with the matter said the bank would contribute a further $300 million.",
			spk{"the bank would", "A person familiar with the matter", "PERSON", "anonymous", ""}},
		{"a participle aside before the cue",
			"A Commission official, speaking on condition of anonymity, said the case was exactly what the proposal is meant to address.",
			spk{"the case was", "A Commission official", "PERSON", "anonymous", ""}},
		{"a title with its complement before the name is the person's role, not a description",
			"Secretary of State John Kerry said the talks would resume in Geneva.",
			spk{"the talks", "John Kerry", "PERSON", "named", "Secretary of State"}},
		{"a capitalised title with its complement, then the holder between commas",
			"The Minister of Marine and Blue Economy, Bashir Adamu, said the government wanted to use the new fleet.",
			spk{"the government", "Bashir Adamu", "PERSON", "named", ""}},
		{"a spokesperson for a named body, then the holder between commas",
			"A spokesperson for the Ministry of Health, Jane Doe, said the virus was spreading.",
			spk{"the virus", "Jane Doe", "PERSON", "named", ""}},
		{"an occupation, the name, then the affiliation",
			"Economist Aly-Khan Jiwa of the Nairobi-based Institute of Public Finance said that Kenya's public debt stood at about two-thirds of GDP.",
			spk{"Kenya's public debt", "Aly-Khan Jiwa", "PERSON", "named", "Economist"}},
		{"places joined by and are no speaker",
			"Germany and France have repeatedly called for the embargo to be lifted.",
			spk{"the embargo", "", "", "", ""}},
		{"people inside a place are the people",
			"One operative inside Trump Tower tried to downplay the comments, saying they were not a big deal.",
			spk{"they were not", "One operative inside Trump Tower", "PERSON", "anonymous", ""}},
		{"a name holding a place is a name",
			"POLITICO Florida reported earlier this month that Scott had cut the programs.",
			spk{"earlier this month", "POLITICO Florida", "", "named", ""}},
		{"a plural abbreviation is a group",
			"MPs have urged the BBC to give watchdogs more freedom.",
			spk{"the BBC", "MPs", "PERSON", "anonymous", ""}},
		{"a title keeps its article inside a sentence",
			"The four loopholes he cited are serious, The Hill reported.",
			spk{"The four loopholes", "The Hill", "ORG", "named", ""}},
		{"a time between the subject and its cue is no part of it",
			"RNC spokesman Sean Spicer on Thursday evening said the party was not in a crisis.",
			spk{"the party", "Sean Spicer", "PERSON", "named", "RNC spokesman"}},
		{"a participle clause with its object is no part of the subject",
			"A Korean appliance maker building a $600 million plant in the suburb of Apodaca said it would recycle 80 percent of its water.",
			spk{"it would recycle", "A Korean appliance maker", "ORG", "anonymous", ""}},
		{"a description runs past the place in its complement",
			"The largest electric utility in the Houston area said it would buy power from batteries.",
			spk{"it would buy", "The largest electric utility in the Houston area", "ORG", "nominal", ""}},
		{"an abbreviation after an organisation's name is part of it",
			"CBS DFW reports the man who kidnapped the child was sentenced to life in prison.",
			spk{"the man who", "CBS DFW", "ORG", "named", ""}},
		{"an institution noun before a name the tagger cut",
			"The coalition fell hours after the right-wing Party for Freedom and Renewal announced it would no longer support the government.",
			spk{"it would no longer", "Party for Freedom and Renewal", "ORG", "named", ""}},
		{"a name running on with of the",
			"The Federation of Industries of the State of São Paulo, known as Fiesp, said in a statement on Thursday that it supported the agreement.",
			spk{"it supported", "Federation of Industries of the State of São Paulo", "ORG", "named", ""}},
		{"and joining clauses does not join a name to a place",
			"He was linked with the manager's job at Oldham and Keegan has stated he would not get in the way.",
			spk{"he would not", "Keegan", "", "named", ""}},
		{"those stands for the plural the sentence named",
			"African negotiators returned from the summit with pledges, but those from the Sahel, the arid belt south of the Sahara, said the money was nowhere near enough.",
			spk{"the money", "negotiators from the Sahel", "PERSON", "anonymous", ""}},
		{"the club is the sports club the article named",
			"Atlético Serrano of Córdoba won the Copa Libertadores on Saturday.\n\nFans gathered to celebrate, and the club said the team would parade through the city on Monday.",
			spk{"the team would", "Atlético Serrano", "ORG", "nominal", ""}},
		{"a spokesman for a described body speaks for the body",
			"A spokesman for the government-controlled mining company said cobalt production fell 24 pct.",
			spk{"cobalt production", "the government-controlled mining company", "ORG", "nominal", "spokesman"}},
		{"a month before the subject dates the clause",
			"In April Portugal said it would delay the sale of its airline.",
			spk{"it would delay", "Portugal", "ORG", "named", ""}},
		{"a place after in locates the subject",
			"The Interior Ministry's Border Control Unit in Tripoli said it had closed two crossings.",
			spk{"it had closed", "Border Control Unit", "ORG", "named", ""}},
		{"a place after from locates the person",
			"One of the drivers, Martin Hollis, 41, from Ledbury, Herefordshire, said he had waited nine hours.",
			spk{"he had waited", "Martin Hollis", "PERSON", "named", ""}},
		{"a name the tagger read past the inverted phrase",
			"Exports rose 3% in May, according to the Office for Budget Responsibility.",
			spk{"Exports rose", "Office for Budget Responsibility", "ORG", "named", ""}},
		{"a title for a place is its holder, not the place",
			"The councillor for Hexham West argued the scheme would flood the valley.",
			spk{"the scheme", "The councillor for Hexham West", "PERSON", "nominal", ""}},
		{"a title of a place with the person in apposition",
			"The Roman Catholic Archbishop of Glasgow, the Most Reverend Alan Poole, told reporters that the church would stay open.",
			spk{"the church", "Alan Poole", "PERSON", "named", ""}},
		{"others at a sentence's start names no one",
			"Some traders expected a rebound. Others said the currency would fall further.",
			spk{"the currency", "Others", "PERSON", "anonymous", ""}},
		{"he after a person speaking for a body is that voice",
			"Copper eased in thin trade, a dealer at a U.K. Bank said.\n\nHe said prices would stay in a narrow range.",
			spk{"prices would stay", "U.K. Bank", "ORG", "pronoun", ""}},
		{"an opening phrase of places and times before the subject of saying",
			"At a rally in Dover, Delaware, on Friday, Senator Alma Reyes attacked the bill, saying it would raise fares.",
			spk{"it would raise", "Alma Reyes", "PERSON", "named", ""}},
		{"a place in apposition to an opening place before the subject of saying",
			"In a speech in Bradford, West Yorkshire, the minister defended the scheme, saying it would work.",
			spk{"it would work", "the minister", "PERSON", "nominal", ""}},
		{"a subject dated by a year is the noun, not the year",
			"Acme Corp had a good year. The firm's chairman since 2009 said profits would rise again.",
			spk{"profits would rise", "The firm's chairman", "PERSON", "nominal", ""}},
		{"a dated title before the name between commas",
			"The Liberal candidate in 2019, Marta Ilves, said the count was fair.",
			spk{"the count was fair", "Marta Ilves", "PERSON", "named", ""}},
		{"a body, a title and an untagged name after an inverted cue",
			"\"The pooling of risks will help,\" said Hoare Govett (Far East) Ltd analyst Dana Whitcombe.",
			spk{"The pooling", "Dana Whitcombe", "PERSON", "named", "analyst"}},
		{"a group before its verb and a coordinated cue",
			"Industry groups welcomed the decision but said execution would be the real test.",
			spk{"execution", "Industry groups", "ORG", "anonymous", ""}},
		// issue #19, bad speakers: a place that only locates the subject, a date inside it
		{"the state of a town after the person's preposition is no speaker",
			"Martin Oyelaran of Dayton, Ohio says he will vote for the mayor again.",
			spk{"he will vote", "Martin Oyelaran", "PERSON", "named", ""}},
		{"the state of a town in a described subject, closing comma written",
			"A nurse in Tempe, Arizona, told reporters the clinic had run out of vaccine.",
			spk{"the clinic", "A nurse in Tempe, Arizona", "PERSON", "anonymous", ""}},
		{"a place after a thing's preposition names no one",
			"Prices at the warehouse in Fresno, Calif., indicated that demand was slowing.",
			spk{"demand was slowing", "", "", "", ""}},
		{"a second place after a preposition is no government",
			"Brokers here and in the Far East said the yen had found a floor.",
			spk{"the yen", "", "", "", ""}},
		{"places joined after a preposition are no government",
			"Surveys in Nevada and Oregon showed that turnout was rising.",
			spk{"turnout was rising", "", "", "", ""}},
		{"the day of a date before the subject is no part of its name",
			"In his statement on June 9 Halvorsen said the fund would close.",
			spk{"the fund would close", "Halvorsen", "PERSON", "named", ""}},
		{"the addressee after told is no inverted speaker",
			"Exports will recover by June, Dana Whitfield, president of the growers' association, told Reuters.",
			spk{"Exports will recover", "Dana Whitfield", "PERSON", "named", ""}},
		{"a ratio of people is whole",
			"Seven in 10 Ohio Republican primary voters said the economy mattered most.",
			spk{"the economy", "Seven in 10 Ohio Republican primary voters", "PERSON", "anonymous", ""}},
		{"a document dated by a participle's time phrase is the document's issuer",
			"The Army High Command said the front held. A High Command communique issued after the battle said losses were light.",
			spk{"losses were light", "High Command", "ORG", "nominal", ""}},
		{"the object of a participle's time phrase is no speaker",
			"A statement issued after a board meeting said the dividend would be cut.",
			spk{"the dividend", "", "", "", ""}},
		{"they after a country acting is no country",
			"Chile said its reserves were ample. Its debt burden was heavy, bankers said.\n\nThey added that talks would resume in May.",
			spk{"talks would resume", "bankers", "PERSON", "pronoun", ""}},
		{"they with only a country before names no one",
			"Peru insists its debt payments must be capped.\n\nThe cap, they said, would stay for years.",
			spk{"would stay for years", "", "", "", ""}},
		{"a place alone before its cue is still its government",
			"Norway said it would extend the quota to trawlers.",
			spk{"it would extend", "Norway", "ORG", "named", ""}},
	} {
		got := spoken(t, tc.in)
		var q *article.Quote
		for i := range got {
			if len(got[i].Text) >= len(tc.want.text) && got[i].Text[:len(tc.want.text)] == tc.want.text {
				q = &got[i]
				break
			}
		}
		if q == nil {
			t.Errorf("%s: no quote starting %q in%s", tc.name, tc.want.text, show(got))
			continue
		}
		var name, typ string
		if q.Speaker != nil {
			name, typ = *q.Speaker, *q.SpeakerType
		}
		if name != tc.want.speaker || tc.want.typ != "" && typ != tc.want.typ || tc.want.speaker == "" && typ != "" || q.SpeakerKind != tc.want.kind || tc.want.role != "" && q.Role != tc.want.role {
			t.Errorf("%s: speaker %q %s kind %q role %q; want %q %s kind %q role %q", tc.name,
				name, typ, q.SpeakerKind, q.Role, tc.want.speaker, tc.want.typ, tc.want.kind, tc.want.role)
		}
	}
}

// TestNoSpeechInPledges keeps amounts out of reported speech: "Germany pledged €1.5bn" is money
// promised, not words said, and gives no quote (so no place as its speaker).
func TestNoSpeechInPledges(t *testing.T) {
	for _, s := range []string{
		"Germany pledged €1.5bn, the United Kingdom £750m and the Nordic countries smaller sums.",
		"The summit was convened by France to try to unlock money promised at earlier United Nations conferences but never delivered.",
		"Northlight Studios, the production company behind the show, confirmed the deal.", // an object, not an inverted subject
		"A group of philanthropic foundations promised a combined $1.2bn.",                // an amount past its article
		"Among the hundreds trapped were said to be secondary school pupils.",             // a passive, no one speaking
		"When veterans ask for help, too many of their calls are not getting through.",    // a request, not words
		"Only two of the licences denied under the embargo would have been granted.",      // a participle, not a cue
		// issue #19, bad speakers: nouns and modifiers read as cues put a place or a thing before them
		"The panel included Oregon state Senator Lena Marsh and two mayors.",                     // "state" the noun
		"Voters in Ohio and Michigan, Midwest states that have lost factories, go to the polls.", // "that" relative
		"Veltro did not answer the Gazette's repeated requests for comment.",                     // an adjective
		"The firm fell short of Rexon's stated goal of a million units.",                         // an adjective
		"In 1992, Sun Belt states Arizona, Nevada and Texas all backed the plan.",                // a plural noun
		// issue #19, plural nouns read as speech verbs
		"Mendez rallied voters with his calls to end the \"rigged market\" that he says hurts them.",
		"The sale will begin with the auction on Tuesday, March 24 of 8 billion dlrs of two-year notes. That will be followed on Thursday by more.",
		// issue #19, titles in quotation marks: the name of a work or a thing, not words said
		"Hollis hosts a radio show called “Traders,” which airs on Sundays.",
		"The campaign released a memo titled \"Where the Race Stands.\"",
		"Her first novel “Salt Harbour” sold poorly.",
	} {
		if got := spoken(t, s); len(got) != 0 {
			t.Errorf("%q: got quotes%s", s, show(got))
		}
	}
}
