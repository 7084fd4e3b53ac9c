package quote

import (
	"sort"
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// Documents as speakers: a study, a statement or a filing speaks for whoever issued it — the issuer
// named in the phrase, the one the text credited with such a document, or no one (see kind.go).

// documentNouns head a phrase that is a text, not someone who speaks: "according to a study", "the
// filing said", "opinion polls suggest". Plurals are looked up through singular.
var documentNouns = wordSet(`statement report study survey poll filing prospectus document data
tally count estimate analysis calculation declaration communique communiqué release letter memo email
e-mail notice summary sheet transcript review audit assessment forecast projection paper draft
finding result index record minute readout post tweet message bulletin circular decree ruling
complaint lawsuit indictment affidavit petition resolution agreement contract bill plan budget
research article editorial column order figure`)

// issuingVerbs link a document to its issuer: "a statement released by the city", "a report
// issued by the IMF". A verb of seeing ("a term sheet seen by Reuters") names a reader, not the issuer.
var issuingVerbs = wordSet(`released issued published put sent posted filed signed written prepared
compiled commissioned distributed circulated`)

func documentNoun(w string) bool {
	w = lower(w)
	return !orgHeads[w] && (documentNouns[w] || documentNouns[singular(w)])
}

// documentSource resolves a phrase headed by a document noun (toks[h]) to its issuer, or marks the
// quote as having none.
func (d *doc) documentSource(q *found, toks []text.Token, p np, h int, depth int) {
	noun := singular(lower(toks[h].Text))
	// "a statement released by the Wuxi municipal government", "a report from the IMF".
	k := h + 1
	if k < len(toks) && (issuingVerbs[lower(toks[k].Text)] || reducedRelatives[lower(toks[k].Text)]) {
		if !issuingVerbs[lower(toks[k].Text)] {
			k = -1 // "seen by", "obtained by": the reader, not the issuer
		} else {
			k++
			for k < len(toks) && (dateWords[lower(toks[k].Text)] || toks[k].Text == "on" || toks[k].Text == "last") {
				k++ // "data released Friday by state regulators"
			}
		}
	}
	if k > 0 && k+1 < len(toks) && (toks[k].Text == "by" || toks[k].Text == "from" && k == h+1) && depth == 0 {
		if ip, ok := npAfter(toks, k+1); ok && !pronounSpeakers[toks[ip.a].Text] {
			var sub found
			d.resolveNPDepth(&sub, toks, ip, depth+1)
			if sub.spk != nil {
				q.spk, q.kind, q.mStart, q.mEnd = sub.spk, kindNominal, sub.mStart, sub.mEnd
				return
			}
		}
	}
	// "an article in Politico", "a poll of 400 voters released by Latino Decisions", "a letter from
	// the chairman of the committee": a name in the phrase after the noun, linked by by/from/in.
	if depth == 0 {
		if m := d.issuerAfter(toks, h); m != nil {
			q.spk, q.kind = m, kindNominal
			return
		}
	}
	// "the Associated Press tally", "Jingke's prospectus", "the foundation's calculations": the
	// issuer is the name or possessive before the noun.
	if m := d.lastMentionIn(toks[p.a].Start, toks[h].Start); m != nil {
		q.spk, q.kind, q.mStart, q.mEnd = m, kindNominal, m.start, m.end
		return
	}
	for i := h - 1; i >= p.a && depth == 0; i-- {
		if possessive(toks[i].Text) {
			// "the foundation's calculations": the foundation the article names, if it does.
			w := strings.TrimSuffix(strings.TrimSuffix(lower(toks[i].Text), "'s"), "’s")
			if ref := d.byTitle(w, toks[p.a].Start); ref != nil && i == p.a+1 && determiners[lower(toks[p.a].Text)] {
				q.spk, q.kind, q.mStart, q.mEnd = ref, kindNominal, toks[p.a].Start, toks[i].End
				return
			}
			sub := found{}
			d.resolveNPDepth(&sub, toks, np{a: p.a, b: i}, depth+1)
			if sub.spk != nil && d.isEntity(sub.spk) {
				q.spk, q.kind, q.mStart, q.mEnd = sub.spk, kindNominal, sub.mStart, sub.mEnd
				return
			}
			break
		}
	}
	// "the statement said": whoever the article last credited with a statement, or, for a message,
	// the actor the sentence before is about ("Fox News confirmed … According to the statement, …").
	if definite(toks, p.a, h+1) {
		if m := d.issuerBefore(noun, toks[p.a].Start); m != nil {
			q.spk, q.kind = m, kindNominal
			return
		}
		if messageNouns[noun] {
			if m := d.sentenceActorBefore(toks[p.a].Start); m != nil {
				q.spk, q.kind = m, kindNominal
				return
			}
		}
	}
	// "…, a report says. The Higher Education Funding Council for England said …": the body the
	// next sentence opens with as speaking is the issuer a reader takes for the report of the lead.
	if depth == 0 && (!definite(toks, p.a, h+1) || p.a == h-1) {
		if m := d.issuerAfterSentence(toks[h].End); m != nil {
			q.spk, q.kind = m, kindNominal
			return
		}
	}
	q.spk, q.unnamed = nil, true
}

// issuerBefore finds the person or organisation the text last credited with a document of the
// given kind before pos: the nearest PERSON/ORG mention before the noun in the sentence that
// names such a document ("Kenya Railways said in a statement", "CenterGrid's filing").
func (d *doc) issuerBefore(noun string, pos int) *speakerRef {
	i := d.tokenIndex(pos) - 1
	for n := 0; i >= 0 && n < 600; i, n = i-1, n+1 {
		if w := lower(d.toks[i].Text); w != noun && singular(w) != noun {
			continue
		}
		// the sentence start: the nearest full stop before the noun
		a := i
		for a > 0 && i-a < 40 && d.toks[a-1].Text != "." && !strings.Contains(d.s[d.toks[a-1].End:d.toks[a].Start], "\n") {
			a--
		}
		var best *speakerRef
		for k := range d.mentions {
			m := &d.mentions[k]
			if m.start >= d.toks[a].Start && m.end <= d.toks[i].Start {
				best = m
			}
		}
		if best != nil {
			return best
		}
	}
	return nil
}

// messageNouns are documents someone sends: a definite one ("the statement", "the email") is the
// message of the actor just written about.
var messageNouns = wordSet(`statement release email e-mail message letter memo tweet note notice
communique communiqué readout bulletin circular`)

// sentenceActorBefore is the first PERSON/ORG mention of the sentence before the one holding pos
// (or of pos's own sentence, before pos, when that sentence starts a paragraph's second clause).
func (d *doc) sentenceActorBefore(pos int) *speakerRef {
	i := d.tokenIndex(pos)
	cur := i
	for cur > 0 && i-cur < 60 && d.toks[cur-1].Text != "." {
		cur--
	}
	prev := cur - 1
	for prev > 0 && cur-prev < 80 && d.toks[prev-1].Text != "." {
		prev--
	}
	if prev < 0 || cur == 0 {
		return nil
	}
	lo, hi := d.toks[prev].Start, d.toks[cur].Start
	k := sort.Search(len(d.mentions), func(k int) bool { return d.mentions[k].start >= lo })
	if k < len(d.mentions) && d.mentions[k].end <= hi {
		return &d.mentions[k]
	}
	return nil
}

// issuerAfter finds the PERSON/ORG that a by/from/in phrase after the document noun toks[h] names
// ("a review by Crowdpac", "a report in the Des Moines Register"), before the clause ends.
func (d *doc) issuerAfter(toks []text.Token, h int) *speakerRef {
	link := -1
	for i := h + 1; i < len(toks) && i-h <= 16; i++ {
		t := toks[i].Text
		if t == "," || t == "." || t == ";" || t == ":" || isOpenMark(t) || isCloseMark(t) {
			break
		}
		switch t {
		case "by", "from", "in":
			link = i
		}
		if link < 0 || i == link {
			continue
		}
		if i-link > 8 {
			break
		}
		if m := d.mentionAt(toks[i].Start); m != nil {
			if !seenVerbs[lower(toks[link-1].Text)] {
				return m
			}
			link = -1 // "a term sheet seen by Reuters": the reader, not the issuer
		}
	}
	return nil
}

// seenVerbs name who read or holds a document, not who issued it.
var seenVerbs = wordSet(`seen obtained reviewed viewed read received examined shared`)

// issuerAfterSentence is the organisation that one of the two sentences after the one holding pos
// opens with as the subject of a speech verb ("The National Audit Office said …"), or nil.
func (d *doc) issuerAfterSentence(pos int) *speakerRef {
	i := d.tokenIndex(pos)
	for n := 0; n < 3; n++ {
		// to the next full stop: the end of the sentence holding pos, then of each one after it
		for k := 0; i < len(d.toks) && d.toks[i].Text != "." && k < 80; i, k = i+1, k+1 {
		}
		if i+1 >= len(d.toks) || d.toks[i].Text != "." || n == 2 {
			return nil
		}
		i++
		j := i
		if d.toks[j].Text == "The" && j+1 < len(d.toks) {
			j++
		}
		if m := d.mentionAt(d.toks[j].Start); m != nil && m.typ == article.TypeOrg {
			if v := d.tokenIndex(m.end); v < len(d.toks) && sayWords[lower(d.toks[v].Text)] {
				return m
			}
		}
	}
	return nil
}
