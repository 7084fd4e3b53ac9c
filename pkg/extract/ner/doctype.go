package ner

import (
	"sort"
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
	"github.com/newsmon/newsmon/pkg/text"
)

// The document-level typing step reads the model's mentions of a whole article as a careful reader
// does: a name has one type in a document, decided by all its mentions and by the strongest
// evidence any of them carries — a legal form ("GmbH", "S.A."), an organisation's head word
// ("Railways", "Partido", "Fundación", "Rugby"), a class noun before or in apposition ("the think
// tank X", "X, a family-owned chipmaker"), a title ("Senator X"), "the" before a one-word name (no
// person takes it: "the Rhône", "the Bundestag"), a place noun after it ("the X plateau"), and what
// is known of names (common first names, company names, knowledge/). It also keeps names whole
// across "of" and possessives ("2023 World Internet of Things Exposition", "Newell’s Old Boys"),
// takes a title word off a person's name ("Economist X" → X, role "Economist"), and drops dates,
// currency codes, common acronyms and portfolios in titles the model took for names ("Nov 17",
// "CHF", "AI", "Health" in "Deputy Health Minister X").
//
// It runs in Tagger.Extract and Tagger.Tag only: Model.TagText, which `newsmon eval ner` scores on
// CoNLL-2003 and OntoNotes, is the model alone, so those figures do not move.

// Type indexes of evidence, in docs/contracts.md §1 types.
const (
	tiPerson = iota
	tiOrg
	tiPlace
	tiMisc
	tiEvent
	nTypeIdx
)

var typeByIndex = [nTypeIdx]string{article.TypePerson, article.TypeOrg, article.TypePlace, article.TypeMisc, article.TypeEvent}

func typeIndex(typ string) int {
	for i, t := range typeByIndex {
		if t == typ {
			return i
		}
	}
	return -1
}

// Evidence weights: one model vote per mention; a cue in the text outweighs any plausible number of
// votes, and what the name itself says (a legal form) outweighs a cue.
const (
	cueWeight  = 10
	weakWeight = 5
	nameWeight = 20
)

// evidence is what a mention's context says of its name's type.
type evidence struct {
	score     [nTypeIdx]int
	notPerson bool // "the Rhône": no person is written with an article
	titled    bool // a title, an honorific or a role says it is a person
	work      bool // a work's class noun says it is a title ("the thriller X"): no short form of a person
	occasion  bool // the words before it read it as an occasion ("the 2019 X", "during the X")
	quoted    bool // it stands alone in quotation marks, as titles do ("the podcast “Ground Game”")
	sport     bool // the text is sports copy (isSportText), which names players by surname alone
}

func (e *evidence) add(o evidence) {
	for k, v := range o.score {
		e.score[k] += v
	}
	e.notPerson = e.notPerson || o.notPerson
	e.titled = e.titled || o.titled
	e.work = e.work || o.work
	e.occasion = e.occasion || o.occasion
	e.quoted = e.quoted || o.quoted
	e.sport = e.sport || o.sport
}

// Word lists of the typing step. They are data read by rules over whole names, not model features
// (lexicon.go's lists are features: changing them would change what the trained models see).
var (
	// orgHeadWords make a name an organisation wherever they stand in it, in the languages news
	// quotes names in. lexicon.go's orgWords count too.
	orgHeadWords = wordSet(`Railways Railway Airways Airlines Association Policy Institute Council Party
Partido Partit Parti Partei Partito Fundació Fundación Fundação Fondation Fondazione Stiftung Foundation
Rugby Athletics Football Cricket Hockey Basketball Volleyball Cycling Club Unidos Unidas Nacional
Nacionales Nationale Atlético Atletico Deportivo Grêmio Gremio Sporting Racing Athletic Rovers Wanderers
FC CF SC AC Alianza Aliança Alleanza Frente Movimiento Movimento Mouvement Unión União Minera Mining
Minerals Energía Energia Petróleos Petrobras Grupo Gruppe Groupe Holdings Research Ventures Securities
Compañía Companhia Compagnie Empresa Empresas Sociedad Sociedade Société Gesellschaft Asociación
Associação Federación Federação Fédération Confederación Confederação Confédération Instituto Institut
Universidad Universidade Université Universität Università Ministerio Ministério Ministère Ministerium
Banco Banque Bancorp Agencia Agência Comisión Comissão Consejo Conselho Conseil Tribunal Corte Cámara
Câmara Chambre Senado Sénat Assemblée Asamblea Congreso Bundestag Bundesrat Bundesbank Reichstag Knesset
Duma Sejm Riksdag Storting Folketing Eduskunta Cortes Majlis Seimas Saeima Sabor Skupština Verkhovna
Rada Oireachtas Dáil Althing Jatiya Lok Sabha Diet Kokkai Yuan Legislative Hurriyat`)
	// mediaHeadWords end the names of news outlets and agencies, which models often read as places
	// ("Asia Pacific Wire", "Gulf News").
	mediaHeadWords = wordSet(`Wire News Post Times Herald Tribune Gazette Journal Chronicle Telegraph Observer
Press Radio Television TV Broadcasting Media Daily Weekly Review Monitor Standard Guardian Independent
Express Mail Mirror Courier Dispatch Bulletin Reporter Insider Agency Newswire Newsweek Today`)
	// eventHeadWords end event names; a capitalised run ending in one is one event name, "of" and
	// "&" included ("World Internet of Things Exposition").
	eventHeadWords = wordSet(`Exposition Expo Summit Conference Forum Festival Fair Games Olympics Olympiad
Championship Championships Marathon Convention Biennale Biennial Exhibition Symposium Tournament Congress
Cup Awards Week`)
	// orgClassNouns name what an organisation is: "the think tank X", "X, a family-owned chipmaker".
	orgClassNouns = wordSet(`company companies firm group maker chipmaker carmaker automaker drugmaker
steelmaker shipbuilder producer manufacturer supplier miner operator lender bank insurer retailer carrier
airline developer conglomerate startup start-up subsidiary venture party coalition alliance club team
charity organisation organization ngo agency regulator union association federation institute foundation
broadcaster newspaper network exchange fund utility consortium watchdog tank university college ministry
council parliament outlet publisher brand business giant provider holding side confederation movement
cooperative co-operative trust label band orchestra concern`)
	// placeClassNouns name what a place is: "the river Po", "the X plateau".
	placeClassNouns = wordSet(`river rivers lake mountain mountains volcano island islands city town village
province region state country district county municipality capital port plateau valley desert basin
glacier sea bay gulf peninsula coast delta canyon strait canal reservoir forest park mount range massif`)
	// miscClassNouns name things that are neither: "the constellation Taurus".
	miscClassNouns = wordSet(`constellation planet galaxy comet asteroid moon spacecraft probe telescope
satellite rocket ship vessel tanker species drug vaccine molecule virus bacterium strain album film
book song liner ferry freighter warship frigate cruiser submarine trawler`)
	// holidayNames are feasts and holidays, which the model may read as people: "the Easter recess".
	holidayNames = wordSet(`Easter Christmas Thanksgiving Ramadan Passover Hanukkah Diwali Pentecost Whitsun
Eid Lent Advent`)
	// personTrades are orgClassNouns that name a person's trade too: "publisher Robert Maxwell".
	personTrades = wordSet(`publisher producer developer operator broadcaster`)
	// fieldNouns after a name make it an oil or gas field, a place: "the Ekofisk field", "the Cano
	// Limon oilfield" — with oil or gas words near (oilContext): "the Republican field" is the
	// party's candidates, "a Tucker field goal" a kick.
	fieldNouns = wordSet(`field fields oilfield oilfields gasfield`)
	// oilWords near "field" make it an oil or gas field.
	oilWords = wordSet(`oil gas crude bpd barrels barrel offshore drilling reserves output production
operator licence license block wells well pipeline condensate`)
	// outletNouns after a name make it a news outlet: "the official Tanjug news agency", "the
	// Kuwaiti al-Qabas newspaper".
	outletNouns = wordSet(`agency newspaper daily weekly`)
	// waterWords near "the X" say X is a river, lake or sea: "feeds the Rhine, the Rhône and the Po,
	// which supply drinking water".
	waterWords = wordSet(`river rivers water waters meltwater banks bank valley basin delta flows flow flowed
feeds fed estuary tributary upstream downstream shore shores flood floods flooding glacier glaciers
lake sea coast navigable dam forest forests rainforest deforestation jungle`)
	// calendarWords are never names: months, their abbreviations, weekdays.
	calendarWords = wordSet(`January February March April May June July August September October November
December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept.
Oct. Nov. Dec. Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs
Fri Sat Sun`)
	// currencyCodes are ISO 4217 codes news quotes amounts in; an amount is not a name.
	currencyCodes = wordSet(`USD EUR GBP JPY CNY RMB CHF CAD AUD NZD HKD SGD INR KRW BRL MXN ARS CLP COP PEN
UYU BOB PYG VES ZAR NGN KES UGX TZS GHS EGP MAD TND ETB XOF XAF TRY RUB UAH SEK NOK DKK ISK PLN CZK HUF RON
BGN ILS SAR AED QAR KWD BHD OMR JOD THB IDR MYR PHP VND TWD PKR BDT LKR NPR KZT`)
	// commonAcronyms are upper-case common nouns, not names of anything.
	commonAcronyms = wordSet(`AI GDP GNP IPO CEO CFO COO CTO EV EVs LNG LPG VAT GMT UTC HQ PR IT ESG FDI PhD
MBA ETF ETFs NGO NGOs SUV SUVs CPI PMI IoT API OTC DNA RNA HIV TB PM AM MW GW GWh MWh KW KWh CO2 AGM EGM
QR ID IDs PC PCs TV OK ICU ICUs MEP MEPs MP MPs MRSA GPS SMS ATM ATMs LED LCD EST EDT CST CDT MST MDT PST PDT
BST CET CEST JST`)
	// diseaseNames are common nouns of illnesses the models take for names ("Covid-19" → a place
	// "Covid"); annotators and OntoNotes leave diseases out.
	diseaseNames = wordSet(`Covid COVID Covid-19 COVID-19 SARS-CoV-2 Ebola Mpox`)
)

