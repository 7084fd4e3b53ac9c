package eval

// The realistic evaluation set (test/evaldocs, README.md there fixes the format): whole news
// documents annotated by hand for what a careful reader finds — entities, places, speakers, dates,
// money, event types — and scored end to end from their text through the product's extractor
// chain. The texts themselves are never in the repository: DocTexts rebuilds each one from
// ../shared/data exactly as tools/evaldocs/select.py does, or reads a demo story's markdown.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/newsmon/newsmon/pkg/article"
)

// DocGold is one annotated document: one line of a test/evaldocs/*.jsonl file.
type DocGold struct {
	Doc       string      `json:"doc"`
	Split     string      `json:"split"`
	Published string      `json:"published"`
	Language  string      `json:"language"`
	Entities  []DocEntity `json:"entities"`
	Places    []DocPlace  `json:"places"`
	NotPlaces []string    `json:"not_places"`
	Quotes    []DocQuote  `json:"quotes"`
	Dates     []DocDate   `json:"dates"`
	Money     []DocMoney  `json:"money"`
	Events    []DocEvent  `json:"events"`
	NotEvents []DocEvent  `json:"not_events"`
	Where     string      `json:"-"` // file:line, for messages
}

// DocEntity is a named PERSON, ORG, PLACE, EVENT or MISC with the other forms the text uses.
type DocEntity struct {
	Type    string   `json:"type"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
}

// DocPlace is a place mention resolved by the annotator. Admin1 is the gazetteer's admin1 name.
type DocPlace struct {
	Mention   string `json:"mention"`
	GeonameID int    `json:"geonameid"`
	Country   string `json:"country"`
	Admin1    string `json:"admin1"`
	Feature   string `json:"feature"` // country|admin1|city|other
	Metonymy  bool   `json:"metonymy"`
}

// DocQuote is a quote or attribution located by the first words of its content.
type DocQuote struct {
	Head        string  `json:"head"`
	Occurrence  int     `json:"occurrence"`
	Direct      bool    `json:"direct"`
	Speaker     *string `json:"speaker"`
	Kind        string  `json:"kind"` // named|nominal|pronoun|anonymous|none
	SpeakerType *string `json:"speaker_type"`
}

// DocDate is a date expression with its resolved value as newsmon writes it.
type DocDate struct {
	Text       string `json:"text"`
	Value      string `json:"value"`
	Occurrence int    `json:"occurrence"`
}

// DocMoney is a sum of money with its ISO 4217 currency.
type DocMoney struct {
	Text       string  `json:"text"`
	Amount     float64 `json:"amount"`
	Currency   string  `json:"currency"`
	Occurrence int     `json:"occurrence"`
}

// DocEvent is an event typed with the event extractor's type set, found by its trigger word.
type DocEvent struct {
	Type    string `json:"type"`
	Trigger string `json:"trigger"`
	Date    string `json:"date,omitempty"`
	Place   string `json:"place,omitempty"`
}

// IsDemo reports whether the document is a demo story (demo:<site>/<slug>).
func (g *DocGold) IsDemo() bool { return strings.HasPrefix(g.Doc, "demo:") }

// ReadDocSet reads every *.jsonl file of dir (in name order). Blank lines and lines starting with
// '#' are skipped. A document annotated twice is an error: the lead merges parts into one set.
func ReadDocSet(dir string) ([]*DocGold, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("evaldocs %s: %w", dir, err)
	}
	sort.Strings(files)
	var docs []*DocGold
	seen := map[string]string{}
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("evaldocs: %w", err)
		}
		part, err := readDocGolds(f, filepath.Base(path))
		f.Close()
		if err != nil {
			return nil, err
		}
		for _, d := range part {
			if prev, ok := seen[d.Doc]; ok {
				return nil, fmt.Errorf("evaldocs: %s annotated twice (%s and %s)", d.Doc, prev, d.Where)
			}
			seen[d.Doc] = d.Where
		}
		docs = append(docs, part...)
	}
	return docs, nil
}

func readDocGolds(r io.Reader, name string) ([]*DocGold, error) {
	var docs []*DocGold
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for line := 1; sc.Scan(); line++ {
		b := sc.Bytes()
		if s := strings.TrimSpace(string(b)); s == "" || s[0] == '#' {
			continue
		}
		d := &DocGold{}
		if err := json.Unmarshal(b, d); err != nil {
			return nil, fmt.Errorf("evaldocs %s line %d: %w", name, line, err)
		}
		d.Where = fmt.Sprintf("%s:%d", name, line)
		if d.Doc == "" {
			return nil, fmt.Errorf("evaldocs %s: no \"doc\" key", d.Where)
		}
		if d.Split != "tune" && d.Split != "aside" {
			return nil, fmt.Errorf("evaldocs %s: %s: split %q is neither tune nor aside", d.Where, d.Doc, d.Split)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("evaldocs %s: %w", name, err)
	}
	return docs, nil
}

// DocText is a document's text as the product reads it, and the date relative dates resolve against.
type DocText struct {
	Key       string
	Text      string
	Published time.Time
}

// DocTexts rebuilds the documents' texts from the shared data folder (DataDir) and the demo
// stories' markdown (DemoDir), reading each corpus once, when first needed.
type DocTexts struct {
	DataDir string
	DemoDir string

	polnear  map[string]string
	bbc      []string
	reuters  []string
	articles map[string]string
}

// Text returns the document's text; published is the annotation's date (demo stories use their
// front matter's). A key that cannot be found is an error that names it.
func (t *DocTexts) Text(g *DocGold) (DocText, error) {
	kind, id, ok := strings.Cut(g.Doc, ":")
	if !ok {
		return DocText{}, fmt.Errorf("evaldocs %s: key %q has no corpus prefix", g.Where, g.Doc)
	}
	if kind == "demo" {
		return t.demo(g, id)
	}
	if g.Published == "" {
		return DocText{}, fmt.Errorf("evaldocs %s: %s has no published date", g.Where, g.Doc)
	}
	pub, err := ParseDocDate(g.Published)
	if err != nil {
		return DocText{}, fmt.Errorf("evaldocs %s: %s: published: %w", g.Where, g.Doc, err)
	}
	var text string
	switch kind {
	case "polnear-dev":
		if t.polnear == nil {
			if t.polnear, err = readPolnear(filepath.Join(t.DataDir, "quotes/polnear/dev.jsonl")); err != nil {
				return DocText{}, err
			}
		}
		text, ok = t.polnear[id]
	case "bbc", "reuters":
		blocks := &t.bbc
		path := filepath.Join(t.DataDir, "unlabeled/bbc/text.txt.gz")
		if kind == "reuters" {
			blocks, path = &t.reuters, filepath.Join(t.DataDir, "unlabeled/reuters21578/text.txt.gz")
		}
		if *blocks == nil {
			if *blocks, err = readBlocks(path); err != nil {
				return DocText{}, err
			}
		}
		n, convErr := strconv.Atoi(id)
		ok = convErr == nil && n >= 0 && n < len(*blocks)
		if ok {
			text = (*blocks)[n]
		}
	case "articles-dev":
		if t.articles == nil {
			if t.articles, err = readArticleBodies(filepath.Join(t.DataDir, "articles/dev/ground-truth.json")); err != nil {
				return DocText{}, err
			}
		}
		text, ok = t.articles[id]
	default:
		return DocText{}, fmt.Errorf("evaldocs %s: unknown corpus %q in key %s", g.Where, kind, g.Doc)
	}
	if !ok {
		return DocText{}, fmt.Errorf("evaldocs %s: document %s not found in %s", g.Where, g.Doc, t.DataDir)
	}
	return DocText{Key: g.Doc, Text: text, Published: pub}, nil
}

// demo reads <DemoDir>/<site>/<slug>.md: the text is the body after the front matter, the
// publication date the front matter's date.
func (t *DocTexts) demo(g *DocGold, id string) (DocText, error) {
	path := filepath.Join(t.DemoDir, filepath.FromSlash(id)+".md")
	b, err := os.ReadFile(path)
	if err != nil {
		return DocText{}, fmt.Errorf("evaldocs %s: document %s: %w", g.Where, g.Doc, err)
	}
	front, body, ok := splitFrontMatter(string(b))
	if !ok {
		return DocText{}, fmt.Errorf("evaldocs %s: %s: no front matter", g.Where, path)
	}
	var pub time.Time
	for _, line := range strings.Split(front, "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "date" {
			if pub, err = ParseDocDate(strings.TrimSpace(v)); err != nil {
				return DocText{}, fmt.Errorf("evaldocs %s: %s: date: %w", g.Where, path, err)
			}
		}
	}
	if pub.IsZero() {
		return DocText{}, fmt.Errorf("evaldocs %s: %s: no date in the front matter", g.Where, path)
	}
	return DocText{Key: g.Doc, Text: strings.TrimSpace(body), Published: pub}, nil
}

// splitFrontMatter splits "---\n<front>\n---\n<body>".
func splitFrontMatter(s string) (front, body string, ok bool) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	rest, ok := strings.CutPrefix(s, "---\n")
	if !ok {
		return "", "", false
	}
	front, body, ok = strings.Cut(rest, "\n---\n")
	return front, body, ok
}

// ParseDocDate reads an RFC 3339 time or a YYYY-MM-DD date (UTC).
func ParseDocDate(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not RFC 3339 or YYYY-MM-DD", s)
}

func readPolnear(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("evaldocs: %w", err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var r struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("evaldocs %s line %d: %w", path, line, err)
		}
		out[r.ID] = r.Text
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("evaldocs %s: %w", path, err)
	}
	return out, nil
}

// readBlocks reads a gzipped text of blank-line-separated blocks, headline first, as select.py
// does: block i's text is its lines after the headline joined by a blank line. Python's text mode
// reads any line ending as "\n", so "\r\n" and "\r" become "\n" here too.
func readBlocks(path string) ([]string, error) {
	b, err := readGzip(path, math.MaxInt64)
	if err != nil {
		return nil, fmt.Errorf("evaldocs: %w", err)
	}
	data := strings.ReplaceAll(strings.ReplaceAll(string(b), "\r\n", "\n"), "\r", "\n")
	var out []string
	for _, block := range strings.Split(strings.Trim(data, "\n"), "\n\n") {
		lines := strings.Split(block, "\n")
		out = append(out, strings.Join(lines[1:], "\n\n"))
	}
	return out, nil
}

func readArticleBodies(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("evaldocs: %w", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(b, &gt); err != nil {
		return nil, fmt.Errorf("evaldocs %s: %w", path, err)
	}
	out := make(map[string]string, len(gt))
	for k, v := range gt {
		out[k] = v.ArticleBody
	}
	return out, nil
}

// DocAnalyzer runs the product's extraction chain on a document's text, as `newsmon analyze --text
// --published DATE` does. The scorer takes it as a function so that it measures whatever chain
// the caller builds.
type DocAnalyzer func(ctx context.Context, doc DocText) (*article.Article, error)

// DocResult is one document's score: its counts and, for people reading, every miss.
type DocResult struct {
	Key    string
	Split  string
	Demo   bool
	Counts DocCounts
	Misses []string
}

// DocCounts are the counts behind every figure of `newsmon eval docs`; they add across documents.
type DocCounts struct {
	Docs     int
	Entities map[string]*PRF // by type; TP counts gold entities found, FP predictions matching none

	Places, PlaceCountryOK  int // gold places with a country
	GazPlaces, GazCountryOK int // those of them the gazetteer holds (a GeoNames id in the gold); right country
	Admin1, Admin1OK        int // gold cities and admin1 regions with an admin1
	PlaceIDs, PlaceIDOK     int // gold places with a GeoNames id
	PlaceUnresolved         int // gold places no predicted place carries
	PlaceExtra              int // predicted places with no gold place or not_place mention
	NotPlaces, NotPlacesBad int // not_places; those resolved to a populated place

	Named, NamedOK        int // gold quotes whose speaker is a named entity; right speaker predicted
	Kinds, KindOK         int // gold quotes with a kind; predicted speaker_kind equal
	KindPredicted         bool
	QuotesFound, Quotes   int // gold quotes with a predicted quote at the head
	Speakers              int // predicted quotes with a speaker
	BadPlace, BadDate     int // predicted speakers that are a place or a date
	BadPhrase             int // predicted speakers that name no entity and no described speaker
	UnresolvedDescribed   int // predicted speakers given as a description that names nobody ("the team")
	Dates, DateOK         int
	DateEndpoints         int // of DateOK: annotated endpoints of a range newsmon read whole (rangeEndpoint)
	MoneyN, MoneyOK       int
	EventPred, EventOK    int // predicted typed events; those matching a gold event
	EventNotEvent         int // predicted events matching a not_event
	EventGold, EventFound int
	EventTypes            map[string]*PRF // TP: matched predictions, FP: unmatched, FN: gold not found
}

// NewDocCounts returns empty counts.
func NewDocCounts() DocCounts {
	return DocCounts{Entities: map[string]*PRF{}, EventTypes: map[string]*PRF{}}
}

// Add accumulates another document's counts.
func (c *DocCounts) Add(o DocCounts) {
	c.Docs += o.Docs
	for t, p := range o.Entities {
		prfOf(c.Entities, t).Add(*p)
	}
	for t, p := range o.EventTypes {
		prfOf(c.EventTypes, t).Add(*p)
	}
	c.Places += o.Places
	c.PlaceCountryOK += o.PlaceCountryOK
	c.GazPlaces += o.GazPlaces
	c.GazCountryOK += o.GazCountryOK
	c.Admin1 += o.Admin1
	c.Admin1OK += o.Admin1OK
	c.PlaceIDs += o.PlaceIDs
	c.PlaceIDOK += o.PlaceIDOK
	c.PlaceUnresolved += o.PlaceUnresolved
	c.PlaceExtra += o.PlaceExtra
	c.NotPlaces += o.NotPlaces
	c.NotPlacesBad += o.NotPlacesBad
	c.Named += o.Named
	c.NamedOK += o.NamedOK
	c.Kinds += o.Kinds
	c.KindOK += o.KindOK
	c.KindPredicted = c.KindPredicted || o.KindPredicted
	c.QuotesFound += o.QuotesFound
	c.Quotes += o.Quotes
	c.Speakers += o.Speakers
	c.BadPlace += o.BadPlace
	c.BadDate += o.BadDate
	c.BadPhrase += o.BadPhrase
	c.UnresolvedDescribed += o.UnresolvedDescribed
	c.Dates += o.Dates
	c.DateOK += o.DateOK
	c.DateEndpoints += o.DateEndpoints
	c.MoneyN += o.MoneyN
	c.MoneyOK += o.MoneyOK
	c.EventPred += o.EventPred
	c.EventOK += o.EventOK
	c.EventNotEvent += o.EventNotEvent
	c.EventGold += o.EventGold
	c.EventFound += o.EventFound
}

// EntityTotal is the micro-average over all entity types.
func (c DocCounts) EntityTotal() PRF {
	var t PRF
	for _, p := range c.Entities {
		t.Add(*p)
	}
	return t
}

// EntityTypes lists the entity types seen, in a stable order.
func (c DocCounts) EntityTypes() []string { return sortedKeys(c.Entities) }

// BadSpeakers counts predicted speakers that are a place, a date or a phrase.
func (c DocCounts) BadSpeakers() int { return c.BadPlace + c.BadDate + c.BadPhrase }

// EventPrecision is the share of predicted typed events that match a gold event.
func (c DocCounts) EventPrecision() float64 { return ratio(c.EventOK, c.EventPred) }

// EventRecall is the share of gold events some prediction matches.
func (c DocCounts) EventRecall() float64 { return ratio(c.EventFound, c.EventGold) }

// Metrics returns the counts and figures as printed by --json.
func (c DocCounts) Metrics() Metrics {
	ents := Metrics{}
	for _, t := range c.EntityTypes() {
		p := c.Entities[t]
		ents[t] = Metrics{"p": Round4(p.Precision()), "r": Round4(p.Recall()), "f1": Round4(p.F1()), "tp": p.TP, "fp": p.FP, "fn": p.FN}
	}
	evs := Metrics{}
	for _, t := range sortedKeys(c.EventTypes) {
		p := c.EventTypes[t]
		evs[t] = Metrics{"precision": Round4(p.Precision()), "recall": Round4(p.Recall()), "tp": p.TP, "fp": p.FP, "fn": p.FN}
	}
	t := c.EntityTotal()
	m := Metrics{
		"docs":      c.Docs,
		"entity_f1": Round4(t.F1()), "entity_precision": Round4(t.Precision()), "entity_recall": Round4(t.Recall()),
		"entities":      ents,
		"place_country": Round4(ratio(c.PlaceCountryOK, c.Places)), "places": c.Places,
		"place_country_gazetteer": Round4(ratio(c.GazCountryOK, c.GazPlaces)), "places_gazetteer": c.GazPlaces,
		"place_admin1": Round4(ratio(c.Admin1OK, c.Admin1)), "admin1s": c.Admin1,
		"place_id": Round4(ratio(c.PlaceIDOK, c.PlaceIDs)), "place_ids": c.PlaceIDs,
		"place_unresolved": c.PlaceUnresolved, "place_extra": c.PlaceExtra,
		"not_places": c.NotPlaces, "not_places_resolved": c.NotPlacesBad,
		"speaker_named": Round4(ratio(c.NamedOK, c.Named)), "named_quotes": c.Named,
		"quotes": c.Quotes, "quotes_found": c.QuotesFound, "speakers": c.Speakers,
		"bad_speakers": c.BadSpeakers(), "bad_place": c.BadPlace, "bad_date": c.BadDate, "bad_phrase": c.BadPhrase,
		"unresolved_described": c.UnresolvedDescribed,
		"date_value":           Round4(ratio(c.DateOK, c.Dates)), "dates": c.Dates, "date_range_endpoints": c.DateEndpoints,
		"money": Round4(ratio(c.MoneyOK, c.MoneyN)), "money_mentions": c.MoneyN,
		"event_precision": Round4(c.EventPrecision()), "event_recall": Round4(c.EventRecall()),
		"events_predicted": c.EventPred, "events_gold": c.EventGold, "events_not_event": c.EventNotEvent,
		"event_types": evs,
	}
	if c.KindPredicted {
		m["speaker_kind"] = Round4(ratio(c.KindOK, c.Kinds))
	} else {
		m["speaker_kind"] = nil
	}
	return m
}

// WriteText prints the figures of one group of documents, ending with its summary line
// "docs split=<label> entity_f1=… place_country=… …".
func (c DocCounts) WriteText(w io.Writer, label string) {
	fmt.Fprintf(w, "%s: docs=%d\n", label, c.Docs)
	for _, t := range c.EntityTypes() {
		p := c.Entities[t]
		fmt.Fprintf(w, "  entities %-7s p=%.4f r=%.4f f1=%.4f (tp=%d fp=%d fn=%d)\n", t, p.Precision(), p.Recall(), p.F1(), p.TP, p.FP, p.FN)
	}
	t := c.EntityTotal()
	fmt.Fprintf(w, "  entities all     p=%.4f r=%.4f f1=%.4f (tp=%d fp=%d fn=%d)\n", t.Precision(), t.Recall(), t.F1(), t.TP, t.FP, t.FN)
	fmt.Fprintf(w, "  places country=%.4f (%d/%d; of places the gazetteer holds %.4f, %d/%d) admin1=%.4f (%d/%d) id=%.4f (%d/%d) unresolved=%d extra=%d not_places_resolved=%d/%d\n",
		ratio(c.PlaceCountryOK, c.Places), c.PlaceCountryOK, c.Places, ratio(c.GazCountryOK, c.GazPlaces), c.GazCountryOK, c.GazPlaces,
		ratio(c.Admin1OK, c.Admin1), c.Admin1OK, c.Admin1,
		ratio(c.PlaceIDOK, c.PlaceIDs), c.PlaceIDOK, c.PlaceIDs, c.PlaceUnresolved, c.PlaceExtra, c.NotPlacesBad, c.NotPlaces)
	kind := "n/a (no speaker_kind predicted)"
	if c.KindPredicted {
		kind = fmt.Sprintf("%.4f (%d/%d)", ratio(c.KindOK, c.Kinds), c.KindOK, c.Kinds)
	}
	fmt.Fprintf(w, "  speakers named=%.4f (%d/%d) kind=%s quotes_found=%d/%d bad=%d (place=%d date=%d phrase=%d) of %d predicted, unresolved_described=%d\n",
		ratio(c.NamedOK, c.Named), c.NamedOK, c.Named, kind, c.QuotesFound, c.Quotes, c.BadSpeakers(), c.BadPlace, c.BadDate, c.BadPhrase,
		c.Speakers, c.UnresolvedDescribed)
	fmt.Fprintf(w, "  dates value=%.4f (%d/%d, %d of them endpoints of a range read whole)  money=%.4f (%d/%d)\n", ratio(c.DateOK, c.Dates), c.DateOK, c.Dates,
		c.DateEndpoints, ratio(c.MoneyOK, c.MoneyN), c.MoneyOK, c.MoneyN)
	fmt.Fprintf(w, "  events precision=%.4f (%d/%d, %d on a not_event) recall=%.4f (%d/%d)\n", c.EventPrecision(), c.EventOK, c.EventPred,
		c.EventNotEvent, c.EventRecall(), c.EventFound, c.EventGold)
	for _, typ := range sortedKeys(c.EventTypes) {
		p := c.EventTypes[typ]
		fmt.Fprintf(w, "    %-10s precision=%.4f recall=%.4f (tp=%d fp=%d fn=%d)\n", typ, p.Precision(), p.Recall(), p.TP, p.FP, p.FN)
	}
	fmt.Fprintln(w, c.SummaryLine(label))
}

// SummaryLine is the one-line summary of a group: the last line `newsmon eval docs` prints is aside's.
func (c DocCounts) SummaryLine(label string) string {
	return fmt.Sprintf("docs split=%s entity_f1=%.4f place_country=%.4f place_admin1=%.4f speaker_named=%.4f bad_speakers=%d date_value=%.4f money=%.4f event_precision=%.4f",
		label, c.EntityTotal().F1(), ratio(c.PlaceCountryOK, c.Places), ratio(c.Admin1OK, c.Admin1), ratio(c.NamedOK, c.Named),
		c.BadSpeakers(), ratio(c.DateOK, c.Dates), ratio(c.MoneyOK, c.MoneyN), c.EventPrecision())
}

// RunDocs analyses every document with analyze and scores it. All texts are found first, so a
// missing document stops the run before any work.
func RunDocs(ctx context.Context, docs []*DocGold, texts *DocTexts, analyze DocAnalyzer) ([]DocResult, error) {
	ts := make([]DocText, len(docs))
	for i, g := range docs {
		t, err := texts.Text(g)
		if err != nil {
			return nil, err
		}
		ts[i] = t
	}
	out := make([]DocResult, 0, len(docs))
	for i, g := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a, err := analyze(ctx, ts[i])
		if err != nil {
			return nil, fmt.Errorf("evaldocs %s: analyse: %w", g.Doc, err)
		}
		out = append(out, ScoreDoc(g, a))
	}
	return out, nil
}

