package browser

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// TestViews drives every analytics view of the researcher page (issue #23): the timeline's axes,
// hover values and full-height bars, the map's zoom, names and coordinates, snippets cut at word
// boundaries, a comparison of several queries restored from its URL, attention as a share, the
// words that set a query apart, an entity's page, the networks, saved searches, a CSV behind
// every chart, and a surge alert arriving live over SSE.
func TestViews(t *testing.T) {
	s := newSession(t)
	for _, v := range []struct {
		name string
		run  func(*testing.T, *session)
	}{
		{"timeline axes, hover values, full-height bars", viewTimeline},
		{"map zoom, names, own coordinates", viewMap},
		{"snippets cut at word boundaries", viewSnippets},
		{"compare several queries, restored from the URL", viewCompare},
		{"share of all articles", viewShare},
		{"words that set a query apart", viewTerms},
		{"entity page", viewEntity},
		{"networks: named together, quoted", viewNetworks},
		{"saved searches", viewSaved},
		{"a CSV behind every chart", viewCSV},
		{"surge alert fires live", viewSurge},
		{"analyse page at phone width", viewPhone}, // last: the phone's viewport stays
	} {
		t.Run(v.name, func(t *testing.T) { v.run(t, s) })
	}
	s.b.checkNoErrors(t)
}

// checkMapCoordinates checks that every place /api/geo?query has is on the map at its own
// coordinates, and returns the places on the map and those in China.
func checkMapCoordinates(t *testing.T, s *session, query string) (dots map[string]bool, chinese map[string]bool) {
	t.Helper()
	var geo struct {
		Places []struct {
			Name, Feature, Country string
			Lat, Lon               float64
		}
	}
	if err := getJSON(s.ctx, s.base+"/api/geo?"+query, &geo); err != nil {
		t.Fatal(err)
	}
	type dot struct{ Name, Cx, Cy string }
	drawn := map[string]dot{}
	for _, d := range evalJSON[[]dot](t, s.b, `[...document.querySelectorAll(".map .world .dot")].map(c => ({Name: c.dataset.name, Cx: c.getAttribute("cx"), Cy: c.getAttribute("cy")}))`) {
		drawn[d.Name] = d
	}
	dots, chinese = map[string]bool{}, map[string]bool{}
	cities, cityAt := 0, map[string]bool{}
	for _, pl := range geo.Places {
		d, ok := drawn[pl.Name]
		if !ok {
			t.Errorf("place %s is not on the map", pl.Name)
			continue
		}
		dots[pl.Name] = true
		if math.Abs(parseF(d.Cx)-(pl.Lon+180)*10) > 0.1 || math.Abs(parseF(d.Cy)-(90-pl.Lat)*10) > 0.1 {
			t.Errorf("%s drawn at (%s, %s); want its own lat %g lon %g", pl.Name, d.Cx, d.Cy, pl.Lat, pl.Lon)
		}
		if pl.Feature == "city" {
			cities++
			cityAt[d.Cx+","+d.Cy] = true
		}
		if pl.Country == "China" {
			chinese[pl.Name] = true
		}
	}
	if cities < 3 || len(cityAt) < cities {
		t.Errorf("%d cities drawn at %d points; want several, each at its own", cities, len(cityAt))
	}
	return dots, chinese
}

// compareURL is a comparison of three queries, and compareRows its rows on the page.
const (
	compareURL  = "/?view=analyse&q=Jiangsu&vs=Kenya&vs=Brazil&interval=week"
	compareRows = `document.querySelectorAll('section[aria-labelledby="an-compare"] .compare-row')`
)

