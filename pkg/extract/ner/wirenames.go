package ner

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
)

// This file holds two readings of the typing step for names that wire copy writes in ways the
// model reads as several names or as one too many (issue #19, "names kept whole"; "a company as a
// place"):
//
//   - a company named for two people or two words joined by "and" ("Harper and Row", "Standard
//     and Poor's", "Johnson and Johnson"), which the model reads as a list of two names;
//   - a country or nationality followed by a plain noun ("U.S. Threats", "U.S. Dlrs", "U.K.
//     Property") or by a class noun and the name of a company ("U.S. Firm Dupont", "Dutch company
//     Akzo"), which the model reads as one organisation. Wire copy capitalises the word after
//     "U.S." and the like, so the noun looks like part of a name.

// joinAndNames keeps a company name whole across "and". The model reads "A and B" as two names; a
// reader reads one name where the article shows it: once written with a legal form after it
// ("Harper and Row Publishers Inc"), or B repeating A ("Saatchi and Saatchi"), or a possessive
// after the pair ("Standard and Poor's said") — and in every case only when A is never written in
// the article without "and B" after it, so that two companies named side by side ("Nintendo and
// Sony Corp", Nintendo alone elsewhere) stay two.
func (t *Tagger) joinAndNames(s string, toks []token, cands []candidate, k *knowledge) []candidate {
	var added []candidate
	for a := 0; a+2 < len(toks); a++ {
		if toks[a+1].Text != "and" || !t.isAndNameAt(s, toks, a, k) {
			continue
		}
		end := toks[a+2].End
		if possessiveAfter(toks, a) && alwaysPossessive(toks, a) {
			end = toks[a+3].End // "Standard and Poor's", never without its "'s": the name holds it
		}
		c, ok := joinedMention(s, cands, toks[a].Start, end)
		if ok {
			added = append(added, c)
		}
	}
	return replaceCovered(cands, added)
}

// isAndNameAt reports whether toks[a:a+3] ("A and B") is one company's name by the evidence of
// joinAndNames.
func (t *Tagger) isAndNameAt(s string, toks []token, a int, k *knowledge) bool {
	first, second := toks[a].Text, toks[a+2].Text
	if capClass(first) != capInit || capClass(second) != capInit || !spaceGap(s, toks[a], toks[a+1]) ||
		!spaceGap(s, toks[a+1], toks[a+2]) || t.lex.common[strings.ToLower(first)] {
		return false
	}
	// A must never stand without "and B" after it; a place, written only once so, may be the
	// place of the company listed after it ("Bennes SA of France and Juster Steel Corp").
	seen := 0
	for n := range toks {
		if toks[n].Text == first && !(first == second && n >= 2 && toks[n-1].Text == "and" && toks[n-2].Text == first) {
			if n+2 >= len(toks) || toks[n+1].Text != "and" || toks[n+2].Text != second {
				return false
			}
			seen++
		}
	}
	if seen < 2 && t.places != nil && t.places.IsPlace(first) {
		return false
	}
	if first == second {
		return true
	}
	// Evidence somewhere in the article, the pair written twice or more ("Fitch and Moody's" once
	// is two agencies): a legal form after the pair (with capitalised words between: "Harper and
	// Row Publishers Inc"), or a possessive right after it.
	for n := range toks {
		if toks[n].Text != first || n+3 >= len(toks) {
			continue
		}
		if seen >= 2 && possessiveAfter(toks, n) {
			return true
		}
		// Once written, a legal form after the pair may be the second company's alone ("group
		// Matra and Bouygues SA"), unless a possessive inside binds them ("Standard and Poor's Corp").
		e := n + 3
		if possessiveAfter(toks, n) {
			e++
		} else if seen < 2 {
			continue
		}
		for ; e < len(toks) && e < n+6 && isNameWord(toks[e].Text); e++ {
			if k.isLegalForm(toks[e].Text) {
				return true
			}
		}
	}
	return false
}

// isNameWord reports a capitalised word, all capitals included ("PLC").
func isNameWord(w string) bool {
	c := capClass(w)
	return c == capInit || c == capAll || c == capMixed
}