// normRune makes two spellings of a text compare equal whatever their apostrophes, quotes and
// white space. It maps rune to rune, so offsets into a mapped text are offsets into the original.
func normRune(r rune) rune {
	switch r {
	case '\u2019', '\u2018', '\u02bc', '`':
		return '\''
	case '\u201c', '\u201d':
		return '"'
	case '\u00a0', '\n', '\t', '\r':
		return ' '
	}
	return r
}

// normName is the form names are compared in: normRune, lower case, single spaces.
func normName(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.Map(normRune, s))), " ")
}

// docText indexes a predicted article's text for finding annotated strings in it. Both forms map
// rune to rune from the text, so their offsets are the text's.
type docText struct {
	norm   string // apostrophes, quotes and white space unified, case kept
	folded string // norm, lower-cased
}

func newDocText(text string) docText {
	norm := strings.Map(normRune, text)
	return docText{norm: norm, folded: strings.Map(unicode.ToLower, norm)}
}

// find locates the nth (1-based; 0 means 1) whole-word occurrence of s, as a code-point span.
// Case is matched as written first and then ignored; apostrophe and quote styles and white space
// never matter.
func (d docText) find(s string, nth int) (article.Span, bool) {
	if nth <= 0 {
		nth = 1
	}
	q := strings.Join(strings.Fields(strings.Map(normRune, s)), " ")
	if sp, ok := findWord(d.norm, q, nth); ok {
		return sp, true
	}
	return findWord(d.folded, strings.Map(unicode.ToLower, q), nth)
}

