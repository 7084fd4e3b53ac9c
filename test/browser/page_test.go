package browser

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The extra outlet's stories. The first is there from the start and carries an XSS payload in
// its title and body: the page must show it as text. The second appears only after the alert
// rule exists, so the rule fires on a newly crawled article.
var (
	hostileStory = story{
		Slug: "quillfeather-report", Author: "Mara Lindqvist",
		Title:     `Quillfeather report on <img src=x onerror="window.__xss=1"> tags in headlines`,
		Published: time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC),
		Paragraphs: []string{
			"The Quillfeather Institute in Wuxi, in Jiangsu province, published a report on Monday about how news sites handle hostile markup in the stories they syndicate.",
			`"We will invest $1.2 billion in new laboratories over five years," said Li Wenhua, the director of the Quillfeather Institute, at a briefing in Shanghai.`,
			"Researchers showed how a page could be attacked with <script>window.__xss=2</script> hidden in an article body, and how a careful reader escapes every character before showing it.",
			"The report found that most of the sites it studied in China, Japan and South Korea now strip such markup, although smaller outlets often lag behind, the institute said.",
			"Officials from the Cyberspace Administration of China did not comment on the findings, which will be presented at a conference in Nanjing next month.",
		},
	}
	alertStory = story{
		Slug: "zephyrine-bridge", Author: "Tomas Okafor",
		Title:     "Zephyrine bridge opens across the Grand Canal in Wuxi",
		Published: time.Date(2026, 11, 22, 7, 30, 0, 0, time.UTC),
		Paragraphs: []string{
			"The Zephyrine bridge, a cable-stayed crossing over the Grand Canal in Wuxi, opened to traffic on Sunday after four years of construction in Jiangsu province.",
			`"This bridge joins two halves of the city that the canal has kept apart for centuries," said Chen Yumei, the mayor of Wuxi, at the opening ceremony.`,
			"The project cost 3.5 billion yuan and was financed by the provincial government and a consortium of banks led by the Bank of Jiangsu, officials said.",
			"Engineers said the Zephyrine design lets barges pass beneath the deck without the lifting spans that slow traffic on older crossings along the canal.",
		},
	}
)

