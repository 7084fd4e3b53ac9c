// Package quote finds what people and organisations said in Article.Text and fills Article.Quotes.
// It owns Article.Quotes, reads Text and Entities (PERSON and ORG mentions), and does no I/O.
//
// Direct quotes: straight and typographic double quotes (" ", “ ”), single quotes used as quote
// marks (‘ ’, and ' ' when a speech cue confirms them), the NYT's doubled apostrophes (two ' on
// each side), guillemets « » and „ “. A quote split around its cue (“We will win,” she said,
// “because …”) is two quotes with the same speaker, so that every quote's offsets point at one
// contiguous run of the speaker's words; a quote running over several paragraphs (opening mark
// repeated, closing mark omitted) is one quote whose text is the exact slice of Article.Text;
// quotes inside quotes stay inside the outer one; a headline "Minister: ‘We will act’" takes the
// colon as its cue. A quoted phrase inside reported speech ("said the plan was “a disaster”") is
// reported speech, not a direct quote.
//
// Reported speech (direct: false): "X said (that) …", "X told reporters …", "X added/noted/warned/
// expressed hope that …", "according to X, …", "…, X said." and the inverted "…, said Cui";
// "…, adding that …" and "CONTENT, he said, CONTENT" give two quotes by the same speaker; the
// question in "Asked about X, …" is a quote without a speaker. Verbs of belief and intention
// ("believes", "wants", "plans to") are not speech and give no quote. A contrasted clause with its
// own cue ("…, while ING said …", "… - but Mr Straw said …") is a second speaker's quote; a relative
// clause of speech (", which said …", ", who added that …") is its antecedent's, with the relative
// pronoun as the mention; a quoted phrase in a sentence that ends ", X said." or opens "According
// to X, …" is X's reported speech; "…, the Journal reports." and "…, new figures show." end on their
// source. Beyond the hand list, a verb WordNet files under verb.communication (classcue.go,
// pkg/extract/wordclass) is a cue where nothing else was found, when a named speaker or a pronoun is
// its subject and what follows states something ("accused the agency of hiding …", "cited the
// delays as proof that …", "exhorted voters to “stay home”"); a verb of finding takes a clause
// without "that" ("figures showed prices rose"); a lead-in ending in a colon reports the unmarked
// paragraph or list after it; a sentence-final cue may end in a long adverbial ("…, the company said
// in a filing to the exchange late on Wednesday").
//
// Speakers: the noun phrase that is the cue's subject (or follows an inverted cue). A PERSON/ORG
// mention inside it names the speaker; he/she/they/it resolve to the most recent fitting speaker
// or mention (of the right gender where "Mr."/"Mrs."/"Ms." or an earlier he/she tells); a bare
// surname resolves to the full entity; a title ("the director", "the Party secretary") resolves to
// the person whose role or title holds it, an organisation noun ("the ministry") to the
// organisation whose name holds it; anything else is kept as stated ("the judge"). A role stated
// with the speaker ("Cui Rongguo, Party secretary of Xinwu district, said") is kept in Quote.Role.
// A quote with no cue of its own continues the speaker of the quote before it (same or next
// paragraph), or takes the name from an interview layout: a name line above or below it ("Maria
// Lopez, 34, Phoenix"; when both neighbours are name lines, whether the run of alternating names
// and quotes starts with a name decides), a dash or bracketed signature after it ("— Maria
// Lopez", "(Maria Lopez, Phoenix)"), the reported speech just before it in its paragraph, or the
// person the previous paragraph is about; inside a sentence whose verb is no speech cue
// ("Nordhaus welcomed “…”") it is the words of the sentence's subject. A quote that ends its
// sentence after a lead-in ("He added: “….” She said …") is the lead-in's.
//
// A speaker is a person, an organisation or a described group, never a place, a date or a document
// (kind.go): "Farmers in nearby Yangzhou said" is the farmers; a bare place right before its cue
// ("Beijing said") is its government acting, typed ORG; "a study published on Monday" or "opinion
// polls" speak for no one unless the text names the issuer ("a statement released by X", "the
// foundation's calculations", "X said in a statement … the statement said"). Titles before a name
// ("Treasury Cabinet Secretary Joseph Mbugua") give the person, with the title as Quote.Role.
// Nominal speakers resolve by the class of their head: an institution noun ("the agency", "the
// treasury") to an organisation whose name holds it or that the article describes with it, "the
// company" to the last organisation known to be a business (else the business whose name the text
// writes most often, or the only one it names), a title ("the governor") to the person
// who holds it. Quote.SpeakerKind says how the cue's subject refers to the speaker: named, nominal,
// pronoun or anonymous ("analysts", "a person familiar with the matter").
//
// A description that names no entity speaks only when its head denotes a person, a group of people
// or an organisation, as WordNet 3.1 classes nouns (plausible.go, pkg/extract/wordclass built by
// tools/speakerlex): "The stock added …", "Those gains …", "The subsequent investigation found …"
// keep no speaker; a document or other communication speaks for the author the phrase names ("a
// Washington Post database"); the speaker of a cue whose subject was read inside a clause is the
// phrase that clause follows ("people who have battled … say"); "…, a report says." is the body the
// next sentence gives as speaking.
//
// A careful reader's checks (recheck.go, assaying.go, passive.go, genders.go): "said the
// American", "the 23-year-old added" and "the defender told" stand for the person the paragraph is
// about; "Tehran radio quoted a spokesman as saying …" and "Nazer was quoted as saying …" are the
// person quoted, not the medium; a passive cue ("it was announced", "is described as") gives its
// subject no words, only its by-phrase's agent; "the spokesman" and "the paper" again are the body
// and newspaper named before; a given name tells he from she; "Dealers said" is an anonymous group;
// a dateline, a capitalised adverb ("Overall,") or a party tag ("D-Tenn.") never speaks; "S and
// P", "Standard & Poor's" and "Philip Braverman of Irving Securities Corp." keep the whole name or
// the person.
//
// Other languages (FindIn, by Article.Language): Spanish, French, German, Portuguese and Italian
// direct quotes with their own marks (« », „ “, » «) and speech verbs, "según/selon/laut/secondo
// X", dialogue dashes in Spanish and Portuguese (mlatin.go); Chinese “ ” and 「」 quotes with
// 表示/说/指出/称 and the name after a title (mlzh.go). A language with no rules gets no quotes.
//
// Everything is rules over pkg/text tokens; there is no model. Measured with
// `newsmon eval quotes --data FILE.jsonl` (internal/eval.QuoteScorer).
package quote