// findAllWords lists every whole-word occurrence of s whatever its case: a trigger word is the same
// word at the start of a sentence ("Election workers") as inside it.
func (d docText) findAllWords(s string) []article.Span {
	q := strings.Map(unicode.ToLower, strings.Join(strings.Fields(strings.Map(normRune, s)), " "))
	var out []article.Span
	for n := 1; ; n++ {
		sp, ok := findWord(d.folded, q, n)
		if !ok {
			return out
		}
		out = append(out, sp)
	}
}

func spansOverlap(a, b article.Span) bool { return a.Start < b.End && b.Start < a.End }

// dateLike recognises a speaker that is a date or a time expression, never someone who speaks. A
// leading number is one only alone or before a month, a clock word or a date separator: "36
// percent of Democrats" and "1,409 teachers" are described groups, judged as such.
var dateLike = regexp.MustCompile(`(?i)^((on |last |next |this |early |late )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|week|month|year)\b|\d{1,4}([\s,.]*$|[/:-]\d|\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|a\.?m\b|p\.?m\b|gmt\b|bst\b|est\b)))`)

// phraseWords never occur in a description of who speaks: a speaker holding one is a piece of the
// sentence taken for a speaker ("According", "a statement released", "officials said on").
var phraseWords = map[string]bool{
	"according": true, "released": true, "issued": true, "published": true, "said": true, "says": true,
	"told": true, "added": true, "stated": true, "noted": true, "in": true, "on": true, "at": true, "by": true,
	"from": true, "to": true, "with": true, "as": true, "after": true, "before": true, "that": true,
	"which": true, "who": true, "and": true, "but": true, "if": true, "when": true, "while": true,
}

