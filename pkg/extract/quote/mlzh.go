package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
)

// Direct quotes in Chinese: “ ” and 「」『』 quotes with a speech verb before them
// (崔荣国在签约仪式上表示：“…”) or after them (“…”，她说。), and quotes inside reported speech.
// Chinese has no spaces and no capitals, so the speaker is read from the clause before the verb:
// the tagger's PERSON/ORG mention there, or else the name after the last title in it
// (新吴区委书记崔荣国 → 崔荣国, role 新吴区委书记), a short subject as it stands (外交部), a
// pronoun (他, 她) resolved to the person named last, or a described speaker kept as stated
// (业内人士).

// zhDoc is the state of one findChinese call.
type zhDoc struct {
	*doc
	people []namedPerson
}

// findChinese returns the quotes of s, a Chinese text.
func findChinese(s string, entities []article.Entity) []article.Quote {
	z := &zhDoc{doc: newDoc(s, entities)}
	z.people = z.namedPeople()
	var qs []found
	for _, sp := range markedSpans(s, chineseMarks, true) {
		q := found{direct: true, openerAt: sp.opener, closerAt: sp.after, start: sp.start, end: sp.end}
		q.paragraphInitial = paragraphStart(s, sp.opener)
		cued := z.cueAfter(&q) || z.cueBefore(&q)
		if !cued && utf8.RuneCountInString(s[q.start:q.end]) < 8 {
			continue // a name or a term in quotes: 台风“海葵”
		}
		if !cued && len(qs) > 0 {
			prev := qs[len(qs)-1]
			if breaks := strings.Count(s[prev.end:q.openerAt], "\n\n"); breaks == 0 || breaks == 1 && q.paragraphInitial {
				q.spk, q.kind = prev.spk, prev.kind
			}
		}
		if q.spk != nil && q.spk.typ == article.TypePerson {
			z.people = append(z.people, namedPerson{pos: q.openerAt, name: q.spk.name, role: q.spk.role, typ: q.spk.typ})
			sort.SliceStable(z.people, func(i, j int) bool { return z.people[i].pos < z.people[j].pos })
		}
		qs = append(qs, q)
	}
	return z.exportAll(qs)
}

// zhClauseStop ends a clause: sentence punctuation, a comma or colon, a line break, a quote mark.
func zhClauseStop(r rune) bool {
	return strings.ContainsRune("。！？；，：,;:!?\n”」』“「『", r)
}

// zhClauseStart is where the clause ending at byte i of s begins.
func zhClauseStart(s string, i int) int {
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if zhClauseStop(r) {
			break
		}
		i -= size
	}
	return i
}

// zhSentenceStop ends a sentence.
func zhSentenceStop(r rune) bool { return strings.ContainsRune("。！？；!?\n", r) }

// chineseVerbAt returns the speech verb that starts at byte i of s, or "".
func chineseVerbAt(s string, i int) string {
	for _, v := range chineseVerbs {
		if strings.HasPrefix(s[i:], v) {
			return v
		}
	}
	return ""
}

// cueAfter reads “…”，X说。 after a quote.
func (z *zhDoc) cueAfter(q *found) bool {
	a := q.closerAt
	for a < len(z.s) {
		r, size := utf8.DecodeRuneInString(z.s[a:])
		if r != '，' && r != ',' && !unicode.IsSpace(r) && r != '—' {
			break
		}
		a += size
	}
	for i, n := a, 0; i < len(z.s) && n < 16; n++ {
		r, size := utf8.DecodeRuneInString(z.s[i:])
		if zhClauseStop(r) {
			return false
		}
		if v := chineseVerbAt(z.s, i); v != "" && i > a {
			if !z.subject(q, a, i) {
				return false
			}
			q.cue, q.cueStart, q.cueEnd = v, i, i+len(v)
			return true
		}
		i += size
	}
	return false
}

// cueBefore reads X表示：“…” before a quote, and X表示，……“…”…… (a quote inside reported speech).
func (z *zhDoc) cueBefore(q *found) bool {
	start := q.openerAt
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(z.s[:start])
		if zhSentenceStop(r) || r == '”' || r == '」' {
			break
		}
		start -= size
	}
	clause := z.s[start:q.openerAt]
	end := len(strings.TrimRight(clause, "：:，, \u3000"))
	// The last speech verb in the sentence before the quote, with its subject right before it.
	for i := end; i > 0; {
		_, size := utf8.DecodeLastRuneInString(clause[:i])
		i -= size
		v := chineseVerbAt(clause, i)
		if v == "" {
			continue
		}
		if !z.subject(q, start+zhClauseStart(clause, i), start+i) {
			continue
		}
		q.cue, q.cueStart, q.cueEnd = v, start+i, start+i+len(v)
		if i+len(v) < end {
			// X表示，公司将“……”: the quoted words are part of reported speech.
			q.direct = false
			q.start = start + i + len(v)
			for q.start < q.openerAt {
				r, size := utf8.DecodeRuneInString(z.s[q.start:])
				if !zhClauseStop(r) && !unicode.IsSpace(r) {
					break
				}
				q.start += size
			}
			q.end = zhSentenceEnd(z.s, q.closerAt)
		}
		return true
	}
	return false
}

// zhSentenceEnd is where the sentence going on at i ends, its final mark included.
func zhSentenceEnd(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if zhSentenceStop(r) {
			if r != '\n' {
				i += size
			}
			return i
		}
		i += size
	}
	return i
}

