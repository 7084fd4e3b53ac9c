package index

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/pkg/article"
)

// Network kinds.
const (
	NetworkMentions = "mentions" // co-mentions: two entities named in the same article
	NetworkQuotes   = "quotes"   // a speaker and the entities named inside what they said
)

// NetworkOptions bound a network; zero values mean the defaults.
type NetworkOptions struct {
	Kind string // NetworkMentions (default) or NetworkQuotes
	// Types are the entity types taking part: article.TypePerson, TypeOrg (the default pair),
	// TypePlace. A place is the resolved place (its gazetteer name) or, for a PLACE entity that
	// was not resolved, the entity.
	Types     []string
	MaxNodes  int // the most frequent entities kept; DefaultNetworkNodes, at most MaxNetworkNodes
	Sample    int // matching articles read; DefaultNetworkSample, at most MaxNetworkSample
	MinWeight int // edges lighter than this are dropped; default 1
	MaxEdges  int // the heaviest edges kept; DefaultNetworkEdges, at most MaxNetworkEdges
}

const (
	DefaultNetworkNodes  = 50
	MaxNetworkNodes      = 300
	DefaultNetworkSample = 500
	MaxNetworkSample     = 2000
	DefaultNetworkEdges  = 1000
	MaxNetworkEdges      = 10000
)

// Normalized returns the options with defaults filled in, limits applied and types canonical
// (upper case, known, deduplicated), or an error for an unknown kind or type.
func (o NetworkOptions) Normalized() (NetworkOptions, error) {
	switch o.Kind {
	case "":
		o.Kind = NetworkMentions
	case NetworkMentions, NetworkQuotes:
	default:
		return o, fmt.Errorf("network kind %q: want mentions or quotes", o.Kind)
	}
	var types []string
	for _, t := range o.Types {
		t = strings.ToUpper(strings.TrimSpace(t))
		switch t {
		case article.TypePerson, article.TypeOrg, article.TypePlace:
		default:
			return o, fmt.Errorf("entity type %q: want person, org or place", t)
		}
		if !slices.Contains(types, t) {
			types = append(types, t)
		}
	}
	if len(types) == 0 {
		types = []string{article.TypePerson, article.TypeOrg}
	}
	o.Types = types
	o.MaxNodes = clampDefault(o.MaxNodes, DefaultNetworkNodes, MaxNetworkNodes)
	o.Sample = clampDefault(o.Sample, DefaultNetworkSample, MaxNetworkSample)
	o.MaxEdges = clampDefault(o.MaxEdges, DefaultNetworkEdges, MaxNetworkEdges)
	o.MinWeight = max(o.MinWeight, 1)
	return o, nil
}

// Graph is a weighted network of entities drawn from a sample of a query's articles.
type Graph struct {
	Kind     string `json:"kind"`
	Directed bool   `json:"directed"` // quotes: speaker → entity; mentions: undirected
	Nodes    []Node `json:"nodes"`
	Edges    []Edge `json:"edges"`
	// What was read: Sampled of the Total matching articles (the best-ranked: by relevance with
	// text, else newest first), and of the Entities found in them the MaxNodes most frequent.
	Total          int  `json:"total"`
	Sampled        int  `json:"sampled"`
	Entities       int  `json:"entities"`
	MaxNodes       int  `json:"max_nodes"`
	NodesTruncated bool `json:"nodes_truncated"`
	EdgesTruncated bool `json:"edges_truncated"`
}

// Node is one entity. Count is the number of sampled articles naming it (mentions), or of quotes
// it speaks or is named in (quotes); Quotes is the number it speaks.
type Node struct {
	ID     string `json:"id"` // EntityID
	Name   string `json:"name"`
	Type   string `json:"type"`
	Count  int    `json:"count"`
	Quotes int    `json:"quotes,omitempty"`
}

// Edge links two nodes by id. Weight is the number of sampled articles naming both (mentions) or
// of quotes by Source naming Target (quotes).
type Edge struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Weight int    `json:"weight"`
}

// EntityID is the id of an entity across articles: its type and normalised name,
// "person:emmanuel macron". Names that differ only in case or surrounding space are one entity.
func EntityID(typ, name string) string { return strings.ToLower(typ) + ":" + Norm(name) }

// ParseEntityID splits an EntityID into the entity type (upper case, as in articles) and the
// normalised name.
func ParseEntityID(id string) (typ, name string, err error) {
	t, n, ok := strings.Cut(id, ":")
	typ, name = strings.ToUpper(t), Norm(n)
	switch {
	case !ok || name == "":
		return "", "", fmt.Errorf("entity id %q: want type:name, e.g. person:emmanuel macron", id)
	case typ != article.TypePerson && typ != article.TypeOrg && typ != article.TypePlace && typ != article.TypeEvent:
		return "", "", fmt.Errorf("entity id %q: type %q: want person, org, place or event", id, t)
	}
	return typ, name, nil
}

