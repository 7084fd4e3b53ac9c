package api

import (
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/index"
)

// network answers GET /api/network: who is named with whom in the matching articles
// (kind=mentions) or who, quoted, names whom (kind=quotes), as JSON, GEXF (format=gexf), GraphML
// (format=graphml) or a CSV edge list (format=csv) for Gephi and spreadsheets.
//
// Parameters besides the search filters: types=person,org[,place] (the default is people and
// organisations), nodes= (the most frequent entities kept, 50), sample= (matching articles read,
// 500; the best-ranked), min_weight= (1). The JSON says how much was read and kept, and a note
// says it in words; the files carry the note in their metadata.
func (s *server) network(w http.ResponseWriter, r *http.Request) {
	p := params{v: r.URL.Query()}
	format := p.choice("format", "json", "json", "gexf", "graphml", "csv")
	opts := index.NetworkOptions{
		Kind:      p.v.Get("kind"),
		MaxNodes:  p.int("nodes", index.DefaultNetworkNodes, 1, index.MaxNetworkNodes),
		Sample:    p.int("sample", index.DefaultNetworkSample, 1, index.MaxNetworkSample),
		MinWeight: p.int("min_weight", 1, 1, 1000000),
		MaxEdges:  p.int("edges", index.DefaultNetworkEdges, 1, index.MaxNetworkEdges),
	}
	for _, t := range values(p.v, "types") {
		opts.Types = append(opts.Types, strings.Split(t, ",")...)
	}
	if p.err == nil {
		opts, p.err = opts.Normalized()
	}
	q := p.filters()
	if p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	g, err := index.Network(r.Context(), s.cfg.Searcher, q, opts)
	if err != nil {
		s.log.Warn("network failed", "query", q.Text, "err", err)
		writeError(w, http.StatusInternalServerError, "network failed: "+err.Error())
		return
	}
	note := networkNote(g)
	name := "newsmon-network-" + g.Kind + "-" + time.Now().UTC().Format("20060102-150405")
	switch format {
	case "json":
		writeJSON(w, http.StatusOK, struct {
			*index.Graph
			Note string `json:"note"`
		}{g, note})
	case "csv":
		attachment(w, "text/csv; charset=utf-8", name+".csv")
		writeNetworkCSV(w, g)
	case "gexf":
		attachment(w, "application/gexf+xml", name+".gexf")
		writeXML(w, gexfOf(g, note))
	case "graphml":
		attachment(w, "application/graphml+xml", name+".graphml")
		writeXML(w, graphMLOf(g, note))
	}
}

// networkNote says in words what the graph covers, so a reader of the picture knows its bounds.
func networkNote(g *index.Graph) string {
	what := "co-mentions in the same article"
	if g.Kind == index.NetworkQuotes {
		what = "speakers and the entities named in their quotes"
	}
	s := fmt.Sprintf("%s, from %d of %d matching articles (the best-ranked)", what, g.Sampled, g.Total)
	if g.NodesTruncated {
		s += fmt.Sprintf("; the %d most frequent of %d entities", len(g.Nodes), g.Entities)
	}
	if g.EdgesTruncated {
		s += fmt.Sprintf("; the %d heaviest links", len(g.Edges))
	}
	return s
}

func attachment(w http.ResponseWriter, contentType, filename string) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
}

// writeNetworkCSV writes an edge list Gephi's spreadsheet import reads as it is: Source, Target,
// Weight and Type (Directed or Undirected) columns, then the nodes' names and types.
func writeNetworkCSV(w http.ResponseWriter, g *index.Graph) {
	nodes := make(map[string]index.Node, len(g.Nodes))
	for _, n := range g.Nodes {
		nodes[n.ID] = n
	}
	typ := "Undirected"
	if g.Directed {
		typ = "Directed"
	}
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"Source", "Target", "Weight", "Type", "source_name", "target_name", "source_type", "target_type"})
	for _, e := range g.Edges {
		src, dst := nodes[e.Source], nodes[e.Target]
		row := []string{e.Source, e.Target, strconv.Itoa(e.Weight), typ, src.Name, dst.Name, src.Type, dst.Type}
		for i, c := range row {
			row[i] = defuse(c)
		}
		_ = cw.Write(row)
	}
	cw.Flush()
}

func writeXML(w http.ResponseWriter, v any) {
	_, _ = w.Write([]byte(xml.Header))
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	_ = enc.Encode(v)
	_, _ = w.Write([]byte("\n"))
}