// viewTimeline checks the search timeline's axes, its hover value and a click above a short bar.
func viewTimeline(t *testing.T, s *session) {
	b, base := s.b, s.base
	b.do(t, chromedp.Navigate(base+"/?view=search&interval=day"))
	b.waitVisible(t, ".timeline .slot[role=button]")
	ticks := b.evalStrings(t, `[...document.querySelectorAll(".timeline .yaxis span")].map(s => s.textContent)`)
	peak := b.evalInt(t, `Math.max(...[...document.querySelectorAll(".timeline .slot")].map(g => +g.dataset.value))`)
	if len(ticks) < 2 || ticks[0] != "0" {
		t.Fatalf("y axis ticks %q; want 0 and at least one more", ticks)
	}
	if top, err := strconv.Atoi(strings.ReplaceAll(ticks[len(ticks)-1], ",", "")); err != nil || top < peak {
		t.Errorf("top y tick %q is below the peak %d", ticks[len(ticks)-1], peak)
	}
	if n := b.count(t, ".timeline .axis span"); n < 2 {
		t.Errorf("x axis has %d labels; want the ends at least", n)
	}
	// Every period's target is as tall as the chart, however short its bar.
	if short := b.evalInt(t, `[...document.querySelectorAll(".timeline .slot .hit")].filter(r =>
		Math.abs(r.getBoundingClientRect().height - r.ownerSVGElement.getBoundingClientRect().height) > 1).length`); short != 0 {
		t.Errorf("%d bars have a click target shorter than the chart", short)
	}
	// Hover above the shortest non-empty bar: the value shows; a click there selects the period.
	slot := `[...document.querySelectorAll(".timeline .slot[role=button]")].sort((a, b) => a.dataset.value - b.dataset.value)[0]`
	key := b.evalString(t, slot+`.dataset.key`)
	want := b.evalString(t, slot+`.querySelector("title").textContent`)
	x, y := b.topOf(t, slot+`.querySelector(".hit")`, 3)
	b.do(t, chromedp.MouseEvent(chromedp.MouseMoved, x, y))
	b.waitJS(t, fmt.Sprintf(`(() => { const tip = document.querySelector(".timeline .tip"); return !tip.hidden && tip.textContent === %q; })()`, want))
	b.shot(t, "views-01-timeline-hover")
	b.do(t, chromedp.MouseClickXY(x, y))
	b.waitJS(t, fmt.Sprintf(`new URLSearchParams(location.search).get("from") === %q`, key))
	// From the keyboard: a period is a tab stop that shows its value and opens with Enter.
	b.do(t, chromedp.Navigate(s.base+"/?view=search&interval=day"))
	b.waitVisible(t, ".timeline .slot[role=button]")
	first := `document.querySelector('.timeline .slot[tabindex="0"]')`
	key = b.evalString(t, first+`.dataset.key`)
	b.do(t, chromedp.Evaluate[chromedp.Void](first+`.focus()`))
	b.waitJS(t, fmt.Sprintf(`!document.querySelector(".timeline .tip").hidden && document.querySelector(".timeline .tip").textContent === %s.querySelector("title").textContent`, first))
	b.do(t, chromedp.KeyEvent("\r"))
	b.waitJS(t, fmt.Sprintf(`new URLSearchParams(location.search).get("from") === %q`, key))

}