// possessiveAfter reports a possessive right after the pair "A and B" at toks[a].
func possessiveAfter(toks []token, a int) bool {
	return a+3 < len(toks) && isPossessive(toks[a+3].Text) && toks[a+3].Start == toks[a+2].End
}

// alwaysPossessive reports whether every "A and B" like the one at toks[a] has a possessive after it.
func alwaysPossessive(toks []token, a int) bool {
	for n := range toks {
		if toks[n].Text == toks[a].Text && !possessiveAfter(toks, n) {
			return false
		}
	}
	return true
}

// joinedMention is one organisation over [start, end) in place of the mentions inside it, the
// longer mention's end kept when one runs on past end ("Row Publishers Inc"); ok is false when
// no mention lies in the span (the model saw no name there) or one starts before it.
func joinedMention(s string, cands []candidate, start, end int) (candidate, bool) {
	found := false
	for _, c := range cands {
		if c.end <= start || c.start >= end {
			continue
		}
		if c.start < start {
			return candidate{}, false
		}
		found = true
		if c.end > end {
			end = c.end
		}
	}
	if !found {
		return candidate{}, false
	}
	return candidate{start: start, end: end, name: strings.Join(strings.Fields(s[start:end]), " "), typ: article.TypeOrg}, true
}

// companyClassNouns are nouns that class the company named after them in an apposition: "U.S. firm
// Dupont", "Dutch company Akzo", "U.S. Bank Citicorp".
var companyClassNouns = wordSet(`firm company group bank concern consortium giant maker automaker carmaker
	unit subsidiary carrier airline insurer lender broker brokerage retailer conglomerate publisher utility chain`)

// splitCountryLeads reads a mention that opens with a country or a nationality and goes on with a
// plain noun: "U.S. Threats", "U.S. Dlrs", "U.K. Property" are the country and a noun, not an
// organisation; "U.S. Firm Dupont", "Dutch company Akzo" are the country and a company. The
// country's own bodies keep their names: a noun WordNet reads as an organisation or a group
// ("U.S. Navy", "U.S. Treasury", "U.K. Government", "U.S. Congress") is a name's head.
func (t *Tagger) splitCountryLeads(s string, toks []token, cands []candidate) []candidate {
	var out []candidate // nil until a mention changes: most documents have none
	for n, c := range cands {
		i, j := tokenSpan(toks, c.start, c.end)
		if c.typ == article.TypePerson || j-i < 2 || !t.isCountryLead(toks[i].Text) {
			if out != nil {
				out = append(out, c)
			}
			continue
		}
		noun := toks[i+1].Text
		// A nationality opens many names ("American Motors", "Swiss Bank Corp", "British
		// Columbia"); only a lower-case noun after it is plainly no part of one ("Dutch company
		// Akzo"). A country written with dots ("U.S.") opens a name only before a body's noun.
		if capClass(noun) != capLower && !isDottedAbbreviation(toks[i].Text) {
			if out != nil {
				out = append(out, c)
			}
			continue
		}
		var parts []candidate
		switch {
		case j-i == 2 && (t.isPlainNoun(s, noun) || isWireClassNoun(toks, i, noun)):
			parts = []candidate{t.countryPart(s, toks, c, i)}
		case j-i >= 3 && companyClassNouns[strings.ToLower(noun)] && allCapitalised(toks, i+2, j):
			rest := part(s, toks, c, i+2, j)
			rest.typ = article.TypeOrg
			parts = []candidate{t.countryPart(s, toks, c, i), rest}
		default:
			if out != nil {
				out = append(out, c)
			}
			continue
		}
		if out == nil {
			out = append(make([]candidate, 0, len(cands)+1), cands[:n]...)
		}
		out = append(out, parts...)
	}
	if out == nil {
		return cands
	}
	return out
}

// isCountryLead reports a word that may open a mention as its country or nationality: "U.S.",
// "U.K.", "Dutch".
func (t *Tagger) isCountryLead(w string) bool {
	if t.isNationality(w) {
		return true
	}
	return isDottedAbbreviation(w) && t.places != nil && t.places.IsPlace(w)
}

