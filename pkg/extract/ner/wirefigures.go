package ner

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
	"github.com/newsmon/newsmon/pkg/text"
)

// This file holds four readings of wire copy's figures and firms' names that the model runs
// into names or cuts off them (issue #19, the fourth audit: Reuters 1987 newswire):
//
//   - a currency is no name: "51 billion U.S. Dlrs", "The U.S. Dollar opened", "2,000 Ecus",
//     "European Currency Unit" are amounts and money, not organisations; a country before the
//     currency stays a place;
//   - a table's figure is no part of the place before it: "Ireland 100,000 (200,000)", "North
//     Yemen 5.5 mln dlrs", "Qatar 20 to 30 pct";
//   - a legal form after "and" or a comma is the tail of the firm's name before it, not a name
//     of its own: "Goldman, Sachs and Co", "Sanford C. Bernstein and Co", "Petroleos de
//     Venezuela, S.A.", "W.I. Carr, Sons and Co";
//   - two names run together across "and" are a list: "Swiss Bank Corp and Credit Suisse",
//     "Greece and Turkey", "World Bank and International Monetary Fund".

// currencyNouns are currencies' names as wire copy writes them capitalised ("U.S. Dlrs"): never a
// body's or a person's name at the end of a mention.
var currencyNouns = wordSet(`Dlrs Dlr Ecu Ecus ECUs Kroner Kronor Krona Kronur Guilders Guilder Lire
Pesos Cruzados Cruzado Australs Ringgit Rupees Rupiah Baht Dinars Riyals Schillings Drachmas Pesetas
Escudos Zlotys Forints Shekels Roubles Rubles`)

// ambiguousCurrencies name currencies and people or things too ("Ayn Rand", "Michael Marks", "Yen
// Chen", "Family Dollar"): a currency only after an amount or a country.
var ambiguousCurrencies = wordSet(`Dollar Dollars Yen Yuan Marks Mark Francs Franc Rand Pounds Sterling Won
Crowns Lira Peso Rupee Dinar Riyal Peseta Drachma`)

// planWords after a currency's name make it a named plan's: "the Cruzado plan".
var planWords = wordSet(`plan program programme package reform`)

// amountWords are the scale words of wire amounts: "51 billion U.S. Dlrs".
var amountWords = wordSet(`billion million mln bln trillion thousand The`)

// currencyExtent reads a mention [i, j) that ends in a currency's name: ok is true when it does,
// and [ni, nj) is what is left of it once the amount and the currency are taken off (the
// country of "U.S. Dlrs", the body of "EC 2,000 Ecus"); ni == nj when nothing is left.
func (t *Tagger) currencyExtent(toks []token, i, j int) (ni, nj int, ok bool) {
	last := toks[j-1].Text
	unit := 1
	if last == "Unit" && j-i >= 2 && toks[j-2].Text == "Currency" {
		unit = 2 // "European Currency Unit"
		if j-i >= 3 && toks[j-3].Text == "European" {
			unit = 3
		}
	} else if !currencyNouns[last] && !ambiguousCurrencies[last] {
		return i, j, false
	}
	ni, nj = i, j-unit
	for ni < nj && (text.IsNumber(toks[ni].Text) || amountWords[toks[ni].Text]) {
		ni++
	}
	amount := ni > i
	for nj > ni && (text.IsNumber(toks[nj-1].Text) || amountWords[toks[nj-1].Text]) {
		nj--
		amount = true
	}
	if !amount && i > 0 && (text.IsNumber(toks[i-1].Text) || amountWords[strings.ToLower(toks[i-1].Text)]) {
		amount = true
	}
	if !amount && j < len(toks) && planWords[strings.ToLower(toks[j].Text)] {
		return i, j, false // "the Cruzado plan": a plan named after a currency ("a 350 mln Ecu package" is money)
	}
	if ambiguousCurrencies[last] && !amount && (nj == ni || !t.isCountryLead(toks[nj-1].Text)) {
		return i, j, false // "Michael Marks", "Rand" alone
	}
	return ni, nj, true
}

// quantityWords follow a figure in a table row or an amount: "Qatar 20 to 30 pct", "U.K. 111 mln
// vs 91 mln".
var quantityWords = wordSet(`mln million billion bln pct percent tonnes tons to vs dlrs barrels bpd
ounces bales bags head units`)