// SampleArticles reads up to n of q's best-ranked matching articles (lean: see Query.Lean), a
// page of MaxLeanSize at a time, and the number of articles matching.
func SampleArticles(ctx context.Context, s Searcher, q Query, n int) (arts []*article.Article, total int, err error) {
	q.FacetSize, q.Interval, q.WithText, q.Lean = -1, "", false, true
	for page := 1; len(arts) < n; page++ {
		q.Page, q.Size = page, min(MaxLeanSize, n)
		res, err := s.Search(ctx, q)
		if err != nil {
			return nil, 0, fmt.Errorf("sample page %d: %w", page, err)
		}
		total = res.Total
		for _, h := range res.Hits {
			if h.Article != nil && len(arts) < n {
				arts = append(arts, h.Article)
			}
		}
		if len(res.Hits) < q.Size || page*q.Size >= total {
			break
		}
	}
	return arts, total, nil
}

// Network builds the network of q's articles: nodes are the entities of the asked types, edges
// their co-mentions in one article, or (NetworkQuotes) a speaker's quotes naming another entity
// (a mention of it inside the quote's span). Both the articles read (Sample) and the nodes kept
// (MaxNodes, the most frequent) are bounded, and the Graph says how much was left out.
func Network(ctx context.Context, s Searcher, q Query, opts NetworkOptions) (*Graph, error) {
	opts, err := opts.Normalized()
	if err != nil {
		return nil, err
	}
	arts, total, err := SampleArticles(ctx, s, q, opts.Sample)
	if err != nil {
		return nil, fmt.Errorf("network: %w", err)
	}
	return BuildNetwork(arts, total, opts), nil
}

// BuildNetwork is Network over articles already read; total is the number matching the query.
// opts must be Normalized.
func BuildNetwork(arts []*article.Article, total int, opts NetworkOptions) *Graph {
	g := &Graph{Kind: opts.Kind, Directed: opts.Kind == NetworkQuotes, Total: total, Sampled: len(arts),
		MaxNodes: opts.MaxNodes, Nodes: []Node{}, Edges: []Edge{}}
	nodes := map[string]*Node{}
	names := map[string]map[string]int{} // id → display name → uses, for the most common spelling
	node := func(e entityRef) *Node {
		n := nodes[e.id]
		if n == nil {
			n = &Node{ID: e.id, Type: e.typ}
			nodes[e.id] = n
			names[e.id] = map[string]int{}
		}
		names[e.id][e.name]++
		return n
	}
	merger := mergerOf(arts)
	type link struct{ a, b string }
	// Pairs are made once the nodes are chosen, among those only: an article naming 50 entities
	// holds 1,225 pairs, and most involve entities that will not be kept.
	var groups [][]string // mentions: each article's entity ids
	var said []link       // quotes: speaker → entity, once per quote naming it
	for _, a := range arts {
		ents := merger.refs(entitiesOf(a, opts.Types))
		if opts.Kind == NetworkMentions {
			ids := make([]string, 0, len(ents))
			for _, e := range ents {
				node(e).Count++
				ids = append(ids, e.id)
			}
			groups = append(groups, ids)
			continue
		}
		cands := speakers(a)
		for _, qt := range a.Quotes {
			sp, ok := speakerOf(qt, cands, opts.Types)
			if !ok {
				continue
			}
			sp = merger.refs([]entityRef{sp})[0]
			n := node(sp)
			n.Count++
			n.Quotes++
			seen := map[string]bool{sp.id: true}
			for _, e := range ents {
				if seen[e.id] || !e.within(qt.Start, qt.End) {
					continue
				}
				seen[e.id] = true
				node(e).Count++
				said = append(said, link{sp.id, e.id})
			}
		}
	}

	all := make([]*Node, 0, len(nodes))
	for _, n := range nodes {
		n.Name = commonest(names[n.ID])
		all = append(all, n)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Count != all[j].Count {
			return all[i].Count > all[j].Count
		}
		return all[i].ID < all[j].ID
	})
	g.Entities = len(all)
	if len(all) > opts.MaxNodes {
		all, g.NodesTruncated = all[:opts.MaxNodes], true
	}
	kept := make(map[string]bool, len(all))
	for _, n := range all {
		kept[n.ID] = true
		g.Nodes = append(g.Nodes, *n)
	}
	weights := map[link]int{}
	for _, l := range said {
		if kept[l.a] && kept[l.b] {
			weights[l]++
		}
	}
	for _, ids := range groups {
		ids = slices.DeleteFunc(ids, func(id string) bool { return !kept[id] })
		slices.Sort(ids) // undirected: the pair's ends in order
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				weights[link{ids[i], ids[j]}]++
			}
		}
	}
	for l, w := range weights {
		if w >= opts.MinWeight {
			g.Edges = append(g.Edges, Edge{Source: l.a, Target: l.b, Weight: w})
		}
	}
	sort.Slice(g.Edges, func(i, j int) bool {
		a, b := g.Edges[i], g.Edges[j]
		if a.Weight != b.Weight {
			return a.Weight > b.Weight
		}
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Target < b.Target
	})
	if len(g.Edges) > opts.MaxEdges {
		g.Edges, g.EdgesTruncated = g.Edges[:opts.MaxEdges], true
	}
	return g
}

