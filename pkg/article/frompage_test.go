package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/golden"
)

var fetchedAt = time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func ts(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &t
}

func TestFromPage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		file        string
		page        Page
		title       string
		authors     []string
		published   *time.Time
		updated     *time.Time
		canonical   string
		source      string
		siteName    string
		image       string
		language    string
		mustContain []string
		mustNot     []string
		paragraphs  int
	}{
		{
			name: "news page with boilerplate",
			file: "news.html",
			page: Page{URL: "https://www.dailyledger.example/business/2023/10/23/battery-wuxi-plant?utm_source=rss",
				ContentType: "text/html; charset=utf-8"},
			title:     "Battery maker picks Wuxi for $2bn plant",
			authors:   []string{"Jane Doe"},
			published: ts("2023-10-23T00:30:00Z"),
			updated:   ts("2023-10-23T04:05:00Z"),
			canonical: "https://www.dailyledger.example/business/2023/10/23/battery-wuxi-plant",
			source:    "dailyledger.example",
			siteName:  "Daily Ledger",
			image:     "https://www.dailyledger.example/img/2023/10/plant.jpg",
			language:  "en",
			mustContain: []string{
				"A Chinese battery maker said on Monday it would build a 15 billion yuan ($2.05 billion) factory in Wuxi",
				"“Wuxi gives us the suppliers, the engineers and the port access we need,” chief executive Li Wei told reporters. He added that talks with two European carmakers",
				"\n\nLocal support\n\n",
				"Cell output rising to 120 gigawatt hours a year by 2026.",
				"This is the largest single manufacturing investment in the city this decade.",
				"outpacing the broader market.",
			},
			mustNot: []string{"cookies", "Share on Twitter", "Related", "EV sales hit record", "Advertisement",
				"newsletter", "ev_fan_88", "promises before", "Most read", "Subscribe today", "Port traffic",
				"All rights reserved", "Photo:", "Business Reporter", "Batteries", "Search", "Home"},
			paragraphs: 10,
		},
		{
			name:      "JSON-LD article",
			file:      "jsonld.html",
			page:      Page{URL: "https://noticias.example/world/porto-alegre-floods?ref=home", Source: "Noticias feed"},
			title:     "Rains swamp Porto Alegre as river hits record",
			authors:   []string{"Ana Souza", "Carlos Lima"},
			published: ts("2024-05-06T17:00:00Z"),
			updated:   ts("2024-05-06T21:20:00Z"),
			canonical: "https://noticias.example/world/porto-alegre-floods",
			source:    "Noticias feed",
			siteName:  "Noticias Globais",
			image:     "https://noticias.example/img/flood.jpg",
			language:  "en",
			mustContain: []string{"The Guaiba river rose to a record 5.3 metres on Monday",
				"the state would need a \"Marshall Plan\" to rebuild roads and bridges."},
			mustNot:    []string{"World", "Brazil"},
			paragraphs: 3,
		},
		{
			name:        "By A, B and C byline",
			file:        "byline.html",
			page:        Page{URL: "http://riverside.example/news/2023/10/24/cycle-lanes"},
			title:       "Council approves new cycle lanes",
			authors:     []string{"Maria Garcia", "Tom O'Neill", "Priya Shah"},
			published:   ts("2023-10-24T00:00:00Z"),
			canonical:   "http://riverside.example/news/2023/10/24/cycle-lanes",
			source:      "riverside.example",
			siteName:    "The Riverside Gazette",
			language:    "en",
			mustContain: []string{"voted 9-3 on Tuesday night", "finished by the end of next year."},
			mustNot:     []string{"By Maria", "Staff", "Share this story", "Home", "Council approves new cycle lanes"},
			paragraphs:  3,
		},
		{
			name:      "GBK page declared in meta",
			file:      "gbk.html",
			page:      Page{URL: "https://news.huadong.example/2023-10/23/c_123.htm"},
			title:     "无锡新建电池工厂",
			authors:   []string{"王小明"},
			published: ts("2023-10-23T09:15:00Z"),
			canonical: "https://news.huadong.example/2023-10/23/c_123.htm",
			source:    "news.huadong.example",
			language:  "zh",
			mustContain: []string{"一家中国电池制造商周一表示，将在江苏省无锡市投资150亿元人民币建设新工厂",
				"首席执行官李伟对记者说：“无锡为我们提供了所需的供应商、工程师和港口。”"},
			mustNot:    []string{"首页", "版权所有", "\uFFFD"},
			paragraphs: 3,
		},
		{
			name: "Latin-1 page declared in the HTTP header only",
			file: "latin1.html",
			page: Page{URL: "https://www.lequotidien.example/france/greve-sncf", ContentType: "text/html; charset=ISO-8859-1",
				Hints: Hints{Published: ts("2024-03-05T06:00:00+01:00"), Authors: []string{"Ignored Hint"}}},
			title:     "Grève à la SNCF : trafic très perturbé mardi",
			authors:   []string{"Élodie Marchand"},
			published: ts("2024-03-05T05:00:00Z"),
			canonical: "https://www.lequotidien.example/france/greve-sncf",
			source:    "lequotidien.example",
			language:  "fr",
			mustContain: []string{"La SNCF prévoit un trafic très perturbé mardi sur l'ensemble du réseau",
				"conditions de travail — « une question de respect », selon eux."},
			mustNot:    []string{"Accueil", "Par Élodie", "droits réservés", "\uFFFD"},
			paragraphs: 3,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.page
			p.Body = mustRead(t, tt.file)
			p.Fetched = fetchedAt
			a, err := FromPage(p)
			if err != nil {
				t.Fatalf("FromPage: %v", err)
			}
			check := func(field string, got, want any) {
				t.Helper()
				if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
					t.Errorf("%s = %s; want %s", field, g, w)
				}
			}
			check("Title", a.Title, tt.title)
			check("Authors", a.Authors, tt.authors)
			check("Published", a.Published, tt.published)
			check("Updated", a.Updated, tt.updated)
			check("CanonicalURL", a.CanonicalURL, tt.canonical)
			check("ID", a.ID, IDFor(tt.canonical))
			check("URL", a.URL, p.URL)
			check("Source", a.Source, tt.source)
			check("SiteName", a.SiteName, tt.siteName)
			check("Image", a.Image, tt.image)
			check("Language", a.Language, tt.language)
			check("Fetched", a.Fetched, fetchedAt)
			for _, s := range tt.mustContain {
				if !strings.Contains(a.Text, s) {
					t.Errorf("text lacks %q\ntext:\n%s", s, a.Text)
				}
			}
			for _, s := range tt.mustNot {
				if strings.Contains(a.Text, s) {
					t.Errorf("text contains %q\ntext:\n%s", s, a.Text)
				}
			}
			if got := len(strings.Split(a.Text, "\n\n")); got != tt.paragraphs {
				t.Errorf("paragraphs = %d; want %d\ntext:\n%s", got, tt.paragraphs, a.Text)
			}
			if a.Entities == nil || a.Quotes == nil {
				t.Errorf("Normalize not applied: nil slices in %+v", a)
			}
		})
	}
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestFromPageGolden pins the whole article for the news fixture; run with -update after an
// intended change and review the diff.
func TestFromPageGolden(t *testing.T) {
	a, err := FromPage(Page{
		URL:     "https://www.dailyledger.example/business/2023/10/23/battery-wuxi-plant",
		Body:    mustRead(t, "news.html"),
		Fetched: fetchedAt,
		Feed:    "https://www.dailyledger.example/business/rss.xml",
	})
	if err != nil {
		t.Fatal(err)
	}
	golden.CheckJSON(t, "testdata/news.golden.json", a)
}

