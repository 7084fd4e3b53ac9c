package ner

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// This file holds the document-level typing step's readings of names by their kind (issue #19,
// "Entity typing with knowledge and consistency"): titles of works named by a class noun ("the
// thriller The Woodsman", "Sideways, a comedy starring …"), named events by their head word
// ("Independent Spirit Awards", "Dubai Air Show", "the Sundance film festival"), spans a reader
// keeps whole or splits ("Commission on Presidential Debates", "Argus Leader", "Slate and Drudge
// Report"), companies after a role ("strategist at Miller Tabak"), people after an honorific ("Ms
// Love") or a role ("producer Michael London"), and prefixes that never change a name's type
// ("anti-Trump"). Every rule reads words around a name, never a name itself.

// Class nouns of works. strongWorkNouns are nouns only; weakWorkNouns are verbs too ("polls show
// Clinton ahead"), so they count only after a determiner, a possessive, a year or an adjective of
// release ("the show X", "her new book X", "the 2002 hit X").
var (
	strongWorkNouns = wordSet(`film films movie documentary drama comedy thriller biopic sitcom novel memoir
album musical miniseries docuseries docudrama telenovela`)
	weakWorkNouns   = wordSet(`series show book hit programme program song opera`)
	workDeterminers = wordSet(`the a an his her their its our new latest forthcoming upcoming hit popular
acclaimed debut first second third final`)
	// titleFunctionWords may stand inside a work's title between capitalised words ("Maria Full of
	// Grace", "The Door in the Floor", "Brother to Brother"); "and" may not, so lists stay lists.
	titleFunctionWords = wordSet(`of the a an in on to for with at from by`)
	// nameEventHeads end the names of events whatever type the model gave them: awards, festivals,
	// fairs and shows ("Independent Spirit Awards", "Academy Award"). (Forums, conferences and
	// games also name bodies and companies: "World Economic Forum", "Epic Games".)
	nameEventHeads = wordSet(`Awards Award Festival Expo Exposition Olympics Biennale`)
	// placeOrgHeads after a place the model tagged alone make a company of it.
	placeOrgHeads = wordSet(`Railways Railway Airways Airlines Airline Holdings Bancorp`)
	// outletHeads end newspapers' names besides mediaHeadWords: "Argus Leader", "Drudge Report".
	outletHeads = wordSet(`Leader Report Register Sentinel Inquirer Examiner Enquirer Gazette Bee`)
	// namePrefixes joined to a name by a hyphen make an adjective of it; the name keeps its type.
	namePrefixes = []string{"anti-", "pro-", "ex-", "non-", "post-", "pre-", "Anti-", "Pro-", "Ex-"}
	// personRoleNouns are roles of people in the arts and media that lexicon.go's role words (model
	// features) lack: "producer Michael London".
	personRoleNouns = wordSet(`producer director actor actress singer writer author novelist screenwriter
filmmaker composer musician rapper comedian presenter host anchor columnist photographer designer artist`)
	// kinNouns before a name or in apposition to it say it is a person's.
	kinNouns = wordSet(`wife husband son daughter mother father brother sister widow widower fiancée fiancé
girlfriend boyfriend grandson granddaughter grandmother grandfather niece nephew cousin stepson stepdaughter`)
	// placePrepositions before a name say it is a place: "in Georgia", "from Florence".
	placePrepositions = wordSet(`in at from to near into across outside inside throughout`)
)

// readNameKinds applies this file's readings to the mentions reshape has made, in text order.
func (t *Tagger) readNameKinds(s string, toks []token, cands []candidate) []candidate {
	k := loadKnowledge()
	cands = stripNamePrefixes(s, cands)
	cands = addNamedStorms(s, toks, cands)
	cands = t.extendNames(s, toks, cands)
	cands = t.extendLawNames(s, toks, cands)
	cands = t.splitOutletLists(s, toks, cands)
	for n := range cands {
		t.kindCues(s, toks, &cands[n], k)
	}
	return t.addWorkTitles(s, toks, cands)
}