// isDottedAbbreviation reports capitals with dots: "U.S.", "U.K.".
func isDottedAbbreviation(w string) bool {
	return strings.Count(w, ".") >= 2 && isUpperWord(strings.ReplaceAll(w, ".", ""))
}

// countryPart is the country or nationality that opens c, typed as a place or a nationality.
func (t *Tagger) countryPart(s string, toks []token, c candidate, i int) candidate {
	p := part(s, toks, c, i, i+1)
	p.typ = article.TypePlace
	if t.isNationality(toks[i].Text) {
		p.typ = article.TypeMisc
	}
	return p
}

// isPlainNoun reports a word that names no body after a country: written in lower case, or a word
// of the lexicon or of WordNet (or written in lower case in the article: "dlrs") whose senses are
// neither an organisation, a group nor a gathering.
func (t *Tagger) isPlainNoun(s, w string) bool {
	if capClass(w) == capLower {
		return true
	}
	if capClass(w) != capInit {
		return false
	}
	lw := strings.ToLower(w)
	if !t.lex.common[lw] && !wordclass.Of(lw).Known() && wordclass.Speaker(lw) == 0 && !strings.Contains(s, " "+lw+" ") {
		return false
	}
	if wordclass.NameHead(lw) != 0 || isBodyNoun(lw) {
		return false
	}
	if strings.HasSuffix(lw, "s") && isBodyNoun(lw[:len(lw)-1]) {
		return false // "U.S. Airlines", "U.S. Markets": plural of a body's noun, read as one
	}
	return true
}

// isWireClassNoun reports a company's class noun that wire copy capitalised after a country
// written with dots: the plural ("U.S. Banks", "U.K. Firms", "U.K. Companies") names no body, nor
// the singular after an article ("a U.S. Company", "the U.S. Automaker", "the U.S. Agency"), though
// WordNet reads the nouns as organisations. "U.S. Treasury", "U.K. Government" stay names.
func isWireClassNoun(toks []token, i int, noun string) bool {
	if !isDottedAbbreviation(toks[i].Text) || capClass(noun) != capInit {
		return false
	}
	lw := strings.ToLower(noun)
	switch {
	case strings.HasSuffix(lw, "ies") && companyClassNouns[lw[:len(lw)-3]+"y"],
		strings.HasSuffix(lw, "s") && companyClassNouns[lw[:len(lw)-1]]:
		return true
	case companyClassNouns[lw] && lw != "bank" || lw == "agency":
		// ("a U.K. Bank" is left to the quote reader, which takes the body a dealer speaks for.)
		if i == 0 {
			return false
		}
		switch toks[i-1].Text {
		case "a", "an", "the", "A", "An", "The":
			return true
		}
	}
	return false
}

// isBodyNoun reports a noun whose first senses are an organisation or a group of people.
func isBodyNoun(lw string) bool {
	sp := wordclass.Speaker(lw)
	return sp == 'o' || sp == 'g'
}

// allCapitalised reports whether toks[i:j] are all capitalised words or legal forms' dots.
func allCapitalised(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if c := capClass(toks[k].Text); c != capInit && c != capAll && c != capMixed {
			return false
		}
	}
	return i < j
}

// splitPersonOfBody reads "<given name> <surname> of <body>" as a person and the body they speak
// for, not one organisation: wire copy credits analysts so ("said Jane Roe of Acme Securities
// Inc"). The words before "of" must open with a common given name and hold no head noun of a body
// ("Royal Bank of Canada", "Boys Choir of Harlem" stay whole); a title of a work ("Maria Full of
// Grace") is left to the readings of works.
func (t *Tagger) splitPersonOfBody(s string, toks []token, cands []candidate, k *knowledge) []candidate {
	var out []candidate // nil until a mention changes: most documents have none
	for n, c := range cands {
		i, j := tokenSpan(toks, c.start, c.end)
		of := t.personOfBodyAt(toks, cands, c, i, j, k)
		if of < 0 {
			if out != nil {
				out = append(out, c)
			}
			continue
		}
		if out == nil {
			out = append(make([]candidate, 0, len(cands)+1), cands[:n]...)
		}
		person, body := part(s, toks, c, i, of), part(s, toks, c, of+1, j)
		person.typ, person.personCue = article.TypePerson, true
		body.typ, body.personCue, body.role = article.TypeOrg, false, ""
		if t.places != nil && t.places.IsPlace(body.name) {
			body.typ = article.TypePlace
		}
		out = append(out, person, body)
	}
	if out == nil {
		return cands
	}
	return out
}

