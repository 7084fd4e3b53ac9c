// Package browser holds the end-to-end tests of the researcher's web page: they build newsmon,
// run `newsmon run --demo` as a child process with an extra news source served by the test, and
// drive the page in headless Chromium (chromedp) the way a researcher would. TestResearcherPage:
// search, facets, back button, an article with its highlights, an alert rule that fires live on a
// newly crawled article, the crawl status page and a phone-width layout. TestViews: the analytics
// views — timeline axes and hover values, the map's zoom and names, snippets, a comparison of
// several queries restored from its URL, shares, significant terms, an entity's page, the
// networks, saved searches, a CSV behind every chart, and a surge alert arriving over SSE.
// Screenshots are saved to $NEWSMON_ARTIFACTS (default: a temporary folder). Without a Chromium
// binary the tests skip.
package browser