// tokenSpan returns the tokens [i, j) that a mention's byte span [start, end) covers.
func tokenSpan(toks []token, start, end int) (int, int) {
	i := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= start })
	j := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= end })
	return i, j
}

// reshape fixes mentions' extents before they are typed: it drops dates, amounts' currency codes
// and common acronyms, takes titles off people's names, trims trailing dates off names, and joins
// names the model split at "of", "&" or a possessive.
func (t *Tagger) reshape(s string, toks []token, cands []candidate) []candidate {
	k := loadKnowledge()
	out := cands[:0]
	for _, c := range cands {
		i, j := tokenSpan(toks, c.start, c.end)
		if i >= j {
			out = append(out, c)
			continue
		}
		if isCalendarMention(toks, i, j) || isAmountOrAcronym(toks, i, j) {
			continue
		}
		// "NEW YORK, April 1 - Manufacturers Hanover Corp said": the dateline's date is not part
		// of the name that follows it.
		if e := datelineDateEnd(toks, i, j); e > i {
			i = e
		} else if e := datelinePartEnd(s, toks, i, j); e > i {
			i = e // "N.J. - FW Woolworth Co", "APRIL 1 - Dutch", "4 - Pacific Telesis Group"
		}
		// "NEW YORK, April 1 -": the model may tag only the dateline's last word; the upper-case
		// words before it on the line are the place's too.
		if i > 0 && isUpperWord(toks[i].Text) && t.places != nil {
			k0 := i
			for k0 > 0 && isUpperWord(toks[k0-1].Text) && spaceGap(s, toks[k0-1], toks[k0]) && k0 > i-3 {
				k0--
			}
			if k0 < i && (k0 == 0 || strings.Contains(s[toks[k0-1].End:toks[k0].Start], "\n")) {
				if name := titleCase(s[toks[k0].Start:toks[j-1].End]); t.places.IsPlace(name) {
					i = k0
					c.typ = article.TypePlace
					c.start, c.end, c.name = toks[i].Start, toks[j-1].End, name
				}
			}
		}
		// "told Africa Today": a place followed by an outlet's head word is the outlet's name.
		if c.typ == article.TypePlace && j < len(toks) && mediaHeadWords[toks[j].Text] && capClass(toks[j].Text) == capInit &&
			spaceGap(s, toks[j-1], toks[j]) && (j+1 >= len(toks) || capClass(toks[j+1].Text) != capInit) {
			j++
			c.typ = article.TypeOrg
		}
		// "The Hague": a place whose name opens with a capitalised article.
		// (Mid-sentence only: "The Netherlands is …" opens a sentence with an ordinary article.)
		if c.typ == article.TypePlace && i > 1 && toks[i-1].Text == "The" && spaceGap(s, toks[i-1], toks[i]) &&
			spaceGap(s, toks[i-2], toks[i-1]) && (text.IsWord(toks[i-2].Text) || toks[i-2].Text == ",") &&
			t.places != nil && t.places.IsPlace("The "+s[toks[i].Start:toks[j-1].End]) {
			i--
		}
		// "51 billion U.S. Dlrs", "2,000 Ecus": an amount of money is no name; the country
		// before the currency stays a place.
		if ni, nj, ok := t.currencyExtent(toks, i, j); ok {
			if ni == nj {
				continue
			}
			if nj-ni == 1 && isDottedAbbreviation(toks[ni].Text) && !t.isCountryLead(toks[ni].Text) {
				continue // "H.K. Dlrs": a currency's country the gazetteer does not know
			}
			i, j = ni, nj
			if j-i == 1 && t.isCountryLead(toks[i].Text) {
				c.typ = article.TypePlace
				if t.isNationality(toks[i].Text) {
					c.typ = article.TypeMisc
				}
			}
		}
		// "Ireland 100,000 (200,000)": a table's figure is no part of the place before it.
		if t.figureAfterPlace(s, toks, i, j) {
			j--
			c.typ = article.TypePlace
		}
		// "NORTHBROOK, ILL., March 26 -": a dateline's state after its town; "ECUADOR nil
		// 10,010": a table's row of a country in capitals. Places, not bodies.
		if (c.typ == article.TypeOrg || c.typ == article.TypeMisc) && t.upperCasePlace(s, toks, i, j) {
			c.typ = article.TypePlace
		}
		// "Suzhou Marathon on Sunday": the day is not part of the name.
		for j-i > 2 && calendarWords[toks[j-1].Text] && isConnector(toks[j-2].Text) {
			j -= 2
		}
		// "Daniel Suarez 846 0 1 4 11": a table row's figures are not part of the name (one
		// number may be: "Ariane 6", "Nikkei 225").
		if n := trailingNumbers(toks, i, j); n >= 2 && j-n > i {
			j -= n
		}
		// "Blue Jackets 5, Canadiens 2: …": a result line's score is not part of the name.
		if j-i > 1 && text.IsNumber(toks[j-1].Text) && isScoreLine(toks, j) {
			j--
		}
		// "beating Grêmio Fluminense 2-1": the score is not part of the name.
		if j-i > 1 && j+1 < len(toks) && text.IsNumber(toks[j-1].Text) && (toks[j].Text == "-" || toks[j].Text == "–") &&
			toks[j].Start == toks[j-1].End && text.IsNumber(toks[j+1].Text) {
			j--
		}
		// "Kunshan's Party secretary": the body is the place's; the mention is the place.
		if c.typ != article.TypePerson && j-i >= 3 && isPossessive(toks[j-2].Text) && genericNames[toks[j-1].Text] {
			j -= 2
			if t.places != nil && t.places.IsPlace(s[toks[i].Start:toks[j-1].End]) {
				c.typ = article.TypePlace
			}
		}
		// "the long Easter weekend": a holiday is a date, as OntoNotes has it, no person or body.
		if c.typ != article.TypeEvent && c.typ != article.TypeMisc && j-i == 1 && holidayNames[toks[i].Text] {
			continue
		}
		if c.typ == article.TypePerson {
			// "Economist Aly-Khan Jiwa", "Senator X": the title is a role, not part of the name.
			k0 := i
			for k0+1 < j && t.isLeadingTitle(toks[k0].Text, k) && capClass(toks[k0+1].Text) != capLower {
				k0++
			}
			if k0 > i {
				if c.role == "" {
					c.role = s[toks[i].Start:toks[k0-1].End]
				}
				c.personCue = true
				c.ev.titled = true
				i = k0
			}
		}
		end := toks[j-1].End
		if j-i >= 3 && toks[j-1].Text == "S." && slashedLegalForm(toks, j-2) {
			end-- // "Saga Petroleum A/S." at a sentence's end: the period is the sentence's
		}
		if start := toks[i].Start; start != c.start || end != c.end {
			c.start, c.end = start, end
			c.name = strings.Join(strings.Fields(s[start:end]), " ")
		}
		out = append(out, c)
	}
	out = t.dropTitleParts(toks, out)
	out = t.joinEventRuns(s, toks, out)
	out = t.joinPossessives(s, toks, out, k)
	out = t.joinAndNames(s, toks, out, k)
	out = t.joinLegalTails(s, toks, out, k)
	out = t.splitAndRuns(s, toks, out, k)
	out = t.splitCountryLeads(s, toks, out)
	out = t.splitPersonOfBody(s, toks, out, k)
	out = t.joinClubNames(s, toks, out, k)
	out = t.joinInstitutions(s, out)
	return t.trimPersonLeads(s, toks, t.extendBrandProducts(s, toks, t.extendToLongerForms(s, toks, t.readNameKinds(s, toks, t.splitJoinedNames(s, toks, out)))))
}