// speakerNouns head a description of who speaks: people, bodies, and the documents that stand for
// their issuer ("the statement", which a reader resolves to the company that issued it). Words
// ending in -er, -or, -ist or -ian ("negotiators", "economists") are taken as people too.
var speakerNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`official company firm team ministry government agency department council
		committee board bank group union police army military court spokesman spokeswoman spokesperson source
		people person resident analyst expert president minister governor mayor chairman chairwoman chief
		executive director secretary leader lawmaker senator scientist researcher diplomat farmer worker
		observer critic family families witness authority authorities administration campaign party coalition
		venture maker producer operator consultancy organiser organizer treasury tribunal parliament senate
		congress community communities activist student doctor staff management opposition regulator
		statement report study survey court judge prosecutor officer employee resident inhabitant villager
		fan member members delegation delegate envoy ambassador embassy institute university association
		federation alliance fund office spokesmen spokeswomen men women man woman child children coach captain
		network bureau observatory participant country countries nation state prospectus filing document
		mp mep aide attorney candidate nominee citizen victim relative friend colleague neighbour neighbor
		veteran pundit rebel militant troop troops guard athlete investor customer client patient parent
		mother father son daughter wife husband brother sister democrat republican independent conservative
		liberal moderate progressive`) {
		m[w] = true
	}
	return m
}()