// viewMap checks the map's circles against /api/geo, then its names, zoom and pan.
func viewMap(t *testing.T, s *session) {
	b := s.b
	b.do(t, chromedp.Navigate(s.base+"/?view=search&q=Jiangsu"))
	b.waitVisible(t, ".map .world .dot")
	dots, chinese := checkMapCoordinates(t, s, "q=Jiangsu")
	shown := `[...document.querySelectorAll(".map .world .label:not([hidden])")].map(l => l.textContent)`
	names := b.evalStrings(t, shown)
	if len(names) == 0 {
		t.Fatal("no place names on the map")
	}
	countChinese := func(names []string) (n int) {
		for _, name := range names {
			if _, ok := dots[name]; !ok {
				t.Errorf("label %q names no place on the map", name)
			}
			if chinese[name] {
				n++
			}
		}
		return n
	}
	worldChinese := countChinese(names)
	r0 := b.evalString(t, `document.querySelector(".map .world .dot").getAttribute("r")`)
	b.do(t, chromedp.Click(chromedp.CSS(".map .zoom-in")))
	b.waitJS(t, `document.querySelector(".map .world").dataset.zoom === "2.00"`)
	if r1 := b.evalString(t, `document.querySelector(".map .world .dot").getAttribute("r")`); parseF(r1)*2 > parseF(r0)+0.1 {
		t.Errorf("circle radius %s at zoom 2, %s at zoom 1: want circles to keep their size on screen", r1, r0)
	}
	// "Fit" shows every place.
	b.do(t, chromedp.Click(chromedp.CSS(".map .zoom-fit")))
	b.waitJS(t, `(() => { const w = document.querySelector(".map .world"), v = w.viewBox.baseVal;
		return [...w.querySelectorAll(".dot")].every(c => c.cx.baseVal.value >= v.x && c.cx.baseVal.value <= v.x + v.width && c.cy.baseVal.value >= v.y && c.cy.baseVal.value <= v.y + v.height); })()`)
	// The wheel zooms in around the pointer, here Jiangsu: more of China's places get their names.
	x, y := b.topOf(t, `document.querySelector('.map .world .dot[data-name="Jiangsu"]')`, 0)
	y += b.evalFloat(t, `document.querySelector('.map .world .dot[data-name="Jiangsu"]').getBoundingClientRect().height / 2`)
	for range 6 {
		zoom := b.evalString(t, `document.querySelector(".map .world").dataset.zoom`)
		// Chromium wants deltaX too, and cdproto leaves out zeros: a hundredth of a pixel it is.
		b.do(t, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseWheel, x, y, func(p *input.DispatchMouseEventParams) { p.DeltaX, p.DeltaY = 0.01, -100 }))
		b.waitJS(t, fmt.Sprintf(`document.querySelector(".map .world").dataset.zoom !== %q`, zoom))
	}
	if n := countChinese(b.evalStrings(t, shown)); n <= worldChinese {
		t.Errorf("%d of China's places named zoomed in on Jiangsu, %d on the whole world; want more", n, worldChinese)
	}
	if !b.evalBool(t, `(() => { const j = document.querySelector('.map .world .dot[data-name="Jiangsu"]').getBoundingClientRect();
		const e = document.elementFromPoint(j.left + j.width / 2, j.top + j.height / 2); return !!e && !!e.closest(".world"); })()`) {
		t.Error("Jiangsu left the view when zooming in with the pointer on it")
	}
	b.shot(t, "views-02-map-zoomed")
	// A drag pans and filters nothing.
	vb := b.evalString(t, `document.querySelector(".map .world").getAttribute("viewBox")`)
	b.do(t, chromedp.MouseEvent(chromedp.MousePressed, x, y, chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseMoved, x+40, y+20, chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseMoved, x+80, y+40, chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseReleased, x+80, y+40, chromedp.ButtonLeft))
	b.waitJS(t, fmt.Sprintf(`document.querySelector(".map .world").getAttribute("viewBox") !== %q`, vb))
	if b.evalBool(t, `new URLSearchParams(location.search).has("region")`) {
		t.Error("a drag on the map filtered by a place")
	}
	b.do(t, chromedp.Click(chromedp.CSS(".map .zoom-reset")))
	b.waitJS(t, `document.querySelector(".map .world").dataset.zoom === "1.00"`)

}