// figureAfterPlace reports a mention [i, j) that is a place the gazetteer knows and a figure after
// it: "Ireland 100,000 (200,000)", "North Yemen 5.5 mln dlrs". A product's number stays ("Ariane
// 6", "Airbus A320"): the figure must be written as an amount (with a thousands comma or a
// decimal point) or go on into a quantity or a bracketed figure.
func (t *Tagger) figureAfterPlace(s string, toks []token, i, j int) bool {
	if j-i < 2 || t.places == nil || !text.IsNumber(toks[j-1].Text) {
		return false
	}
	for k := i; k < j-1; k++ {
		if text.IsNumber(toks[k].Text) {
			return false
		}
	}
	fig := toks[j-1].Text
	amount := strings.ContainsAny(fig, ",.")
	if !amount && j < len(toks) {
		next := toks[j].Text
		amount = quantityWords[next] || next == "(" || next == ","
	}
	if !amount {
		return false
	}
	// A region the gazetteer may not hold by that name: "North Yemen 5.5", "Far East 57 mln".
	if w := toks[i].Text; j-i >= 3 && (compassWords[w] || w == "Middle" || w == "Far") && allCapitalised(toks, i+1, j-1) {
		return true
	}
	return t.places.IsPlace(strings.Join(strings.Fields(s[toks[i].Start:toks[j-2].End]), " "))
}

// partnershipForms are what a firm named after its partners ends in after "and": "Goldman, Sachs
// and Co", "W.I. Carr, Sons and Co", "Bank and Trust Co".
var partnershipForms = wordSet(`Co Co. Company Sons Son Trust Cie Cia`)

// tailForms end a firm's name as a legal form does, though capitalised words too: "Co", "Cie".
var tailForms = wordSet(`Co Co. Company Cie Cia`)

// partnershipTails end a firm's name after its partners' names; the name without one is the
// firm's short form ("Sanford C. Bernstein" → "Sanford C. Bernstein and Co").
var partnershipTails = []string{" and Co", " and Co.", " & Co", " & Co.", " and Co Inc", " and Co Ltd", " and Sons"}

// joinLegalTails joins a mention that is only a legal form, or a partner's word and a legal form,
// to the name before it across "and" or a comma: "Sanford C. Bernstein and Co" (the model's person
// and a body "Co"), "Petroleos de Venezuela, S.A.", "Bank of America N.T. and S.A.". Such a tail
// names nothing alone, so the name before it is the firm's. "Goldman, Sachs and Co" takes the
// partner named before the comma too: a firm's "A, B and Co" is never a list, since "Co" alone is
// no company.
func (t *Tagger) joinLegalTails(s string, toks []token, cands []candidate, k *knowledge) []candidate {
	var added []candidate
	for n, c := range cands {
		i, j := tokenSpan(toks, c.start, c.end)
		if i < 2 || i >= j {
			continue
		}
		start := c.start
		if t.legalTail(toks, i, j, k) {
			conn := toks[i-1].Text
			if conn != "and" && conn != "," && conn != "&" {
				continue
			}
			start = t.nameBefore(s, toks, cands[:n], i-2)
			if start < 0 || conn == "," && (t.places != nil && t.places.IsPlace(s[start:toks[i-2].End]) || isUpperWord(toks[j-1].Text) && !strings.Contains(toks[j-1].Text, ".")) {
				// "Cape Town, SA": a place and its country's abbreviation; "American Soybean
				// Association, ASA": a body and its acronym. After a comma only a form written
				// with dots or in mixed case is the name's tail ("S.A.", "Inc").
				continue
			}
		}
		// "Goldman, Sachs and Co": one capitalised partner before a comma.
		if h := tokenIndexAt(toks, start); j-h >= 3 && toks[j-2].Text == "and" && partnershipForms[toks[j-1].Text] &&
			h >= 2 && toks[h-1].Text == "," && isNameWord(toks[h-2].Text) && !t.lex.common[strings.ToLower(toks[h-2].Text)] &&
			(h < 3 || !isNameWord(toks[h-3].Text)) && toks[h-2].End == toks[h-1].Start {
			start = toks[h-2].Start
		}
		// "Norsk Hydro A/S": a legal form written with a slash, left out of the name.
		end := c.end
		if j+2 < len(toks) && spaceGap(s, toks[j-1], toks[j]) && slashedLegalForm(toks, j+1) {
			end = toks[j+2].End
		}
		if start != c.start || end != c.end {
			added = append(added, candidate{start: start, end: end, name: strings.Join(strings.Fields(s[start:end]), " "), typ: article.TypeOrg})
		}
	}
	return replaceCovered(cands, added)
}

