package eval

import (
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// QuoteDoc is one article of an attribution corpus in the PolNeAR JSONL layout
// (../shared/data/quotes/polnear/README.md): the text and every attribution in it.
type QuoteDoc struct {
	ID           string        `json:"id"`
	Text         string        `json:"text"`
	Attributions []Attribution `json:"attributions"`
}

// Attribution is one hand-annotated source–cue–content triple. Source and Cue may be nil.
type Attribution struct {
	ID      string    `json:"id"`
	Source  *GoldSpan `json:"source"`
	Cue     *GoldSpan `json:"cue"`
	Content GoldSpan  `json:"content"`
	Direct  bool      `json:"direct"`
}

// GoldSpan is a code-point span; a discontinuous span lists its pieces in Fragments.
type GoldSpan struct {
	Start     int        `json:"start"`
	End       int        `json:"end"`
	Text      string     `json:"text"`
	Fragments []GoldSpan `json:"fragments,omitempty"`
}

// pieces are the spans that hold the annotated words: the fragments when there are any.
func (s GoldSpan) pieces() []GoldSpan {
	if len(s.Fragments) > 0 {
		return s.Fragments
	}
	return []GoldSpan{s}
}

// ReadQuoteDocs reads an attribution corpus, one JSON article per line.
func ReadQuoteDocs(r io.Reader) ([]QuoteDoc, error) {
	return readJSONL[QuoteDoc](r, "quote corpus", "", nil)
}

// speechCueWords are the word forms that make a cue a verb or phrase of saying. The corpus also
// annotates beliefs, intentions, support, findings and evaluations ("wants", "plans to", "believes",
// "called for", "criticized", "shows"); those are not quotes, so indirect attributions are scored
// only when their cue contains one of these forms (or "according to" / "point(ed) out"). Naming and
// judging verbs (call, describe, accuse, praise) are left out on purpose: what follows them is a
// label, not a reported statement.
var speechCueWords = strings.Fields(`
say says said saying tell tells told telling add adds added adding note notes noted noting
warn warns warned warning stress stresses stressed stressing ask asks asked asking
explain explains explained explaining insist insists insisted insisting argue argues argued arguing
claim claims claimed claiming state states stated stating write writes wrote writing written
reply replies replied replying respond responds responded responding recall recalls recalled recalling
admit admits admitted admitting acknowledge acknowledges acknowledged acknowledging
declare declares declared declaring announce announces announced announcing remark remarks remarked
urge urges urged urging caution cautions cautioned emphasize emphasizes emphasized emphasise
emphasises emphasised tweet tweets tweeted tweeting confirm confirms confirmed confirming
deny denies denied denying predict predicts predicted predicting suggest suggests suggested suggesting
agree agrees agreed agreeing counter countered observe observes observed complain complains
complained complaining conclude concludes concluded report reports reported reporting
assert asserts asserted contend contends contended maintain maintains maintained testify testified
promise promises promised promising vow vows vowed pledge pledges pledged threaten threatens threatened
mention mentions mentioned repeat repeated reiterate reiterated reiterates comment commented
answer answered quip quipped joke joked boast boasted concede conceded concedes allege alleges alleged
reveal reveals revealed disclose disclosed express expresses expressed continue continued continues
shout shouted chant chanted posted`)

// speechCuePhrases are multi-word cues of saying.
var speechCuePhrases = []string{"according to", "point out", "points out", "pointed out", "put it"}

// SpeechCues lists, sorted, the cue words and phrases that make an indirect attribution a quote.
func SpeechCues() []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range append(append([]string{}, speechCueWords...), speechCuePhrases...) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// IsSpeechCue reports whether a cue is a verb or phrase of saying (see SpeechCues).
func IsSpeechCue(cue string) bool {
	lc := strings.ToLower(cue)
	for _, p := range speechCuePhrases {
		if strings.Contains(lc, p) {
			return true
		}
	}
	for _, f := range strings.FieldsFunc(lc, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '\'' || r == '’')
	}) {
		for _, w := range speechCueWords {
			if f == w {
				return true
			}
		}
	}
	return false
}