// viewSnippets checks that result snippets begin and end with whole words of their articles.
func viewSnippets(t *testing.T, s *session) {
	b, base, ctx := s.b, s.base, s.ctx
	b.do(t, chromedp.Navigate(base+"/?view=search&q=budget"))
	b.waitVisible(t, ".result .snippet mark")
	type result struct{ Href, Snippet string }
	results := evalJSON[[]result](t, b, `[...document.querySelectorAll(".result")].filter(r => r.querySelector(".snippet"))
		.map(r => ({Href: r.querySelector("h3 a").href, Snippet: r.querySelector(".snippet").textContent}))`)
	if len(results) < 3 {
		t.Fatalf("%d results with snippets for budget; want several", len(results))
	}
	for _, r := range results {
		u, err := url.Parse(r.Href)
		if err != nil {
			t.Fatal(err)
		}
		var a struct{ Text string }
		if err := getJSON(ctx, base+"/api/articles/"+url.PathEscape(u.Query().Get("id")), &a); err != nil {
			t.Fatal(err)
		}
		words := map[string]bool{}
		for _, w := range strings.Fields(a.Text) {
			words[w] = true
		}
		snip := strings.Fields(strings.Trim(r.Snippet, "… \n"))
		for _, w := range []string{snip[0], snip[len(snip)-1]} {
			if !words[strings.Trim(w, "…")] {
				t.Errorf("snippet %q starts or ends with %q, which is not a whole word of the article", r.Snippet, w)
			}
		}
	}

}

// viewCompare loads a comparison from its URL, reloads it, adds a query and removes it.
func viewCompare(t *testing.T, s *session) {
	b, base, ctx := s.b, s.base, s.ctx
	b.do(t, chromedp.Navigate(base+compareURL))
	b.waitJS(t, compareRows+`.length === 3 && [...`+compareRows+`].every(r => r.querySelector(".timechart"))`)
	checkCompareRows(t, ctx, b, base, compareRows, []string{"Jiangsu", "Kenya", "Brazil"})
	b.do(t, chromedp.Reload())
	b.waitJS(t, compareRows+`.length === 3 && [...`+compareRows+`].every(r => r.querySelector(".timechart"))`)
	b.do(t, chromedp.SendKeys(chromedp.ID("vs-new"), "Nigeria\n"))
	b.waitJS(t, `new URLSearchParams(location.search).getAll("vs").join() === "Kenya,Brazil,Nigeria" && `+compareRows+`.length === 4`)
	checkCompareRows(t, ctx, b, base, compareRows, []string{"Jiangsu", "Kenya", "Brazil", "Nigeria"})
	b.shot(t, "views-03-compare")

	b.do(t, chromedp.Click(chromedp.CSS(`button[aria-label="Stop comparing “Nigeria”"]`)))
	b.waitJS(t, `new URLSearchParams(location.search).getAll("vs").join() === "Kenya,Brazil" && `+compareRows+`.length === 3`)

}

// viewShare switches the comparison to shares and checks the bars against /api/timeline.
func viewShare(t *testing.T, s *session) {
	b, base, ctx := s.b, s.base, s.ctx
	b.do(t, chromedp.Navigate(base+compareURL))
	b.waitVisible(t, `section[aria-labelledby="an-time"] .slot`)
	b.do(t, chromedp.Click(chromedp.ID("share")))
	b.waitJS(t, `new URLSearchParams(location.search).get("normalize") === "share" && document.getElementById("share").checked`)
	b.waitJS(t, compareRows+`.length === 3 && [...`+compareRows+`].every(r => r.querySelector(".timechart"))`)
	// The Kenya row's bars are the API's shares, and its y axis is in per cent.
	var tl struct {
		Buckets []struct {
			Key   string
			Share float64
		}
	}
	if err := getJSON(ctx, base+"/api/timeline?q=Kenya&interval=week&normalize=share", &tl); err != nil {
		t.Fatal(err)
	}
	row := compareRows + `[1]`
	got := evalJSON[map[string]float64](t, b, `Object.fromEntries([...`+row+`.querySelectorAll(".slot")].map(g => [g.dataset.key, +g.dataset.value]))`)
	for _, bk := range tl.Buckets {
		if v, ok := got[bk.Key]; !ok || math.Abs(v-bk.Share) > 1e-9 {
			t.Errorf("Kenya, week of %s: bar %v (drawn %v); want the share %v", bk.Key, v, ok, bk.Share)
		}
	}
	ticks := b.evalStrings(t, `[...`+row+`.querySelectorAll(".yaxis span")].map(s => s.textContent)`)
	if len(ticks) < 2 || !strings.HasSuffix(ticks[len(ticks)-1], "%") {
		t.Errorf("share y axis %q; want per cent", ticks)
	}
	if same := b.evalStrings(t, `[...`+compareRows+`].map(r => r.querySelector(".yaxis").textContent)`); len(same) != 3 || same[0] != same[1] || same[1] != same[2] {
		t.Errorf("compared rows have y axes %q; want one scale for all", same)
	}
	b.shot(t, "views-04-share")

}

