package index

import (
	"slices"
	"sort"
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
)

// Cross-document entity merging. Each article already names an entity by its in-document
// canonical name (the extractors resolve "Trump" to "Donald Trump" when the article says both),
// so what is left is the article that only ever writes "Trump", "President Trump" or "IMF". The
// Merger joins such a short form to a full name when the articles support it:
//
//   - names that differ only by a title, suffix or middle initial, or an organisation's legal
//     form, are one entity everywhere ("President Donald J. Trump" = "Donald Trump");
//   - a short form (a surname, an organisation's first word or acronym) joins the full name it can
//     stand for only with evidence: articles using the short form share context with the full
//     name's articles (people, organisations, places named in both; see evidence), or name both.
//     The full name with the most evidence wins, and only if it has at least twice the evidence of
//     the runner-up; otherwise the short form stays on its own. Two people with one surname in
//     unrelated stories share no context, so they stay apart.
//
// The merger reads only names and the keys of the articles given; it is built per view (a facet's
// evidence, a network's sample), never over the whole index, so its cost follows the articles a
// view reads anyway.

// MergeDoc is one article as the merger sees it.
type MergeDoc struct {
	Entities []MergeEntity // its people and organisations, by in-document canonical name
	Places   []string      // its places, as context
}

// MergeEntity is a typed name.
type MergeEntity struct{ Type, Name string }

// MergeDocOf is the article's people, organisations and places.
func MergeDocOf(a *article.Article) MergeDoc {
	var d MergeDoc
	for _, e := range a.Entities {
		if e.Type == article.TypePerson || e.Type == article.TypeOrg {
			d.Entities = append(d.Entities, MergeEntity{Type: e.Type, Name: e.Name})
		}
	}
	for _, p := range a.Places {
		d.Places = append(d.Places, p.Name)
	}
	return d
}

// Merger maps entity ids (EntityID) to the id of the entity they are merged into.
type Merger struct {
	canon   map[string]string         // entity id → canonical id; absent: itself
	display map[string]string         // canonical id → its full name's commonest spelling
	names   map[string]map[string]int // canonical id → names used for it → articles
}

const (
	// mergeMinRatio is how much more evidence the winning full name needs than the next one.
	mergeMinRatio = 2
	// mergeSameDoc is the evidence of a document naming both the short and the full key (as two
	// entities: its in-document resolution kept them apart): about as much as a document sharing
	// two people or organisations with the full name's.
	mergeSameDoc = 4
)

// NewMerger decides the merges the documents support.
func NewMerger(docs []MergeDoc) *Merger {
	keyOf := map[string]string{}            // entity id → type-qualified key
	keyDocs := map[string][]int{}           // key → documents naming it
	keyNames := map[string]map[string]int{} // key → names → documents
	docKeys := make([][]string, len(docs))  // document → its keys, places last
	for i, d := range docs {
		for _, e := range d.Entities {
			if strings.TrimSpace(e.Name) == "" {
				continue
			}
			k := e.Type + ":" + nameKey(e.Type, e.Name)
			keyOf[EntityID(e.Type, e.Name)] = k
			if !slices.Contains(docKeys[i], k) {
				docKeys[i] = append(docKeys[i], k)
				keyDocs[k] = append(keyDocs[k], i)
			}
			if keyNames[k] == nil {
				keyNames[k] = map[string]int{}
			}
			keyNames[k][e.Name]++
		}
		for _, p := range d.Places {
			if k := "PLACE:" + Norm(p); !slices.Contains(docKeys[i], k) {
				docKeys[i] = append(docKeys[i], k)
			}
		}
	}
	target := map[string]string{} // short key → full key
	for short := range keyDocs {
		if full, ok := bestFull(short, keyDocs, docKeys); ok {
			target[short] = full
		}
	}
	m := &Merger{canon: map[string]string{}, display: map[string]string{}, names: map[string]map[string]int{}}
	display := func(k string) string {
		name := commonest(keyNames[k])
		id := EntityID(k[:strings.IndexByte(k, ':')], name)
		m.display[id] = name
		return id
	}
	for id, k := range keyOf {
		ck := k
		if t, ok := target[k]; ok {
			ck = t
		}
		cid := display(ck)
		if cid != id {
			m.canon[id] = cid
		}
	}
	for k, names := range keyNames {
		ck := k
		if t, ok := target[k]; ok {
			ck = t
		}
		cid := display(ck)
		if m.names[cid] == nil {
			m.names[cid] = map[string]int{}
		}
		for n, c := range names {
			m.names[cid][n] += c
		}
	}
	return m
}