// QuoteCounts are the token-overlap and speaker counts of one kind of quote (direct or indirect).
type QuoteCounts struct {
	Gold, Found, Predicted     int // attributions, attributions hit by a prediction, predictions
	GoldTokens, CoveredTokens  int // recall: gold content words, of which predicted
	PredTokens, OverlapTokens  int // precision: predicted content words, of which in the matched gold
	SpeakerChecked, SpeakerHit int // found attributions with a gold source; with the right speaker
}

func (c *QuoteCounts) add(o QuoteCounts) {
	c.Gold += o.Gold
	c.Found += o.Found
	c.Predicted += o.Predicted
	c.GoldTokens += o.GoldTokens
	c.CoveredTokens += o.CoveredTokens
	c.PredTokens += o.PredTokens
	c.OverlapTokens += o.OverlapTokens
	c.SpeakerChecked += o.SpeakerChecked
	c.SpeakerHit += o.SpeakerHit
}

// Precision is the share of predicted content words that lie in the matched gold content.
func (c QuoteCounts) Precision() float64 { return ratio(c.OverlapTokens, c.PredTokens) }

// Recall is the share of gold content words that some matched prediction covers.
func (c QuoteCounts) Recall() float64 { return ratio(c.CoveredTokens, c.GoldTokens) }

// F1 is the content-span token-overlap F1.
func (c QuoteCounts) F1() float64 { return F1(c.Precision(), c.Recall()) }

// SpeakerAccuracy is the share of found attributions with a gold source whose speaker is right.
func (c QuoteCounts) SpeakerAccuracy() float64 { return ratio(c.SpeakerHit, c.SpeakerChecked) }

// Metrics reports the counts and rates.
func (c QuoteCounts) Metrics() Metrics {
	return Metrics{
		"gold": c.Gold, "found": c.Found, "predicted": c.Predicted,
		"content_precision": Round4(c.Precision()), "content_recall": Round4(c.Recall()),
		"content_f1": Round4(c.F1()), "speaker_accuracy": Round4(c.SpeakerAccuracy()),
		"speaker_checked": c.SpeakerChecked,
	}
}

// QuoteError is one scoring decision worth looking at when improving the extractor.
type QuoteError struct {
	Doc, Kind, What string // What: "missed", "spurious", "speaker", "partial"
	Gold, Got       string
	GoldSpk, GotSpk string
	Context         string // the words around the gold content, for reading the cue
}

// QuoteScorer accumulates content-span token overlap and speaker accuracy over articles.
//
// Scoring: content words are the word tokens (pkg/text) of a span, without punctuation and without
// a leading complementiser "that" (the corpus includes it, newsmon's quotes leave it out). Each
// predicted quote is matched to the gold attribution whose content shares the most words with it
// (several predictions may match one attribution: a quote split around its cue is two quotes).
// Gold attributions are direct (all direct ones) or indirect (non-direct with a speech cue, see
// SpeechCues); a prediction matched to any other attribution (beliefs, intentions) is ignored, an
// unmatched prediction counts all its words as false positives under its own kind. A found
// attribution's speaker is right when the prediction names a speaker and either its speaker mention
// shares a word with the gold source span or the speaker's name shares a capitalised word with it.
type QuoteScorer struct {
	Direct, Indirect QuoteCounts
	Errors           []QuoteError // filled when KeepErrors is set
	KeepErrors       bool
}

// wordSpan is a content word in code points.
type wordSpan struct{ start, end int }

type docWords struct {
	words []wordSpan
	lower []string
}

func newDocWords(s string) docWords {
	idx := text.NewRuneIndex(s)
	var d docWords
	for _, t := range text.Tokenize(s) {
		if text.IsWord(t.Text) {
			d.words = append(d.words, wordSpan{idx.Rune(t.Start), idx.Rune(t.End)})
			d.lower = append(d.lower, strings.ToLower(t.Text))
		}
	}
	return d
}