// viewTerms checks the significant terms of a query and that a term narrows the search.
func viewTerms(t *testing.T, s *session) {
	b, base := s.b, s.base
	b.do(t, chromedp.Navigate(base+"/?view=analyse&q=Jiangsu"))
	terms := `section[aria-labelledby="an-terms"] ol.terms li a`
	b.waitVisible(t, terms)
	got := b.evalStrings(t, `[...document.querySelectorAll('`+terms+`')].slice(0, 5).map(a => a.textContent)`)
	if !slices.Contains(got, "jiangsu") && !slices.Contains(got, "province") {
		t.Errorf("top terms for Jiangsu %q; want jiangsu or province among them", got)
	}
	b.shot(t, "views-05-terms")
	b.do(t, chromedp.Click(chromedp.CSS(terms)))
	b.waitJS(t, fmt.Sprintf(`new URLSearchParams(location.search).get("q") === %q && document.querySelectorAll(".results .result").length > 0`, "Jiangsu "+got[0]))

}

// viewEntity opens the page of the most quoted person: mentions over time, co-mentioned
// entities and places, and quotes by and about them.
func viewEntity(t *testing.T, s *session) {
	b, base, ctx := s.b, s.base, s.ctx
	var net struct {
		Nodes []struct {
			ID, Name, Type string
			Quotes         int
		}
	}
	if err := getJSON(ctx, base+"/api/network?kind=quotes&types=person", &net); err != nil {
		t.Fatal(err)
	}
	speaker := net.Nodes[0]
	for _, n := range net.Nodes {
		if n.Type == "PERSON" && n.Quotes > speaker.Quotes {
			speaker = n
		}
	}
	b.do(t, chromedp.Navigate(base+"/?view=entity&id="+url.QueryEscape(speaker.ID)))
	b.waitJS(t, fmt.Sprintf(`document.querySelector("h1")?.textContent.startsWith(%q)`, speaker.Name))
	b.waitVisible(t, ".timeline .slot[role=button]")
	if n := b.count(t, ".share-list .share-item"); n == 0 {
		t.Error("no co-mentioned people, organisations, places or sources")
	}
	if n := b.evalInt(t, `[...document.querySelectorAll(".share-list")].filter(s => s.querySelector("h3").textContent === "Places" && s.querySelector(".share-item")).length`); n != 1 {
		t.Error("no places named with the entity")
	}
	said := b.evalInt(t, `[...document.querySelectorAll("section.panel")].find(s => s.querySelector("h2")?.textContent === "What it said")?.querySelectorAll("blockquote").length || 0`)
	if said < speaker.Quotes {
		t.Errorf("%d quotes by %s on the page; the network counts %d", said, speaker.Name, speaker.Quotes)
	}
	if !b.evalBool(t, `!![...document.querySelectorAll("section.panel h2")].find(h => h.textContent === "Quotes naming it")`) {
		t.Error("no section for quotes about the entity")
	}
	b.shot(t, "views-06-entity")
	// A co-mentioned entity's name opens its own page.
	b.do(t, chromedp.Click(chromedp.CSS(".share-list .share-item a")))
	b.waitJS(t, fmt.Sprintf(`new URLSearchParams(location.search).get("view") === "entity" && new URLSearchParams(location.search).get("id") !== %q && !!document.querySelector("h1 .chip")`, speaker.ID))

}