// splitJoinedNames splits a mention that joins names with a separator no name holds: "Reuters/Ipsos",
// "USC Dornsife/Los Angeles Times" (pollsters of one poll), "… Goal: Alarm Management |ECRI" (a
// reference's parts); and takes a person's title off a body's name: "Founder of Ceres Robotics
// Inc.", "General Manager of Life Care Solutions Europe" — the body is what follows "of".
func (t *Tagger) splitJoinedNames(s string, toks []token, cands []candidate) []candidate {
	var out []candidate // nil until a mention changes: most documents have none
	for n, c := range cands {
		titled := false
		if c.typ == article.TypeOrg && strings.Contains(c.name, " of ") {
			first, _, _ := strings.Cut(c.name, " ")
			titled = t.lex.titles[first] || t.lex.roleWords[strings.ToLower(first)]
		}
		joined := c.typ != article.TypePerson && strings.ContainsAny(s[c.start:c.end], "/:|") && !slashedFormOnly(toks, c, s)
		// "Washington, DC": a town and its state or country are two places.
		if c.typ == article.TypePlace && !joined && t.places != nil {
			if a, b, ok := strings.Cut(s[c.start:c.end], ", "); ok && t.places.IsPlace(a) && t.places.IsPlace(b) {
				if out == nil {
					out = append(make([]candidate, 0, len(cands)+2), cands[:n]...)
				}
				first, second := c, c
				first.end, first.name = c.start+len(a), a
				second.start, second.name = c.end-len(b), b
				out = append(out, first, second)
				continue
			}
		}
		// "Black Friday and Cyber Monday": two events listed, each of capitalised words.
		if c.typ == article.TypeEvent && !joined {
			if a, b, ok := strings.Cut(s[c.start:c.end], " and "); ok && isCapitalisedRun(a) && isCapitalisedRun(b) {
				if out == nil {
					out = append(make([]candidate, 0, len(cands)+2), cands[:n]...)
				}
				first, second := c, c
				first.end = c.start + len(a)
				first.name = strings.Join(strings.Fields(a), " ")
				second.start = c.end - len(b)
				second.name = strings.Join(strings.Fields(b), " ")
				out = append(out, first, second)
				continue
			}
		}
		if !titled && !joined {
			if out != nil {
				out = append(out, c)
			}
			continue
		}
		if out == nil {
			out = append(make([]candidate, 0, len(cands)+2), cands[:n]...)
		}
		i, j := tokenSpan(toks, c.start, c.end)
		if titled {
			k := i
			for k < j && capClass(toks[k].Text) != capLower && (t.lex.titles[toks[k].Text] || t.lex.roleWords[strings.ToLower(toks[k].Text)]) {
				k++
			}
			if k > i && k+2 < j && toks[k].Text == "of" {
				i = k + 1
				c = part(s, toks, c, i, j)
			}
		}
		from := i
		split := false
		for k := i; joined && k < j; k++ {
			if w := toks[k].Text; (w == "/" || w == ":" || w == "|") && !slashedLegalForm(toks, k) {
				if k > from {
					out = append(out, part(s, toks, c, from, k))
				}
				from, split = k+1, true
			}
		}
		if !split {
			out = append(out, c)
			continue
		}
		if from < j {
			out = append(out, part(s, toks, c, from, j))
		}
	}
	if out == nil {
		return cands
	}
	return out
}

// slashedLegalForm reports a "/" at toks[k] inside a Scandinavian legal form written with one, "A/S"
// ("Norsk Hydro A/S", "A/S Norske Shell"): single capitals on both sides, no space between.
func slashedLegalForm(toks []token, k int) bool {
	if k == 0 || k+1 >= len(toks) || toks[k].Text != "/" {
		return false
	}
	a, b := toks[k-1], toks[k+1]
	bt := strings.TrimSuffix(b.Text, ".") // "A/S." at a sentence's end
	return len(a.Text) == 1 && len(bt) == 1 && isUpperWord(a.Text+bt) && a.End == toks[k].Start && toks[k].End == b.Start
}

// slashedFormOnly reports a mention whose only separators are the slashes of legal forms ("A/S").
func slashedFormOnly(toks []token, c candidate, s string) bool {
	if strings.ContainsAny(s[c.start:c.end], ":|") {
		return false
	}
	i, j := tokenSpan(toks, c.start, c.end)
	for k := i; k < j; k++ {
		if toks[k].Text == "/" && !slashedLegalForm(toks, k) {
			return false
		}
	}
	return true
}

// isCapitalisedRun reports two or more words, each capitalised: "Black Friday".
func isCapitalisedRun(p string) bool {
	words := 0
	for _, w := range strings.Fields(p) {
		if cc := capClass(w); cc != capInit && cc != capAll && cc != capMixed {
			return false
		}
		words++
	}
	return words >= 2
}

// part is candidate c cut to tokens [i, j).
func part(s string, toks []token, c candidate, i, j int) candidate {
	c.start, c.end = toks[i].Start, toks[j-1].End
	c.name = strings.Join(strings.Fields(s[c.start:c.end]), " ")
	return c
}

// institutionHeads end the names of institutions that take a place after "of" or before them:
// "Central Bank of Kenya", "Public Utility Commission of Texas", "Hong Kong Polytechnic University".
var institutionHeads = wordSet(`Bank Commission Chamber Council Authority Agency Ministry Department University
College Institute Office Court Board Committee Bureau Service Society Academy Museum Library Railway Railways
Airlines Airways Party Association Foundation Federation Corporation Company Police Army Navy Assembly
Parliament Senate Government Administration Commissioner Tribunal Fund Exchange Polytechnic`)

// joinInstitutions keeps institutions' names whole where the model split off a place: an
// institution followed by "of" and a place ("Central Bank" + "of Kenya"), a place right before one
// ("Hong Kong" + "Polytechnic University"); and a party named with a lower-case "party" ("the
// Communist party").
func (t *Tagger) joinInstitutions(s string, cands []candidate) []candidate {
	out := cands[:0]
	for n := 0; n < len(cands); n++ {
		c := cands[n]
		if n+1 < len(cands) {
			d := cands[n+1]
			gap := ""
			if c.end <= d.start {
				gap = s[c.end:d.start]
			}
			switch {
			case c.typ == article.TypeOrg && d.typ == article.TypePlace && gap == " of " && institutionHeads[lastOfSeveral(c.name)],
				c.typ == article.TypePlace && d.typ == article.TypeOrg && gap == " " && institutionHeads[lastOfSeveral(d.name)] &&
					!strings.Contains(s[c.start:d.end], "\n"):
				c.end, c.typ = d.end, article.TypeOrg
				c.name = strings.Join(strings.Fields(s[c.start:c.end]), " ")
				c.ev.add(d.ev)
				c.personCue, c.role = false, ""
				n++
			case (gap == " of " || gap == " on " || gap == " for ") && c.typ != article.TypePerson && (d.typ == article.TypeOrg || d.typ == article.TypePlace) &&
				!(gap == " on " && d.typ == article.TypePlace) && // "Hofstra University on Long Island": where it is
				!strings.Contains(c.name, gap) && !strings.Contains(d.name, " of ") && t.joinsAcross(c.name) != "":
				// "World Conference" + "on Ocean Plastics", "Festival" + "of Lights": a head noun of
				// an occasion or a body keeps what follows the connector in its name (nameheads.go).
				typ := t.joinsAcross(c.name)
				c.end, c.typ = d.end, typ
				c.name = strings.Join(strings.Fields(s[c.start:c.end]), " ")
				c.personCue, c.role = false, ""
				n++
			case placeJoins[gap] && c.typ != article.TypePerson && d.typ != article.TypePerson && t.places != nil &&
				t.places.IsPlace(s[c.start:d.end]):
				// "São Bernardo" + "do" + "Campo", "St." + "Louis" (cut at the abbreviation's
				// full stop): one place the gazetteer knows whole.
				c.end, c.typ = d.end, article.TypePlace
				c.name = strings.Join(strings.Fields(s[c.start:c.end]), " ")
				n++
			}
		}
		// "the Communist party", "the Democratic Progressive party".
		if (c.typ == article.TypeOrg || c.typ == article.TypeMisc) && strings.HasPrefix(s[c.end:], " party") &&
			(len(s) == c.end+6 || !isLetterByte(s[c.end+6])) {
			c.end += 6
			c.name += " party"
			c.typ = article.TypeOrg
		}
		out = append(out, c)
	}
	return out
}

// placeJoins are the gaps a place's name may hold between two mentions the model made of it.
var placeJoins = map[string]bool{" ": true, " do ": true, " da ": true, " de ": true, " dos ": true, " das ": true, " del ": true}

// lastOfSeveral returns the last word of a name of two or more words, or "".
func lastOfSeveral(name string) string {
	if k := strings.LastIndexByte(name, ' '); k >= 0 {
		return name[k+1:]
	}
	return ""
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }

// dropTitleParts drops a portfolio of up to three words that the model took for a body when it is
// part of a person's title: "Deputy Health Minister Sipho Ndlovu", "Treasury Cabinet Secretary
// Joseph Mbugua" — the title is the person's role, not a mention of a ministry. A place keeps its
// mention ("Kenya's President X" is about Kenya too), and so does a body's full name ("Ministry of
// Health Director X").
// hasLowerWord reports a lower-case word among tokens [i, j): "of", "and" in a body's full name.
func hasLowerWord(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if text.IsWord(toks[k].Text) && capClass(toks[k].Text) == capLower {
			return true
		}
	}
	return false
}

// titleKeepsBody are bodies a title may name that are mentions of their own: "Senate President X"
// speaks of the Senate, "Health Minister X" of no body called Health.
var titleKeepsBody = wordSet(`Senate Parliament Assembly Congress House Party Council Court Commission
Committee Army Navy Police Bank Board`)