// speakerShape classes a predicted speaker that is neither an annotated entity nor an annotated
// description: "phrase" when it holds a word no description of a speaker holds ("According", "a
// statement released"), or is not headed by a noun for people or bodies ("the talks", "Agriculture
// Cabinet"); "described" when it reads as a description that names nobody ("the team",
// "negotiators"), which is no error in itself.
func speakerShape(folded string) string {
	words := strings.Fields(folded)
	for i, w := range words {
		words[i] = strings.Trim(w, ",.;:'\"")
		if phraseWords[words[i]] {
			return "phrase"
		}
	}
	if len(words) == 0 {
		return "phrase"
	}
	head := words[len(words)-1]
	for _, form := range []string{head, strings.TrimSuffix(head, "s"), strings.TrimSuffix(head, "es")} {
		if speakerNouns[form] {
			return "described"
		}
		for _, suffix := range []string{"er", "or", "ist", "ian"} {
			if len(form) > len(suffix)+2 && strings.HasSuffix(form, suffix) {
				return "described"
			}
		}
	}
	return "phrase"
}

// ScoreDoc scores one analysed document against its annotation.
func ScoreDoc(g *DocGold, a *article.Article) DocResult {
	r := DocResult{Key: g.Doc, Split: g.Split, Demo: g.IsDemo(), Counts: NewDocCounts()}
	c := &r.Counts
	c.Docs = 1
	dt := newDocText(a.Text)
	miss := func(format string, args ...any) { r.Misses = append(r.Misses, fmt.Sprintf(format, args...)) }

	// Every name the annotation gives an entity, folded, for matching predictions and speakers.
	goldNames := make([]map[string]bool, len(g.Entities))
	entityByName := map[string]int{}
	for i, e := range g.Entities {
		goldNames[i] = map[string]bool{normName(e.Name): true}
		for _, al := range e.Aliases {
			goldNames[i][normName(al)] = true
		}
		for n := range goldNames[i] {
			if _, ok := entityByName[n]; !ok {
				entityByName[n] = i
			}
		}
	}
	scoreEntities(g, a, goldNames, c, miss)
	scorePlaces(g, a, c, miss)
	scoreQuotes(g, a, dt, goldNames, entityByName, c, miss)
	scoreDates(g, a, dt, c, miss)
	scoreMoney(g, a, dt, c, miss)
	scoreEvents(g, a, dt, c, miss)
	return r
}

func scoreEntities(g *DocGold, a *article.Article, goldNames []map[string]bool, c *DocCounts, miss func(string, ...any)) {
	found := make([]bool, len(g.Entities))
	for _, e := range a.Entities {
		names := map[string]bool{normName(e.Name): true}
		for _, m := range e.Mentions {
			names[normName(m.Text)] = true
		}
		match, other := -1, -1
		for i, ge := range g.Entities {
			if !intersects(names, goldNames[i]) {
				continue
			}
			if ge.Type == e.Type {
				if match < 0 || found[match] && !found[i] {
					match = i
				}
			} else if other < 0 {
				other = i
			}
		}
		p := prfOf(c.Entities, e.Type)
		switch {
		case match >= 0 && found[match]:
			// A second prediction for a name already found: the entity was split, not invented.
		case match >= 0:
			found[match] = true
		case other >= 0:
			p.FP++
			miss("entity typed %s, gold %s: %q", e.Type, g.Entities[other].Type, e.Name)
		default:
			p.FP++
			miss("entity spurious %s %q", e.Type, e.Name)
		}
	}
	for i, ge := range g.Entities {
		p := prfOf(c.Entities, ge.Type)
		if found[i] {
			p.TP++
			continue
		}
		p.FN++
		miss("entity missed %s %q", ge.Type, ge.Name)
	}
}