// viewNetworks checks the co-mention graph and list against /api/network, and who is quoted.
func viewNetworks(t *testing.T, s *session) {
	b, base, ctx := s.b, s.base, s.ctx
	b.do(t, chromedp.Navigate(base+"/?view=analyse&q=Jiangsu"))
	edges := `section[aria-labelledby="an-net"] li.share-item`
	quoted := `section[aria-labelledby="an-quoted"] li.share-item`
	b.waitVisible(t, edges)
	b.waitVisible(t, quoted)
	var g struct {
		Nodes []struct{ ID, Name string }
		Edges []struct {
			Source, Target string
			Weight         int
		}
	}
	if err := getJSON(ctx, base+"/api/network?kind=mentions&q=Jiangsu", &g); err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, n := range g.Nodes {
		names[n.ID] = n.Name
	}
	first := b.text(t, edges)
	e := g.Edges[0]
	if want := names[e.Source] + " — " + names[e.Target]; !strings.HasPrefix(first, want) {
		t.Errorf("first pair %q; want %q, the API's heaviest", first, want)
	}
	if got := b.text(t, quoted); !strings.Contains(got, "quote") {
		t.Errorf("first speaker %q has no quote count", got)
	}
	if n := b.count(t, `section[aria-labelledby="an-net"] .graph line`); n == 0 {
		t.Error("no graph drawn of who is named with whom")
	}
	for _, f := range []string{"gexf", "graphml", "csv"} {
		if n := b.count(t, fmt.Sprintf(`section[aria-labelledby="an-net"] a[href*="format=%s"]`, f)); n != 1 {
			t.Errorf("%d %s download links on the network", n, f)
		}
	}
	b.shot(t, "views-07-network")

}

// viewSaved saves a comparison, opens it from the search page and forgets it.
func viewSaved(t *testing.T, s *session) {
	b, base := s.b, s.base
	b.do(t, chromedp.Navigate(base+compareURL+"&normalize=share"))
	b.waitVisible(t, "#saved-name")
	b.do(t, chromedp.SendKeys(chromedp.ID("saved-name"), "Jiangsu against Kenya and Brazil\n"))
	b.waitJS(t, `[...document.querySelectorAll(".saved-list a")].some(a => a.textContent === "Jiangsu against Kenya and Brazil")`)
	b.do(t, chromedp.Navigate(base+"/?view=search"))
	b.waitVisible(t, ".side .saved-list a")
	b.do(t, chromedp.Click(chromedp.CSS(`.side .saved-list a`)))
	b.waitJS(t, `(() => { const p = new URLSearchParams(location.search);
		return p.get("view") === "analyse" && p.get("q") === "Jiangsu" && p.getAll("vs").join() === "Kenya,Brazil" && p.get("normalize") === "share"; })()`)
	b.waitJS(t, compareRows+`.length === 3 && document.getElementById("share").checked`)
	b.do(t, chromedp.Click(chromedp.CSS(`.saved-list button[aria-label^="Forget"]`)))
	b.waitJS(t, `!document.querySelector(".saved-list")`)

}

// viewCSV checks that every panel with a chart or list on the search, analyse and entity
// pages has a download link, and that each gives CSV rows (or a Gephi file).
func viewCSV(t *testing.T, s *session) {
	b, base, ctx := s.b, s.base, s.ctx
	for _, page := range []string{
		"/?view=search&q=Jiangsu",
		"/?view=analyse&q=Jiangsu&vs=Kenya&by=country",
		"/?view=entity&id=" + url.QueryEscape("place:jiangsu"),
	} {
		b.do(t, chromedp.Navigate(base+page))
		charts := `[...document.querySelectorAll("section.panel")].filter(p => p.querySelector(".timechart, .world, ol.terms, .share-grid, .facet"))`
		b.waitJS(t, charts+`.length > 0 && !document.querySelector("section.panel .meta")?.textContent.startsWith("Loading")`)
		b.waitJS(t, `![...document.querySelectorAll("section.panel p.meta")].some(p => p.textContent === "Loading…")`)
		type panelLinks struct {
			Title string
			Links []string
		}
		for _, p := range evalJSON[[]panelLinks](t, b, charts+`.map(p => ({Title: p.querySelector("h2").textContent, Links: [...p.querySelectorAll("a[download]")].map(a => a.href)}))`) {
			if len(p.Links) == 0 {
				t.Errorf("%s: panel %q has no download link", page, p.Title)
			}
			for _, link := range p.Links {
				if rows := downloadCSV(t, ctx, link); rows != nil && len(rows) < 2 {
					t.Errorf("%s: panel %q: %s has no rows", page, p.Title, link)
				}
			}
		}
	}

}