// GEXF 1.3 (gexf.net): the nodes with their type and count as attributes, weighted edges.
type gexfDoc struct {
	XMLName xml.Name  `xml:"gexf"`
	XMLNS   string    `xml:"xmlns,attr"`
	Version string    `xml:"version,attr"`
	Meta    gexfMeta  `xml:"meta"`
	Graph   gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	LastModified string `xml:"lastmodifieddate,attr"`
	Creator      string `xml:"creator"`
	Description  string `xml:"description"`
}

type gexfGraph struct {
	Mode       string        `xml:"mode,attr"`
	EdgeType   string        `xml:"defaultedgetype,attr"`
	Attributes gexfAttrDecls `xml:"attributes"`
	Nodes      []gexfNode    `xml:"nodes>node"`
	Edges      []gexfEdge    `xml:"edges>edge"`
}

type gexfAttrDecls struct {
	Class string         `xml:"class,attr"`
	Attrs []gexfAttrDecl `xml:"attribute"`
}

type gexfAttrDecl struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNode struct {
	ID     string          `xml:"id,attr"`
	Label  string          `xml:"label,attr"`
	Values []gexfAttrValue `xml:"attvalues>attvalue"`
}

type gexfAttrValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfEdge struct {
	ID     string `xml:"id,attr"`
	Source string `xml:"source,attr"`
	Target string `xml:"target,attr"`
	Weight int    `xml:"weight,attr"`
}

func gexfOf(g *index.Graph, note string) gexfDoc {
	edgeType := "undirected"
	if g.Directed {
		edgeType = "directed"
	}
	d := gexfDoc{XMLNS: "http://gexf.net/1.3", Version: "1.3",
		Meta: gexfMeta{LastModified: time.Now().UTC().Format(time.DateOnly), Creator: "newsmon",
			Description: "newsmon " + g.Kind + " network: " + note},
		Graph: gexfGraph{Mode: "static", EdgeType: edgeType, Attributes: gexfAttrDecls{Class: "node",
			Attrs: []gexfAttrDecl{{"type", "type", "string"}, {"count", "count", "integer"}, {"quotes", "quotes", "integer"}}}}}
	for _, n := range g.Nodes {
		d.Graph.Nodes = append(d.Graph.Nodes, gexfNode{ID: n.ID, Label: n.Name, Values: []gexfAttrValue{
			{"type", n.Type}, {"count", strconv.Itoa(n.Count)}, {"quotes", strconv.Itoa(n.Quotes)}}})
	}
	for i, e := range g.Edges {
		d.Graph.Edges = append(d.Graph.Edges, gexfEdge{ID: strconv.Itoa(i), Source: e.Source, Target: e.Target, Weight: e.Weight})
	}
	return d
}

// GraphML (graphml.graphdrawing.org): name, type, count and quotes on nodes, weight on edges.
type graphMLDoc struct {
	XMLName xml.Name     `xml:"graphml"`
	XMLNS   string       `xml:"xmlns,attr"`
	Desc    string       `xml:"desc"`
	Keys    []graphMLKey `xml:"key"`
	Graph   graphMLGraph `xml:"graph"`
}

type graphMLKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphMLGraph struct {
	ID       string        `xml:"id,attr"`
	EdgeType string        `xml:"edgedefault,attr"`
	Nodes    []graphMLItem `xml:"node"`
	Edges    []graphMLItem `xml:"edge"`
}

type graphMLItem struct {
	ID     string        `xml:"id,attr,omitempty"`
	Source string        `xml:"source,attr,omitempty"`
	Target string        `xml:"target,attr,omitempty"`
	Data   []graphMLData `xml:"data"`
}

type graphMLData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func graphMLOf(g *index.Graph, note string) graphMLDoc {
	edgeType := "undirected"
	if g.Directed {
		edgeType = "directed"
	}
	d := graphMLDoc{XMLNS: "http://graphml.graphdrawing.org/xmlns", Desc: "newsmon " + g.Kind + " network: " + note,
		Keys: []graphMLKey{{"name", "node", "name", "string"}, {"type", "node", "type", "string"},
			{"count", "node", "count", "int"}, {"quotes", "node", "quotes", "int"}, {"weight", "edge", "weight", "int"}},
		Graph: graphMLGraph{ID: g.Kind, EdgeType: edgeType}}
	for _, n := range g.Nodes {
		d.Graph.Nodes = append(d.Graph.Nodes, graphMLItem{ID: n.ID, Data: []graphMLData{{"name", n.Name},
			{"type", n.Type}, {"count", strconv.Itoa(n.Count)}, {"quotes", strconv.Itoa(n.Quotes)}}})
	}
	for _, e := range g.Edges {
		d.Graph.Edges = append(d.Graph.Edges, graphMLItem{Source: e.Source, Target: e.Target,
			Data: []graphMLData{{"weight", strconv.Itoa(e.Weight)}}})
	}
	return d
}