func TestResearcherPage(t *testing.T) {
	s := newSession(t)
	site, ctx, b, base := s.site, s.ctx, s.b, s.base

	t.Run("search", func(t *testing.T) {
		b.do(t, chromedp.Navigate(base+"/"))
		b.waitVisible(t, ".results .result")
		b.shot(t, "01-home")
		b.do(t, chromedp.SendKeys(chromedp.ID("q"), "Quillfeather\n"))
		b.waitJS(t, `location.search.includes("q=Quillfeather") && document.querySelectorAll(".results .result").length === 1`)
		b.waitVisible(t, ".result mark") // the backend's highlight, shown as <mark>
		title := b.text(t, ".result h3")
		if !strings.Contains(title, `<img src=x onerror="window.__xss=1">`) {
			t.Errorf("result title = %q; want the <img> markup shown as text", title)
		}
		csv := b.evalString(t, `document.querySelector('a[href*="format=csv"]').getAttribute("href")`)
		if !strings.Contains(csv, "q=Quillfeather") {
			t.Errorf("CSV export link %q does not carry the current search", csv)
		}
		b.shot(t, "02-search")
	})

	t.Run("keyboard", func(t *testing.T) {
		b.do(t, chromedp.Navigate(base+"/"))
		b.waitVisible(t, ".results .result")
		b.waitVisible(t, ".world .dot")
		b.checkLabels(t)
		b.do(t, shortcut("/", "Slash", 191))
		b.waitJS(t, `document.activeElement.id === "q" && document.activeElement.value === ""`)
		b.do(t, chromedp.KeyEvent("Quillfeather\r"))
		b.waitJS(t, `new URLSearchParams(location.search).get("q") === "Quillfeather" && document.querySelectorAll(".results .result").length === 1`)
		// A map circle is one tab stop; Enter filters by its place.
		b.waitVisible(t, ".world .dot")
		b.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('.world .dot[tabindex="0"]').focus()`), chromedp.KeyEvent("\r"))
		b.waitJS(t, `new URLSearchParams(location.search).has("region")`)
		// Enter on a pressed facet button removes its filter again.
		b.waitVisible(t, `[data-facet] button[aria-pressed="true"]`)
		b.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-facet] button[aria-pressed="true"]').focus()`), chromedp.KeyEvent("\r"))
		b.waitJS(t, `!new URLSearchParams(location.search).has("region")`)
	})

	t.Run("facet and back button", func(t *testing.T) {
		b.do(t, chromedp.Navigate(base+"/?view=search"))
		b.waitVisible(t, `[data-facet="source"] .facet button`)
		source := b.text(t, `[data-facet="source"] .facet li:first-child .key`)
		b.do(t, chromedp.Click(chromedp.CSS(`[data-facet="source"] .facet li:first-child button`)))
		b.waitJS(t, fmt.Sprintf(`new URLSearchParams(location.search).get("source") === %q && !!document.querySelector(".active-filters")`, source))
		b.waitJS(t, `document.querySelector('[data-facet="source"] button[aria-pressed="true"]') !== null`)
		metas := b.evalStrings(t, `[...document.querySelectorAll(".results .result > .meta")].map(e => e.textContent)`)
		if len(metas) == 0 {
			t.Fatal("no results after clicking a source facet")
		}
		for _, m := range metas {
			if !strings.HasPrefix(m, source) {
				t.Errorf("result %q is not from the chosen source %q", m, source)
			}
		}
		b.shot(t, "03-facet")
		b.do(t, chromedp.NavigateBack())
		b.waitJS(t, `!new URLSearchParams(location.search).has("source") && !document.querySelector(".active-filters") && document.querySelectorAll(".results .result").length > 0`)
		b.do(t, chromedp.NavigateForward())
		b.waitJS(t, fmt.Sprintf(`new URLSearchParams(location.search).get("source") === %q && !!document.querySelector(".active-filters")`, source))
		// Removing the filter's chip removes the filter.
		b.do(t, chromedp.Click(chromedp.CSS(".active-filters button.chip.active")))
		b.waitJS(t, `!new URLSearchParams(location.search).has("source")`)
	})

	t.Run("article with highlights, escaped", func(t *testing.T) {
		b.do(t, chromedp.Navigate(base+"/?q=Quillfeather"))
		b.waitVisible(t, ".result h3 a")
		b.do(t, chromedp.Click(chromedp.CSS(".result h3 a")))
		b.waitVisible(t, "#article-body .hl")
		for _, sel := range []string{"#article-body .e-PLACE", "#article-body .money", "#article-body .quote"} {
			if n := b.count(t, sel); n == 0 {
				t.Errorf("no %s highlight in the article body", sel)
			}
		}
		if n := b.count(t, "#article-body .e-PERSON, #article-body .e-ORG"); n == 0 {
			t.Error("no person or organisation highlighted in the article body")
		}
		place := b.text(t, "#article-body .e-PLACE")
		if place == "" {
			t.Error("empty place highlight")
		}
		if n := b.count(t, ".side section"); n < 2 {
			t.Errorf("side list has %d sections; want places, entities, quotes…", n)
		}
		body := b.text(t, "#article-body")
		if !strings.Contains(body, "<script>window.__xss=2</script>") {
			t.Errorf("the article's <script> text is not shown as text; body:\n%s", body)
		}
		if n := b.count(t, "main script, main img"); n != 0 {
			t.Errorf("article markup became %d live element(s)", n)
		}
		if xss := b.evalString(t, `String(window.__xss)`); xss != "undefined" {
			t.Errorf("article text ran as code: window.__xss = %s", xss)
		}
		b.shot(t, "04-article")
	})

	var ruleID string
	t.Run("alert fires live on a new article", func(t *testing.T) {
		b.do(t, chromedp.Navigate(base+"/?view=alerts"))
		b.waitVisible(t, "#r-name")
		b.checkLabels(t)
		b.waitJS(t, `document.getElementById("live-state").textContent.startsWith("Connected")`)
		b.do(t,
			chromedp.SendKeys(chromedp.ID("r-name"), "Zephyrine in Jiangsu"),
			chromedp.SendKeys(chromedp.ID("r-text"), "Zephyrine"),
			chromedp.SendKeys(chromedp.ID("r-region"), "Jiangs"),
		)
		// The region picker completes from the gazetteer.
		b.waitJS(t, `!!document.querySelector('#place-options option[value="Jiangsu"]')`)
		b.setValue(t, "r-region", "Jiangsu")
		b.do(t, chromedp.SendKeys(chromedp.ID("r-region"), "\n"))
		b.waitJS(t, `[...document.querySelectorAll('[aria-label="Chosen regions"] .chip')].some(c => c.textContent.startsWith("Jiangsu"))`)
		b.do(t, chromedp.Click(chromedp.ID("rule-test")))
		b.waitJS(t, `/^0 articles in the index match now/.test(document.querySelector(".test-out h3")?.textContent || "")`)
		b.do(t, chromedp.Click(chromedp.ID("rule-submit")))
		b.waitJS(t, `[...document.querySelectorAll("table.rules tbody th")].some(th => th.textContent === "Zephyrine in Jiangsu")`)
		ruleID = b.evalString(t, `[...document.querySelectorAll("table.rules tbody tr")].find(tr => tr.querySelector("th").textContent === "Zephyrine in Jiangsu").dataset.rule`)
		if ruleID == "" {
			t.Fatal("the new rule's row has no id")
		}
		saved := time.Now()
		// The index stage's matcher caches the rules for up to 2s (and reloads them on its own
		// schedule too), so an article indexed sooner could still meet the old rules: publish
		// the story only once every cache has the new rule. Nothing observable says so.
		<-time.After(time.Until(saved.Add(2500 * time.Millisecond)))
		site.publish(alertStory)
		firing := fmt.Sprintf(`#firings .firing[data-rule=%q]`, ruleID)
		fired := fmt.Sprintf(`[...document.querySelectorAll(%q)].some(f => f.textContent.includes("Zephyrine bridge opens"))`, firing)
		if err := b.pollJS(45*time.Second, fired); err != nil {
			var res struct{ Total int }
			searchErr := getJSON(ctx, base+"/api/search?size=0&q=Zephyrine", &res)
			t.Logf("after the wait: q=Zephyrine finds %d article(s) (err %v)", res.Total, searchErr)
			b.fail(t, fmt.Errorf("no live firing of the rule for the new article: %w", err))
		}
		b.shot(t, "05-alert-fired")
		// Testing the rule now finds the new article.
		b.do(t, chromedp.Click(chromedp.CSS(fmt.Sprintf(`tr[data-rule=%q] button[aria-label^="Test"]`, ruleID))))
		b.waitJS(t, `/^1 article in the index match now/.test(document.querySelector(".test-out h3")?.textContent || "")`)
	})

	t.Run("edit and delete the rule", func(t *testing.T) {
		if ruleID == "" {
			t.Skip("no rule was created")
		}
		row := fmt.Sprintf(`tr[data-rule=%q]`, ruleID)
		b.do(t, chromedp.Click(chromedp.CSS(row+` button[aria-label^="Edit"]`)))
		b.waitJS(t, `document.getElementById("r-name").value === "Zephyrine in Jiangsu" && document.getElementById("rule-submit").textContent === "Save changes"`)
		b.setValue(t, "r-name", "Zephyrine bridge watch")
		b.do(t, chromedp.Click(chromedp.ID("rule-submit")))
		b.waitJS(t, fmt.Sprintf(`document.querySelector(%q)?.querySelector("th").textContent === "Zephyrine bridge watch"`, row))
		b.do(t, chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`))
		b.do(t, chromedp.Click(chromedp.CSS(row+` button[aria-label^="Delete"]`)))
		b.waitJS(t, fmt.Sprintf(`document.querySelector(%q) === null && !!document.querySelector("table.rules, .panel p.meta")`, row))
	})

	t.Run("quotes by speaker", func(t *testing.T) {
		b.do(t, chromedp.Navigate(base+"/?view=quotes&q=laboratories"))
		b.waitVisible(t, ".quote-group blockquote")
		if got := b.text(t, ".quote-group blockquote"); !strings.Contains(got, "laboratories") {
			t.Errorf("quote = %q; want the one about laboratories", got)
		}
		b.shot(t, "06-quotes")
	})

	t.Run("crawl status", func(t *testing.T) {
		b.do(t, chromedp.Navigate(base+"/?view=status"))
		b.waitVisible(t, "table.sources tbody tr")
		b.waitJS(t, `[...document.querySelectorAll("table.sources tbody th")].some(th => th.textContent.includes("Browser Test Wire"))`)
		if n := b.count(t, "table.queues tbody tr"); n == 0 {
			t.Error("no queue depths on the status page")
		}
		b.shot(t, "07-status")
	})

	t.Run("phone width", func(t *testing.T) {
		b.do(t, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(base+"/?region=Jiangsu"))
		b.waitVisible(t, ".results .result")
		if w := b.evalInt(t, `document.documentElement.scrollWidth`); w > 400 {
			t.Errorf("page is %dpx wide on a 390px screen: something overflows", w)
		}
		b.shot(t, "08-phone")
		b.do(t, chromedp.ResetViewport())
	})

	b.checkNoErrors(t)
}

// session is one running newsmon (the demo plus the test's outlet, indexed) and a browser.
type session struct {
	ctx  context.Context // ends with the test, or after 150s
	site *newsSite
	base string // the page's address
	b    *browser
}

// newSession starts newsmon with the test's outlet (holding hostileStory), waits until
// everything is indexed, and opens a browser; it skips without Chromium.
func newSession(t *testing.T) *session {
	t.Helper()
	needBrowser(t)
	site := newNewsSite(t, hostileStory)
	prod := startProduct(t, site.srv.URL+"/rss.xml")
	artifacts := artifactDir(t)
	ctx, cancel := context.WithTimeout(context.Background(), 150*time.Second)
	t.Cleanup(cancel)
	waitIndexed(ctx, t, prod)
	return &session{ctx: ctx, site: site, base: prod.URL, b: newBrowser(t, ctx, artifacts)}
}

// waitIndexed waits until the demo and the first extra story are searchable and the queues are
// empty: from then on nothing is indexed until the test adds a story.
func waitIndexed(ctx context.Context, t *testing.T, p *product) {
	t.Helper()
	eventually(t, 60*time.Second, "demo crawled and indexed", func() (bool, string) {
		var res struct{ Total int }
		if err := getJSON(ctx, p.URL+"/api/search?size=0&q=Quillfeather", &res); err != nil {
			return false, err.Error()
		}
		if res.Total != 1 {
			return false, fmt.Sprintf("q=Quillfeather total %d", res.Total)
		}
		var st struct {
			Sources []struct {
				Polls int
				Name  string
			}
			Queues map[string]struct {
				Pending  int `json:"pending"`
				InFlight int `json:"in_flight"`
			}
		}
		if err := getJSON(ctx, p.URL+"/api/status", &st); err != nil {
			return false, err.Error()
		}
		for _, s := range st.Sources {
			if s.Polls == 0 {
				return false, s.Name + " not polled yet"
			}
		}
		for name, q := range st.Queues {
			if q.Pending+q.InFlight > 0 {
				return false, fmt.Sprintf("queue %s: %d pending, %d in flight", name, q.Pending, q.InFlight)
			}
		}
		return true, ""
	})
}

func artifactDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("NEWSMON_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", dir)
	return dir
}

// browser is one headless Chromium tab with the errors its page reported.
type browser struct {
	ctx       context.Context
	artifacts string
	mu        sync.Mutex
	errors    []string
}

func newBrowser(t *testing.T, parent context.Context, artifacts string) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.NoSandbox,
		chromedp.Headless,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(1366, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(parent, opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelTab(); cancelAlloc() })
	b := &browser{ctx: ctx, artifacts: artifacts}
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("start chromium %s: %v", chromiumPath, err)
	}
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	console := chromedp.Events(ctx, runtime.ConsoleAPICalled)
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			b.addError((&chromedp.ExceptionError{ExceptionDetails: ev.ExceptionDetails}).Error())
		}
	}()
	go func() {
		for ev, err := range console {
			if err != nil {
				return
			}
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value))
				}
				b.addError("console.error: " + strings.Join(parts, " "))
			}
		}
	}()
	return b
}

func (b *browser) addError(s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.errors = append(b.errors, s)
}

func (b *browser) checkNoErrors(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.errors {
		t.Errorf("page error: %s", e)
	}
}

func (b *browser) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.fail(t, err)
	}
}

// fail saves a screenshot of the page as it is, then fails the test.
func (b *browser) fail(t *testing.T, err error) {
	t.Helper()
	b.shot(t, "FAILED-"+strings.NewReplacer("/", "_", " ", "_").Replace(t.Name()))
	t.Fatal(err)
}

func (b *browser) waitVisible(t *testing.T, css string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(css))); err != nil {
		b.fail(t, fmt.Errorf("wait for %s: %w", css, err))
	}
}

func (b *browser) waitJS(t *testing.T, expr string) {
	t.Helper()
	b.waitJSFor(t, 20*time.Second, expr)
}

// waitJSFor polls a JavaScript condition in the page until it is true.
func (b *browser) waitJSFor(t *testing.T, timeout time.Duration, expr string) {
	t.Helper()
	if err := b.pollJS(timeout, expr); err != nil {
		b.fail(t, fmt.Errorf("wait for %s: %w", expr, err))
	}
}

func (b *browser) pollJS(timeout time.Duration, expr string) error {
	_, err := chromedp.Run(b.ctx, chromedp.Poll[bool](fmt.Sprintf("(() => { try { return !!(%s); } catch (_) { return false; } })()", expr),
		chromedp.WithPollingTimeout(timeout), chromedp.WithPollingInterval(100*time.Millisecond)))
	return err
}

// shortcut presses a key as a keyboard shortcut: the key-down (which the page handles and
// cancels) and the key-up, with no character event, so nothing is typed into the focused field.
func shortcut(key, code string, keyCode int64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
			_, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, input.DispatchKeyEventParams{
				Type: typ, Key: key, Code: code, WindowsVirtualKeyCode: keyCode, NativeVirtualKeyCode: keyCode,
			})
			if err != nil {
				return fmt.Errorf("press %s: %w", key, err)
			}
		}
		return nil
	})
}

// checkLabels fails the test for any form control a screen reader would announce without a name.
func (b *browser) checkLabels(t *testing.T) {
	t.Helper()
	unlabelled := b.evalStrings(t, `[...document.querySelectorAll("input, select, textarea, button")]
		.filter(e => e.type !== "hidden" && !(e.labels && e.labels.length) && !e.getAttribute("aria-label") && !e.getAttribute("aria-labelledby") && !e.textContent.trim())
		.map(e => e.outerHTML.slice(0, 120))`)
	for _, u := range unlabelled {
		t.Errorf("form control without a label: %s", u)
	}
}

// setValue sets an input's value as a paste would, and tells the page it changed.
func (b *browser) setValue(t *testing.T, id, value string) {
	t.Helper()
	b.do(t, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
		`(() => { const e = document.getElementById(%q); e.value = %q; e.dispatchEvent(new Event("input", {bubbles: true})); })()`, id, value)))
}

func (b *browser) text(t *testing.T, css string) string {
	t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.TextContent(chromedp.CSS(css)))
	if err != nil {
		b.fail(t, fmt.Errorf("text of %s: %w", css, err))
	}
	return s
}

func (b *browser) count(t *testing.T, css string) int {
	t.Helper()
	return b.evalInt(t, fmt.Sprintf(`document.querySelectorAll(%q).length`, css))
}

func (b *browser) evalInt(t *testing.T, expr string) int {
	t.Helper()
	n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](expr))
	if err != nil {
		b.fail(t, fmt.Errorf("evaluate %s: %w", expr, err))
	}
	return n
}

func (b *browser) evalString(t *testing.T, expr string) string {
	t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		b.fail(t, fmt.Errorf("evaluate %s: %w", expr, err))
	}
	return s
}

func (b *browser) evalStrings(t *testing.T, expr string) []string {
	t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](expr))
	if err != nil {
		b.fail(t, fmt.Errorf("evaluate %s: %w", expr, err))
	}
	return s
}

// shot saves a full-page PNG screenshot under the artefacts folder.
func (b *browser) shot(t *testing.T, name string) {
	t.Helper()
	buf, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	path := filepath.Join(b.artifacts, name+".png")
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		t.Errorf("save screenshot: %v", err)
	}
}