// bestFull is the full name the short key stands for, if the documents support one clearly.
func bestFull(short string, keyDocs map[string][]int, docKeys [][]string) (string, bool) {
	typ, sk, _ := strings.Cut(short, ":")
	var cands []string
	for k := range keyDocs {
		if t, fk, _ := strings.Cut(k, ":"); t == typ && shortFor(typ, sk, fk) {
			cands = append(cands, k)
		}
	}
	if len(cands) == 0 {
		return "", false
	}
	sort.Strings(cands) // a fixed order, so ties are settled the same way every time
	best, bestN, secondN := "", 0, 0
	for _, c := range cands {
		n := evidence(short, c, keyDocs, docKeys)
		switch {
		case n > bestN:
			best, bestN, secondN = c, n, bestN
		case n > secondN:
			secondN = n
		}
	}
	if bestN == 0 || bestN < mergeMinRatio*secondN {
		return "", false
	}
	return best, true
}

// evidence weighs how well the documents naming the full key account for those naming the short
// key: for each document naming the short key, the context it shares with the full key's
// documents (each person or organisation other than the two counts two, each place one), when it
// shares a person or organisation or two places; or mergeSameDoc when it names both. A name in
// many articles shares more context than a rare one with the same surname, so the prominent
// "Hillary Clinton" outweighs "Bill Clinton" for a "Clinton" in her campaign's company, while a
// "Smith" in an unrelated story shares nothing with any Smith.
func evidence(short, full string, keyDocs map[string][]int, docKeys [][]string) int {
	context := map[string]bool{}
	fullDocs := map[int]bool{}
	for _, d := range keyDocs[full] {
		fullDocs[d] = true
		for _, k := range docKeys[d] {
			context[k] = true
		}
	}
	n := 0
	for _, d := range keyDocs[short] {
		if fullDocs[d] {
			n += mergeSameDoc
			continue
		}
		places, named := 0, 0
		for _, k := range docKeys[d] {
			if k == short || k == full || !context[k] {
				continue
			}
			if strings.HasPrefix(k, "PLACE:") {
				places++
			} else {
				named++
			}
		}
		if named > 0 || places >= 2 {
			n += 2*named + places
		}
	}
	return n
}

// Canonical is the id of the entity the id is merged into (the id itself if none).
func (m *Merger) Canonical(id string) string {
	if c, ok := m.canon[id]; ok {
		return c
	}
	return id
}

// Variants are the names merged into the canonical id, most used first.
func (m *Merger) Variants(id string) []string {
	var out []string
	for _, tc := range topCounts(m.names[id]) {
		out = append(out, tc.Text)
	}
	return out
}

// mergerOf is the Merger of the articles' people and organisations.
func mergerOf(arts []*article.Article) *Merger {
	docs := make([]MergeDoc, len(arts))
	for i, a := range arts {
		docs[i] = MergeDocOf(a)
	}
	return NewMerger(docs)
}

// refs renames the entities merged into another to it (id and name: the merged entity's
// commonest name) and joins the spans of those that become one.
func (m *Merger) refs(ents []entityRef) []entityRef {
	out := ents[:0:0]
	at := map[string]int{}
	for _, e := range ents {
		if c := m.Canonical(e.id); c != e.id {
			e.id = c
			e.name = m.display[c]
		}
		if i, ok := at[e.id]; ok {
			out[i].spans = append(out[i].spans, e.spans...)
			continue
		}
		at[e.id] = len(out)
		out = append(out, e)
	}
	return out
}
