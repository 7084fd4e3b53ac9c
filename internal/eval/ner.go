package eval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// CoNLLSentence is one sentence of a `TOKEN[\tTAG]` file; Tags is nil when the file has no tags.
type CoNLLSentence struct {
	Tokens []string
	Tags   []string
}

// CoNLLDoc is the sentences between two `-DOCSTART-` lines (the whole file when there are none).
type CoNLLDoc struct {
	Sentences []CoNLLSentence
}

// DocStart is the line that opens a document in CoNLL files.
const DocStart = "-DOCSTART-"

// ReadCoNLL reads a `TOKEN[\tTAG…]` file: one token per line, a blank line after each sentence,
// `-DOCSTART-` lines between documents. Only the first two tab-separated columns are read; a line
// with one column yields no tag (and then no sentence of the file may have tags). Documents with
// no sentence are dropped.
func ReadCoNLL(r io.Reader) ([]CoNLLDoc, error) {
	var docs []CoNLLDoc
	var cur CoNLLDoc
	var sent CoNLLSentence
	tagged := -1 // unknown until the first token
	flushSent := func() {
		if len(sent.Tokens) > 0 {
			cur.Sentences = append(cur.Sentences, sent)
		}
		sent = CoNLLSentence{}
	}
	flushDoc := func() {
		flushSent()
		if len(cur.Sentences) > 0 {
			docs = append(docs, cur)
		}
		cur = CoNLLDoc{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			flushSent()
			continue
		}
		tok, rest, hasTag := strings.Cut(s, "\t")
		if tok == DocStart {
			flushDoc()
			continue
		}
		if tagged < 0 {
			tagged = 0
			if hasTag {
				tagged = 1
			}
		}
		sent.Tokens = append(sent.Tokens, tok)
		if tagged == 1 {
			if !hasTag {
				return nil, fmt.Errorf("conll line %d: token %q has no tag", line, tok)
			}
			tag, _, _ := strings.Cut(rest, "\t")
			sent.Tags = append(sent.Tags, strings.TrimSpace(tag))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conll: %w", err)
	}
	flushDoc()
	return docs, nil
}

// Span is one entity in IOB2 tags: tokens [Start, End) of type Type.
type Span struct {
	Type       string
	Start, End int
}

// SpansIOB2 reads the entities of one sentence's IOB2 tags. An I- tag that does not continue an
// entity of its type starts a new one (the conlleval convention), so malformed predictions are
// scored rather than dropped.
func SpansIOB2(tags []string) []Span {
	var out []Span
	cur := -1
	for i, t := range tags {
		prefix, typ, _ := strings.Cut(t, "-")
		switch {
		case prefix == "B" || prefix == "S":
			out = append(out, Span{Type: typ, Start: i, End: i + 1})
			cur = len(out) - 1
		case (prefix == "I" || prefix == "E") && cur >= 0 && out[cur].Type == typ && out[cur].End == i:
			out[cur].End = i + 1
		case prefix == "I" || prefix == "E":
			out = append(out, Span{Type: typ, Start: i, End: i + 1})
			cur = len(out) - 1
		default:
			cur = -1
		}
	}
	return out
}

// NERScore counts entity-level exact matches (same start, end and type), per type and overall.
type NERScore struct {
	All    PRF
	ByType map[string]*PRF
}

// NewNERScore returns an empty score.
func NewNERScore() *NERScore { return &NERScore{ByType: map[string]*PRF{}} }

// AddSentence scores one sentence's predicted tags against its gold tags (same length).
func (s *NERScore) AddSentence(gold, pred []string) { s.AddSpans(SpansIOB2(gold), SpansIOB2(pred)) }

// AddSpans scores predicted entities against gold ones: in token or character offsets, as long as
// both use the same.
func (s *NERScore) AddSpans(g, p []Span) {
	inGold := make(map[Span]bool, len(g))
	for _, sp := range g {
		inGold[sp] = true
	}
	for _, sp := range p {
		c := s.typ(sp.Type)
		if inGold[sp] {
			c.TP++
			s.All.TP++
			delete(inGold, sp)
		} else {
			c.FP++
			s.All.FP++
		}
	}
	for sp := range inGold {
		s.typ(sp.Type).FN++
		s.All.FN++
	}
}

func (s *NERScore) typ(t string) *PRF { return prfOf(s.ByType, t) }

// Types lists the types seen, sorted.
func (s *NERScore) Types() []string { return sortedKeys(s.ByType) }

// Metrics is the score as JSON-friendly metrics (rounded to 4 decimals).
func (s *NERScore) Metrics() Metrics {
	types := Metrics{}
	for _, t := range s.Types() {
		c := s.ByType[t]
		types[t] = Metrics{"p": Round4(c.Precision()), "r": Round4(c.Recall()), "f1": Round4(c.F1()),
			"tp": c.TP, "fp": c.FP, "fn": c.FN, "support": c.TP + c.FN}
	}
	return Metrics{"f1": Round4(s.All.F1()), "p": Round4(s.All.Precision()), "r": Round4(s.All.Recall()),
		"tp": s.All.TP, "fp": s.All.FP, "fn": s.All.FN, "types": types}
}

// NER scores a named-entity model on a labelled CoNLL file: entity-level exact matches (same
// start, end and type) per type and overall. With FromText it measures what articles go through
// instead: each document's text is rebuilt from its tokens (Detokenize), tagged through the
// product's own tokeniser and sentence splitter, and entities match by character offsets.
type NER struct {
	Scheme   string                 // ontonotes or conll2003, for the report
	FromText bool                   // tag each document's rebuilt text
	Load     func() (Tagger, error) // the model, loaded once the data has been read
}

// Tagger is a named-entity model as the NER scorer runs it (ner.Model with its place lookup).
type Tagger interface {
	Scheme() string
	TagSentences(sents [][]string) [][]string // IOB2 tags per token
	TagText(text string) []Span               // entities in byte offsets of text
}

// Score reads the documents of path, tags them and scores the tags.
func (n NER) Score(_ context.Context, path string, _, _ io.Writer) (*Report, error) {
	docs, err := readFile("ner", path, ReadCoNLL)
	if err != nil {
		return nil, err
	}
	m, err := n.Load()
	if err != nil {
		return nil, err
	}
	score := NewNERScore()
	tokens := 0
	start := time.Now()
	for _, d := range docs {
		sents := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			if s.Tags == nil {
				return nil, fmt.Errorf("eval ner %s: the file has no tags", path)
			}
			sents[i] = s.Tokens
			tokens += len(s.Tokens)
		}
		if n.FromText {
			text, gold := Detokenize(d.Sentences, m.Scheme() == "ontonotes")
			score.AddSpans(gold, m.TagText(text))
			continue
		}
		pred := m.TagSentences(sents)
		for i, s := range d.Sentences {
			score.AddSentence(s.Tags, pred[i])
		}
	}
	took := time.Since(start)
	r := &Report{Metrics: score.Metrics()}
	r.Metrics["scheme"] = n.Scheme
	r.Metrics["tokens"] = tokens
	r.Metrics["tokens_per_second"] = int(float64(tokens) / took.Seconds())
	r.Printf("scheme %s, %d documents, %d tokens, %.0f tokens/s\n", n.Scheme, len(docs), tokens, float64(tokens)/took.Seconds())
	score.WriteText(&r.Text)
	return r, nil
}