// stripNamePrefixes reads "anti-Trump", "pro-Clinton" as the name they are made of. The model often
// calls such adjectives bodies; the name takes the type its other mentions have, and is dropped when
// the text names it nowhere else.
func stripNamePrefixes(s string, cands []candidate) []candidate {
	var typeOf map[string]string // built only when a prefixed mention is found
	out := cands[:0]
	for _, c := range cands {
		p := ""
		for _, pre := range namePrefixes {
			if strings.HasPrefix(c.name, pre) && len(c.name) > len(pre) && capClass(c.name[len(pre):len(pre)+1]) != capLower {
				p = pre
				break
			}
		}
		if p == "" {
			out = append(out, c)
			continue
		}
		if typeOf == nil {
			typeOf = map[string]string{}
			for _, o := range cands {
				if !hasNamePrefix(o.name) {
					typeOf[o.name] = o.typ
					if w := strings.Fields(o.name); o.typ == article.TypePerson && len(w) > 1 {
						typeOf[w[len(w)-1]] = o.typ // "Donald Trump" makes "Trump" a person
					}
				}
			}
		}
		bare := c.name[len(p):]
		if hasLowerWordIn(bare) {
			out = append(out, c) // "the anti-Islam party": a description the model made a body of
			continue
		}
		typ, ok := typeOf[bare]
		if !ok {
			continue
		}
		c.start += len(p)
		c.name, c.typ = bare, typ
		c.ev, c.role, c.personCue = evidence{}, "", false
		out = append(out, c)
	}
	return out
}

// hasLowerWordIn reports a lower-case word in a name: "Islam party".
func hasLowerWordIn(name string) bool {
	for _, w := range strings.Fields(name) {
		if capClass(w) == capLower {
			return true
		}
	}
	return false
}

func hasNamePrefix(name string) bool {
	for _, pre := range namePrefixes {
		if strings.HasPrefix(name, pre) {
			return true
		}
	}
	return false
}

// extendNames keeps names whole where the model cut them: a newspaper's head word after its name
// ("Argus" + "Leader"), an institution's head before "on" or "for" ("Commission on" + "Presidential
// Debates"), and a festival named with a lower-case "festival" ("the Sundance film festival").
func (t *Tagger) extendNames(s string, toks []token, cands []candidate) []candidate {
	for n := range cands {
		c := &cands[n]
		if c.typ == article.TypePerson {
			continue
		}
		i, j := tokenSpan(toks, c.start, c.end)
		if i >= j {
			continue
		}
		next := len(s)
		if n+1 < len(cands) {
			next = cands[n+1].start
			// "Tulsa" + "Sentinel": the model's mention of the head word alone joins the name.
			if d := cands[n+1]; j < len(toks) && d.start == toks[j].Start && d.end == toks[j].End && outletHeads[d.name] {
				next = d.end
				cands[n+1].name = "" // dropped below
			}
		}
		// "the Dutch festival", "a UK festival": a nationality or a country's abbreviation before a
		// lower-case "festival" says where a festival is, not what it is called.
		generic := j-i == 1 && (t.isNationality(toks[i].Text) || isUpperWord(toks[i].Text) && len(toks[i].Text) <= 3)
		switch {
		case j < len(toks) && toks[j].End <= next && (outletHeads[toks[j].Text] || mediaHeadWords[toks[j].Text] && c.typ != article.TypePlace ||
			c.typ == article.TypePlace && placeOrgHeads[toks[j].Text]) &&
			capClass(toks[j].Text) == capInit && spaceGap(s, toks[j-1], toks[j]) &&
			(j+1 >= len(toks) || capClass(toks[j+1].Text) != capInit || !spaceGap(s, toks[j], toks[j+1])):
			// "the Argus Leader reported": the outlet's name with its head word; "Kenya Railways
			// said", "carrier Emirates Airline": a company named after its country with its head.
			c.end, c.typ = toks[j].End, article.TypeOrg
		case !generic && j+1 < len(toks) && toks[j].Text == "festival" && toks[j].End <= next && spaceGap(s, toks[j-1], toks[j]):
			c.end, c.typ = toks[j].End, article.TypeEvent
		case !generic && j+2 < len(toks) && toks[j].Text == "film" && toks[j+1].Text == "festival" && toks[j+1].End <= next:
			c.end, c.typ = toks[j+1].End, article.TypeEvent
		}
		// "the Commission on Presidential Debates", "the Center for Strategic Studies".
		if i >= 2 && (toks[i-1].Text == "on" || toks[i-1].Text == "for") && institutionHeads[toks[i-2].Text] &&
			(n == 0 || cands[n-1].end <= toks[i-2].Start) && spaceGap(s, toks[i-2], toks[i-1]) && spaceGap(s, toks[i-1], toks[i]) {
			k0 := i - 2
			for k0 > 0 && capClass(toks[k0-1].Text) == capInit && toks[k0-1].Text != "The" && spaceGap(s, toks[k0-1], toks[k0]) &&
				(n == 0 || cands[n-1].end <= toks[k0-1].Start) && !calendarWords[toks[k0-1].Text] && k0 > i-5 {
				k0--
			}
			c.start, c.typ = toks[k0].Start, article.TypeOrg
			c.personCue, c.role = false, ""
		}
		if c.start != toks[i].Start || c.end != toks[j-1].End {
			c.name = strings.Join(strings.Fields(s[c.start:c.end]), " ")
		}
	}
	out := cands[:0]
	for _, c := range cands {
		if c.name != "" {
			out = append(out, c)
		}
	}
	return out
}

