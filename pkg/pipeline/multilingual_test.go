package pipeline_test

import (
	"context"
	"io"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/demo"
	"github.com/newsmon/newsmon/pkg/alert"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/extractors"
	"github.com/newsmon/newsmon/pkg/geo"
	"github.com/newsmon/newsmon/pkg/index"
	blevebackend "github.com/newsmon/newsmon/pkg/index/bleve"
)

// The demo site's two stories of the Wuxi chip deal: one from the Chinese press, in Chinese, and
// one in English (issue #22).
const (
	wuxiChinese = "wuxi-chip-deal-chinese"
	wuxiEnglish = "wuxi-chip-fab-deal"
)

// demoStory fetches a demo story (by the slug of its page) from the demo site's handler and reads
// it as the pipeline does: article.FromPage, then the default extractor chain.
func demoStory(t *testing.T, slug string) *article.Article {
	t.Helper()
	i := slices.IndexFunc(demo.Articles(), func(e demo.Entry) bool { return strings.HasSuffix(e.Path, "/"+slug+".html") })
	if i < 0 {
		t.Fatalf("no demo story %s", slug)
	}
	e := demo.Articles()[i]
	u := "http://demo.test" + e.Path
	rec := httptest.NewRecorder()
	demo.Handler().ServeHTTP(rec, httptest.NewRequest("GET", u, nil))
	body, _ := io.ReadAll(rec.Result().Body)
	a, err := article.FromPage(article.Page{URL: u, FinalURL: u, ContentType: rec.Header().Get("Content-Type"), Body: body, Fetched: time.Now()})
	if err != nil {
		t.Fatalf("read %s: %v", u, err)
	}
	chain, _, err := extractors.Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := chain.Run(context.Background(), a); err != nil {
		t.Fatalf("extract %s: %v", slug, err)
	}
	a.Normalize()
	return a
}

// placeIn returns the article's place with the given GeoNames id.
func placeIn(a *article.Article, geonameID int) (article.Place, bool) {
	i := slices.IndexFunc(a.Places, func(p article.Place) bool { return p.GeonameID == geonameID })
	if i < 0 {
		return article.Place{}, false
	}
	return a.Places[i], true
}

// TestChineseAndEnglishStoryResolveToTheSamePlaces: through the whole chain, the Chinese story
// about Wuxi (无锡, 江苏) and the English one get the same GeoNames city and first-level region.
func TestChineseAndEnglishStoryResolveToTheSamePlaces(t *testing.T) {
	t.Parallel()
	const wuxiID, jiangsuID = 1790923, 1806260
	for _, slug := range []string{wuxiChinese, wuxiEnglish} {
		a := demoStory(t, slug)
		wuxi, ok := placeIn(a, wuxiID)
		if !ok || wuxi.CountryCode != "CN" || wuxi.Admin1Code != "04" || wuxi.Admin1 != "Jiangsu" {
			t.Errorf("%s (language %q): Wuxi = %+v, %v; want the city in CN.04 Jiangsu; places %v", slug, a.Language, wuxi, ok, a.Places)
		}
		if _, ok := placeIn(a, jiangsuID); !ok {
			t.Errorf("%s: no place Jiangsu (%d) among %v", slug, jiangsuID, a.Places)
		}
	}
}

// TestChineseAndEnglishStoryInOneRegionSearchAndAlert: both stories, indexed in bleve, come back in
// one region=Jiangsu search, and a region rule on Jiangsu fires once for each.
func TestChineseAndEnglishStoryInOneRegionSearchAndAlert(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	zh, en := demoStory(t, wuxiChinese), demoStory(t, wuxiEnglish)
	if zh.Language != "zh" || en.Language != "en" {
		t.Fatalf("languages %q and %q; want zh and en", zh.Language, en.Language)
	}

	blv, err := blevebackend.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer blv.Close()
	if err := blv.Put(ctx, []*article.Article{zh, en}); err != nil {
		t.Fatal(err)
	}
	gaz, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	// The region named in English, and in Chinese as a researcher in China writes it: the API and
	// the matcher turn 江苏 into the code Jiangsu's places carry (Gazetteer.RegionCodeOfName).
	jiangsuCode, ok := gaz.RegionCodeOfName("江苏")
	if !ok {
		t.Fatal("RegionCodeOfName(江苏): no region")
	}
	for _, region := range []string{"Jiangsu", jiangsuCode} {
		res, err := blv.Search(ctx, index.Query{Region: []string{region}, Size: 50})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.Article.ID)
		}
		for _, a := range []*article.Article{zh, en} {
			if !slices.Contains(ids, a.ID) {
				t.Errorf("region=%s hits %v; want %s (%s) among them", region, ids, a.ID, a.Language)
			}
		}
	}

	for _, region := range []string{"Jiangsu", "江苏"} {
		rules := alert.NewStore(alert.NewMemoryKV())
		rule, err := rules.Put(ctx, alert.Rule{Name: "Jiangsu", Region: []string{region}, Enabled: true})
		if err != nil {
			t.Fatal(err)
		}
		matcher := alert.NewMatcher(rules, alert.NewMemoryKV(), nil, alert.WithRegionNames(gaz.RegionCodeOfName))
		for _, a := range []*article.Article{zh, en} {
			evs, err := matcher.Match(ctx, a)
			if err != nil {
				t.Fatalf("match %s: %v", a.Language, err)
			}
			if len(evs) != 1 || evs[0].RuleID != rule.ID {
				t.Errorf("rule on %s: %s story fired %+v; want one event of rule %s", region, a.Language, evs, rule.ID)
			}
		}
	}
}