// personOfBodyAt returns the index of the "of" that parts a person from a body in the mention
// toks[i:j], or -1. The person opens with a common given name, or the article names them elsewhere
// by the surname alone as a person ("Ashok Vishwanathan of …" and "Mr Vishwanathan said").
func (t *Tagger) personOfBodyAt(toks []token, cands []candidate, c candidate, i, j int, k *knowledge) int {
	if c.typ == article.TypePerson || c.typ == article.TypeMisc || j-i < 4 {
		return -1
	}
	if !k.firstNames[toks[i].Text] && !(i+2 < j && toks[i+2].Text == "of" && isPersonElsewhere(cands, toks[i+1].Text)) {
		return -1
	}
	// A given name that is also a place opens places' and bodies' names too: "Paris Group of
	// Six", "Hong Kong Land of …".
	if t.places != nil && t.places.IsPlace(toks[i].Text) {
		return -1
	}
	for of := i + 2; of <= i+3 && of+1 < j; of++ {
		if toks[of].Text != "of" {
			continue
		}
		for w := i; w < of; w++ {
			lw := strings.ToLower(toks[w].Text)
			if capClass(toks[w].Text) != capInit || institutionHeads[toks[w].Text] || genericNames[toks[w].Text] ||
				wordclass.NameHead(lw) != 0 || isBodyNoun(lw) {
				return -1
			}
		}
		if capClass(toks[of+1].Text) == capLower {
			return -1
		}
		return of
	}
	return -1
}

// isPersonElsewhere reports a person mention named by the one word w.
func isPersonElsewhere(cands []candidate, w string) bool {
	for _, o := range cands {
		if o.typ == article.TypePerson && o.name == w {
			return true
		}
	}
	return false
}

// extendToLongerForms gives a mention the longer name the article writes elsewhere when the words
// right before or after it complete that name: "the West Texas crop" beside "in West Texas" (the
// model tagged "Texas" alone there), "Suffolk Coastal", "Kanye West". The mention takes the
// longer name's type.
func (t *Tagger) extendToLongerForms(s string, toks []token, cands []candidate) []candidate {
	if len(cands) < 2 {
		return cands
	}
	names := make(map[string]string, len(cands)) // name → type
	for _, c := range cands {
		if strings.IndexByte(c.name, ' ') >= 0 {
			names[c.name] = c.typ
		}
	}
	changed := false
	for n := range cands {
		c := &cands[n]
		i, j := tokenSpan(toks, c.start, c.end)
		if i >= j {
			continue
		}
		a, b := longerFormAround(s, toks, names, i, j)
		if a == i && b == j || mentionOverlaps(cands, n, toks[a].Start, toks[b-1].End) || t.addsHonorific(toks, a, i) {
			continue
		}
		*c = part(s, toks, *c, a, b)
		c.typ = names[c.name]
		changed = true
	}
	if !changed {
		return cands
	}
	return dropInside(cands)
}

// addsHonorific reports an honorific or a title among toks[a:i], the words a longer form would add
// before a name: "Mr Brown" written elsewhere is no longer name of "Brown", but a title the model
// kept there.
func (t *Tagger) addsHonorific(toks []token, a, i int) bool {
	for k := a; k < i; k++ {
		if t.lex.honorifics[toks[k].Text] || t.lex.titles[toks[k].Text] {
			return true
		}
	}
	return false
}

// longerFormAround returns the widest span [a, b) around toks[i:j], up to three capitalised words
// on each side joined by spaces, whose text is a name of names.
func longerFormAround(s string, toks []token, names map[string]string, i, j int) (int, int) {
	for a := max(0, i-3); a <= i; a++ {
		for b := min(len(toks), j+3); b >= j; b-- {
			if a == i && b == j {
				continue
			}
			if !capitalisedJoined(s, toks, a, i+1) || !capitalisedJoined(s, toks, j-1, b) {
				continue
			}
			if _, ok := names[s[toks[a].Start:toks[b-1].End]]; ok { // names are single-spaced; so are most texts
				return a, b
			}
		}
	}
	return i, j
}