// viewSurge makes a surge rule on the alerts page and publishes stories until it fires there.
func viewSurge(t *testing.T, s *session) {
	b, base, site := s.b, s.base, s.site
	b.do(t, chromedp.Navigate(base+"/?view=alerts"))
	b.waitVisible(t, "#r-name")
	b.waitJS(t, `document.getElementById("live-state").textContent.startsWith("Connected")`)
	b.do(t, chromedp.SendKeys(chromedp.ID("r-name"), "Marigold surge"), chromedp.SendKeys(chromedp.ID("r-text"), "Marigold"))
	b.do(t, chromedp.Evaluate[chromedp.Void](`(() => { const m = document.getElementById("r-mode"); m.value = "surge"; m.dispatchEvent(new Event("change")); })()`))
	b.waitVisible(t, "#r-factor")
	for id, v := range map[string]string{"r-factor": "3", "r-baseline": "7d", "r-window": "1d", "r-min-articles": "2"} {
		b.setValue(t, id, v)
	}
	b.do(t, chromedp.Click(chromedp.ID("rule-submit")))
	b.waitJS(t, `[...document.querySelectorAll("table.rules tbody th")].some(th => th.textContent === "Marigold surge")`)
	ruleID := b.evalString(t, `[...document.querySelectorAll("table.rules tbody tr")].find(tr => tr.querySelector("th").textContent === "Marigold surge").dataset.rule`)
	if got := b.evalString(t, fmt.Sprintf(`document.querySelector('tr[data-rule=%q] td').textContent`, ruleID)); !strings.Contains(got, "surge") {
		t.Errorf("rule described as %q; want a surge rule", got)
	}
	// Stories about Marigold arrive one after another until the surge shows on the page. The
	// index stage reloads its rules every couple of seconds, so the first stories may come
	// before the rule is there; they still count, as the counts come from the index.
	firing := fmt.Sprintf(`[...document.querySelectorAll('#firings .firing[data-rule=%q]')].find(f => f.textContent.includes("surge:"))`, ruleID)
	for i := 0; ; i++ {
		if i == 8 {
			b.fail(t, fmt.Errorf("no surge fired after %d Marigold stories", i))
		}
		site.publish(surgeStory(i))
		if b.pollJS(4*time.Second, "!!"+firing) == nil {
			break
		}
	}
	if n := b.evalInt(t, firing+`.querySelectorAll("li a").length`); n < 2 {
		t.Errorf("the surge lists %d stories; want the ones that caused it", n)
	}
	b.shot(t, "views-08-surge-fired")

}

// viewPhone checks that nothing on the analyse page of a comparison is wider than a phone.
func viewPhone(t *testing.T, s *session) {
	b := s.b
	b.do(t, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(s.base+compareURL))
	b.waitJS(t, compareRows+`.length === 3 && document.querySelector(".graph")`)
	if w := b.evalInt(t, `document.documentElement.scrollWidth`); w > 400 {
		t.Errorf("analyse page is %dpx wide on a 390px screen: something overflows", w)
	}
	b.shot(t, "views-09-analyse-phone")
}