// splitOutletLists splits "Slate and Drudge Report", one mention of two outlets: a mention holding
// " and " whose last part ends in an outlet's head word names two outlets.
func (t *Tagger) splitOutletLists(s string, toks []token, cands []candidate) []candidate {
	var out []candidate // nil until a mention is split
	for n, c := range cands {
		a, b, ok := strings.Cut(s[c.start:c.end], " and ")
		last := lastOfSeveral(b)
		if !ok || c.typ == article.TypePerson || last == "" || !outletHeads[last] && !mediaHeadWords[last] ||
			!isCapitalisedRun(b) || strings.Contains(a, " ") || capClass(a) != capInit {
			if out != nil {
				out = append(out, c)
			}
			continue
		}
		if out == nil {
			out = append(make([]candidate, 0, len(cands)+1), cands[:n]...)
		}
		first, second := c, c
		first.end, first.name, first.typ = c.start+len(a), a, article.TypeOrg
		second.start, second.name, second.typ = c.end-len(b), strings.Join(strings.Fields(b), " "), article.TypeOrg
		out = append(out, first, second)
	}
	if out == nil {
		return cands
	}
	return out
}

// kindCues reads one mention's kind from the words around it and from the name's own words.
func (t *Tagger) kindCues(s string, toks []token, c *candidate, k *knowledge) {
	i, j := tokenSpan(toks, c.start, c.end)
	if i >= j {
		return
	}
	// "the Coty-Kylie Jenner deal": a company joined by a hyphen to a person's given name is no
	// part of the person's name.
	if c.typ == article.TypePerson && j-i >= 4 && toks[i+1].Text == "-" && hyphenInWord(toks, i+1) &&
		k.firstNames[toks[i+2].Text] && !k.firstNames[toks[i].Text] && capClass(toks[i].Text) == capInit {
		c.start = toks[i+2].Start
		c.name = strings.Join(strings.Fields(s[c.start:c.end]), " ")
		i += 2
	}
	// "Ms Love", "Dr Jane Goodall" typed a body or a work: an honorific makes a person.
	if c.typ != article.TypePerson && j-i >= 2 && t.lex.honorifics[toks[i].Text] && capClass(toks[i+1].Text) == capInit {
		c.role = ""
		c.start, c.typ, c.personCue = toks[i+1].Start, article.TypePerson, true
		c.name = strings.Join(strings.Fields(s[c.start:c.end]), " ")
		c.ev.titled = true
		c.ev.score[tiPerson] += cueWeight
		return
	}
	var prev, prev2 string
	if i > 0 && spaceGap(s, toks[i-1], toks[i]) {
		prev = toks[i-1].Text
		if i > 1 && spaceGap(s, toks[i-2], toks[i-1]) {
			prev2 = toks[i-2].Text
		}
	}
	// "producer Michael London", "Sen. Mary Landrieu" typed a body or a place: a given name after
	// a role or a title is a person (and outweighs "producer" read as a company's class noun).
	if j-i >= 2 && j-i <= 3 && k.firstNames[toks[i].Text] &&
		(capClass(prev) == capLower && (t.lex.roleWords[prev] || personRoleNouns[prev]) || t.lex.titles[prev] ||
			c.typ == article.TypePerson && personNounBefore(s, toks, i)) {
		c.ev.score[tiPerson] += nameWeight
	}
	// "his wife Heidi", "Trump's wife, Melania,", "Frances Bean, her 12-year-old daughter": kin
	// are people.
	if c.typ != article.TypePerson && j-i <= 3 && (kinNouns[prev] || i >= 2 && toks[i-1].Text == "," && kinNouns[toks[i-2].Text] ||
		t.kinApposition(toks, j)) {
		c.ev.score[tiPerson] += nameWeight
		c.personCue = true // a given name that is also a place's stays the person ("wife, Georgia,")
	}
	c.ev.occasion = c.ev.occasion || occasionBefore(s, toks, i) || occasionAfter(toks, j)
	c.ev.quoted = c.ev.quoted || inQuotes(toks, i, j)
	if t.isCompanyPossessive(c, toks, j) {
		c.ev.score[tiOrg] += cueWeight // "Ulta's shares", "Emirates' profits"
	}
	words := strings.Fields(c.name)
	t.companyCues(s, toks, c, i, j)
	t.orgCues(c, words, prev, prev2, k)
	t.eventAndWorkCues(toks, c, i, j, words)
}