// capitalisedJoined reports whether toks[a:b] are capitalised words each a space after the one
// before it.
func capitalisedJoined(s string, toks []token, a, b int) bool {
	for k := a; k < b; k++ {
		if cc := capClass(toks[k].Text); cc != capInit && cc != capAll && cc != capMixed {
			return false
		}
		if k+1 < b && !spaceGap(s, toks[k], toks[k+1]) {
			return false
		}
	}
	return true
}

// mentionOverlaps reports whether a mention other than cands[self] overlaps [start, end) without
// lying inside it.
func mentionOverlaps(cands []candidate, self, start, end int) bool {
	for n, o := range cands {
		if n != self && o.start < end && o.end > start && (o.start < start || o.end > end) {
			return true
		}
	}
	return false
}

// dropInside drops mentions that lie inside another one, keeping text order.
func dropInside(cands []candidate) []candidate {
	out := cands[:0]
	for n, c := range cands {
		inside := false
		for m, o := range cands {
			inside = inside || m != n && o.start <= c.start && o.end >= c.end && (o.end-o.start > c.end-c.start || m < n)
		}
		if !inside {
			out = append(out, c)
		}
	}
	return out
}

// clubSuffixes end the names of football clubs named after their town: "Manchester United",
// "Bristol Rovers", "Aston Villa". ("City", "County" and "Town" are left out: "Quebec City", "Cook
// County", "Cape Town" are places the gazetteer may not hold whole.)
var clubSuffixes = wordSet(`United Rovers Athletic Wanderers Albion Rangers Villa Utd Hotspur Argyle FC AFC`)

// isTeamAfterThe reports a capitalised plural after a town that "the" opens, as North American
// clubs are written ("the Pittsburgh Penguins", "the Boston Bruins"); after a country it is mostly
// a capitalised noun of wire copy ("the U.S. Agencies"). Occasions and laws are no clubs
// ("the Tokyo Games", "the Camp David Accords").
func (t *Tagger) isTeamAfterThe(toks []token, start int, place, plural string, k *knowledge) bool {
	i, _ := tokenSpan(toks, start, start+1)
	if i == 0 || toks[i-1].Text != "the" || !t.isGroupPlural(plural, k) || lawHeadWords[plural] || t.isOccasionHead(plural) ||
		t.isCountryLead(place) || t.isCountry(place) {
		return false
	}
	return !t.isOccasionHead(strings.TrimSuffix(plural, "s"))
}

// joinClubNames makes one club of a place and a club's suffix the model tagged apart or left out
// ("Sheffield" + "United"), when the two are not a place as a whole. (A plural after a place is
// left alone here: after "U.S." it is mostly a capitalised noun of wire copy, "U.S. Officials".)
func (t *Tagger) joinClubNames(s string, toks []token, cands []candidate, k *knowledge) []candidate {
	if t.places == nil {
		return cands
	}
	var added []candidate
	for n, a := range cands {
		if a.typ != article.TypePlace {
			continue
		}
		_, j := tokenSpan(toks, a.start, a.end)
		if j >= len(toks) || toks[j].Start != a.end+1 || s[a.end] != ' ' || capClass(toks[j].Text) != capInit {
			continue
		}
		next := toks[j]
		if n+1 < len(cands) && cands[n+1].start < next.End && (cands[n+1].start != next.Start || cands[n+1].end != next.End) {
			continue // the word opens or sits in a longer mention
		}
		name := a.name + " " + next.Text
		if !clubSuffixes[next.Text] && !t.isTeamAfterThe(toks, a.start, a.name, next.Text, k) || !t.isTeamName(strings.Fields(name), k) {
			continue
		}
		added = append(added, candidate{start: a.start, end: next.End, name: name, typ: article.TypeOrg})
	}
	return replaceCovered(cands, added)
}