func (t *Tagger) dropTitleParts(toks []token, cands []candidate) []candidate {
	// From the end, so that "Treasury" sees the person once "Cabinet" before it has gone.
	drop := make([]bool, len(cands))
	next := -1 // the next kept candidate
	for n := len(cands) - 1; n >= 0; n-- {
		c := cands[n]
		if (c.typ == article.TypeOrg || c.typ == article.TypeMisc) && next >= 0 && cands[next].typ == article.TypePerson {
			i, j := tokenSpan(toks, c.start, c.end)
			k, titled := j, false
			if j-i > 3 || titleKeepsBody[toks[i].Text] || hasLowerWord(toks, i, j) { // "Ministry of Health Director X", "Senate President X"
				k = len(toks)
			}
			for k < len(toks) && k-j < 4 && capClass(toks[k].Text) == capInit &&
				(t.lex.titles[toks[k].Text] || t.lex.orgWords[toks[k].Text]) {
				titled = titled || t.lex.titles[toks[k].Text]
				k++
			}
			if titled && k < len(toks) && cands[next].start == toks[k].Start {
				drop[n] = true
				continue
			}
		}
		next = n
	}
	out := cands[:0]
	for n, c := range cands {
		if !drop[n] {
			out = append(out, c)
		}
	}
	return out
}

// isLeadingTitle reports a capitalised title or role word that may open a person's name as the
// model found it, unless it is also a common first name ("Dean", "Major") — those only when they
// are titles proper.
func (t *Tagger) isLeadingTitle(w string, k *knowledge) bool {
	if capClass(w) != capInit && capClass(w) != capAll {
		return false
	}
	if t.lex.honorifics[w] {
		return true
	}
	if royalTitles[w] {
		return true
	}
	if k.firstNames[w] {
		return false
	}
	return t.lex.titles[w] || t.lex.roleWords[strings.ToLower(w)]
}

// royalTitles open a sovereign's name ("King Willem-Alexander", "Queen Margrethe"); the census
// lists them as given names too, but before a name they are titles.
var royalTitles = wordSet(`King Queen Emperor Empress Sultan Emir Sheikh Pope Tsar Shah`)

// isCalendarMention reports a mention made of month or weekday words and numbers only, with a
// number or an abbreviation among them: "Nov 17", "Sept.", "17 Nov" — a date, never a name.
func isCalendarMention(toks []token, i, j int) bool {
	dated := false
	for k := i; k < j; k++ {
		w := toks[k].Text
		switch {
		case calendarWords[w] || isUpperWord(w) && len(w) > 2 && calendarWords[titleCase(w)]: // "APRIL 9"
			dated = dated || strings.HasSuffix(w, ".") // "Sept.", not "Sun" or "May" alone
		case text.IsNumber(w) || w == "," || w == "-" || k > i && dayNumberWords[w]:
			dated = true // ("March Three": wire copy spells small numbers out)
		default:
			return false
		}
	}
	if !dated && j < len(toks) && text.IsNumber(toks[j].Text) {
		dated = true
	}
	if !dated && i > 0 && text.IsNumber(toks[i-1].Text) {
		dated = true
	}
	return dated
}

// isAmountOrAcronym reports "CHF", "CHF 15m", "AI": a currency code alone or with an amount, or a
// common noun's acronym.
func isAmountOrAcronym(toks []token, i, j int) bool {
	w := toks[i].Text
	if j-i == 1 && (currencyCodes[w] || commonAcronyms[w]) {
		return true
	}
	if diseaseNames[w] {
		// "Covid", "Covid-19" ("Covid" "-" "19" as the model's corpus splits it).
		for k := i + 1; k < j; k++ {
			if tw := toks[k].Text; tw != "-" && !text.IsNumber(tw) {
				return false
			}
		}
		return true
	}
	if currencyCodes[w] {
		for k := i + 1; k < j; k++ {
			if capClass(toks[k].Text) != capHasDigit && capClass(toks[k].Text) != capDigits {
				return false
			}
		}
		return true
	}
	return false
}

// isScoreLine reports a result's score ending at token j: "Blue Jackets 5, Canadiens 2:" — the
// number before j is followed by ":" or by ", Name(s) N:".
func isScoreLine(toks []token, j int) bool {
	if j >= len(toks) {
		return false
	}
	if toks[j].Text == ":" {
		return true
	}
	if toks[j].Text != "," {
		return false
	}
	for k := j + 1; k < len(toks) && k <= j+5; k++ {
		switch w := toks[k].Text; {
		case text.IsNumber(w):
			return k > j+1 && k+1 < len(toks) && toks[k+1].Text == ":"
		case capClass(w) != capInit && capClass(w) != capMixed:
			return false
		}
	}
	return false
}

// groupPlurals are capitalised plurals naming believers and parties' members, not clubs.
var groupPlurals = wordSet(`Muslims Christians Catholics Protestants Jews Hindus Buddhists Sikhs Sunnis Shias
Shiites Evangelicals Mormons Baptists Methodists Anglicans Orthodox Millennials Boomers Democrats Republicans
Conservatives Liberals Socialists Greens`)

// isGroupPlural reports a capitalised plural that may name a team ("Islanders", "Bruins"): not a
// nationality, a believer, a place or a given name.
func (t *Tagger) isGroupPlural(w string, k *knowledge) bool {
	return len(w) > 4 && capClass(w) == capInit && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "'s") && !t.isNationality(w) && !groupPlurals[w] && !k.firstNames[w] &&
		!placeClassNouns[strings.ToLower(w)] && !calendarWords[w] && !(t.places != nil && t.places.IsPlace(w)) &&
		wordclass.NameHead(w) != wordclass.Occasion // "Sydney Olympics", "Dubai Championships": events
}

// isTeamName reports a place followed by a capitalised plural or a club's suffix: "New York
// Islanders", "Boston Bruins", "Stoke City" — a club, not the place ("Cayman Islands", "Kansas
// City", places as a whole, are none).
func (t *Tagger) isTeamName(words []string, k *knowledge) bool {
	if len(words) < 2 || len(words) > 4 || t.places == nil {
		return false
	}
	last := words[len(words)-1]
	if !clubSuffixes[last] && (!t.isGroupPlural(last, k) || mediaHeadWords[last]) {
		return false
	}
	name := strings.Join(words, " ")
	return !t.places.IsPlace(name) && t.places.IsPlace(strings.Join(words[:len(words)-1], " "))
}

// datelineDateEnd returns the token after a date and dash opening tokens [i, j) — "April 1 -" in
// "April 1 - Manufacturers Hanover Corp" — or i when there is none.
func datelineDateEnd(toks []token, i, j int) int {
	if j-i < 4 || !calendarWords[toks[i].Text] {
		return i
	}
	k := i + 1
	for k < j && (text.IsNumber(toks[k].Text) || toks[k].Text == ",") {
		k++
	}
	if k == i+1 || k+1 >= j || toks[k].Text != "-" && toks[k].Text != "–" && toks[k].Text != "—" {
		return i
	}
	return k + 1
}

// datelinePartEnd returns the token after a spaced dash in tokens [i, j) when all before it is a
// dateline's tail — a state abbreviation, an upper-case month, a day number — and a capitalised
// name follows; else i. The model sometimes runs a name back over the dateline it follows.
func datelinePartEnd(s string, toks []token, i, j int) int {
	for k := i + 1; k+1 < j && k-i <= 4; k++ {
		t := toks[k].Text
		if t == "-" || t == "–" || t == "—" {
			if !spaceGap(s, toks[k-1], toks[k]) || !spaceGap(s, toks[k], toks[k+1]) || capClass(toks[k+1].Text) == capLower {
				return i
			}
			return k + 1
		}
		if !datelineWord(t) {
			return i
		}
	}
	return i
}

// datelineWord is a token a dateline's tail is made of: a number, a comma, an upper-case word or
// month, an abbreviation with a full stop ("N.J.", "Calif.").
func datelineWord(t string) bool {
	return text.IsNumber(t) || t == "," || isUpperWord(t) || calendarWords[t] ||
		strings.HasSuffix(t, ".") && len(t) <= 6 && unicode.IsUpper(rune(t[0]))
}

// isUpperWord reports an upper-case word of two or more letters ("NEW", "YORK").
func isUpperWord(w string) bool {
	if len(w) < 2 {
		return false
	}
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsLetter(r):
			return false
		}
	}
	return letters >= 2 && text.IsWord(w)
}

// trailingNumbers counts the bare numbers ending tokens [i, j).
func trailingNumbers(toks []token, i, j int) int {
	n := 0
	for j-n > i && text.IsNumber(toks[j-n-1].Text) {
		n++
	}
	return n
}

func isConnector(w string) bool {
	return w == "on" || w == "in" || w == "at" || w == "of"
}

// orgRunHeads end company and body names that hold "and" or "of" ("China Road and Bridge
// Corporation"), which the model may split into a place and an organisation.
var orgRunHeads = wordSet(`Corporation Company Corp Corp. Group Holdings Authority Association Federation`)