func intersects(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// populated reports whether a predicted place is one a map would pin as a populated place or an
// administrative area (not a continent, sea or other feature kept as such).
func populated(p article.Place) bool { return p.Feature != "other" && p.Feature != "" }

func scorePlaces(g *DocGold, a *article.Article, c *DocCounts, miss func(string, ...any)) {
	byMention := map[string]article.Place{}
	for _, p := range a.Places {
		for _, m := range p.Mentions {
			if k := normName(m.Text); k != "" {
				if _, ok := byMention[k]; !ok {
					byMention[k] = p
				}
			}
		}
		if k := normName(p.Name); k != "" {
			if _, ok := byMention[k]; !ok {
				byMention[k] = p
			}
		}
	}
	known := map[string]bool{}
	for _, gp := range g.Places {
		known[normName(gp.Mention)] = true
		p, ok := byMention[normName(gp.Mention)]
		if !ok {
			c.PlaceUnresolved++
		}
		if gp.Country != "" {
			c.Places++
			if gp.GeonameID != 0 {
				c.GazPlaces++
				if ok && strings.EqualFold(p.CountryCode, gp.Country) {
					c.GazCountryOK++
				}
			}
			if ok && strings.EqualFold(p.CountryCode, gp.Country) {
				c.PlaceCountryOK++
			} else if ok {
				miss("place %q → %s %s/%s (%d); want %s/%s (%d)", gp.Mention, p.Name, p.CountryCode, p.Admin1, p.GeonameID, gp.Country, gp.Admin1, gp.GeonameID)
			} else {
				miss("place %q unresolved; want %s/%s (%d)", gp.Mention, gp.Country, gp.Admin1, gp.GeonameID)
			}
		}
		if gp.Admin1 != "" && (gp.Feature == "city" || gp.Feature == "admin1") {
			c.Admin1++
			if ok && sameAdmin1(gp.Admin1, p) {
				c.Admin1OK++
			} else if ok && strings.EqualFold(p.CountryCode, gp.Country) {
				miss("place %q admin1 %q; want %q", gp.Mention, p.Admin1, gp.Admin1)
			}
		}
		if gp.GeonameID != 0 {
			c.PlaceIDs++
			if ok && p.GeonameID == gp.GeonameID {
				c.PlaceIDOK++
			}
		}
	}
	for _, np := range g.NotPlaces {
		k := normName(np)
		known[k] = true
		c.NotPlaces++
		if p, ok := byMention[k]; ok && populated(p) {
			c.NotPlacesBad++
			miss("not a place %q resolved to %s %s/%s (%d, %s)", np, p.Name, p.CountryCode, p.Admin1, p.GeonameID, p.Feature)
		}
	}
	for _, p := range a.Places {
		extra := true
		for _, m := range p.Mentions {
			if known[normName(m.Text)] {
				extra = false
				break
			}
		}
		if extra && known[normName(p.Name)] {
			extra = false
		}
		if extra {
			c.PlaceExtra++
			miss("place extra %q → %s %s/%s (%d)", mentionText(p), p.Name, p.CountryCode, p.Admin1, p.GeonameID)
		}
	}
}

func mentionText(p article.Place) string {
	if len(p.Mentions) > 0 {
		return p.Mentions[0].Text
	}
	return p.Name
}

// sameAdmin1 compares the annotated admin1 name with the predicted one, or with its code.
func sameAdmin1(want string, p article.Place) bool {
	w := normName(want)
	got := normName(p.Admin1)
	return w == got || w == normName(p.Admin1Code) ||
		got != "" && (strings.HasPrefix(got, w+" ") || strings.HasPrefix(w, got+" "))
}

// quoteKinds reads each predicted quote's speaker_kind from the article's contract JSON, so the
// scorer works whether or not the product's Quote type carries the field yet.
func quoteKinds(a *article.Article) (kinds []string, predicted bool) {
	b, err := json.Marshal(a.Quotes)
	if err != nil {
		return make([]string, len(a.Quotes)), false
	}
	var qs []map[string]interface{}
	if json.Unmarshal(b, &qs) != nil || len(qs) != len(a.Quotes) {
		return make([]string, len(a.Quotes)), false
	}
	kinds = make([]string, len(qs))
	for i, q := range qs {
		if k, ok := q["speaker_kind"].(string); ok {
			kinds[i], predicted = k, true
		}
	}
	return kinds, predicted
}

func scoreQuotes(g *DocGold, a *article.Article, dt docText, goldNames []map[string]bool, entityByName map[string]int,
	c *DocCounts, miss func(string, ...any)) {
	kinds, anyKind := quoteKinds(a)
	c.KindPredicted = anyKind
	// Where each gold quote is, and which predicted quote holds it.
	atGold := make([]int, len(a.Quotes)) // predicted quote → gold quote index+1 (0: none)
	for gi, gq := range g.Quotes {
		c.Quotes++
		hs, ok := dt.find(gq.Head, gq.Occurrence)
		pi := -1
		if ok {
			pi = quoteAt(a.Quotes, hs)
		} else {
			miss("quote head %q not in the text (annotation)", gq.Head)
		}
		if pi >= 0 {
			c.QuotesFound++
			if atGold[pi] == 0 {
				atGold[pi] = gi + 1
			}
		}
		var got string
		if pi >= 0 && a.Quotes[pi].Speaker != nil {
			got = *a.Quotes[pi].Speaker
		}
		if gq.Speaker != nil {
			if ei, named := entityByName[normName(*gq.Speaker)]; named {
				c.Named++
				switch {
				case pi >= 0 && got != "" && goldNames[ei][normName(got)]:
					c.NamedOK++
				case pi < 0:
					miss("speaker %q: no quote found at %q", *gq.Speaker, gq.Head)
				default:
					miss("speaker %q given as %q at %q", *gq.Speaker, got, gq.Head)
				}
			}
		}
		if gq.Kind != "" {
			c.Kinds++
			if pi >= 0 && kinds[pi] == gq.Kind {
				c.KindOK++
			} else if anyKind && pi >= 0 {
				miss("speaker kind %q given as %q at %q", gq.Kind, kinds[pi], gq.Head)
			}
		}
	}

	// What every predicted speaker is: a place, a date, a phrase — or a name or description.
	placeNames := map[string]bool{}
	metonymic := map[string]bool{}
	for i, e := range g.Entities {
		if e.Type == article.TypePlace {
			for n := range goldNames[i] {
				placeNames[n] = true
			}
		}
	}
	for _, p := range g.Places {
		k := normName(p.Mention)
		if p.Metonymy {
			metonymic[k] = true
		} else {
			placeNames[k] = true
		}
	}
	for _, np := range g.NotPlaces {
		placeNames[normName(np)] = true
	}
	dateTexts := map[string]bool{}
	for _, d := range g.Dates {
		dateTexts[normName(d.Text)] = true
	}
	described := map[string]bool{}
	for _, q := range g.Quotes {
		if q.Speaker != nil {
			described[normName(*q.Speaker)] = true
		}
	}
	for pi, q := range a.Quotes {
		if q.Speaker == nil || strings.TrimSpace(*q.Speaker) == "" {
			continue
		}
		c.Speakers++
		s := normName(*q.Speaker)
		var gold *DocQuote
		if atGold[pi] > 0 {
			gold = &g.Quotes[atGold[pi]-1]
		}
		if gold != nil && gold.Speaker != nil && normName(*gold.Speaker) == s {
			continue // what the annotator gives, place or not ("Beijing" acting as the government)
		}
		switch {
		case placeNames[s] && !metonymic[s]:
			c.BadPlace++
			miss("speaker is a place: %q", *q.Speaker)
		case dateTexts[s] || dateLike.MatchString(s) && entityIndex(entityByName, s) < 0:
			c.BadDate++
			miss("speaker is a date: %q", *q.Speaker)
		case entityIndex(entityByName, s) >= 0 || described[s] || metonymic[s]:
		case speakerShape(s) == "described":
			c.UnresolvedDescribed++
			if gold != nil && gold.Speaker != nil {
				miss("speaker left as a description: %q for %q", *q.Speaker, *gold.Speaker)
			}
		default:
			c.BadPhrase++
			miss("speaker is a phrase: %q", *q.Speaker)
		}
	}
}

func entityIndex(byName map[string]int, s string) int {
	if i, ok := byName[s]; ok {
		return i
	}
	return -1
}

// quoteAt returns the predicted quote whose span holds the head's first character, else the first
// that overlaps the head, else -1.
func quoteAt(qs []article.Quote, head article.Span) int {
	best := -1
	for i, q := range qs {
		if q.Start <= head.Start && head.Start < q.End {
			if best < 0 || q.End-q.Start < qs[best].End-qs[best].Start {
				best = i
			}
		}
	}
	if best >= 0 {
		return best
	}
	for i, q := range qs {
		if spansOverlap(article.Span{Start: q.Start, End: q.End}, head) {
			return i
		}
	}
	return -1
}

func scoreDates(g *DocGold, a *article.Article, dt docText, c *DocCounts, miss func(string, ...any)) {
	for _, gd := range g.Dates {
		c.Dates++
		sp, ok := dt.find(gd.Text, gd.Occurrence)
		if !ok {
			miss("date %q (occurrence %d) not in the text (annotation)", gd.Text, max(gd.Occurrence, 1))
			continue
		}
		best, bestOverlap := -1, 0
		for i, d := range a.Dates {
			if o := overlapLen(sp, article.Span{Start: d.Start, End: d.End}); o > bestOverlap {
				best, bestOverlap = i, o
			}
		}
		switch {
		case best < 0:
			miss("date %q not found; want %s", gd.Text, gd.Value)
		case a.Dates[best].Value == gd.Value:
			c.DateOK++
		case rangeEndpoint(a.Dates[best], sp, gd.Value):
			c.DateOK++
			c.DateEndpoints++
		default:
			miss("date %q → %s; want %s", gd.Text, a.Dates[best].Value, gd.Value)
		}
	}
}

// rangeEndpoint reports whether the annotated date at sp with value want is an endpoint of the
// range d that newsmon read as one value ("from 2011 to 2016" → 2011/2016, where the annotation
// gives 2011 and 2016 each): the first year at the range's start or the last at its end. Both are
// right readings; the conventions differ.
func rangeEndpoint(d article.Date, sp article.Span, want string) bool {
	from, to, ok := strings.Cut(d.Value, "/")
	if !ok {
		return false
	}
	return (want == from && sp.Start <= d.Start) || (want == to && sp.End >= d.End)
}

func overlapLen(a, b article.Span) int {
	return max(0, min(a.End, b.End)-max(a.Start, b.Start))
}

func scoreMoney(g *DocGold, a *article.Article, dt docText, c *DocCounts, miss func(string, ...any)) {
	for _, gm := range g.Money {
		c.MoneyN++
		sp, ok := dt.find(gm.Text, gm.Occurrence)
		if !ok {
			miss("money %q not in the text (annotation)", gm.Text)
			continue
		}
		best, bestOverlap := -1, 0
		for i, m := range a.Money {
			if o := overlapLen(sp, article.Span{Start: m.Start, End: m.End}); o > bestOverlap {
				best, bestOverlap = i, o
			}
		}
		switch {
		case best < 0:
			miss("money %q not found; want %g %s", gm.Text, gm.Amount, gm.Currency)
		case a.Money[best].Currency == gm.Currency && (amountClose(a.Money[best].Amount, gm.Amount) ||
			a.Money[best].AmountMax != 0 && amountClose(a.Money[best].AmountMax, gm.Amount)):
			// Either end of a range ("between $215 billion and $387 billion") is the sum it states.
			c.MoneyOK++
		default:
			miss("money %q → %g %s; want %g %s", gm.Text, a.Money[best].Amount, a.Money[best].Currency, gm.Amount, gm.Currency)
		}
	}
}

// eventSpans are where a predicted event's evidence is: its trigger, else its name's mentions.
func eventSpans(e article.Event) []article.Span {
	if e.Trigger != nil {
		return []article.Span{{Start: e.Trigger.Start, End: e.Trigger.End}}
	}
	out := make([]article.Span, 0, len(e.Mentions))
	for _, m := range e.Mentions {
		out = append(out, article.Span{Start: m.Start, End: m.End})
	}
	return out
}

func anyOverlap(a, b []article.Span) bool {
	for _, x := range a {
		for _, y := range b {
			if spansOverlap(x, y) {
				return true
			}
		}
	}
	return false
}

func scoreEvents(g *DocGold, a *article.Article, dt docText, c *DocCounts, miss func(string, ...any)) {
	goldSpans := make([][]article.Span, len(g.Events))
	for i, ge := range g.Events {
		goldSpans[i] = dt.findAllWords(ge.Trigger)
		if len(goldSpans[i]) == 0 {
			miss("event trigger %q not in the text (annotation)", ge.Trigger)
		}
	}
	notSpans := make([][]article.Span, len(g.NotEvents))
	for i, ne := range g.NotEvents {
		notSpans[i] = dt.findAllWords(ne.Trigger)
	}
	found := make([]bool, len(g.Events))
	for _, e := range a.Events {
		if e.Type == "" {
			continue
		}
		c.EventPred++
		sp := eventSpans(e)
		p := prfOf(c.EventTypes, e.Type)
		ok := false
		for i, ge := range g.Events {
			if ge.Type == e.Type && anyOverlap(sp, goldSpans[i]) {
				found[i], ok = true, true
			}
		}
		if ok {
			c.EventOK++
			p.TP++
			continue
		}
		p.FP++
		trigger := e.Name
		if e.Trigger != nil {
			trigger = e.Trigger.Text
		}
		hitNot := false
		for i, ne := range g.NotEvents {
			if ne.Type == e.Type && anyOverlap(sp, notSpans[i]) {
				hitNot = true
			}
		}
		if hitNot {
			c.EventNotEvent++
			miss("event %s %q is a not_event", e.Type, trigger)
		} else {
			miss("event spurious %s %q", e.Type, trigger)
		}
	}
	for i, ge := range g.Events {
		c.EventGold++
		if found[i] {
			c.EventFound++
			continue
		}
		prfOf(c.EventTypes, ge.Type).FN++
		miss("event missed %s %q", ge.Type, ge.Trigger)
	}
}

// CheckDoc lists what is wrong in a document's annotation itself, without running the product:
// annotated strings the text does not hold (as the scorer searches them) and values outside the
// format's sets. text is the document's text as the product reads it (article.FromText's Text);
// eventTypes is the event extractor's type set.
func CheckDoc(g *DocGold, text string, eventTypes []string) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	dt := newDocText(text)
	has := func(s string, nth int) bool { _, ok := dt.find(s, nth); return ok }
	oneOf := func(v string, set ...string) bool {
		for _, s := range set {
			if v == s {
				return true
			}
		}
		return false
	}
	names := map[string]bool{}
	for _, e := range g.Entities {
		if !oneOf(e.Type, article.TypePerson, article.TypeOrg, article.TypePlace, article.TypeEvent, article.TypeMisc) {
			bad("entity %q: type %q", e.Name, e.Type)
		}
		// The canonical name may be a form the text never uses ("Donald Trump" for "Donald J.
		// Trump"); an entity none of whose forms is in the text can never be matched.
		found := false
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			names[normName(n)] = true
			found = found || has(n, 1)
		}
		if !found {
			bad("entity %q: none of its forms is in the text", e.Name)
		}
	}
	for _, p := range g.Places {
		if !has(p.Mention, 1) {
			bad("place %q not in the text", p.Mention)
		}
		if !oneOf(p.Feature, "country", "admin1", "city", "other") {
			bad("place %q: feature %q", p.Mention, p.Feature)
		}
		if p.GeonameID != 0 && p.Country == "" {
			bad("place %q: geonameid without a country", p.Mention)
		}
	}
	for _, n := range g.NotPlaces {
		if !has(n, 1) {
			bad("not_place %q not in the text", n)
		}
	}
	for _, q := range g.Quotes {
		if !has(q.Head, q.Occurrence) {
			bad("quote head %q (occurrence %d) not in the text", q.Head, max(q.Occurrence, 1))
		}
		if !oneOf(q.Kind, "named", "nominal", "pronoun", "anonymous", "none") {
			bad("quote %q: kind %q", q.Head, q.Kind)
		}
		if q.SpeakerType != nil && !oneOf(*q.SpeakerType, article.TypePerson, article.TypeOrg, "GROUP") {
			bad("quote %q: speaker_type %q", q.Head, *q.SpeakerType)
		}
		if q.Kind == "named" && (q.Speaker == nil || !names[normName(*q.Speaker)]) {
			bad("quote %q: named speaker %v is no entity's name or alias", q.Head, derefOr(q.Speaker, "null"))
		}
	}
	for _, d := range g.Dates {
		if !has(d.Text, d.Occurrence) {
			bad("date %q (occurrence %d) not in the text", d.Text, max(d.Occurrence, 1))
		}
		if !dateValue.MatchString(d.Value) {
			bad("date %q: value %q is not YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn or a range A/B of them", d.Text, d.Value)
		}
	}
	for _, m := range g.Money {
		if !has(m.Text, m.Occurrence) {
			bad("money %q (occurrence %d) not in the text", m.Text, max(m.Occurrence, 1))
		}
		if len(m.Currency) != 3 || strings.ToUpper(m.Currency) != m.Currency {
			bad("money %q: currency %q is no ISO 4217 code", m.Text, m.Currency)
		}
	}
	for _, list := range [][]DocEvent{g.Events, g.NotEvents} {
		for _, e := range list {
			if len(dt.findAllWords(e.Trigger)) == 0 {
				bad("event trigger %q not in the text", e.Trigger)
			}
			if !oneOf(e.Type, eventTypes...) {
				bad("event %q: type %q is not one of %s", e.Trigger, e.Type, strings.Join(eventTypes, ", "))
			}
		}
	}
	return out
}

// dateValue is a value as newsmon writes it: a year, month, day (a week is its Monday), quarter or
// half, or a range of two of them joined by "/".
var dateValue = regexp.MustCompile(`^\d{4}(-\d\d(-\d\d)?|-Q[1-4]|-H[12])?(/\d{4}(-\d\d(-\d\d)?|-Q[1-4]|-H[12])?)?$`)

func derefOr(s *string, def string) string {
	if s == nil {
		return def
	}
	return *s
}
