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
	x := indexMergeDocs(docs)
	target := map[string]string{} // short key → full key
	for short := range x.keyDocs {
		if full, ok := x.bestFull(short); ok {
			target[short] = full
		}
	}
	m := &Merger{canon: map[string]string{}, display: map[string]string{}, names: map[string]map[string]int{}}
	canonical := func(k string) string { // the id of the entity the key's names belong to
		if t, ok := target[k]; ok {
			k = t
		}
		name := commonest(x.keyNames[k])
		id := EntityID(k[:strings.IndexByte(k, ':')], name)
		m.display[id] = name
		return id
	}
	for id, k := range x.keyOf {
		if cid := canonical(k); cid != id {
			m.canon[id] = cid
		}
	}
	for k, names := range x.keyNames {
		cid := canonical(k)
		if m.names[cid] == nil {
			m.names[cid] = map[string]int{}
		}
		for n, c := range names {
			m.names[cid][n] += c
		}
	}
	return m
}

// mergeIndex is what the merger knows of its documents, by type-qualified name key ("PERSON:
// donald trump"; places are "PLACE:" and their normalised name).
type mergeIndex struct {
	keyOf    map[string]string         // entity id → key
	keyDocs  map[string][]int          // key → documents naming it
	keyNames map[string]map[string]int // key → names → documents
	docKeys  [][]string                // document → its keys
	fulls    map[string][]string       // short key → the full keys it can stand for (shortFor)
	context  map[string]map[string]bool
}

func indexMergeDocs(docs []MergeDoc) *mergeIndex {
	x := &mergeIndex{keyOf: map[string]string{}, keyDocs: map[string][]int{}, keyNames: map[string]map[string]int{},
		docKeys: make([][]string, len(docs)), fulls: map[string][]string{}, context: map[string]map[string]bool{}}
	keys := map[MergeEntity]string{} // each name's key, worked out once: names recur
	for i, d := range docs {
		for _, e := range d.Entities {
			k, ok := keys[e]
			if !ok {
				if strings.TrimSpace(e.Name) != "" {
					k = e.Type + ":" + nameKey(e.Type, e.Name)
					x.keyOf[EntityID(e.Type, e.Name)] = k
				}
				keys[e] = k
			}
			if k == "" {
				continue
			}
			if !slices.Contains(x.docKeys[i], k) {
				x.docKeys[i] = append(x.docKeys[i], k)
				x.keyDocs[k] = append(x.keyDocs[k], i)
			}
			if x.keyNames[k] == nil {
				x.keyNames[k] = map[string]int{}
			}
			x.keyNames[k][e.Name]++
		}
		for _, p := range d.Places {
			if k := "PLACE:" + Norm(p); !slices.Contains(x.docKeys[i], k) {
				x.docKeys[i] = append(x.docKeys[i], k)
			}
		}
	}
	for k := range x.keyDocs {
		typ, fk, _ := strings.Cut(k, ":")
		for _, sk := range shortForms(typ, fk) {
			x.fulls[typ+":"+sk] = append(x.fulls[typ+":"+sk], k)
		}
	}
	return x
}

// bestFull is the full key the short key stands for, if the documents support one clearly.
func (x *mergeIndex) bestFull(short string) (string, bool) {
	cands := x.fulls[short]
	if len(cands) == 0 {
		return "", false
	}
	sort.Strings(cands) // a fixed order, so ties are settled the same way every time
	best, bestN, secondN := "", 0, 0
	for _, c := range cands {
		n := x.evidence(short, c)
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
func (x *mergeIndex) evidence(short, full string) int {
	context := x.context[full]
	if context == nil { // every key of the full key's documents, built once per full key
		context = map[string]bool{}
		for _, d := range x.keyDocs[full] {
			for _, k := range x.docKeys[d] {
				context[k] = true
			}
		}
		x.context[full] = context
	}
	n := 0
	for _, d := range x.keyDocs[short] {
		if slices.Contains(x.docKeys[d], full) {
			n += mergeSameDoc
			continue
		}
		places, named := 0, 0
		for _, k := range x.docKeys[d] {
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