// orgCues reads a mention as a body by its head words or by the words before it (prev2 prev).
func (t *Tagger) orgCues(c *candidate, words []string, prev, prev2 string, k *knowledge) {
	// "equity strategist at Miller Tabak", "an analyst with Wedbush": the employer of a role is a body.
	if t.isEmployer(c, words, prev, prev2, k) {
		c.ev.score[tiOrg] += cueWeight
	}
	// "Drudge Report", "Tulsa Sentinel" typed a work or a place: an outlet's head word names a body.
	if (c.typ == article.TypeMisc || c.typ == article.TypePlace) && len(words) >= 2 && outletHeads[words[len(words)-1]] {
		c.ev.score[tiOrg] += nameWeight
	}
	// "the state Department of Public Safety" typed a place, or read as one after "state": an
	// institution's head before "of" names a body.
	if c.typ != article.TypePerson && len(words) >= 3 && institutionHeads[words[0]] &&
		(words[1] == "of" || words[1] == "on" || words[1] == "for") {
		c.ev.score[tiOrg] += nameWeight
	}
	// "on Twitter", "with Ulta": a company the knowledge lists that the gazetteer does not know,
	// after a word no place takes ("in Nanjing" stays a place: the company list holds towns too).
	if c.typ == article.TypePlace && len(words) == 1 && k.orgNames[c.name] && t.places != nil && !t.places.IsPlace(c.name) &&
		(prev == "on" || prev == "with" || prev == "by" || prev == "via" || orgClassNouns[prev]) {
		c.ev.score[tiOrg] += cueWeight
	}
}

// eventAndWorkCues reads a mention [i, j) as a named event by its head word or as a work by the
// words around it.
func (t *Tagger) eventAndWorkCues(toks []token, c *candidate, i, j int, words []string) {
	// Named events by their head: "Independent Spirit Awards", "Academy Award"; a show after a
	// place is a trade show ("Dubai Air Show", "Geneva Motor Show"), not a programme.
	if len(words) >= 2 && c.typ != article.TypeEvent && !c.ev.titled {
		last := words[len(words)-1]
		if nameEventHeads[last] && capClass(last) == capInit ||
			last == "Show" && t.places != nil && t.places.IsPlace(words[0]) && !t.places.IsPlace(c.name) {
			// The head outweighs an organisation word before it ("Academy Award").
			c.ev.score[tiEvent] += nameWeight + weakWeight
		}
	}
	// "Kinsey, starring Liam Neeson": what stars someone is a work.
	if j+1 < len(toks) && toks[j].Text == "," && toks[j+1].Text == "starring" {
		c.ev.score[tiMisc] += nameWeight
		c.ev.work = true
	}
	// "the thriller The Woodsman", "high school comedy Napoleon Dynamite"; "directed Pulp
	// Fiction", "the Star Wars movie" (works.go).
	if isWorkCue(toks, i) || (c.typ == article.TypeOrg || c.typ == article.TypeMisc) && workBefore(toks, i) && !nounAfter(toks, j) ||
		c.typ == article.TypeMisc && workNounAfter(toks, j) {
		c.ev.score[tiMisc] += nameWeight
		c.ev.work = true
	}
}