// entityRef is one entity of an article with the spans naming it.
type entityRef struct {
	id, typ, name string
	spans         []article.Mention
}

func (e entityRef) within(start, end int) bool {
	for _, m := range e.spans {
		if m.Start >= start && m.End <= end && m.Start < m.End {
			return true
		}
	}
	return false
}

// entitiesOf lists the article's entities of the types, each once. Places are the resolved
// places, then the PLACE entities none of whose mentions is a resolved place's mention (so "US"
// resolved to "United States" is one place, and an unresolved "Atacama" is still there).
func entitiesOf(a *article.Article, types []string) []entityRef {
	var out []entityRef
	seen := map[string]int{} // id → index in out
	add := func(typ, name string, spans []article.Mention) {
		if strings.TrimSpace(name) == "" {
			return
		}
		id := EntityID(typ, name)
		if i, ok := seen[id]; ok {
			out[i].spans = append(out[i].spans, spans...)
			return
		}
		seen[id] = len(out)
		out = append(out, entityRef{id: id, typ: typ, name: name, spans: spans})
	}
	wantPlaces := slices.Contains(types, article.TypePlace)
	var placeStarts map[int]bool
	if wantPlaces {
		placeStarts = map[int]bool{}
		for _, p := range a.Places {
			add(article.TypePlace, p.Name, p.Mentions)
			for _, m := range p.Mentions {
				placeStarts[m.Start] = true
			}
		}
	}
	for _, e := range a.Entities {
		if !slices.Contains(types, e.Type) {
			continue
		}
		if e.Type == article.TypePlace && slices.ContainsFunc(e.Mentions, func(m article.Mention) bool {
			return placeStarts[m.Start]
		}) {
			continue
		}
		add(e.Type, e.Name, e.Mentions)
	}
	return out
}

// speakers lists the entities of an article that can speak a quote: its people and
// organisations.
func speakers(a *article.Article) []entityRef {
	return entitiesOf(a, []string{article.TypePerson, article.TypeOrg})
}

// speakerOf resolves a quote's speaker to one of the article's people or organisations (cands,
// from speakers), and reports it if it is of one of the types. In order: the entity one of whose
// mentions is the speaker's mention; the entity with the speaker's name; the one entity whose
// name holds every word of the speaker's ("Macron" → "Emmanuel Macron"). A speaker that is no
// entity of the article — a description such as "officials", "analysts" or "the company" — is
// nobody in a network.
func speakerOf(q article.Quote, cands []entityRef, types []string) (entityRef, bool) {
	if q.Speaker == nil || strings.TrimSpace(*q.Speaker) == "" {
		return entityRef{}, false
	}
	found := -1
	if m := q.SpeakerMention; m != nil && m.End > m.Start {
		for i, e := range cands {
			if slices.ContainsFunc(e.spans, func(s article.Mention) bool { return s.Start < m.End && m.Start < s.End }) {
				found = i
				break
			}
		}
	}
	if found < 0 {
		name := Norm(*q.Speaker)
		found = slices.IndexFunc(cands, func(e entityRef) bool { return Norm(e.name) == name })
	}
	if found < 0 {
		words := nameWords(*q.Speaker)
		for i, e := range cands {
			if len(words) == 0 || !containsWords(nameWords(e.name), words) {
				continue
			}
			if found >= 0 { // two candidates: "Li" of "Li Wei" or of "Li Qiang"? Neither.
				return entityRef{}, false
			}
			found = i
		}
	}
	if found < 0 || !slices.Contains(types, cands[found].typ) {
		return entityRef{}, false
	}
	return cands[found], true
}

// nameWords lower-cases a name and splits it into words.
func nameWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func containsWords(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// commonest is the most used name (the first in byte order on ties).
func commonest(uses map[string]int) string {
	best, bestN := "", 0
	for name, n := range uses {
		if n > bestN || (n == bestN && name < best) {
			best, bestN = name, n
		}
	}
	return best
}
