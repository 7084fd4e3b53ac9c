// Package browser holds the end-to-end tests of the researcher's web page: they build newsmon,
// run `newsmon run --demo` as a child process with an extra news source served by the test, and
// drive the page in headless Chromium (chromedp) the way a researcher would: search, facets,
// back button, an article with its highlights, an alert rule that fires live on a newly crawled
// article, the crawl status page and a phone-width layout. Screenshots are saved to
// $NEWSMON_ARTIFACTS (default: a temporary folder). Without a Chromium binary the tests skip.
package browser