// joinEventRuns makes a capitalised run that ends in an event head word one event mention, across
// "of", "&", "and", "for" and a year before it: "the 2023 World Internet of Things Exposition",
// which the model may split ("2023 World Internet" + "Things Exposition") or miss. Mentions inside
// the run are replaced by it; a mention reaching outside it leaves the run alone. A run ending in
// an organisation's head word or legal form is joined likewise when the model split it in two or
// more ("China Road" + "Bridge Corporation"), unless it is a list (listOfNames).
func (t *Tagger) joinEventRuns(s string, toks []token, cands []candidate) []candidate {
	k := loadKnowledge()
	var added []candidate
	c0 := 0 // first candidate that may overlap the current token
	for h := 0; h < len(toks); h++ {
		typ := ""
		switch w := toks[h].Text; {
		case w == "" || w[0] < 'A' || w[0] > 'Z': // heads and legal forms open with an ASCII capital
			continue
		case eventHeadWords[w] && capClass(w) == capInit:
			typ = article.TypeEvent
		case orgRunHeads[w] || k.isLegalForm(w):
			typ = article.TypeOrg
		case h > 0 && (capClass(toks[h-1].Text) == capInit || toks[h-1].Text == "the" && strings.HasSuffix(w, "s")) &&
			capClass(w) == capInit && endsRun(toks, h) && t.isOccasionHead(w):
			typ = article.TypeEvent // "Kisumu" + "Regatta", "the Oscars": an occasion's head by WordNet (nameheads.go)
		default:
			continue
		}
		i, capWords := t.runStart(s, toks, h, typ == article.TypeEvent)
		occasion := typ == article.TypeEvent && i > 0 && toks[i-1].Text == "the" && spaceGap(s, toks[i-1], toks[i])
		if capWords < 2 && !(occasion && capWords == 1 && h == i && strings.HasSuffix(toks[h].Text, "s")) {
			continue // but "the Oscars": a plural occasion's name of one word
		}
		start, end := toks[i].Start, toks[h].End
		for c0 < len(cands) && cands[c0].end <= start {
			c0++
		}
		exact, inside, outside := false, 0, false
		for _, c := range cands[c0:] {
			if c.start >= end {
				break
			}
			switch {
			case c.start == start && c.end == end:
				exact = true
			case c.start >= start && c.end <= end:
				inside++
			default:
				outside = true
			}
		}
		// A run the model labelled whole, or one that holds no mention and no "of" (an ordinary
		// capitalised phrase the model passed over, "Delegates Week"), stays as the model has it.
		hasOf := strings.Contains(s[start:end], " of ") || strings.Contains(s[start:end], " & ")
		if exact || outside || inside == 0 && !hasOf && !occasion {
			continue // (an occasion's name after "the" is one: "at the Commander-in-Chief Forum")
		}
		if typ == article.TypeOrg && (inside < 2 || t.listOfNames(s, cands[c0:], start, end) || holdsNamedPerson(s, cands[c0:], start, end, k)) {
			continue // (not "Ward McCarthy of Merrill Lynch Inc.": a person of a body)
		}
		if typ == article.TypeEvent && t.isLegislatureRun(s, toks, i, h) {
			continue
		}
		added = append(added, candidate{start: start, end: end, typ: typ,
			name: strings.Join(strings.Fields(s[start:end]), " ")})
	}
	return replaceCovered(cands, added)
}

// runStart returns the first token of the capitalised run that ends at token h, walking left over
// capitalised words, the connectors between them ("of", "&", "for", "and"), words joined by
// hyphens when hyphens is set ("Commander-in-Chief Forum"; a company's run is joined across "and"
// too, and a hyphen more would reach into a list) and a year before it, and how many capitalised
// words it holds.
func (t *Tagger) runStart(s string, toks []token, h int, hyphens bool) (int, int) {
	i := h
	capWords := 1
	for i > 0 {
		p := toks[i-1]
		if hyphens && p.End == toks[i].Start && (p.Text == "-" && i >= 2 && toks[i-2].End == p.Start || toks[i].Text == "-" && text.IsWord(p.Text)) {
			i-- // inside a hyphenated word
			if capClass(p.Text) == capInit {
				capWords++
			}
			continue
		}
		if !spaceGap(s, p, toks[i]) {
			break
		}
		cc := capClass(p.Text)
		if (cc == capInit || cc == capAll || cc == capMixed) && !calendarWords[p.Text] && !t.lex.common[strings.ToLower(p.Text)] {
			i--
			capWords++
			continue
		}
		if (p.Text == "of" || p.Text == "&" || p.Text == "for" || p.Text == "and") && i-2 >= 0 &&
			capClass(toks[i-2].Text) != capLower && text.IsWord(toks[i-2].Text) && spaceGap(s, toks[i-2], p) {
			i--
			continue
		}
		break
	}
	if i > 0 && isYear(toks[i-1].Text) && spaceGap(s, toks[i-1], toks[i]) {
		i--
	}
	return i, capWords
}

// replaceCovered puts the added mentions in place of the mentions inside them, in text order.
func replaceCovered(cands, added []candidate) []candidate {
	if len(added) == 0 {
		return cands
	}
	out := make([]candidate, 0, len(cands)+len(added))
	for _, c := range cands {
		covered := false
		for _, a := range added {
			covered = covered || c.start >= a.start && c.end <= a.end
		}
		if !covered {
			out = append(out, c)
		}
	}
	out = append(out, added...)
	sort.SliceStable(out, func(a, b int) bool { return out[a].start < out[b].start })
	return out
}

// listOfNames reports a run [start, end) that is a list, not one name: what precedes its first
// "and" is a known place or a mention the model already called an organisation ("Samsung
// Electronics and Toyota Motor Corp.").
func (t *Tagger) listOfNames(s string, cands []candidate, start, end int) bool {
	and := strings.Index(s[start:end], " and ")
	if and < 0 {
		return false
	}
	if t.places != nil && t.places.IsPlace(strings.TrimSpace(s[start:start+and])) {
		return true
	}
	for _, c := range cands {
		if c.start >= start+and {
			break
		}
		if c.start >= start && c.typ == article.TypeOrg {
			return true
		}
	}
	return false
}

// joinPossessives keeps names whole across a possessive, curly or straight: a known company
// ("Macy’s") keeps its "’s", and a one-word mention followed by "’s" and capitalised words no
// other mention holds is one name ("Newell’s Old Boys", not a person "Newell").
func (t *Tagger) joinPossessives(s string, toks []token, cands []candidate, k *knowledge) []candidate {
	for n := range cands {
		c := &cands[n]
		i, j := tokenSpan(toks, c.start, c.end)
		if j-i != 1 || j+1 >= len(toks) || toks[j].Start != toks[i].End || !isPossessive(toks[j].Text) ||
			c.typ == article.TypePlace {
			continue
		}
		if k.orgNames[toks[i].Text+"'s"] {
			c.end = toks[j].End
			c.name = s[c.start:c.end]
			c.typ = article.TypeOrg
			continue
		}
		e := j + 1
		for e < len(toks) && spaceGap(s, toks[e-1], toks[e]) && capClass(toks[e].Text) == capInit &&
			!calendarWords[toks[e].Text] && !t.lex.titles[toks[e].Text] && !t.lex.common[strings.ToLower(toks[e].Text)] {
			e++
		}
		if e == j+1 || e < len(toks) && capClass(toks[e].Text) != capLower && text.IsWord(toks[e].Text) {
			continue
		}
		// A person's possessive stays one: a first name, a name after a title ("president Reagan's
		// State of the Union message"), or a name that ends or opens a person's full name elsewhere
		// ("Thierry Henry … Henry's Arsenal team-mates"). And one capitalised word after the
		// possessive is too little to make a name of.
		if e-j-1 < 2 || c.typ == article.TypePerson && (k.firstNames[c.name] || partOfPerson(cands, c.name) ||
			i > 0 && (t.lex.titles[toks[i-1].Text] || t.lex.honorifics[toks[i-1].Text] || t.lex.roleWords[strings.ToLower(toks[i-1].Text)])) {
			continue
		}
		if n+1 < len(cands) && cands[n+1].start < toks[e-1].End {
			continue // another mention holds the words: "Trump’s Republican allies"
		}
		c.end = toks[e-1].End
		c.name = strings.Join(strings.Fields(s[c.start:c.end]), " ")
		c.typ = article.TypeOrg
		if eventHeadWords[toks[e-1].Text] || t.isOccasionHead(toks[e-1].Text) {
			c.typ = article.TypeEvent // "Newell's Spring Regatta"
		}
		c.personCue, c.role = false, ""
	}
	return cands
}

// partOfPerson reports whether a one-word name opens or ends a longer person mention.
func partOfPerson(cands []candidate, name string) bool {
	for _, o := range cands {
		if o.typ == article.TypePerson && o.name != name &&
			(strings.HasPrefix(o.name, name+" ") || strings.HasSuffix(o.name, " "+name)) {
			return true
		}
	}
	return false
}

func isPossessive(w string) bool { return w == "'s" || w == "’s" }