func TestFromPageUsesHints(t *testing.T) {
	body := []byte(`<html><body><div><p>Il governo ha approvato la legge di bilancio, che prevede tagli alle tasse per le famiglie e nuovi fondi per la sanità.</p>
<p>Secondo il ministro, il testo sarà discusso in parlamento nelle prossime settimane e non ci saranno modifiche sostanziali.</p></div></body></html>`)
	pub := ts("2024-01-02T10:00:00+01:00")
	a, err := FromPage(Page{URL: "https://giornale.example/politica/bilancio", Body: body,
		Hints: Hints{Title: "Legge di bilancio approvata", Authors: []string{"Marco Rossi"}, Published: pub}})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Legge di bilancio approvata" || !slices.Equal(a.Authors, []string{"Marco Rossi"}) ||
		a.Published == nil || !a.Published.Equal(*pub) {
		t.Errorf("hints not used: title %q authors %q published %v", a.Title, a.Authors, a.Published)
	}
	if a.Language != "it" {
		t.Errorf("Language = %q; want it (detected)", a.Language)
	}
}

func TestFromPageErrors(t *testing.T) {
	t.Parallel()
	for name, p := range map[string]Page{
		"empty":         {URL: "https://x.example/a"},
		"whitespace":    {URL: "https://x.example/a", Body: []byte(" \n\t ")},
		"png":           {URL: "https://x.example/a.png", ContentType: "image/png", Body: []byte("\x89PNG\r\n\x1a\n....")},
		"pdf sniffed":   {URL: "https://x.example/a", Body: []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")},
		"json":          {URL: "https://x.example/a", ContentType: "application/json", Body: []byte(`{"a":1}`)},
		"only nav":      {URL: "https://x.example/a", Body: []byte(`<html><body><nav><a href="/">Home</a><a href="/b">News</a></nav></body></html>`)},
		"only markup":   {URL: "https://x.example/a", Body: []byte(`<html><head><title>x</title></head><body><script>var a=1</script></body></html>`)},
		"links in divs": {URL: "https://x.example/a", Body: []byte(`<div><a href="/1">One story here</a></div><div><a href="/2">Another story here</a></div>`)},
	} {
		t.Run(name, func(t *testing.T) {
			a, err := FromPage(p)
			if err == nil {
				t.Fatalf("FromPage = %q, nil; want error", a.Text)
			}
			if !errors.Is(err, ErrNoBody) && !errors.Is(err, ErrNotHTML) {
				t.Errorf("error %v wraps neither ErrNoBody nor ErrNotHTML", err)
			}
			if !strings.Contains(err.Error(), p.URL) {
				t.Errorf("error %q does not name the URL %s", err, p.URL)
			}
		})
	}
}

func TestFromPageRobustness(t *testing.T) {
	t.Parallel()
	para := "<p>The committee met again on Thursday, and members said progress had been slow but steady.</p>"
	for name, body := range map[string]string{
		"truncated":   `<html><head><title>Cut off</title></head><body><div class="story"><p>First paragraph is complete, with enough words to count as prose here.</p><p>Second paragraph stops in the mid`,
		"deep divs":   strings.Repeat("<div>", 5000) + para + strings.Repeat("</div>", 5000),
		"deep inline": "<body>" + strings.Repeat("<span>", 3000) + para,
		"deep tables": strings.Repeat("<table><tr><td>", 800) + para,
		"huge":        "<html><body><article>" + strings.Repeat(para, 60000) + "</article></body></html>",
		"misnested":   "<p><b><i>Bold italic text that is long enough to be a paragraph</b> here,</i> and more.</p>" + para,
		"no html tag": "Plain words. " + para,
	} {
		t.Run(name, func(t *testing.T) {
			a, err := FromPage(Page{URL: "https://x.example/a", Body: []byte(body)})
			if err != nil {
				t.Fatalf("FromPage: %v", err)
			}
			if !strings.Contains(a.Text, "progress had been slow") && !strings.Contains(a.Text, "First paragraph") {
				t.Errorf("text lost: %.200q", a.Text)
			}
			if len(a.Text) > maxTextBytes {
				t.Errorf("text is %d bytes; cap is %d", len(a.Text), maxTextBytes)
			}
		})
	}
}

func TestFromPageWithoutURL(t *testing.T) {
	body := mustRead(t, "byline.html")
	a, err := FromPage(Page{Body: body})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := FromPage(Page{Body: body})
	if a.ID == "" || a.ID != b.ID || a.CanonicalURL != "" || a.Source != "" {
		t.Errorf("without URL: id %q/%q canonical %q source %q; want a stable content id and no URL", a.ID, b.ID, a.CanonicalURL, a.Source)
	}
}

func TestChooseText(t *testing.T) {
	t.Parallel()
	dom := "First paragraph of the story.\n\nSecond paragraph of the story.\n\nThird paragraph of the story."
	for _, tt := range []struct {
		name, ld, want string
	}{
		{"no articleBody", "", dom},
		{"teaser", "First paragraph of the story.", dom},
		{"another article", "Something else entirely happened somewhere far away today, officials said.", dom},
		{"blob loses to paragraphs", "First paragraph of the story. Second paragraph of the story. Third paragraph of the story.", dom},
		{"longer, with breaks", "First paragraph of the story.\n\nSecond paragraph of the story.\n\nThird paragraph of the story.\n\nFourth paragraph of the story.",
			"First paragraph of the story.\n\nSecond paragraph of the story.\n\nThird paragraph of the story.\n\nFourth paragraph of the story."},
		{"html body", "<p>First paragraph of the story.</p><p>Second paragraph of the story.</p><p>Third paragraph of the story, longer.</p>",
			"First paragraph of the story.\n\nSecond paragraph of the story.\n\nThird paragraph of the story, longer."},
	} {
		if got := chooseText(dom, 3, tt.ld); got != tt.want {
			t.Errorf("%s: chooseText = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestSplitByline(t *testing.T) {
	t.Parallel()
	for in, want := range map[string][]string{
		"By Jane Doe":                                              {"Jane Doe"},
		"By Jane Doe and John Roe":                                 {"Jane Doe", "John Roe"},
		"By A. Smith, B. Jones and C. Brown":                       {"A. Smith", "B. Jones", "C. Brown"},
		"BY: Jane Doe & John Roe, Staff Writers":                   {"Jane Doe", "John Roe"},
		"Jane Doe, Senior Political Correspondent":                 {"Jane Doe"},
		"By Jane Doe in Beijing":                                   {"Jane Doe"},
		"By Jane Doe | Updated October 23, 2023 08:00":             {"Jane Doe"},
		"Reuters Staff":                                            {"Reuters"},
		"Agencies":                                                 nil,
		"Staff Reporter":                                           nil,
		"Par Élodie Marchand et Luc Besson":                        {"Élodie Marchand", "Luc Besson"},
		"Von Anna Müller und Jonas Weber":                          {"Anna Müller", "Jonas Weber"},
		"https://facebook.com/janedoe":                             nil,
		"王小明":                                                      {"王小明"},
		"记者 张伟":                                                    {"张伟"},
		"By Dr. Leila Nasser":                                      {"Leila Nasser"},
		"Ilana Muhlstein, MS, RDN":                                 {"Ilana Muhlstein"},
		"Finian Cunningham. Sputnik":                               {"Finian Cunningham"},
		"By JOHN SMITH, The Associated Press":                      {"John Smith"},
		"Tom Krisher, AP Auto Writer":                              {"Tom Krisher"},
		"Troy L. Smith, cleveland.com":                             {"Troy L. Smith"},
		"Staff Reports -":                                          nil,
		"Sports Desk":                                              nil,
		"Reporting by Aaron Sheldrick; Editing by Kenneth Maxwell": {"Aaron Sheldrick"},
		"By Sam Patel November 18, 2019":                           {"Sam Patel"},
	} {
		if got := splitByline(in); !slices.Equal(got, want) {
			t.Errorf("splitByline(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestStripSiteName(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, site, host, want string }{
		{"Battery maker picks Wuxi | Daily Ledger", "Daily Ledger", "dailyledger.example", "Battery maker picks Wuxi"},
		{"Council approves lanes - The Riverside Gazette", "The Riverside Gazette", "", "Council approves lanes"},
		{"Storm hits coast - BBC News", "", "bbc.co.uk", "Storm hits coast"},
		{"BBC News - Storm hits coast", "", "bbc.co.uk", "Storm hits coast"},
		{"Stocks fall | Markets | Ledger", "", "", "Stocks fall"},
		{"Spider-Man - the musical returns", "", "theatre.example", "Spider-Man - the musical returns"},
		{"Biden - Xi meeting ends without deal", "Daily Ledger", "dailyledger.example", "Biden - Xi meeting ends without deal"},
	} {
		if got := stripSiteName(tt.in, tt.site, tt.host); got != tt.want {
			t.Errorf("stripSiteName(%q, %q, %q) = %q; want %q", tt.in, tt.site, tt.host, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"2023-10-23T08:30:00+08:00":       "2023-10-23T00:30:00Z",
		"2023-10-23T08:30:00.000+0800":    "2023-10-23T00:30:00Z",
		"2023-10-23T08:30:00Z":            "2023-10-23T08:30:00Z",
		"2023-10-23T08:30:00":             "2023-10-23T08:30:00Z",
		"2023-10-23 08:30:00":             "2023-10-23T08:30:00Z",
		"2023-10-23":                      "2023-10-23T00:00:00Z",
		"2023/10/23":                      "2023-10-23T00:00:00Z",
		"Mon, 23 Oct 2023 08:30:00 GMT":   "2023-10-23T08:30:00Z",
		"Mon, 23 Oct 2023 08:30:00 +0200": "2023-10-23T06:30:00Z",
		"October 23, 2023":                "2023-10-23T00:00:00Z",
		"23 October 2023":                 "2023-10-23T00:00:00Z",
		"1698049800":                      "2023-10-23T08:30:00Z",
		"1698049800000":                   "2023-10-23T08:30:00Z",
	} {
		got, ok := parseDate(in)
		if !ok || got.Format(time.RFC3339) != want {
			t.Errorf("parseDate(%q) = %v, %v; want %s", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "yesterday", "2023-13-45", "12345"} {
		if got, ok := parseDate(bad); ok {
			t.Errorf("parseDate(%q) = %v; want failure", bad, got)
		}
	}
}

func TestDateFromURL(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"https://x.example/2023/10/23/slug":      "2023-10-23",
		"https://x.example/news/2023-10-23-slug": "2023-10-23",
		"https://x.example/a/20231023/slug.html": "2023-10-23",
		"https://x.example/2023/02/30/slug":      "",
		"https://x.example/slug-123":             "",
	} {
		u := mustURL(t, in)
		if got := urlPathDate(u); got != want {
			t.Errorf("urlPathDate(%s) = %q; want %q", in, got, want)
		}
	}
}

func TestIsoLanguage(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"en-US": "en", "zh_Hans": "zh", "PT-br": "pt", "fr": "fr", "iw": "he", "eng": "", "": "", "x-klingon": "",
	} {
		if got := isoLanguage(in); got != want {
			t.Errorf("isoLanguage(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestDetectLanguage(t *testing.T) {
	t.Parallel()
	for want, text := range map[string]string{
		"en": "The government said on Monday that it would raise taxes on fuel, and critics warned that the plan was not fair to families.",
		"fr": "Le gouvernement a annoncé lundi une hausse des taxes sur le carburant, et les critiques estiment que ce plan est injuste pour les familles.",
		"de": "Die Regierung hat am Montag angekündigt, die Steuern auf Kraftstoff zu erhöhen, und Kritiker warnten, dass der Plan nicht fair für Familien sei.",
		"es": "El gobierno anunció el lunes que subirá los impuestos sobre el combustible, y los críticos advirtieron que el plan no es justo para las familias.",
		"it": "Il governo ha annunciato lunedì che aumenterà le tasse sul carburante, e i critici hanno avvertito che il piano non è giusto per le famiglie.",
		"pt": "O governo anunciou na segunda-feira que vai aumentar os impostos sobre o combustível, e os críticos alertaram que o plano não é justo para as famílias.",
		"nl": "De regering heeft maandag aangekondigd dat zij de belasting op brandstof gaat verhogen, en critici waarschuwden dat het plan niet eerlijk is voor gezinnen.",
		"ru": "Правительство в понедельник заявило, что повысит налоги на топливо, и критики предупредили, что этот план несправедлив для семей.",
		"ar": "قالت الحكومة يوم الاثنين إنها سترفع الضرائب على الوقود، وحذر المنتقدون من أن هذه الخطة غير عادلة للأسر التي تعاني من ارتفاع الأسعار في عام صعب.",
		"zh": "政府周一表示将提高燃油税，批评人士警告说，这一计划对家庭不公平。",
		"ja": "政府は月曜日、燃料税を引き上げると発表し、批判者はこの計画が家族にとって不公平だと警告した。",
		"ko": "정부는 월요일 연료세를 인상하겠다고 발표했으며 비판론자들은 이 계획이 가족들에게 불공평하다고 경고했다.",
		"":   "12345 67890 !!!",
	} {
		if got := detectLanguage(text); got != want {
			t.Errorf("detectLanguage(%.30q…) = %q; want %q", text, got, want)
		}
	}
}

func BenchmarkFromPageNews(b *testing.B) {
	body := mustRead(b, "news.html")
	p := Page{URL: "https://www.dailyledger.example/business/2023/10/23/battery-wuxi-plant", Body: body}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := FromPage(p); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzFromPage(f *testing.F) {
	for _, name := range []string{"byline.html", "jsonld.html", "gbk.html"} {
		f.Add(mustRead(f, name), "")
	}
	f.Add([]byte(`<html><body><div class="story"><p>Short, but prose.</p></div>`), "text/html; charset=shift_jis")
	f.Add([]byte("<meta charset=euc-kr><p>\xc7\xd1\xb1\xb9\xbe\xee</p>"), "")
	f.Add([]byte(`<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@id":"x"}],"articleBody":"<p>x</p>"}</script>`), "")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		var a *Article
		var err error
		done := make(chan struct{})
		go func() {
			defer close(done)
			a, err = FromPage(Page{URL: "https://fuzz.example/2024/01/02/x", ContentType: contentType, Body: body})
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("FromPage hangs on %q (content type %q)", body, contentType)
		}
		if err != nil {
			if !errors.Is(err, ErrNoBody) && !errors.Is(err, ErrNotHTML) && !strings.Contains(err.Error(), "parse html") {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		if a.ID == "" || a.Text == "" {
			t.Fatalf("article without id or text: %+v", a)
		}
		if !bytes.Equal([]byte(strings.ToValidUTF8(a.Text, "")), []byte(a.Text)) {
			t.Fatalf("text is not valid UTF-8: %q", a.Text)
		}
	})
}