// in returns the indices of the words whose middle lies in [start, end), without a leading "that".
func (d docWords) in(start, end int, dropThat bool) []int {
	i := sort.Search(len(d.words), func(k int) bool { return d.words[k].end > start })
	var out []int
	for ; i < len(d.words); i++ {
		w := d.words[i]
		if w.start >= end {
			break
		}
		if mid2 := w.start + w.end; mid2 >= 2*start && mid2 < 2*end {
			out = append(out, i)
		}
	}
	if dropThat && len(out) > 0 && d.lower[out[0]] == "that" {
		out = out[1:]
	}
	return out
}

func (d docWords) inPieces(s GoldSpan) []int {
	var out []int
	for k, p := range s.pieces() {
		out = append(out, d.in(p.Start, p.End, k == 0)...)
	}
	return out
}

func overlap(a []int, b map[int]bool) int {
	n := 0
	for _, x := range a {
		if b[x] {
			n++
		}
	}
	return n
}

// Add scores the quotes predicted for one article against its attributions.
func (sc *QuoteScorer) Add(doc QuoteDoc, preds []article.Quote) {
	dw := newDocWords(doc.Text)
	type gold struct {
		a      Attribution
		kind   string // "direct", "indirect" or "" (not scored)
		words  map[int]bool
		n      int
		cover  map[int]bool
		best   int // index of the prediction with the largest overlap
		bestOv int
	}
	golds := make([]*gold, len(doc.Attributions))
	wordOwner := map[int]int{} // word → gold index
	for i, a := range doc.Attributions {
		g := &gold{a: a, words: map[int]bool{}, cover: map[int]bool{}, best: -1}
		switch {
		case a.Direct:
			g.kind = "direct"
		case a.Cue != nil && IsSpeechCue(a.Cue.Text):
			g.kind = "indirect"
		}
		for _, w := range dw.inPieces(a.Content) {
			g.words[w] = true
			wordOwner[w] = i
		}
		g.n = len(g.words)
		golds[i] = g
	}
	counts := func(kind string) *QuoteCounts {
		if kind == "direct" {
			return &sc.Direct
		}
		return &sc.Indirect
	}
	for _, g := range golds {
		if g.kind != "" {
			c := counts(g.kind)
			c.Gold++
			c.GoldTokens += g.n
		}
	}
	for pi, p := range preds {
		pw := dw.in(p.Start, p.End, true)
		hits := map[int]int{}
		for _, w := range pw {
			if gi, ok := wordOwner[w]; ok {
				hits[gi]++
			}
		}
		bestG, bestN := -1, 0
		for gi, n := range hits {
			if n > bestN || n == bestN && gi < bestG {
				bestG, bestN = gi, n
			}
		}
		if bestG < 0 {
			kind := "indirect"
			if p.Direct {
				kind = "direct"
			}
			c := counts(kind)
			c.Predicted++
			c.PredTokens += len(pw)
			sc.keep(QuoteError{Doc: doc.ID, Kind: kind, What: "spurious", Got: p.Text, GotSpk: deref(p.Speaker)})
			continue
		}
		g := golds[bestG]
		if g.kind == "" {
			continue // a belief or intention the extractor read as speech: not scored
		}
		c := counts(g.kind)
		c.Predicted++
		c.PredTokens += len(pw)
		c.OverlapTokens += bestN
		for _, w := range pw {
			if g.words[w] {
				g.cover[w] = true
			}
		}
		if bestN > g.bestOv {
			g.best, g.bestOv = pi, bestN
		}
	}
	for _, g := range golds {
		if g.kind == "" {
			continue
		}
		c := counts(g.kind)
		c.CoveredTokens += len(g.cover)
		if g.best < 0 {
			sc.keep(QuoteError{Doc: doc.ID, Kind: g.kind, What: "missed", Gold: g.a.Content.Text, GoldSpk: spanText(g.a.Source),
				Context: around(doc.Text, g.a.Content)})
			continue
		}
		c.Found++
		p := preds[g.best]
		if len(g.cover) < g.n*8/10 {
			sc.keep(QuoteError{Doc: doc.ID, Kind: g.kind, What: "partial", Gold: g.a.Content.Text, Got: p.Text})
		}
		if g.a.Source == nil {
			continue
		}
		c.SpeakerChecked++
		if speakerRight(dw, doc.Text, g.a.Source, p) {
			c.SpeakerHit++
		} else {
			sc.keep(QuoteError{Doc: doc.ID, Kind: g.kind, What: "speaker", Gold: g.a.Content.Text, Got: p.Text,
				GoldSpk: spanText(g.a.Source), GotSpk: deref(p.Speaker) + mentionNote(p.SpeakerMention),
				Context: around(doc.Text, g.a.Content)})
		}
	}
}