// nameBefore is where the name ending at toks[e] starts: the start of a mention of before ending
// there, or of the capitalised words ending there (at most four); -1 when there is none.
func (t *Tagger) nameBefore(s string, toks []token, before []candidate, e int) int {
	for m := len(before) - 1; m >= 0; m-- {
		if before[m].end <= toks[e].End {
			if before[m].end == toks[e].End {
				return before[m].start
			}
			break
		}
	}
	h := e
	for h >= 0 && h > e-4 && isNameWord(toks[h].Text) && !t.lex.common[strings.ToLower(toks[h].Text)] {
		h--
	}
	if h == e {
		return -1
	}
	return toks[h+1].Start
}

// legalTail reports a mention [i, j) that names nothing alone: legal forms only ("Co", "Co Inc",
// "S.A."), or a partner's word and a legal form ("Sons and Co", "Trust Co").
func (t *Tagger) legalTail(toks []token, i, j int, k *knowledge) bool {
	if last := toks[j-1].Text; !k.isLegalForm(last) && !tailForms[last] {
		return false
	}
	for m := i; m < j; m++ {
		w := toks[m].Text
		if !k.isLegalForm(w) && !partnershipForms[w] && w != "and" && w != "&" {
			return false
		}
	}
	return true
}

// tokenIndexAt is the index of the token starting at byte offset start (or the first after it).
func tokenIndexAt(toks []token, start int) int {
	i, _ := tokenSpan(toks, start, start)
	return i
}

// listHeads end the names of bodies that wire copy lists in pairs: "the World Bank and
// International Monetary Fund", "the Reagan Administration and Congress".
var listHeads = wordSet(`House Congress Bundesbank`)

// splitAndRuns splits a mention that runs two names together across "and" or "&", which a reader
// reads as a list: each side a complete name of its own —
//
//   - a company's legal form ends the first ("Swiss Bank Corp and Credit Suisse", "United Gold
//     Corp and Inca Resources Inc."), and the second is no tail of it ("Sons and Co");
//   - both sides are places and the whole is none ("Greece and Turkey", not "Trinidad and
//     Tobago");
//   - both sides end in a body's head ("World Bank and International Monetary Fund", "U.S.
//     Commerce Department and Defence Department", "Reagan Administration and Congress");
//   - a person named with a given name, then a company ("Asher Edelman and Dominion Textile Inc");
//   - both sides are named alone elsewhere in the article ("Union Faith and Nova").
//
// Names that hold "and" ("Securities and Exchange Commission", "Pacific Gas and Electric Co",
// "Santa Fe and Southern Pacific Railroads") meet none of these.
func (t *Tagger) splitAndRuns(s string, toks []token, cands []candidate, k *knowledge) []candidate {
	var out []candidate // nil until a mention changes: most documents have none
	for n, c := range cands {
		var first, second candidate
		found := false
		if c.typ != article.TypePerson && (strings.Contains(c.name, " and ") || strings.Contains(c.name, " & ")) {
			first, second, found = t.andRunParts(s, toks, cands, n, k)
		}
		if !found {
			if out != nil {
				out = append(out, c)
			}
			continue
		}
		if out == nil {
			out = append(make([]candidate, 0, len(cands)+1), cands[:n]...)
		}
		out = append(out, first, second)
	}
	if out == nil {
		return cands
	}
	return out
}