// surgeStory is the i-th of a burst of stories about one subject, published just now.
func surgeStory(i int) story {
	return story{
		Slug: fmt.Sprintf("marigold-%d", i), Author: "Ines Duarte",
		Title:     fmt.Sprintf("Marigold cooperative report %d: growers in Wuxi expand the harvest", i+1),
		Published: time.Now().UTC().Add(-time.Duration(10-i) * time.Minute),
		Paragraphs: []string{
			fmt.Sprintf("The Marigold growers' cooperative in Wuxi, in Jiangsu province, said in its report number %d on Monday that its harvest had grown again as demand from florists rose.", i+1),
			`"We have never sold so many flowers in one month," said Zhou Lanying, the chair of the Marigold cooperative, at a market in Wuxi.`,
			"Florists in Shanghai and Nanjing have ordered more marigolds for the winter festivals than in any year the cooperative has kept records, officials said.",
			"The cooperative plans to lease more greenhouses along the Grand Canal next spring if prices hold, its members said.",
		},
	}
}

// checkCompareRows checks each compared query's row: its words, its article count and top story
// (the API's) and its CSV download.
func checkCompareRows(t *testing.T, ctx context.Context, b *browser, base, rows string, queries []string) {
	t.Helper()
	heads := b.evalStrings(t, `[...`+rows+`].map(r => r.querySelector("h3").textContent)`)
	csvs := b.evalStrings(t, `[...`+rows+`].map(r => r.querySelector('a[href*="format=csv"]')?.href || "")`)
	samples := b.evalStrings(t, `[...`+rows+`].map(r => r.querySelector(".samples li a")?.textContent || "")`)
	if len(heads) != len(queries) {
		t.Fatalf("%d compared rows; want %d", len(heads), len(queries))
	}
	for i, q := range queries {
		var res struct {
			Total int
			Hits  []struct{ Title string }
		}
		if err := getJSON(ctx, base+"/api/search?size=1&facets=-1&q="+url.QueryEscape(q), &res); err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("“%s” %d article", q, res.Total); !strings.HasPrefix(heads[i], want) {
			t.Errorf("row %d heading %q; want it to start %q", i, heads[i], want)
		}
		if u, err := url.Parse(csvs[i]); err != nil || u.Query().Get("q") != q {
			t.Errorf("row %d CSV link %q does not carry q=%s", i, csvs[i], q)
		}
		if i >= len(samples) || len(res.Hits) == 0 || samples[i] != res.Hits[0].Title {
			t.Errorf("row %d's first story %q; want the search's first, %+v", i, samples, res.Hits)
		}
	}
}

// downloadCSV fetches a download link (an API URL or a data: URL the page made) and returns its
// CSV rows; for GEXF and GraphML it checks only that the download works and returns nil.
func downloadCSV(t *testing.T, ctx context.Context, link string) [][]string {
	t.Helper()
	var body string
	if data, ok := strings.CutPrefix(link, "data:text/csv;charset=utf-8,"); ok {
		s, err := url.PathUnescape(data)
		if err != nil {
			t.Errorf("%s: %v", link, err)
			return nil
		}
		body = s
	} else {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, link, nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Errorf("GET %s: %v", link, err)
			return nil
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %d %s", link, resp.StatusCode, b)
			return nil
		}
		if !strings.Contains(resp.Header.Get("Content-Type"), "csv") {
			return nil
		}
		body = string(b)
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Errorf("%s: not CSV: %v", link, err)
	}
	return rows
}

// topOf scrolls the element expr evaluates to into view and returns a point dy pixels below the
// middle of its top edge, in viewport coordinates.
func (b *browser) topOf(t *testing.T, expr string, dy float64) (x, y float64) {
	t.Helper()
	p := evalJSON[[2]float64](t, b, `(() => { const e = `+expr+`; e.scrollIntoView({block: "center"});
		const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top]; })()`)
	return p[0], p[1] + dy
}

func (b *browser) evalFloat(t *testing.T, expr string) float64 {
	t.Helper()
	return evalJSON[float64](t, b, expr)
}

func (b *browser) evalBool(t *testing.T, expr string) bool {
	t.Helper()
	return evalJSON[bool](t, b, expr)
}

func evalJSON[T any](t *testing.T, b *browser, expr string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.fail(t, fmt.Errorf("evaluate %s: %w", expr, err))
	}
	return v
}

func parseF(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}