func speakerRight(dw docWords, s string, src *GoldSpan, p article.Quote) bool {
	if p.Speaker == nil {
		return false
	}
	if strings.ContainsFunc(src.Text, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		// Chinese runs on without spaces, so a word is a whole clause: compare the names.
		return strings.Contains(*p.Speaker, src.Text) || utf8.RuneCountInString(*p.Speaker) >= 2 && strings.Contains(src.Text, *p.Speaker)
	}
	srcWords := map[int]bool{}
	for _, w := range dw.inPieces(*src) {
		srcWords[w] = true
	}
	if m := p.SpeakerMention; m != nil && overlap(dw.in(m.Start, m.End, false), srcWords) > 0 {
		return true
	}
	names := map[string]bool{}
	for _, f := range strings.Fields(*p.Speaker) {
		f = strings.Trim(f, ".,’'\"")
		if text.IsCapitalized(f) && len(f) > 1 {
			names[strings.ToLower(f)] = true
		}
	}
	for w := range srcWords {
		if names[dw.lower[w]] && !nameStopwords[dw.lower[w]] {
			return true
		}
	}
	return false
}

// nameStopwords never identify a speaker on their own.
var nameStopwords = map[string]bool{"the": true, "mr.": true, "mrs.": true, "ms.": true, "of": true, "and": true}

func (sc *QuoteScorer) keep(e QuoteError) {
	if sc.KeepErrors {
		sc.Errors = append(sc.Errors, e)
	}
}

