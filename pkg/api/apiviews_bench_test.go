package api

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
	"github.com/newsmon/newsmon/pkg/index/bleve"
)

// TestAPIViewLatency times every read view of the API over a generated bleve index of
// NEWSMON_APIVIEWS_N enriched articles (BENCHMARKS.md, "API views at 100k articles"). It is a
// measurement, not a check, so it runs only when asked:
//
//	NEWSMON_APIVIEWS_N=100000 NEWSMON_APIVIEWS_DIR=/tmp/apiviews go test ./pkg/api/ \
//	    -run TestAPIViewLatency -v -timeout 2h
//
// NEWSMON_APIVIEWS_DIR keeps the index between runs (it is built once per N; default: a
// temporary folder), NEWSMON_APIVIEWS_REPS sets the timed requests per view (10), and
// NEWSMON_APIVIEWS_ONLY=geo,entity times only the views whose name holds one of those words (and
// the full export only if one of them is "export all"), and
// NEWSMON_APIVIEWS_MONTHLY=1 builds the monthly-partitioned layout instead of the single index.
// The articles are generated directly, without the extractors, with the shapes the extractors
// give: 5–20 people and organisations drawn from a Zipf-distributed pool of 20,000, 1–5 places
// from a pool with GeoNames country and admin1, quotes with speakers, money, dates, sources
// tagged with country, language, kind and collection, published over two years.
func TestAPIViewLatency(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("NEWSMON_APIVIEWS_N"))
	if n <= 0 {
		t.Skip("set NEWSMON_APIVIEWS_N to the number of generated articles to measure the API views")
	}
	reps := 10
	if r, err := strconv.Atoi(os.Getenv("NEWSMON_APIVIEWS_REPS")); err == nil && r > 0 {
		reps = r
	}
	dir := os.Getenv("NEWSMON_APIVIEWS_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	dir = filepath.Join(dir, "n"+strconv.Itoa(n))
	var opts []bleve.Option
	if os.Getenv("NEWSMON_APIVIEWS_MONTHLY") == "1" {
		dir += "-monthly"
		opts = append(opts, bleve.WithMonthlyPartitions(0))
	}
	gen := newCorpusGen(1)
	ctx := context.Background()
	buildIndex(t, ctx, dir, opts, gen, n)
	idx, err := bleve.Open(dir, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = idx.Close() })
	t.Logf("index %s: %d articles, %.1f MiB on disk", dir, n, float64(dirSize(t, dir))/(1<<20))

	h, err := New(Config{Searcher: idx})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)

	t.Log("| view | request | first (ms) | p50 (ms) | p95 (ms) | max (ms) | CPU/request (ms) | bytes |")
	t.Log("|---|---|---:|---:|---:|---:|---:|---:|")
	only := os.Getenv("NEWSMON_APIVIEWS_ONLY")
	for _, v := range gen.views() {
		if !selected(v.name, only) {
			continue
		}
		st := timeView(t, srv, v.path, reps)
		t.Logf("| %s | `%s` | %.0f | %.0f | %.0f | %.0f | %.0f | %d |", v.name, v.path, st.first, st.p50, st.p95, st.max, st.cpu, st.bytes)
	}
	if only != "" && !slices.Contains(strings.Split(only, ","), "export all") {
		return
	}
	// The whole index as JSON Lines: time and the heap's peak while it streams.
	for i := 0; i < 3; i++ {
		cpu0 := processCPU()
		d, size, peak := timeExport(t, srv, "/api/export?format=jsonl")
		t.Logf("export all (jsonl) run %d: %.1f s (CPU %.1f s), %.1f MiB, peak heap %.0f MiB", i+1, d.Seconds(),
			(processCPU() - cpu0).Seconds(), float64(size)/(1<<20), float64(peak)/(1<<20))
	}
}