// WriteText prints one line per type, that the set has no held-aside part, and the contract's last
// line `ner f1=0.xxxx p=0.xxxx r=0.xxxx` (docs/contracts.md §2).
func (s *NERScore) WriteText(w io.Writer) {
	for _, t := range s.Types() {
		c := s.ByType[t]
		fmt.Fprintf(w, "%-12s f1=%.4f p=%.4f r=%.4f support=%d\n", t, c.F1(), c.Precision(), c.Recall(), c.TP+c.FN)
	}
	fmt.Fprintf(w, "%s\nner f1=%.4f p=%.4f r=%.4f\n", NoHeldAside, s.All.F1(), s.All.Precision(), s.All.Recall())
}

// pennBrackets are the Penn Treebank's escapes for brackets and quotes, and OntoNotes' marks of
// the end of a spoken sentence, as they appear in text.
var pennBrackets = map[string]string{"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]",
	"-LCB-": "{", "-RCB-": "}", "``": "\"", "''": "\"", "/.": ".", "/?": "?", "/-": "--"}

// Detokenize rebuilds the text of a tokenised document, one sentence per line, and returns it with
// its gold entities (from the sentences' IOB2 tags) in byte offsets of that text. Brackets and
// quotes are unescaped, punctuation and clitics ("'s", "n't") attach to the word before, opening
// brackets to the word after; with joinHyphens, a "-" between two words closes up ("Asia - Pacific"
// → "Asia-Pacific"), undoing OntoNotes' tokenisation (CoNLL-2003 keeps hyphenated words whole, and
// its "-" tokens are dashes).
func Detokenize(sents []CoNLLSentence, joinHyphens bool) (string, []Span) {
	var b strings.Builder
	var spans []Span
	for si, sen := range sents {
		if si > 0 {
			b.WriteByte('\n')
		}
		starts := make([]int, len(sen.Tokens))
		ends := make([]int, len(sen.Tokens))
		glue := false // no space before the next token
		for i, tok := range sen.Tokens {
			w := tok
			if r, ok := pennBrackets[tok]; ok {
				w = r
			} else if len(tok) > 1 && tok[0] == '%' && wordEdge(tok[1:], false) {
				w = tok[1:] // a transcript's filler: "%uh"
			}
			hyphen := joinHyphens && tok == "-" && i > 0 && i+1 < len(sen.Tokens) &&
				wordEdge(sen.Tokens[i-1], true) && wordEdge(sen.Tokens[i+1], false)
			if i > 0 && !glue && !hyphen && !attachesLeft(tok) {
				b.WriteByte(' ')
			}
			starts[i] = b.Len()
			b.WriteString(w)
			ends[i] = b.Len()
			glue = hyphen || tok == "-LRB-" || tok == "-LSB-" || tok == "-LCB-" || tok == "``" || tok == "$"
		}
		for _, sp := range SpansIOB2(sen.Tags) {
			spans = append(spans, Span{Type: sp.Type, Start: starts[sp.Start], End: ends[sp.End-1]})
		}
	}
	return b.String(), spans
}

// wordEdge reports whether a token's first rune (its last, with last) is a letter or digit: the
// side of it a hyphen would touch.
func wordEdge(tok string, last bool) bool {
	if tok == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(tok)
	if last {
		r, _ = utf8.DecodeLastRuneInString(tok)
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// attachesLeft reports tokens written without a space before them.
func attachesLeft(tok string) bool {
	switch tok {
	case ",", ".", ";", ":", "?", "!", "%", "-RRB-", "-RSB-", "-RCB-", "''", "...", "/.", "/?":
		return true
	}
	switch strings.ToLower(tok) {
	case "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'":
		return true
	}
	return false
}