// kinApposition reports ", his/her/their … KIN" after a mention ending at token j.
func (t *Tagger) kinApposition(toks []token, j int) bool {
	if j+2 >= len(toks) || toks[j].Text != "," {
		return false
	}
	switch toks[j+1].Text {
	case "his", "her", "their":
	default:
		return false
	}
	for k := j + 2; k < len(toks) && k < j+8; k++ {
		if w := toks[k].Text; kinNouns[w] {
			return true
		} else if !text.IsWord(w) && w != "-" {
			return false
		}
	}
	return false
}

// appendTitleBefore appends the title ending before token h, if there is one.
func appendTitleBefore(s string, toks []token, h int, added []candidate) []candidate {
	if b := titleStart(s, toks, h); b < h {
		added = append(added, workTitle(s, toks, b, h))
	}
	return added
}

// appendTitlesAfter appends the title opening at token h, in quotes or not, and the titles listed
// after it: "comedy Napoleon Dynamite, The Door in the Floor and Garden State" (unless the model
// found a person or a place there).
func appendTitlesAfter(s string, toks []token, cands []candidate, h int, added []candidate) []candidate {
	if b, e := quotedTitle(toks, h); e > b {
		return append(added, workTitle(s, toks, b, e)) // "the documentary “13th”"
	}
	if !isTitleWord(toks[h].Text) {
		return added
	}
	e := titleEnd(s, toks, h)
	if e == h {
		return added
	}
	added = append(added, workTitle(s, toks, h, e))
	for e+1 < len(toks) && (toks[e].Text == "," || toks[e].Text == "and") && isTitleWord(toks[e+1].Text) {
		b := e + 1
		if e = titleEnd(s, toks, b); e == b || holdsPersonOrPlace(cands, toks[b].Start, toks[e-1].End) {
			break
		}
		added = append(added, workTitle(s, toks, b, e))
	}
	return added
}

// Kinds of the cue words addWorkTitles reads.
const (
	cueStrong = iota + 1
	cueWeak
	cueCreator
)

// workCueKinds joins the cue word lists into one table, so that a word costs one lookup.
var workCueKinds = func() map[string]uint8 {
	m := map[string]uint8{}
	for w := range creatorNouns {
		m[w] = cueCreator
	}
	for w := range weakWorkNouns {
		m[w] = cueWeak
	}
	for w := range strongWorkNouns {
		m[w] = cueStrong
	}
	return m
}()

// workCuePrefixes holds the first two letters of the cue words: most words are ruled out by
// one array read before the map is looked up.
var workCuePrefixes = func() (p [26 * 26]bool) {
	for w := range workCueKinds {
		p[cuePrefix(w)] = true
	}
	return p
}()

// cuePrefix indexes a word's first two bytes when they are lower-case ASCII letters, else 0
// ("aa", which no cue word opens with).
func cuePrefix(w string) int {
	a, b := w[0], w[1]
	if a < 'a' || a > 'z' || b < 'a' || b > 'z' {
		return 0
	}
	return int(a-'a')*26 + int(b-'a')
}

// isWorkCue reports a work's class noun right before token i: "biopic Kinsey", "the 2002 hit X".
func isWorkCue(toks []token, i int) bool {
	if i < 1 {
		return false
	}
	w := toks[i-1].Text
	if strongWorkNouns[w] {
		return true
	}
	if !weakWorkNouns[w] || i < 2 {
		return false
	}
	p := toks[i-2].Text
	return workDeterminers[strings.ToLower(p)] || isYear(p) || isPossessive(p)
}