// subject reads the speaker in s[a:b], the words before a speech verb, and sets it on q; false
// when they name no one (“…”，这说明…).
func (z *zhDoc) subject(q *found, a, b int) bool {
	a, b = zhTrim(z.s, a, b)
	if a >= b {
		z.resolvePronoun(q, 0, 0) // “…”，称…: a dropped subject
		return q.spk != nil
	}
	for _, p := range chinesePronouns {
		if z.s[a:b] == p {
			z.resolvePronoun(q, a, b)
			return true
		}
	}
	p, ok := z.speakerIn(a, b)
	if !ok {
		return false
	}
	q.spk = &speakerRef{start: p.pos, end: p.pos + len(p.name), name: p.name, typ: p.typ, role: p.role}
	q.mStart, q.mEnd = p.pos, p.pos+len(p.name)
	q.kind = kindNamed
	if p.role != "" && p.name == p.role {
		q.kind = kindNominal
	}
	if q.mEnd > b {
		q.mStart, q.mEnd = a, b
	}
	return true
}

// zhTrim narrows s[a:b] to the subject: without punctuation and spaces, without "据" before it,
// and ending before an adverbial (崔荣国在签约仪式上 → 崔荣国).
func zhTrim(s string, a, b int) (int, int) {
	for a < b {
		r, size := utf8.DecodeRuneInString(s[a:])
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) {
			break
		}
		a += size
	}
	if strings.HasPrefix(s[a:b], "据") || strings.HasPrefix(s[a:b], "據") {
		a += len("据")
	}
	cut := b
	for _, adv := range chineseAdverbials {
		if k := strings.Index(s[a:b], adv); k > 0 && a+k < cut {
			cut = a + k
		}
	}
	b = cut
	for b > a {
		r, size := utf8.DecodeLastRuneInString(s[a:b])
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) {
			break
		}
		b -= size
	}
	return a, b
}

// speakerIn reads a name from a Chinese subject s[a:b]: the tagger's mention, else the name
// after its last title, else the subject itself when it is short or an organisation.
func (z *zhDoc) speakerIn(a, b int) (namedPerson, bool) {
	if r := z.mentionIn(a, b); r != nil {
		role := ""
		if r.typ == article.TypePerson {
			role = strings.TrimSpace(z.s[a:r.start])
		}
		return namedPerson{pos: r.start, name: r.name, typ: r.typ, role: role}, true
	}
	sub := z.s[a:b]
	n := utf8.RuneCountInString(sub)
	if n > 24 {
		return namedPerson{}, false
	}
	if te := lastTitleEnd(sub); te > 0 {
		name := sub[te:]
		if k := utf8.RuneCountInString(name); k >= 2 && k <= 12 {
			return namedPerson{pos: a + te, name: name, role: sub[:te], typ: article.TypePerson}, true
		}
		if te == len(sub) {
			if t := lastTitle(sub); chineseTitlesAfterName[t] && utf8.RuneCountInString(sub[:te-len(t)]) >= 2 && utf8.RuneCountInString(sub[:te-len(t)]) <= 3 {
				before := sub[:te-len(t)]
				return namedPerson{pos: a, name: before, role: lastTitle(sub), typ: article.TypePerson}, true // 李强总理
			}
			return namedPerson{pos: a, name: sub, role: sub, typ: article.TypePerson}, true // 业内人士, 该公司负责人
		}
	}
	if zhOrgName(sub) {
		return namedPerson{pos: a, name: sub, typ: article.TypeOrg}, true
	}
	if n >= 2 && n <= 4 || strings.ContainsRune(sub, '·') && n <= 12 {
		return namedPerson{pos: a, name: sub, typ: article.TypePerson}, true
	}
	return namedPerson{}, false
}

// lastTitleEnd is the byte offset in sub just after the title that ends last in it, or 0.
func lastTitleEnd(sub string) int {
	end := 0
	for _, t := range chineseTitles {
		if k := strings.LastIndex(sub, t); k >= 0 && k+len(t) > end {
			end = k + len(t)
		}
	}
	return end
}

// lastTitle is the title that ends sub, or "".
func lastTitle(sub string) string {
	for _, t := range chineseTitles {
		if strings.HasSuffix(sub, t) {
			return t
		}
	}
	return ""
}

// zhOrgName reports whether a subject is an organisation's name (外交部, 无锡市人民政府).
func zhOrgName(sub string) bool {
	for _, e := range chineseOrgEnds {
		if strings.HasSuffix(sub, e) && utf8.RuneCountInString(sub) > utf8.RuneCountInString(e) {
			return true
		}
	}
	return false
}

// namedPeople lists the persons named as the subject of a speech verb anywhere in the text
// (香港港街证券半导体分析师曾凤仪指出，…), and the tagger's persons, in text order.
func (z *zhDoc) namedPeople() []namedPerson {
	out := peopleFromMentions(z.mentions)
	s := z.s
	for i := 0; i < len(s); {
		v := chineseVerbAt(s, i)
		if v == "" {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		a, b := zhTrim(s, zhClauseStart(s, i), i)
		if p, ok := z.speakerIn(a, b); ok && a < b && p.typ == article.TypePerson && p.name != p.role {
			out = append(out, p)
		}
		i += len(v)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}

// resolvePronoun gives q the person named last before it (他, 她, or a dropped subject).
func (z *zhDoc) resolvePronoun(q *found, mStart, mEnd int) {
	pos := q.openerAt
	if mStart > 0 && mStart < pos {
		pos = mStart
	}
	if p, ok := lastPersonBefore(z.people, z.s, pos); ok {
		q.spk = &speakerRef{start: p.pos, end: p.pos + len(p.name), name: p.name, typ: p.typ, role: p.role}
		q.mStart, q.mEnd, q.kind = mStart, mEnd, kindPronoun
	}
}