// gatherEvidence reads each mention's context: titles and class nouns before it, an apposition or a
// place noun after it, "the" before a one-word name, water words around such a name.
func (t *Tagger) gatherEvidence(s string, toks []token, cands []candidate) {
	sport := isSportText(toks)
	k := loadKnowledge()
	for n := range cands {
		c := &cands[n]
		i, j := tokenSpan(toks, c.start, c.end)
		if i >= j {
			continue
		}
		if sport {
			t.addSportEvidence(toks, c, i, j)
			c.ev.sport = true
		}
		t.addBodyCues(toks, c, i, j)
		ev := &c.ev
		person := c.typ == article.TypePerson
		if person && c.role != "" {
			ev.titled = true
		}
		if i > 0 && spaceGap(s, toks[i-1], toks[i]) { // not across a line: "… with team\nFrance coach"
			p := toks[i-1].Text
			switch {
			case t.lex.titles[p] || t.lex.honorifics[p]:
				// "Senator X" (but "Deputy Health Minister X" says nothing of "Health").
				ev.titled = ev.titled || person
				// "Finance Minister Barend du Plessis", which the model called a body: a title
				// before a name of two to four words, none a body's word, makes a person.
				if !person && c.typ == article.TypeOrg && t.isTitledPersonName(toks, i, j, k) {
					ev.titled = true
					ev.score[tiPerson] += nameWeight
				}
			case capClass(p) == capLower && t.lex.roleWords[p] && person:
				// "economist Jane Doe" — weakly: "its German partner Brenner Halbleiter" is a company.
				ev.score[tiPerson] += weakWeight
			case capClass(p) == capLower && orgClassNouns[p] && !(person && personTrades[p] && j-i >= 2 && k.firstNames[toks[i].Text] &&
				!t.hasOrgWords(strings.Fields(c.name))):
				// "the think tank Agora Policy", "state miner X" (but "British publisher Robert
				// Maxwell": a given name makes the noun a person's trade).
				ev.score[tiOrg] += cueWeight
			case capClass(p) == capLower && placeClassNouns[p]:
				ev.score[tiPlace] += cueWeight
			case capClass(p) == capLower && miscClassNouns[p]:
				ev.score[tiMisc] += cueWeight // "the constellation Taurus"
			}
		}
		if t.isBrandProduct(s, toks, i, j, k) {
			ev.score[tiMisc] += nameWeight // "the Sony PSP" (products.go)
		}
		if (c.typ != article.TypePlace || t.isLeaderSurname(toks, i, j, k)) && j-i <= 2 && j < len(toks) && leaderTerms[toks[j].Text] && !isAcronym(c.name) {
			ev.score[tiPerson] += weakWeight // "the Obama administration" (lonenames.go), not "the PSD administration"
			c.personCue = true
		} else if ev.titled {
			ev.score[tiPerson] += cueWeight
		}
		// "the Chajnantor plateau", "the Yangtze river" (but "the Chinese city of …" is a demonym);
		// "the Ekofisk field".
		if j < len(toks) && (placeClassNouns[toks[j].Text] || fieldNouns[toks[j].Text] && !sport && i > 0 &&
			(toks[i-1].Text == "the" || toks[i-1].Text == "its") && oilContext(toks, i, j)) &&
			!t.isNationality(toks[j-1].Text) {
			ev.score[tiPlace] += cueWeight
		}
		// "the official Tanjug news agency said": an outlet, though the model read a person or a
		// place the gazetteer does not know ("the Kuwait daily al-Qabas" keeps Kuwait).
		if (person && !ev.titled || c.typ == article.TypePlace && t.places != nil && !t.places.IsPlace(c.name)) &&
			j < len(toks) && !t.isNationality(c.name) &&
			(outletNouns[toks[j].Text] || toks[j].Text == "news" && j+1 < len(toks) && (toks[j+1].Text == "agency" || toks[j+1].Text == "service")) {
			ev.score[tiOrg] += cueWeight
		}
		// "X, a family-owned chipmaker from Bavaria," / "X, the joint venture formed by …"; a place
		// the gazetteer knows keeps its type ("eastern Hungary, the company's first plant").
		if typ := t.appositiveClass(toks, j); typ >= 0 && !frontedAdverbial(toks, i) && !(c.typ == article.TypePlace && t.places != nil && t.places.IsPlace(c.name)) {
			ev.score[typ] += cueWeight
		}
		// "the Rhône", "the Bundestag": one word after "the" is no person's name. It is a river or
		// a sea when water words stand around it or, for what the model took for a person, when the
		// gazetteer knows it; "the Copa" the model called a body and "the Swiss" stay as they are.
		if j-i == 1 && i > 0 && toks[i-1].Text == "the" && capClass(toks[i].Text) == capInit && endsPhrase(toks, j) {
			switch c.typ {
			case article.TypePerson:
				ev.notPerson = true
				if nearWater(toks, i) || t.places != nil && t.places.IsPlace(c.name) {
					ev.score[tiPlace] += weakWeight
				}
			case article.TypeOrg, article.TypeMisc:
				ev.notPerson = true // so that a list's places can reach it
				if nearWater(toks, i) && !t.isNationality(c.name) {
					ev.score[tiPlace] += weakWeight
				}
			}
		}
	}
	// A place the gazetteer knows, listed with places, is one too: "the parliaments of Argentina,
	// Uruguay and Paraguay" (the model made the last a body or a nationality).
	if t.places != nil {
		for n := 0; n+1 < len(cands); n++ {
			a, b := &cands[n], &cands[n+1]
			if a.end > b.start { // overlapping candidates (a name inside a longer one) are no list
				continue
			}
			switch gap := s[a.end:b.start]; gap {
			case ", ", " and ", ", and ", " or ", ", or ":
			default:
				continue
			}
			for _, pair := range [2][2]*candidate{{a, b}, {b, a}} {
				p, o := pair[0], pair[1]
				// A person stays one: lists of surnames share them with towns ("Ward, Hamilton").
				if p.typ == article.TypePlace && (o.typ == article.TypeOrg || o.typ == article.TypeMisc) &&
					!isAcronym(o.name) && t.places.IsPlace(o.name) {
					o.ev.score[tiPlace] += cueWeight
				}
			}
		}
	}
	// "Federation of Economic Organisations (Keidanren)", "Petroleos Mexicanos (Pemex)": a name
	// and its other name in brackets are one body. The name in brackets takes the body's type when
	// the model read a person without a common given name or a place the gazetteer does not know;
	// the name before the brackets, when the model read a person, only after a name of four
	// letters or more ("BEDFORD, N.H. (AP)" is a dateline and its agency).
	for n := 0; n+1 < len(cands); n++ {
		a, b := &cands[n], &cands[n+1]
		if a.end > b.start || s[a.end:b.start] != " (" || b.end >= len(s) || s[b.end] != ')' {
			continue
		}
		if a.typ == article.TypeOrg && (b.typ == article.TypePerson && !k.firstNames[strings.Fields(b.name)[0]] ||
			b.typ == article.TypePlace && t.places != nil && !t.places.IsPlace(b.name) && !strings.Contains(b.name, ".")) {
			// ("Orange County (Calif.)": a state's abbreviation in brackets stays a place.)
			b.ev.score[tiOrg] += cueWeight
		}
		if b.typ == article.TypeOrg && len(b.name) >= 4 && a.typ == article.TypePerson && !k.firstNames[strings.Fields(a.name)[0]] {
			a.ev.score[tiOrg] += cueWeight
		}
	}
	// Names listed together are alike: "the Rhine, the Rhône and the Po".
	for pass := 0; pass < 2; pass++ {
		for n := 0; n+1 < len(cands); n++ {
			a, b := &cands[n], &cands[n+1]
			if pass == 1 {
				a, b = &cands[len(cands)-1-n], &cands[len(cands)-2-n]
			}
			if !a.ev.notPerson || !b.ev.notPerson || !listed(s, a, b) {
				continue
			}
			if a.ev.score[tiPlace] > 0 && b.ev.score[tiPlace] == 0 {
				b.ev.score[tiPlace] += weakWeight
			}
		}
	}
}

// phraseEnds are words that may follow a noun phrase's head; a lower-case word outside them after
// "the X" makes X a modifier ("the Cueto try", "the Brenner case"), which persons' names can be.
var phraseEnds = wordSet(`and or but of in on at for to from with by which who whose that as is was are were has
had have will would said says told near`)

// endsPhrase reports whether token j may follow the head of a noun phrase: punctuation, a capital,
// a function word, or what looks like a verb ("the Alps feeds", "the Po flowed").
func endsPhrase(toks []token, j int) bool {
	if j >= len(toks) || !text.IsWord(toks[j].Text) || capClass(toks[j].Text) != capLower {
		return true
	}
	w := toks[j].Text
	return phraseEnds[w] || len(w) > 3 && (strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "ed"))
}

// isDemonym reports a word the gazetteer knows as a nationality ("Swiss", "American").
func (t *Tagger) isDemonym(w string) bool {
	if d, ok := t.places.(demonymLookup); ok {
		_, is := d.Demonym(w)
		return is
	}
	return false
}

// facilityLastWords end the names of facilities and streets, which are places (annotators and
// OntoNotes' FAC alike): "Vera C. Rubin Observatory", "Downing Street", "Johnny Carson Theater".
var facilityLastWords = wordSet(`Airport Stadium Arena Observatory Theater Theatre Capitol Depot Terminal
Station Square Plaza Street Avenue Boulevard Tower Bridge Dam Harbour Harbor Canal Highway Motorway
Expressway Cathedral Mosque Temple Palace Castle Estadio Estádio`)

// productModelWords end product names: "AirPods Pro", "Mavic Mini", "Galaxy Note 10 Plus".
var productModelWords = wordSet(`Pro Max Mini Plus Lite Ultra Fold Buds Dot Cam Kit XL SE`)

// platformNames are technologies and platforms news names like products (MISC), which the model
// reads as companies or people.
var platformNames = wordSet(`Bluetooth Wi-Fi WiFi USB-C HDMI Android iOS macOS watchOS Linux Alexa Siri Cortana
ChatGPT PlayStation Xbox Kindle AirPlay HomeKit`)