func spanText(s *GoldSpan) string {
	if s == nil {
		return ""
	}
	return s.Text
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func mentionNote(m *article.Mention) string {
	if m == nil {
		return ""
	}
	return fmt.Sprintf(" (mention %q)", m.Text)
}

// Total is direct and indirect together.
func (sc *QuoteScorer) Total() QuoteCounts {
	var t QuoteCounts
	t.add(sc.Direct)
	t.add(sc.Indirect)
	return t
}

// around is the text just before and after a span, for error listings.
func around(s string, sp GoldSpan) string {
	r := []rune(s)
	a, b := max(0, sp.Start-80), min(len(r), sp.End+80)
	if sp.Start < 0 || sp.End > len(r) || sp.Start > sp.End {
		return ""
	}
	return string(r[a:sp.Start]) + " ⟦…⟧ " + string(r[sp.End:b])
}

// Quotes scores a quote extractor on an attribution corpus (PolNeAR JSONL layout): each article's
// text goes through the product's extractor chain, as `newsmon analyze --text` does, and the quotes
// found are compared with the annotated attributions (QuoteScorer says how).
type Quotes struct {
	Extractors []string  // the chain to run, in order; it must include quote
	ShowErrors string    // print the scoring errors of these kinds to stderr: missed,spurious,partial,speaker
	Chain      ChainOf   // builds the chain
	Quote      Extractor // the quote extractor alone, timed over the chain's articles
}

// Score runs the chain over the corpus of path and scores the quotes.
func (q Quotes) Score(ctx context.Context, path string, _, stderr io.Writer) (*Report, error) {
	docs, err := readFile("quotes", path, ReadQuoteDocs)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(q.Extractors, "quote") {
		return nil, fmt.Errorf("%w: --extractors must include quote, got %q", ErrUsage, strings.Join(q.Extractors, ","))
	}
	chain, err := q.Chain(q.Extractors)
	if err != nil {
		return nil, err
	}
	sc := &QuoteScorer{KeepErrors: q.ShowErrors != ""}
	analysed := make([]*article.Article, 0, len(docs))
	for _, d := range docs {
		a := article.FromText(d.Text, "https://eval.invalid/"+d.ID, time.Time{})
		a.Text = d.Text // the gold offsets point into the corpus text exactly as given
		if err := chain.Run(ctx, a); err != nil {
			return nil, fmt.Errorf("article %s: %w", d.ID, err)
		}
		sc.Add(d, a.Quotes)
		analysed = append(analysed, a)
	}
	// The quote extractor on its own, over the same articles and entities: CPU time is the honest
	// measure on a shared machine; wall time is printed too.
	cpu0, wall0 := ProcessCPU(), time.Now()
	for _, a := range analysed {
		if err := q.Quote.Extract(ctx, a); err != nil {
			return nil, err
		}
	}
	cpu, wall := ProcessCPU()-cpu0, time.Since(wall0)
	if q.ShowErrors != "" {
		sc.writeErrors(stderr, strings.Split(q.ShowErrors, ","))
	}
	rate := func(d time.Duration) float64 {
		if d <= 0 {
			return 0
		}
		return float64(len(docs)) / d.Seconds()
	}
	return sc.report(len(docs), rate(cpu), rate(wall)), nil
}

// writeErrors prints the scoring errors of the given kinds.
func (sc *QuoteScorer) writeErrors(w io.Writer, kinds []string) {
	for _, e := range sc.Errors {
		if slices.Contains(kinds, e.What) {
			fmt.Fprintf(w, "%s %s %s\n  gold: %q [%s]\n  got:  %q [%s]\n  context: %q\n", e.What, e.Kind, e.Doc, e.Gold, e.GoldSpk, e.Got, e.GotSpk, e.Context)
		}
	}
}

// report gives the scores of articles with the quote extractor's speed in articles per CPU and per
// wall second.
func (sc *QuoteScorer) report(articles int, perCPU, perWall float64) *Report {
	total := sc.Total()
	r := &Report{Metrics: Metrics{
		"articles": articles, "speech_cues": SpeechCues(),
		"direct": sc.Direct.Metrics(), "indirect": sc.Indirect.Metrics(),
		"content_f1": Round4(total.F1()), "speaker_accuracy": Round4(total.SpeakerAccuracy()),
		"quote_articles_per_cpu_second": math.Round(perCPU), "quote_articles_per_wall_second": math.Round(perWall),
	}}
	r.Printf("speech cues (an indirect attribution is scored when its cue contains one): %s\n", strings.Join(SpeechCues(), ", "))
	r.Printf("articles=%d quote extractor alone: %.0f articles/s of CPU time (%.0f articles/s wall)\n", articles, perCPU, perWall)
	for _, k := range []struct {
		name string
		c    QuoteCounts
	}{{"direct", sc.Direct}, {"indirect", sc.Indirect}} {
		r.Printf("%-8s gold=%d found=%d predicted=%d content_p=%.4f content_r=%.4f content_f1=%.4f speaker_accuracy=%.4f (of %d)\n",
			k.name, k.c.Gold, k.c.Found, k.c.Predicted, k.c.Precision(), k.c.Recall(), k.c.F1(), k.c.SpeakerAccuracy(), k.c.SpeakerChecked)
	}
	r.Printf("%s\nquotes content_f1=%.4f speaker_accuracy=%.4f direct_content_f1=%.4f direct_speaker_accuracy=%.4f indirect_content_f1=%.4f indirect_speaker_accuracy=%.4f\n",
		NoHeldAside, total.F1(), total.SpeakerAccuracy(), sc.Direct.F1(), sc.Direct.SpeakerAccuracy(), sc.Indirect.F1(), sc.Indirect.SpeakerAccuracy())
	return r
}