// addWorkTitles finds titles of works the model cut or missed: the capitalised run after a work's
// class noun ("Spanish drama Maria Full of Grace", "the thriller The Woodsman") and the one before
// an apposition that names a work ("Brother to Brother, a drama about …", "Sideways, a wine-tasting
// comedy starring …"). A title replaces the mentions inside it; one that a mention reaches out of
// is left alone.
func (t *Tagger) addWorkTitles(s string, toks []token, cands []candidate) []candidate {
	var added []candidate
	// One pass over the tokens; only commas and lower-case cue words (workCueKinds) are read
	// further, so the pass costs one map lookup per lower-case word.
	for h := 1; h+1 < len(toks); h++ {
		w := toks[h].Text
		if w == "," {
			if h+2 < len(toks) && t.isWorkApposition(toks, h) {
				added = appendTitleBefore(s, toks, h, added)
			}
			continue
		}
		if len(w) < 3 && w != "as" { // ("as": "novels such as X")
			continue
		}
		if b := workVerbTitle(toks, h); b >= 0 && spaceGap(s, toks[b-1], toks[b]) {
			added = appendTitlesAfter(s, toks, cands, b, added) // "directed The Sea Inside"
			continue
		}
		kind := uint8(0)
		if workCuePrefixes[cuePrefix(w)] {
			kind = workCueKinds[w]
		}
		switch kind {
		case 0:
			if quotedAfterWorkNoun(toks, h) {
				added = appendTitlesAfter(s, toks, cands, h+1, added) // "the anthem “Lift Every Voice”"
			} else if b := worksExampleTitle(toks, h); b >= 0 {
				added = appendTitlesAfter(s, toks, cands, b, added) // "films including Vera Drake"
			}
		case cueCreator:
			if t.isCreatorOf(s, toks, cands, h) {
				added = appendTitleBefore(s, toks, h, added)
			}
		case cueStrong, cueWeak:
			if isWorkCue(toks, h+1) && spaceGap(s, toks[h], toks[h+1]) {
				added = appendTitlesAfter(s, toks, cands, h+1, added)
			}
		}
	}
	// A title that a mention reaches out of is no title ("the film Paul Giamatti's …").
	keep := added[:0]
	for _, a := range added {
		reaches := false
		for _, c := range cands {
			reaches = reaches || c.start < a.end && a.start < c.end && (c.start < a.start || c.end > a.end)
		}
		if !reaches {
			keep = append(keep, a)
		}
	}
	return replaceCovered(cands, keep)
}

// quotedTitle returns the tokens [b, e) of a title in quotes opening at token h ("“13th”"), or
// b == e.
func quotedTitle(toks []token, h int) (int, int) {
	switch toks[h].Text {
	case "“", "\"", "‘":
	default:
		return h, h
	}
	last := h // the last word inside the quotes
	for k := h + 1; k < len(toks) && k < h+10; k++ {
		switch w := toks[k].Text; {
		case w == "”" || w == "\"" || w == "’":
			if last > h && isTitleWord(toks[h+1].Text) && isTitleWord(toks[last].Text) {
				return h + 1, last + 1
			}
			return h, h
		case w == "." || w == "," || w == "!" || w == "?": // “13th.” — the sentence's stop inside
		case text.IsWord(w):
			last = k
		case w != "-" && w != ":":
			return h, h
		}
	}
	return h, h
}

// holdsPersonOrPlace reports a model's person or place mention inside bytes [start, end).
func holdsPersonOrPlace(cands []candidate, start, end int) bool {
	for _, c := range cands {
		if c.start >= start && c.end <= end && (c.typ == article.TypePerson || c.typ == article.TypePlace) {
			return true
		}
	}
	return false
}

func workTitle(s string, toks []token, i, j int) candidate {
	c := candidate{start: toks[i].Start, end: toks[j-1].End, typ: article.TypeMisc}
	c.name = strings.Join(strings.Fields(s[c.start:c.end]), " ")
	c.ev.score[tiMisc] = nameWeight
	c.ev.work = true
	return c
}

// isTitleWord reports a word that may open or end a title: capitalised, or a number ("13th").
func isTitleWord(w string) bool {
	switch capClass(w) {
	case capInit, capAll, capMixed, capHasDigit:
		return text.IsWord(w)
	}
	return false
}

// titleEnd returns the end of the title opening at token i: capitalised words and the function
// words between them, on one line, ending with a capitalised word; i when there is none.
func titleEnd(s string, toks []token, i int) int {
	end := i
	for k := i; k < len(toks) && k < i+8; k++ {
		if n := titleApostrophe(s, toks, k); k > i && n > 0 {
			k += n - 1 // "Footballers' Wives", "Schindler's List": the apostrophe and its "s" stay inside
			continue
		}
		if k > i && !spaceGap(s, toks[k-1], toks[k]) {
			break
		}
		w := toks[k].Text
		if isTitleWord(w) && !calendarWords[w] {
			end = k + 1
			continue
		}
		if !titleFunctionWords[w] {
			break
		}
	}
	return end
}

