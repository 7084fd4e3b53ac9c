//go:build unix

package bleve_test

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index/bleve"
)

// TestPutGrowth measures what a batch of Put costs as the index grows: it writes
// NEWSMON_GROWTH_ARTICLES generated articles (default: skipped) in batches of 200 into one index
// and logs the milliseconds per 1,000 articles for each tenth of the run. Run it with
//
//	NEWSMON_GROWTH_ARTICLES=50000 go test -run TestPutGrowth -v -cpuprofile cpu.out ./pkg/index/bleve/
//
// An index whose writes do not slow down shows flat figures; the ratio of the last tenth to the
// first is logged at the end.
func TestPutGrowth(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("NEWSMON_GROWTH_ARTICLES"))
	if n <= 0 {
		t.Skip("set NEWSMON_GROWTH_ARTICLES to measure")
	}
	var opts []bleve.Option
	if os.Getenv("NEWSMON_GROWTH_ASYNC") != "" {
		opts = append(opts, bleve.WithAsyncPersist())
	}
	dir := filepath.Join(t.TempDir(), "index")
	idx, err := bleve.Open(dir, opts...)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	gen := newArticleGen(1)
	const batch = 200
	tenth := max(n/10, batch)
	var first, last float64
	start, startCPU := time.Now(), cpuTime()
	phase, phaseCPU := start, startCPU
	for done := 0; done < n; {
		arts := make([]*article.Article, batch)
		for i := range arts {
			arts[i] = gen.next()
		}
		if err := idx.Put(t.Context(), arts); err != nil {
			t.Fatal(err)
		}
		done += batch
		if done%tenth == 0 || done >= n {
			ms := float64(time.Since(phase).Milliseconds()) * 1000 / float64(tenth)
			cpu := float64((cpuTime() - phaseCPU).Milliseconds()) * 1000 / float64(tenth)
			if first == 0 {
				first = cpu
			}
			last = cpu
			t.Logf("%7d docs: %6.0f ms wall, %6.0f ms CPU per 1,000 articles", done, ms, cpu)
			phase, phaseCPU = time.Now(), cpuTime()
		}
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("on disk: %.1f MB, %.0f bytes/article", float64(dirSize(t, dir))/1e6, float64(dirSize(t, dir))/float64(n))
	t.Logf("total %.1fs, %.2f ms/article wall, %.2f ms/article CPU; CPU of the last tenth / first = %.2f",
		time.Since(start).Seconds(), float64(time.Since(start).Milliseconds())/float64(n),
		float64((cpuTime()-startCPU).Milliseconds())/float64(n), last/first)
}

// dirSize is the bytes of the files under dir.
func dirSize(t *testing.T, dir string) int64 {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			n += info.Size()
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// cpuTime is the CPU time this process has used (user and system), background merging included.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// articleGen makes enriched articles that look like the pipeline's to the index: a Zipf-shaped
// vocabulary (so the term dictionary grows as real text makes it grow), entities and places from
// pools, a few languages, published dates spread over weeks.
type articleGen struct {
	rng                 *rand.Rand
	words               []string
	zipf                *rand.Zipf
	persons, orgs, srcs []string
	places              []article.Place
	langs               []string
	n                   int
	end                 time.Time
}

func newArticleGen(seed uint64) *articleGen {
	rng := rand.New(rand.NewPCG(seed, seed))
	g := &articleGen{rng: rng, langs: []string{"en", "en", "en", "fr", "de", "es"},
		end: time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)}
	syll := []string{"ka", "to", "ri", "men", "sa", "lo", "ver", "an", "tis", "po", "de", "qu", "el", "mor", "ni", "str"}
	word := func(k int) string {
		var b strings.Builder
		for range k {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		return b.String()
	}
	for range 80000 {
		g.words = append(g.words, word(2+rng.IntN(3)))
	}
	g.zipf = rand.NewZipf(rng, 1.1, 2, uint64(len(g.words)-1))
	for i := range 20000 {
		g.persons = append(g.persons, strings.ToUpper(word(1)[:1])+word(2)+" "+strings.ToUpper(word(1)[:1])+word(3)+strconv.Itoa(i%7))
	}
	for range 5000 {
		g.orgs = append(g.orgs, strings.ToUpper(word(3))+" Corp")
	}
	for i := range 200 {
		g.srcs = append(g.srcs, "source-"+strconv.Itoa(i))
	}
	for i := range 3000 {
		g.places = append(g.places, article.Place{Name: word(3), GeonameID: 1000 + i, Feature: "city",
			CountryCode: fmt.Sprintf("C%d", i%60), Country: "Country" + strconv.Itoa(i%60),
			Admin1Code: strconv.Itoa(i % 17), Admin1: "Region" + strconv.Itoa(i%300),
			Lat: rng.Float64()*160 - 80, Lon: rng.Float64()*340 - 170})
	}
	return g
}

func (g *articleGen) text(words int) string {
	var b strings.Builder
	for i := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(g.words[g.zipf.Uint64()])
		if i%15 == 14 {
			b.WriteByte('.')
		}
	}
	return b.String()
}

func (g *articleGen) next() *article.Article {
	g.n++
	pub := g.end.Add(-time.Duration(g.rng.Int64N(int64(21 * 24 * time.Hour)))).Truncate(time.Minute)
	src := g.srcs[g.rng.IntN(len(g.srcs))]
	a := &article.Article{
		ID: fmt.Sprintf("%016x", g.rng.Uint64()), URL: "https://" + src + ".example/a/" + strconv.Itoa(g.n),
		Source: src, Title: g.text(10), Published: &pub, Fetched: pub.Add(time.Hour),
		Language: g.langs[g.rng.IntN(len(g.langs))], Text: g.text(350 + g.rng.IntN(300)),
		Authors: []string{g.persons[g.rng.IntN(len(g.persons))]},
	}
	for range 2 + g.rng.IntN(6) {
		name := g.persons[int(g.zipf.Uint64())%len(g.persons)]
		a.Entities = append(a.Entities, article.Entity{Type: article.TypePerson, Name: name, Count: 1,
			Mentions: []article.Mention{{Text: name, Start: 10, End: 10 + len(name)}}})
	}
	for range 1 + g.rng.IntN(3) {
		name := g.orgs[int(g.zipf.Uint64())%len(g.orgs)]
		a.Entities = append(a.Entities, article.Entity{Type: article.TypeOrg, Name: name, Count: 1,
			Mentions: []article.Mention{{Text: name, Start: 20, End: 20 + len(name)}}})
	}
	for range 1 + g.rng.IntN(3) {
		p := g.places[int(g.zipf.Uint64())%len(g.places)]
		p.Mentions = []article.Mention{{Text: p.Name, Start: 30, End: 30 + len(p.Name)}}
		a.Places = append(a.Places, p)
	}
	if g.rng.IntN(3) == 0 {
		a.Quotes = append(a.Quotes, article.Quote{Text: g.text(20), Speaker: &a.Entities[0].Name})
	}
	return a
}