// isProductName reports a name that reads as a product's (see productModelWords, platformNames):
// not when an organisation word or a legal form is in it, nor a broadcaster's channel number
// ("Channel 4"), nor a year ("Expo 2025").
func (t *Tagger) isProductName(words []string) bool {
	first, last := words[0], words[len(words)-1]
	if len(words) == 1 && platformNames[first] {
		return true
	}
	// "iPhone", "iPad Pro", "iOS": Apple's lower-case "i" before a capital.
	if len(first) > 2 && first[0] == 'i' && first[1] >= 'A' && first[1] <= 'Z' {
		return true
	}
	if len(words) < 2 || mediaHeadWords[first] || first == "Channel" {
		return false
	}
	if !productModelWords[last] && !(text.IsNumber(last) && len(last) <= 3 && capClass(words[len(words)-2]) != capDigits) {
		return false
	}
	return !t.hasOrgWords(words)
}

// compassWords end districts' and constituencies' names after a place.
var compassWords = wordSet(`North South East West Central Northeast Northwest Southeast Southwest`)

// lawHeadWords end the names of agreements and laws ("Plaza Agreement"), which are MISC.
var lawHeadWords = wordSet(`Agreement Accord Accords Act Treaty Compact Protocol Declaration Pact Charter Bill`)

// facilityFirstWords open the names of facilities and places in the languages news quotes them in:
// "Arena Corinthians", "Plaza San Martín", "Cidade Tiradentes", "Salar de Atacama".
var facilityFirstWords = wordSet(`Arena Estadio Estádio Aeropuerto Aeroporto Aéroport Plaza Praça Piazza
Place Cidade Ciudad Città Salar Lago Cerro Isla Ilha Puerto`)

// regionalDemonyms are nationality and region adjectives the gazetteer's demonyms (countries)
// lack: "a European spacecraft", "the Bavarian state government", "Nordic lenders".
var regionalDemonyms = wordSet(`European Europeans African Africans Asian Asians Arab Arabs Arabian Nordic
Scandinavian Scandinavians Baltic Balkan Latino Latinos Hispanic Hispanics Alpine Andean Amazonian Caribbean
Bavarian Bavarians Catalan Catalans Basque Basques Flemish Walloon Scottish Scots Welsh English Kurdish Kurds
Tamil Tamils Sahelian Transatlantic Eurasian Sub-Saharan`)

// isNationality reports a nationality or region adjective ("German", "European", "Bavarian").
func (t *Tagger) isNationality(w string) bool {
	return regionalDemonyms[w] || t.places != nil && t.isDemonym(w)
}

// listed reports two mentions written as items of one list: "A, the B", "A and the B".
func listed(s string, a, b *candidate) bool {
	x, y := a, b
	if y.start < x.start {
		x, y = y, x
	}
	if x.end > y.start {
		return false
	}
	gap := strings.TrimSpace(s[x.end:y.start])
	switch gap {
	case ", the", "and the", ", and the", "or the", ", or the":
		return true
	}
	return false
}

// nearWater reports a water word within a few tokens of token i.
func nearWater(toks []token, i int) bool {
	for k := max(0, i-6); k < len(toks) && k <= i+8; k++ {
		if k != i && waterWords[strings.ToLower(toks[k].Text)] && capClass(toks[k].Text) == capLower {
			return true
		}
	}
	return false
}

// appositionEnds are the words after which an apposition's noun phrase has ended: "X, a chipmaker
// from Bavaria", "X, the joint venture formed by …".
var appositionEnds = wordSet(`of in at from for with by on to since near who which that whose and`)

// appositiveClass reads ", a/an/the … NOUN" right after a mention ending at token j and returns the
// type its head noun says (a person's role, an organisation's or a place's class), or -1. The head
// is the phrase's last word; a possessor is no head ("the company's plant"), and a phrase that runs
// into a verb is a clause, not an apposition ("…, the company said").
func (t *Tagger) appositiveClass(toks []token, j int) int {
	if j+2 >= len(toks) || toks[j].Text != "," {
		return -1
	}
	switch toks[j+1].Text {
	case "a", "an", "the", "its", "one":
	default:
		return -1
	}
	head := ""
	for k := j + 2; k < len(toks) && k < j+9; k++ {
		w := toks[k].Text
		switch {
		case isPossessive(w):
			head = ""
			continue
		case w == "-" || hyphenInWord(toks, k) || k > 0 && hyphenInWord(toks, k-1):
			continue // "family-owned": a compound modifier
		case !text.IsWord(w) || appositionEnds[w] ||
			capClass(w) == capLower && len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) && !strings.Contains(w, "-"):
			return classOf(head, t.lex)
		case capClass(w) == capLower:
			head = w
		}
	}
	return -1
}

// oilContext reports oil or gas words within ten tokens of the name toks[i:j]: "the Ekofisk field,
// which pumped 168,023 bpd".
func oilContext(toks []token, i, j int) bool {
	for k := max(0, i-10); k < min(len(toks), j+10); k++ {
		if oilWords[strings.ToLower(toks[k].Text)] {
			return true
		}
	}
	return false
}

// isTitledPersonName reports a mention toks[i:j] of two to four capitalised words (name particles
// between them) that holds no body's word, legal form or common word and is no place: read after a
// title, a person's name ("Barend du Plessis", "Lawton Chiles").
func (t *Tagger) isTitledPersonName(toks []token, i, j int, k *knowledge) bool {
	if j-i < 2 || j-i > 4 {
		return false
	}
	words := make([]string, 0, 4)
	for m := i; m < j; m++ {
		w := toks[m].Text
		if t.lex.particles[w] {
			continue
		}
		if capClass(w) != capInit || t.lex.common[strings.ToLower(w)] || k.isLegalForm(w) {
			return false
		}
		words = append(words, w)
	}
	if len(words) < 2 || t.hasOrgWords(words) || t.places != nil && t.places.IsPlace(strings.Join(words, " ")) {
		return false
	}
	return true
}

// classOf is the type a class noun says, or -1.
func classOf(noun string, lex *lexicon) int {
	switch {
	case noun == "":
		return -1
	case lex.roleWords[noun]:
		return tiPerson
	case orgClassNouns[noun] || strings.HasSuffix(noun, "maker"):
		return tiOrg
	case placeClassNouns[noun]:
		return tiPlace
	}
	return wordClassOf(noun)
}

// nameEvidence is what a name itself says of its type, given the type most of its mentions got.
func (t *Tagger) nameEvidence(words []string, modelType string, mentions evidence, personCue bool) evidence {
	var ev evidence
	if len(words) == 0 {
		return ev
	}
	k := loadKnowledge()
	name := words[0] // the first word
	last := words[len(words)-1]
	if len(words) >= 2 && k.isLegalForm(last) {
		ev.score[tiOrg] += nameWeight // "Brenner Halbleiter GmbH", "Telefónica S.A."
		return ev
	}
	if endsInLegalForm(words) {
		ev.score[tiOrg] += nameWeight + cueWeight // "Transco Energy Co, the majority owner": no person
		return ev
	}
	// "Nordic lenders", "Alpine glaciers": a nationality or region adjective alone names no body.
	if len(words) == 1 && modelType == article.TypeOrg && t.isNationality(name) {
		ev.score[tiMisc] += nameWeight
		return ev
	}
	// "the State Capitol", "Naivasha Inland Container Depot", "Arena Corinthians", "Cidade
	// Tiradentes": a facility or a place by its head word, when no organisation word is in the name.
	if len(words) >= 2 && (modelType == article.TypeOrg || modelType == article.TypeMisc || modelType == article.TypePerson && !mentions.titled) &&
		(facilityLastWords[last] && name != "National" && name != "Royal" || facilityFirstWords[name] && !lawHeadWords[last]) &&
		!t.hasOrgWords(words) { // "the National Theatre" is a company
		ev.score[tiPlace] += nameWeight
		return ev
	}
	// "the North American Free Trade Agreement", "the Paris Accord", "the Lyon Compact": an
	// agreement or a law is MISC, not a body or an event.
	if len(words) >= 2 && modelType != article.TypeMisc && lawHeadWords[last] && !mentions.titled {
		ev.score[tiMisc] += nameWeight
		return ev
	}
	// "AirPods Pro", "Galaxy Note 10 Plus", "iPhone 11", "Ascom Myco 2", "iPad", "Bluetooth": a
	// product by its model word, its model number, an "i"-name or a known platform — MISC.
	if modelType != article.TypeMisc && !(modelType == article.TypePerson && mentions.titled) && t.isProductName(words) {
		ev.score[tiMisc] += nameWeight
		return ev
	}
	// "Sheffield Brightside" no, but "Nottingham North", "Leeds Central": a place and a compass
	// word name a district or a constituency.
	if len(words) >= 2 && modelType != article.TypePlace && compassWords[last] && t.places != nil &&
		t.places.IsPlace(strings.Join(words[:len(words)-1], " ")) && !(modelType == article.TypePerson && mentions.titled) {
		ev.score[tiPlace] += nameWeight
		return ev
	}
	// "the New York Islanders", "the Boston Bruins": a club (but "Bernie Sanders" is a person
	// whose given name is also a town's).
	// A person named after a title or a role, or whose last word is a common surname outside sports
	// copy, is no club though the first word is a town's ("Chairman Lawton Chiles", "opposition
	// leader Constantine Mitsotakis").
	if modelType != article.TypeOrg && t.isTeamName(words, k) && !(modelType == article.TypePerson &&
		(k.firstNames[name] || mentions.titled || mentions.score[tiPerson] > 0 || k.isSurname(last) && !mentions.sport)) {
		ev.score[tiOrg] += nameWeight
		return ev
	}
	// "the Tories", "the Social Democrats": a party by its members (bodycues.go).
	if modelType != article.TypeOrg && isPartyByMembers(words) && !mentions.titled {
		ev.score[tiOrg] += nameWeight
		return ev
	}
	// "a report in Politico", "(UPI)", "told Politico": a news outlet or a platform; "a Democratic
	// congressman", "state GOP chair": a party's word (politicnames.go).
	if oev, ok := outletEvidence(words, mentions); ok {
		return oev
	}
	if pev, ok := partyEvidence(words); ok {
		return pev
	}
	// "the Fed", "the Bundesbank": a one-word name WordNet knows as an organisation (bodycues.go).
	// (Also for what the model called a body: a weak cue for a place, "the X" near water, is outweighed.)
	if len(words) == 1 && modelType != article.TypeMisc && modelType != article.TypeEvent && !mentions.titled && t.isBodyName(name) {
		ev.score[tiOrg] += nameWeight
		return ev
	}
	// "Dubai Air Show", "Coastal Fisheries Commission": what the head noun means (nameheads.go).
	if hev, ok := t.headEvidence(words, modelType, mentions, k); ok {
		return hev
	}
	switch modelType {
	case article.TypePlace:
		// "Asia Pacific Wire": an outlet, not a place; "Central Japan Railway": a company.
		if len(words) >= 2 && (mediaHeadWords[last] || institutionHeads[last] && !placeClassNouns[strings.ToLower(last)]) {
			ev.score[tiOrg] += nameWeight
		}
	case article.TypePerson, article.TypeMisc:
		if mentions.titled {
			return ev
		}
		// A first word that is a common first name (and not a place, "Kenya Railways") makes the
		// head-word rule too weak to undo a person: "Emily Post", "Grace Church".
		first := words[0]
		if len(words) >= 2 && k.firstNames[first] && !(t.places != nil && t.places.IsPlace(first)) {
			return ev
		}
		for n, w := range words {
			// For what the model called a nationality or a work, only a head word that opens or
			// ends the name counts ("World Athletics Gold Label" stays a label).
			if modelType == article.TypeMisc && n != 0 && n != len(words)-1 {
				continue
			}
			if orgHeadWords[w] || t.lex.orgWords[w] || len(words) >= 2 && mediaHeadWords[w] && w == last {
				ev.score[tiOrg] += nameWeight
				return ev
			}
		}
		// A one-word "person" that is a company's name ("Raytheon"), when nothing in the text says it
		// is a person: no title, role or speech verb, no other evidence. (Not the first word of a
		// longer name: the company list holds given names the census list lacks, "Paulo", "Olly".)
		if len(words) == 1 && modelType == article.TypePerson && k.orgNames[name] && !k.firstNames[name] && !personCue &&
			mentions.score == [nTypeIdx]int{} && !(t.places != nil && t.places.IsPlace(name)) {
			ev.score[tiOrg] += cueWeight
		}
	}
	return ev
}