// titleStart returns the start of a title ending before token j: walking left over title words
// to the start of the sentence or a word that is neither; j when the run opens with no capital.
func titleStart(s string, toks []token, j int) int {
	start := j
	for k := j - 1; k >= 0 && k > j-8; k-- {
		if k < j-1 && !spaceGap(s, toks[k], toks[k+1]) {
			break
		}
		w := toks[k].Text
		if isTitleWord(w) && !calendarWords[w] {
			start = k
			continue
		}
		if !titleFunctionWords[w] {
			break
		}
	}
	return start
}

// creatorNouns between a title and a person's name make the title a work: "The New Jim Crow
// author Michelle Alexander", "Scrubs star Zach Braff", "Kill Bill director X". ("producer" is a
// body's too: "Norwegian producer Equinor"; "director" counts as a cast noun: "FBI director James
// Comey" names a body the model knows.)
var creatorNouns = wordSet(`author novelist screenwriter showrunner star actor actress director`)

// castNouns are the creator nouns a club or a place may stand before too: "Chelsea star X",
// "Hollywood actress Y".
var castNouns = wordSet(`star actor actress director`)

// isCreatorOf reports a creator noun at token h between a capitalised run and a person's name
// (a capitalised word follows). After "star" the run must be one the model found no body or place
// in: "Chelsea star Eden Hazard" names a club.
func (t *Tagger) isCreatorOf(s string, toks []token, cands []candidate, h int) bool {
	if capClass(toks[h+1].Text) != capInit || !spaceGap(s, toks[h-1], toks[h]) || !isTitleWord(toks[h-1].Text) {
		return false
	}
	if !castNouns[toks[h].Text] {
		return true
	}
	if toks[h].Text == "director" && !t.directedTitleBefore(cands, toks, h) {
		return false
	}
	for _, c := range cands {
		if c.end == toks[h-1].End && (c.typ == article.TypeOrg || c.typ == article.TypePlace) {
			return false
		}
	}
	return !(t.places != nil && t.places.IsPlace(toks[h-1].Text))
}

// isWorkApposition reports ", a/an/the … NOUN" at token h whose head is a work's class noun:
// "Sideways, a wine-tasting comedy starring …".
func (t *Tagger) isWorkApposition(toks []token, h int) bool {
	switch toks[h+1].Text {
	case "a", "an", "the":
	default:
		return false
	}
	for k := h + 2; k < len(toks) && k < h+9; k++ {
		w := toks[k].Text
		if isWorkNoun(w) {
			if !isHandWorkNoun(w) && toks[h+1].Text == "the" {
				return false // "According to X, the pact's chapter": WordNet's nouns only after "a"
			}
			return k+1 >= len(toks) || !text.IsWord(toks[k+1].Text) || appositionEnds[toks[k+1].Text] ||
				toks[k+1].Text == "starring" || toks[k+1].Text == "about" || isParticiple(toks[k+1].Text)
		}
		if !isAppositionModifier(w) || appositionHeadEnds[w] {
			return false // past the head: "X, the production company behind the show"
		}
	}
	return false
}

// appositionHeadEnds are words that come after an apposition's head noun, never before it: a
// work noun past one of them is not the head.
var appositionHeadEnds = wordSet(`of for behind with by from in on at to into that which who whose
the a an and or but`)

// retypeGivenNames makes a lone given name the model called a place a person when a person of
// the text bears it first and no mention of it reads as a place ("Melania" beside "Melania
// Trump"; "in Georgia" stays the place).
func (t *Tagger) retypeGivenNames(s string, order []*entity) {
	k := loadKnowledge()
	for _, e := range order {
		if e.typ != article.TypePlace || len(e.words) != 1 || !k.firstNames[e.name] || len(e.mentions) == 0 {
			continue
		}
		named := false
		for _, o := range order {
			named = named || o.typ == article.TypePerson && len(o.words) >= 2 && o.words[0] == e.name && len(o.mentions) > 0
		}
		if !named || afterPlacePreposition(s, e.mentions) {
			continue
		}
		e.typ = article.TypePerson
	}
}

// afterPlacePreposition reports a mention right after "in", "from" and the like.
func afterPlacePreposition(s string, mentions [][2]int) bool {
	for _, m := range mentions {
		before := strings.TrimRight(s[:m[0]], " ")
		if k := strings.LastIndexAny(before, " \n(\"“"); placePrepositions[strings.ToLower(before[k+1:])] {
			return true
		}
	}
	return false
}