import (
	"context"
	"sort"
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// Extractor fills Article.Quotes. It is safe for concurrent use.
type Extractor struct {
	lex   lexicon
	latin map[string]*latinLexicon // Spanish, French, German, Portuguese, Italian
}

// New returns the quote extractor.
func New() *Extractor {
	return &Extractor{lex: newLexicon(), latin: newLatinLexicons()}
}

// Name implements extract.Extractor.
func (*Extractor) Name() string { return "quote" }

// Extract implements extract.Extractor: it replaces a.Quotes with the quotes found in a.Text,
// read with the rules of a.Language (FindIn).
func (e *Extractor) Extract(ctx context.Context, a *article.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a.Quotes = e.FindIn(a.Language, a.Text, a.Entities)
	return nil
}

// speakerRef is a PERSON/ORG mention (or a speaker phrase) with byte offsets.
type speakerRef struct {
	start, end int
	name, typ  string
	role       string
}

// found is a quote being assembled, with byte offsets.
type found struct {
	start, end         int
	direct             bool
	cue                string
	cueStart, cueEnd   int
	spk                *speakerRef // resolved speaker
	mStart, mEnd       int         // speaker mention (may be a pronoun)
	role               string      // role stated with the speaker in this sentence
	pronoun            bool
	kind               string // speaker_kind, see kind.go
	unnamed            bool   // the cue's subject was read but is no speaker: a document without issuer, a place
	inherit            bool   // a quote with no cue of its own: same speaker as the quote before it
	paragraphInitial   bool
	openerAt, closerAt int  // the marks of a direct or mixed quote
	deed               bool // a deed's subject ("announced a merger"): no quote, but who the text speaks of
}

// subjectRead reports whether the cue's subject was read: a speaker, a pronoun to resolve, or a
// subject that is no speaker (a document with no issuer in the text).
func (q *found) subjectRead() bool { return q.spk != nil || q.pronoun || q.unnamed }

// doc holds the per-article state of one Find call.
type doc struct {
	s        string
	idx      *text.RuneIndex
	toks     []text.Token
	mentions []speakerRef    // PERSON/ORG mentions in text order
	places   []placeSpan     // PLACE mentions in text order
	demonyms []placeSpan     // MISC mentions in text order: nationalities and peoples ("American")
	genders  map[string]byte // person name → 'm' or 'f', from honorifics and resolved he/she
	quoted   []placeSpan     // direct quotes' contents in text order: names there are talked about, not speaking
	marked   []placeSpan     // stretches between double quotation marks, known before any quote is read
	reported []placeSpan     // reported speech's contents in text order: the same, as pronoun antecedents
	deeds    []found         // subjects of deeds a speech verb named (objectOnly): antecedents, not quotes
}

// Find returns the quotes in s, an English text, given the entities found in s (may be nil).
func (e *Extractor) Find(s string, entities []article.Entity) []article.Quote {
	d := newDoc(s, entities)
	qs := e.direct(d)
	qs = append(qs, e.indirect(d, qs)...)
	qs = e.reportedQuotations(d, qs)
	d.passiveAgents(qs)
	qs = append(qs, d.deeds...) // "The governor announced a plan … he said would …": he is the governor
	sort.SliceStable(qs, func(i, j int) bool { return qs[i].start < qs[j].start })
	d.voicesAgain(qs)
	resolvePronouns(d, qs)
	return d.exportAll(qs)
}

// FindIn returns the quotes in s, a text in language lang (ISO 639-1): English rules for "en"
// and for a text whose language is unknown (""), each language's own quotation marks and speech
// verbs for Spanish, French, German, Portuguese, Italian and Chinese, and nothing for a language
// we do not read: English rules would only guess there.
func (e *Extractor) FindIn(lang, s string, entities []article.Entity) []article.Quote {
	switch {
	case lang == "" || lang == "en":
		return e.Find(s, entities)
	case lang == "zh":
		return findChinese(s, entities)
	case e.latin[lang] != nil:
		return findLatin(e.latin[lang], s, entities)
	}
	return nil
}

// exportAll turns the quotes found into Article.Quotes.
func (d *doc) exportAll(qs []found) []article.Quote {
	out := make([]article.Quote, 0, len(qs))
	for _, q := range qs {
		if !q.deed {
			out = append(out, d.export(q))
		}
	}
	return out
}

// newDoc reads the PERSON, ORG and PLACE mentions of entities into the state of one Find call.
func newDoc(s string, entities []article.Entity) *doc {
	d := &doc{s: s, idx: text.NewRuneIndex(s), toks: text.Tokenize(s), marked: quotationStretches(s)}
	for _, ent := range entities {
		if ent.Type == article.TypePlace || ent.Type == article.TypeMisc {
			for _, m := range ent.Mentions {
				sp := placeSpan{d.idx.Byte(m.Start), d.idx.Byte(m.End)}
				if ent.Type == article.TypeMisc {
					d.demonyms = append(d.demonyms, sp)
				} else {
					d.places = append(d.places, sp)
				}
			}
			continue
		}
		if ent.Type != article.TypePerson && ent.Type != article.TypeOrg || dateWords[strings.ToLower(strings.TrimSuffix(ent.Name, "."))] {
			continue // a day or month the tagger took for a name never speaks
		}
		person, firm, split := "", "", false
		if ent.Type == article.TypeOrg {
			person, firm, split = personOfFirm(ent.Name)
		}
		for _, m := range ent.Mentions {
			ref := speakerRef{start: d.idx.Byte(m.Start), end: d.idx.Byte(m.End), name: ent.Name, typ: ent.Type, role: ent.Role}
			if split && strings.HasPrefix(d.s[ref.start:ref.end], person+" of ") {
				// "said Philip Braverman of Irving Securities Corp.": the man, for his firm
				ref.end, ref.name, ref.typ, ref.role = ref.start+len(person), person, article.TypePerson, firm
			}
			d.mentions = append(d.mentions, ref)
		}
	}
	sort.Slice(d.mentions, func(i, j int) bool { return d.mentions[i].start < d.mentions[j].start })
	sort.Slice(d.places, func(i, j int) bool { return d.places[i].start < d.places[j].start })
	sort.Slice(d.demonyms, func(i, j int) bool { return d.demonyms[i].start < d.demonyms[j].start })
	return d
}

func (d *doc) export(q found) article.Quote {
	out := article.Quote{Text: d.s[q.start:q.end], Start: d.idx.Rune(q.start), End: d.idx.Rune(q.end), Direct: q.direct}
	if q.cue != "" {
		out.Cue = d.s[q.cueStart:q.cueEnd]
		out.CueSpan = &article.Span{Start: d.idx.Rune(q.cueStart), End: d.idx.Rune(q.cueEnd)}
	}
	d.datelineSpeaker(&q)
	if q.spk != nil && notASpeaker(q.spk.name) {
		q.spk = nil // the last guard: a date, a pronoun or a function word never speaks
	}
	if ref, kind, drop := d.implausible(q.spk); drop {
		if sub := d.clauseAway(q.spk); sub != nil {
			q.spk, q.mStart, q.mEnd, q.kind, q.role = sub.spk, sub.mStart, sub.mEnd, sub.kind, sub.role
		} else {
			q.spk, q.mStart, q.mEnd = nil, 0, 0 // a thing says nothing (plausible.go)
		}
	} else if ref != nil {
		q.spk, q.mStart, q.mEnd, q.kind = ref, ref.start, ref.end, kind
	}
	if q.spk != nil {
		name, typ := q.spk.name, q.spk.typ
		out.Role = q.spk.role
		if typ == article.TypePerson {
			// "Economist Aly-Khan Jiwa": the person, with the title as role.
			if title, rest, ok := stripTitle(name); ok {
				name = rest
				if out.Role == "" {
					out.Role = title
				}
			}
		}
		out.Speaker, out.SpeakerType = &name, &typ
		if q.role != "" {
			out.Role = q.role
		}
		out.SpeakerKind = q.kind
		if out.SpeakerKind == "" {
			out.SpeakerKind = d.kindOf(q)
		}
	}
	if q.mEnd > q.mStart {
		out.SpeakerMention = &article.Mention{Text: d.s[q.mStart:q.mEnd], Start: d.idx.Rune(q.mStart), End: d.idx.Rune(q.mEnd)}
	}
	return out
}

// tokenIndex is the index of the first token starting at or after byte a.
func (d *doc) tokenIndex(a int) int {
	return sort.Search(len(d.toks), func(k int) bool { return d.toks[k].Start >= a })
}

// tokensIn returns the tokens lying inside [a, b).
func (d *doc) tokensIn(a, b int) []text.Token {
	i := d.tokenIndex(a)
	j := i
	for j < len(d.toks) && d.toks[j].End <= b {
		j++
	}
	return d.toks[i:j]
}

// interjections open a headline or a quote but name no one: "Ah, friends once more: …".
var interjections = wordSet(`ah oh well yes hey wow alas ok okay`)

// notASpeaker reports whether a speaker's name is a single word that can name no one: a date
// word, a pronoun left unresolved, a function word ("According").
func notASpeaker(name string) bool {
	w := lower(strings.TrimSuffix(strings.TrimSuffix(strings.Trim(name, " .,:;"), "'s"), "’s")) // "Friday’s"
	return w == "" || !strings.Contains(w, " ") && (dateWords[w] || dateWords[singular(w)] || pronounSpeakers[w] ||
		npStops[w] || determiners[w] || interjections[w] || w == "according")
}