// decideType picks a name's type from its mentions' votes and the evidence.
func decideType(modelType string, votes [nTypeIdx]int, ev evidence) string {
	best, bestScore := modelType, -1<<30
	for ti, typ := range typeByIndex {
		score := votes[ti] + ev.score[ti]
		if ti == tiPerson && ev.notPerson && !ev.titled {
			continue
		}
		if votes[ti] == 0 && ev.score[ti] == 0 {
			continue
		}
		if score > bestScore || score == bestScore && typ == modelType {
			best, bestScore = typ, score
		}
	}
	if best == article.TypePerson && ev.notPerson && !ev.titled {
		return article.TypeOrg // "the Bundestag": a body, when nothing says it is a place
	}
	return best
}

// keepForLanguage filters entities of a text in a language other than English: the English model's
// people, organisations and other names there are guesses ("Lo", "Según Echeverría", "Celui-ci"),
// so only places it found that the gazetteer knows are kept.
// People's names that open with a common given name read the same in any language, so they are
// kept too ("Kyle Busch"), whatever type the model gave them, and found where the model, reading a
// flattened table of figures, passed them over (givenNameRuns).
func (t *Tagger) keepForLanguage(s string, ents []article.Entity, lang string) []article.Entity {
	if lang == "" || lang == "en" {
		return ents
	}
	k := loadKnowledge()
	out := ents[:0]
	for _, e := range ents {
		switch {
		case e.Type == article.TypePlace && t.places != nil && t.places.IsPlace(e.Name):
		case k.isGivenAndSurname(e.Name) && !t.hasOrgWord(e.Name):
			// A table of drivers the model typed at random: a given name and a surname are a person.
			e.Type = article.TypePerson
		default:
			continue
		}
		out = append(out, e)
	}
	return t.addGivenNameRuns(s, out, k)
}

// addGivenNameRuns adds the people named by given-name runs (givenNameRuns) that no kept entity
// covers, one entity per name.
func (t *Tagger) addGivenNameRuns(s string, ents []article.Entity, k *knowledge) []article.Entity {
	runs := givenNameRuns(s, k)
	if len(runs) == 0 {
		return ents
	}
	idx := text.NewRuneIndex(s)
	type span struct{ start, end int }
	var covered []span
	byName := map[string]int{}
	for n, e := range ents {
		byName[e.Name] = n
		for _, m := range e.Mentions {
			covered = append(covered, span{m.Start, m.End})
		}
	}
	for _, r := range runs {
		start, end := idx.Rune(r[0]), idx.Rune(r[1])
		overlaps := false
		for _, c := range covered {
			overlaps = overlaps || c.start < end && start < c.end
		}
		if overlaps {
			continue
		}
		covered = append(covered, span{start, end})
		name := strings.Join(strings.Fields(s[r[0]:r[1]]), " ")
		if t.hasOrgWord(name) || t.places != nil && t.places.IsPlace(name) {
			continue
		}
		m := article.Mention{Text: s[r[0]:r[1]], Start: start, End: end}
		if n, ok := byName[name]; ok {
			ents[n].Mentions = append(ents[n].Mentions, m)
			ents[n].Count = len(ents[n].Mentions)
			continue
		}
		byName[name] = len(ents)
		ents = append(ents, article.Entity{Type: article.TypePerson, Name: name, Mentions: []article.Mention{m}, Count: 1})
	}
	sort.SliceStable(ents, func(a, b int) bool { return ents[a].Mentions[0].Start < ents[b].Mentions[0].Start })
	return ents
}

// nameSuffixes may end a person's name after the surname.
var nameSuffixes = wordSet(`Jr. Jr Sr. Sr II III IV`)

// givenNameRuns finds the byte spans of runs "Given Surname [Surname] [Jr.]": a common given name
// (knowledge/first-names.txt) followed by one or two capitalised words, within one line.
func givenNameRuns(s string, k *knowledge) [][2]int {
	type word struct {
		w          string
		start, end int
		lineBreak  bool // a line break or sentence end precedes the next word
	}
	var words []word
	for i := 0; i < len(s); {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r' {
			j++
		}
		if j == i {
			break
		}
		w, end := s[i:j], j
		trimmed := strings.TrimRight(w, ",;:!?)\"'”’")
		stop := trimmed != w || j < len(s) && s[j] == '\n'
		if !nameSuffixes[trimmed] && strings.HasSuffix(trimmed, ".") {
			trimmed, stop = strings.TrimSuffix(trimmed, "."), true
		}
		end = i + len(trimmed)
		words = append(words, word{trimmed, i, end, stop})
		i = j
	}
	isSurname := func(w string) bool {
		return capClass(w) == capInit && len(w) > 1 && !calendarWords[w]
	}
	var out [][2]int
	for n := 0; n < len(words); n++ {
		if !k.firstNames[words[n].w] || capClass(words[n].w) != capInit || words[n].lineBreak || n+1 >= len(words) ||
			!isSurname(words[n+1].w) && capClass(words[n+1].w) != capMixed {
			continue
		}
		e := n + 1
		if !words[e].lineBreak && e+1 < len(words) && (nameSuffixes[words[e+1].w] || isSurname(words[e+1].w) && !k.firstNames[words[e+1].w]) {
			e++
		}
		out = append(out, [2]int{words[n].start, words[e].end})
		n = e
	}
	return out
}

// hasOrgWord reports a word of an organisation's name: a head word or a legal form.
func (t *Tagger) hasOrgWord(name string) bool {
	return t.hasOrgWords(strings.Fields(name))
}

// hasOrgWords is hasOrgWord of a name's words.
func (t *Tagger) hasOrgWords(words []string) bool {
	k := loadKnowledge()
	for _, w := range words {
		if orgHeadWords[w] || t.lex.orgWords[w] || mediaHeadWords[w] || k.isLegalForm(w) {
			return true
		}
	}
	return false
}

// isGivenAndSurname reports a person's name of two to four words that opens with a common given
// name and whose other words are capitalised names ("Kyle Busch", "Martin Truex Jr."): such a name
// reads the same in any language, where a phrase the English model took for a name does not
// ("Según Echeverría", "Celui-ci").
func (k *knowledge) isGivenAndSurname(name string) bool {
	words := strings.Fields(name)
	if len(words) < 2 || len(words) > 4 || !k.firstNames[words[0]] {
		return false
	}
	for _, w := range words[1:] {
		if capClass(w) != capInit && capClass(w) != capMixed {
			return false
		}
	}
	return true
}