// andRunParts is the two names cands[n] runs together across "and" by splitAndRuns' evidence.
func (t *Tagger) andRunParts(s string, toks []token, cands []candidate, n int, k *knowledge) (candidate, candidate, bool) {
	c := cands[n]
	i, j := tokenSpan(toks, c.start, c.end)
	for a := i + 1; a+1 < j; a++ {
		if w := toks[a].Text; w != "and" && w != "&" {
			continue
		}
		if capClass(toks[a+1].Text) == capLower || t.legalTail(toks, a+1, j, k) {
			continue
		}
		left := strings.Join(strings.Fields(s[toks[i].Start:toks[a-1].End]), " ")
		right := strings.Join(strings.Fields(s[toks[a+1].Start:toks[j-1].End]), " ")
		if left == right {
			continue // "Johnson & Johnson", "Saatchi and Saatchi": one company
		}
		first, second := part(s, toks, c, i, a), part(s, toks, c, a+1, j)
		lastL, lastR := toks[a-1].Text, toks[j-1].Text
		switch {
		case k.isLegalForm(lastL) || tailForms[lastL]:
			first.typ, second.typ = article.TypeOrg, article.TypeOrg
		case t.places != nil && t.places.IsPlace(left) && t.places.IsPlace(right) && !t.places.IsPlace(c.name):
			first.typ, second.typ = article.TypePlace, article.TypePlace
		case (institutionHeads[lastL] && a-i >= 2 || listHeads[lastL]) && (institutionHeads[lastR] || listHeads[lastR]):
			// (A lone head before "and" shares the head after it: "Bank and Financial Analysts'
			// Association".)
			first.typ, second.typ = article.TypeOrg, article.TypeOrg
		case k.isGivenAndSurname(left) && !t.hasCommonWord(toks, i+1, a) && (k.isLegalForm(lastR) || tailForms[lastR]):
			// ("Mitchell Energy and Development Corp" is one company: "Energy" is a common word.)
			first.typ, second.typ = article.TypePerson, article.TypeOrg
		default:
			tl, tr := namedElsewhere(cands, n, left, right)
			if tl == "" || tr == "" {
				continue
			}
			first.typ, second.typ = tl, tr
		}
		return first, second, true
	}
	return candidate{}, candidate{}, false
}

// namedElsewhere returns the types of other mentions named left and right (or a longer name
// opening with right: "Nova" → "Nova Corp"), "" for a side named nowhere else.
func namedElsewhere(cands []candidate, n int, left, right string) (string, string) {
	var tl, tr string
	for m, o := range cands {
		if m == n {
			continue
		}
		if o.name == left {
			tl = o.typ
		}
		if o.name == right || strings.HasPrefix(o.name, right+" ") {
			tr = o.typ
		}
	}
	return tl, tr
}

// hasCommonWord reports a word of toks[i:j] that is a common word in lower case, by the lexicon
// or WordNet ("Energy", "Tooling"); a surname that is one too ("Baker") counts, to be safe.
func (t *Tagger) hasCommonWord(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if lw := strings.ToLower(toks[k].Text); t.lex.common[lw] || wordclass.Of(lw).Known() {
			return true
		}
	}
	return false
}

// upperCasePlace reports a mention toks[i:j] in capitals that is a place by where it stands: the
// state after a dateline's town ("NORTHBROOK, ILL., March 26 -", "DENVER, COLO.,"), or a line's
// first words that the gazetteer knows ("ECUADOR nil 10,010" in a table of countries).
func (t *Tagger) upperCasePlace(s string, toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if !isUpperWord(toks[k].Text) {
			return false
		}
	}
	if lineStart(s, toks, i) {
		// A table's row goes on with its figures ("ECUADOR nil 10,010"), a dateline with its date
		// ("RIO DE JANEIRO, April 8 -"); "CLINTON: …" (a transcript's speaker) and "NATO's" do not.
		if j >= len(toks) || !(text.IsNumber(toks[j].Text) || toks[j].Text == "nil" ||
			toks[j].Text == "," && j+1 < len(toks) && (calendarWords[toks[j+1].Text] || calendarWords[titleCase(toks[j+1].Text)])) {
			return false
		}
		name := strings.Join(strings.Fields(s[toks[i].Start:toks[j-1].End]), " ")
		return len(name) > 3 && t.places != nil && t.places.IsPlace(name) && !t.hasOrgWord(titleCase(name))
	}
	if j-i != 1 || i < 2 || toks[i-1].Text != "," || !isUpperWord(toks[i-2].Text) {
		return false
	}
	// The town before: capitals back to the line's start.
	k := i - 2
	for k > 0 && k > i-6 && !lineStart(s, toks, k) && (isUpperWord(toks[k-1].Text) || strings.HasSuffix(toks[k-1].Text, ".")) {
		k--
	}
	if !lineStart(s, toks, k) {
		return false
	}
	// The date after: ". ,"/", " then a month and a day, then a dash.
	for m := j; m < len(toks) && m < j+5; m++ {
		switch w := toks[m].Text; {
		case w == "." || w == ",":
		case calendarWords[w] || calendarWords[titleCase(w)]:
			return m+1 < len(toks) && text.IsNumber(toks[m+1].Text)
		default:
			return false
		}
	}
	return false
}

// lineStart reports whether toks[i] opens a line.
func lineStart(s string, toks []token, i int) bool {
	return i == 0 || strings.Contains(s[toks[i-1].End:toks[i].Start], "\n")
}