// selected reports whether the view is asked for by NEWSMON_APIVIEWS_ONLY: a comma-separated list
// of words, any of which the view's name holds ("" selects every view).
func selected(name, only string) bool {
	for _, w := range strings.Split(only, ",") {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// processCPU is the CPU time (user and system) this process has used. The server runs in the
// test's process, so its difference over requests is their CPU cost, which on a shared machine
// says more than the wall time does.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// buildIndex puts n generated articles into the index in dir unless it already holds them. It
// writes with asynchronous persistence (faster; the reads measured afterwards are the same) and
// closes the index, so the views are timed over an index as newsmon opens it.
func buildIndex(t *testing.T, ctx context.Context, dir string, opts []bleve.Option, gen *corpusGen, n int) {
	t.Helper()
	idx, err := bleve.Open(dir, append(slices.Clone(opts), bleve.WithAsyncPersist())...)
	if err != nil {
		t.Fatal(err)
	}
	have, err := idx.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if have >= n {
		t.Logf("index already holds %d articles", have)
		if err := idx.Close(); err != nil {
			t.Fatal(err)
		}
		return
	}
	const batchSize = 1000
	start := time.Now()
	batch := make([]*article.Article, 0, batchSize)
	for i := 0; i < n; i++ {
		batch = append(batch, gen.article(i))
		if len(batch) == batchSize || i == n-1 {
			if err := idx.Put(ctx, batch); err != nil {
				_ = idx.Close()
				t.Fatal(err)
			}
			batch = batch[:0]
		}
		if (i+1)%10000 == 0 {
			t.Logf("built %d articles in %s", i+1, time.Since(start).Round(time.Second))
		}
	}
	if err := idx.Close(); err != nil { // waits for the batches still in flight
		t.Fatal(err)
	}
	d := time.Since(start)
	t.Logf("build: %d articles in %s (%.0f articles/s)", n, d.Round(time.Second), float64(n)/d.Seconds())
}

func dirSize(t *testing.T, dir string) int64 {
	t.Helper()
	var total int64
	err := filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			total += fi.Size()
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return total
}

type viewStats struct {
	first, p50, p95, max float64 // milliseconds
	cpu                  float64 // mean CPU milliseconds per timed request (the process's, GC included)
	bytes                int
}

// timeView requests path once to warm it (reported as "first"), then reps times.
func timeView(t *testing.T, srv *httptest.Server, path string, reps int) viewStats {
	t.Helper()
	var st viewStats
	ms := make([]float64, 0, reps)
	var cpu0 time.Duration
	for i := 0; i <= reps; i++ {
		if i == 1 {
			cpu0 = processCPU()
		}
		start := time.Now()
		size := get(t, srv, path)
		d := float64(time.Since(start).Microseconds()) / 1000
		if i == 0 {
			st.first, st.bytes = d, size
			continue
		}
		ms = append(ms, d)
	}
	st.cpu = float64((processCPU() - cpu0).Microseconds()) / 1000 / float64(reps)
	slices.Sort(ms)
	st.p50, st.p95, st.max = percentile(ms, 0.50), percentile(ms, 0.95), ms[len(ms)-1]
	return st
}

// percentile is the nearest-rank percentile of sorted values.
func percentile(sorted []float64, p float64) float64 {
	i := int(float64(len(sorted))*p+0.999999) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func get(t *testing.T, srv *httptest.Server, path string) int {
	t.Helper()
	res, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	n, err := io.Copy(io.Discard, res.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", path, res.StatusCode)
	}
	return int(n)
}

// timeExport streams path while sampling the heap, so the peak says whether export holds its
// result set in memory.
func timeExport(t *testing.T, srv *httptest.Server, path string) (time.Duration, int, uint64) {
	t.Helper()
	runtime.GC()
	var peak atomic.Uint64
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	size := get(t, srv, path)
	d := time.Since(start)
	close(done)
	<-sampled
	return d, size, peak.Load()
}

// apiView is one timed request.
type apiView struct{ name, path string }

// views are the requests the researcher's page (ui/app.js) makes, over the generated corpus's
// names: the landing search (no words: every article is faceted), a search with words and
// filters and the timeline and map drawn beside it, the analyse view's panels, the entity page.
func (g *corpusGen) views() []apiView {
	topic := g.topics[0][0] // the commonest topic: its first word is in 31% of the articles
	filters := "&from=" + g.epoch.AddDate(0, 6, 0).Format("2006-01-02") + "&to=" + g.epoch.AddDate(1, 6, 0).Format("2006-01-02")
	countries := make([]string, 0, 6)
	for _, c := range g.countries[:6] {
		countries = append(countries, c.code)
	}
	fp := "q=" + topic + filters + "&tag=kind:newspaper"
	entity := func(i int) string {
		return "/api/entities/" + url.PathEscape(index.EntityID(article.TypePerson, g.people[i]))
	}
	return []apiView{
		{"search, landing (no words, all facets)", "/api/search?page=1&size=20"},
		{"search (words + filters, all facets)", "/api/search?" + fp + "&page=1&size=20"},
		{"timeline", "/api/timeline?" + fp + "&interval=day"},
		{"timeline, all articles", "/api/timeline?interval=day"},
		{"geo (map)", "/api/geo?" + fp},
		{"geo (map), all articles", "/api/geo"},
		{"timeline share", "/api/timeline?" + fp + "&interval=week&normalize=share"},
		{"compare 6 countries (share)", "/api/compare?q=" + topic + filters + "&by=country&values=" + strings.Join(countries, ",") + "&interval=week"},
		{"terms", "/api/terms?size=30&" + fp},
		{"facets", "/api/facets?size=10&facet=person,org,place,source,lang&" + fp},
		{"facets, all articles", "/api/facets?size=10&facet=person,org,place,source,lang"},
		{"network (mentions)", "/api/network?" + fp + "&kind=mentions"},
		{"network (mentions), all articles", "/api/network?kind=mentions"},
		{"network gexf", "/api/network?" + fp + "&kind=mentions&format=gexf"},
		{"network csv", "/api/network?" + fp + "&kind=mentions&format=csv"},
		{"network (quotes)", "/api/network?" + fp + "&kind=quotes&types=person,org,place"},
		{"entity page (most mentioned person)", entity(0)},
		{"entity page (person ranked 300)", entity(300)},
		{"quotes", "/api/quotes?" + fp},
		{"export (search, jsonl)", "/api/export?" + fp + "&format=jsonl"},
		{"status", "/api/status"},
	}
}

// corpusGen generates enriched articles deterministically from a seed.
type corpusGen struct {
	seed      int64
	epoch     time.Time
	words     []string   // background vocabulary
	topics    [][]string // each topic's own words
	people    []string   // Zipf-ranked: people[0] is the most mentioned
	orgs      []string
	places    []article.Place
	countries []genCountry
	sources   []genSource
}

type genCountry struct{ code, name, lang string }

type genSource struct {
	name, lang string
	tags       []string
}

var (
	genFirst     = strings.Fields("Anna Ben Chen Diego Elena Farid Grace Hiro Ines Jonas Kofi Lena Mateo Nadia Omar Priya Quinn Rosa Sven Tariq Uma Viktor Wei Xenia Yusuf Zara Ali Beatriz Carlos Dmitri Emma Fatima Georg Hana Ivan Julia Karim Li Maria Nikolai")
	genLast      = strings.Fields("Smith Garcia Wang Müller Rossi Kowalski Nakamura Okafor Haddad Silva Dubois Novak Ivanova Patel Kim Larsen Costa Yilmaz Schmidt Tanaka Mensah Khan Ortiz Fischer Zhang Moreau Petrov Singh Lopez Andersen Hughes Becker Cohen Santos Nguyen Ferrari Kaya Jensen Murphy Sato")
	genOrgKinds  = strings.Fields("Ministry Bank Party Council Group Holdings University Agency Union Institute")
	genCountries = []genCountry{{"US", "United States", "en"}, {"CN", "China", "zh"}, {"DE", "Germany", "de"},
		{"FR", "France", "fr"}, {"GB", "United Kingdom", "en"}, {"ES", "Spain", "es"}, {"BR", "Brazil", "pt"},
		{"IN", "India", "en"}, {"JP", "Japan", "ja"}, {"NG", "Nigeria", "en"}, {"RU", "Russia", "ru"}, {"IT", "Italy", "it"}}
	genKinds      = []string{"newspaper", "wire", "broadcast", "blog"}
	genCurrencies = []string{"USD", "EUR", "CNY", "GBP", "JPY"}
)

func newCorpusGen(seed int64) *corpusGen {
	r := rand.New(rand.NewSource(seed))
	g := &corpusGen{seed: seed, epoch: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), countries: genCountries}
	word := func() string {
		const letters = "abcdefghijklmnopqrstuvwxyz"
		b := make([]byte, 3+r.Intn(7))
		for i := range b {
			b[i] = letters[r.Intn(len(letters))]
		}
		return string(b)
	}
	for i := 0; i < 5000; i++ {
		g.words = append(g.words, word())
	}
	g.topics = make([][]string, 40)
	for i := range g.topics {
		for j := 0; j < 12; j++ {
			g.topics[i] = append(g.topics[i], "t"+word())
		}
	}
	// 20,000 entities: 12,000 people and 8,000 organisations, names made unique by a suffix.
	for i := 0; len(g.people) < 12000; i++ {
		g.people = append(g.people, genFirst[r.Intn(len(genFirst))]+" "+genLast[r.Intn(len(genLast))]+nameSuffix(i))
	}
	for i := 0; len(g.orgs) < 8000; i++ {
		g.orgs = append(g.orgs, strings.ToUpper(word()[:1])+word()+" "+genOrgKinds[r.Intn(len(genOrgKinds))]+nameSuffix(i))
	}
	for ci, c := range g.countries {
		g.places = append(g.places, article.Place{Name: c.name, GeonameID: 1000 + ci, Feature: "country",
			CountryCode: c.code, Country: c.name, Lat: float64(r.Intn(120) - 60), Lon: float64(r.Intn(340) - 170)})
		for a := 1; a <= 8; a++ {
			admin := c.name + " Province " + strconv.Itoa(a)
			code := fmt.Sprintf("%02d", a)
			g.places = append(g.places, article.Place{Name: admin, GeonameID: 10000 + ci*100 + a, Feature: "admin1",
				CountryCode: c.code, Country: c.name, Admin1Code: code, Admin1: admin,
				Lat: float64(r.Intn(120) - 60), Lon: float64(r.Intn(340) - 170)})
			for k := 1; k <= 4; k++ {
				g.places = append(g.places, article.Place{Name: strings.ToUpper(word()[:1]) + word() + "ville",
					GeonameID: 100000 + ci*1000 + a*10 + k, Feature: "city", CountryCode: c.code, Country: c.name,
					Admin1Code: code, Admin1: admin, Lat: float64(r.Intn(120) - 60), Lon: float64(r.Intn(340) - 170)})
			}
		}
	}
	for i := 0; i < 200; i++ {
		c := g.countries[i%len(g.countries)]
		kind := genKinds[r.Intn(len(genKinds))]
		g.sources = append(g.sources, genSource{name: "source-" + strconv.Itoa(i) + ".example", lang: c.lang,
			tags: []string{index.Tag("country", c.code), index.Tag("language", c.lang), index.Tag("kind", kind),
				index.Tag(index.CollectionKey, "set-"+strconv.Itoa(i%7))}})
	}
	return g
}

func nameSuffix(i int) string {
	if i < 1600 {
		return "" // the most mentioned names read like names
	}
	return " " + strconv.Itoa(i)
}

// article generates article i; the same i always gives the same article.
func (g *corpusGen) article(i int) *article.Article {
	r := rand.New(rand.NewSource(g.seed*1_000_003 + int64(i)))
	zPeople := rand.NewZipf(r, 1.07, 2, uint64(len(g.people)-1))
	zOrgs := rand.NewZipf(r, 1.07, 2, uint64(len(g.orgs)-1))
	src := g.sources[r.Intn(len(g.sources))]
	published := g.epoch.Add(time.Duration(r.Int63n(int64(2 * 365 * 24 * time.Hour))))
	topic := g.topics[int(rand.NewZipf(r, 1.2, 1, uint64(len(g.topics)-1)).Uint64())]
	a := &article.Article{
		ID: fmt.Sprintf("gen-%07d", i), Source: src.name, SourceTags: src.tags, Language: src.lang,
		Published: &published, Fetched: published.Add(time.Hour),
	}
	a.URL = "https://" + src.name + "/story/" + strconv.Itoa(i)
	a.CanonicalURL = a.URL
	var text strings.Builder
	writeWords := func(k int) {
		for j := 0; j < k; j++ {
			w := g.words[r.Intn(len(g.words))]
			if r.Intn(6) == 0 {
				w = topic[r.Intn(len(topic))]
			}
			text.WriteString(w)
			text.WriteByte(' ')
		}
	}
	mention := func(name string) article.Mention {
		start := text.Len()
		text.WriteString(name)
		m := article.Mention{Text: name, Start: start, End: text.Len()}
		text.WriteString(". ")
		return m
	}
	a.Title = strings.Join(topic[:3], " ") + " " + g.words[r.Intn(len(g.words))]
	seen := map[string]bool{}
	for k := 5 + r.Intn(16); k > 0; k-- {
		typ, name := article.TypePerson, g.people[zPeople.Uint64()]
		if r.Intn(5) < 2 {
			typ, name = article.TypeOrg, g.orgs[zOrgs.Uint64()]
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		writeWords(5 + r.Intn(15))
		a.Entities = append(a.Entities, article.Entity{Type: typ, Name: name, Mentions: []article.Mention{mention(name)}, Count: 1})
	}
	for k := 1 + r.Intn(5); k > 0; k-- {
		p := g.places[r.Intn(len(g.places))]
		writeWords(5 + r.Intn(10))
		p.Mentions = []article.Mention{mention(p.Name)}
		a.Places = append(a.Places, p)
	}
	for k := r.Intn(4); k > 0; k-- {
		speaker, typ := g.people[zPeople.Uint64()], article.TypePerson
		writeWords(3)
		start := text.Len()
		text.WriteString("\"")
		writeWords(8 + r.Intn(12))
		text.WriteString("\" said " + speaker + ". ")
		a.Quotes = append(a.Quotes, article.Quote{Text: text.String()[start:text.Len()], Start: start, End: text.Len(),
			Direct: true, Speaker: &speaker, SpeakerType: &typ, Cue: "said"})
	}
	for k := r.Intn(3); k > 0; k-- {
		amount := float64(1+r.Intn(900)) * 1e6
		cur := genCurrencies[r.Intn(len(genCurrencies))]
		start := text.Len()
		text.WriteString(cur + " " + strconv.Itoa(int(amount/1e6)) + " million. ")
		a.Money = append(a.Money, article.Money{Text: text.String()[start : text.Len()-2], Start: start, End: text.Len() - 2, Amount: amount, Currency: cur})
	}
	for k := 1 + r.Intn(3); k > 0; k-- {
		d := published.AddDate(0, 0, r.Intn(60)-30)
		start := text.Len()
		text.WriteString(d.Format("2 January 2006") + ". ")
		a.Dates = append(a.Dates, article.Date{Text: d.Format("2 January 2006"), Start: start, End: text.Len() - 2, Value: d.Format("2006-01-02"), Grain: "day"})
	}
	writeWords(40 + r.Intn(80))
	a.Text = text.String()
	return a
}
