package article_test

import (
	"fmt"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

// FromPage turns a fetched HTML page into an Article: title, byline, dates, canonical URL and the
// body text without navigation, share buttons or footers.
func ExampleFromPage() {
	body := []byte(`<html lang="en"><head>
<title>Battery maker picks Wuxi for plant | Daily Ledger</title>
<link rel="canonical" href="https://ledger.example/business/wuxi-plant">
<meta property="article:published_time" content="2023-10-23T08:30:00+08:00">
</head><body>
<nav><a href="/">Home</a> <a href="/business">Business</a></nav>
<article>
<h1>Battery maker picks Wuxi for plant</h1>
<p class="byline">By Jane Doe</p>
<p>A Chinese battery maker said on Monday it would build a factory in Wuxi, in Jiangsu province, creating 3,000 jobs.</p>
<p>The company said construction would start next year and the first cells would leave the line in 2026.</p>
</article>
<footer>Share on Twitter · All rights reserved</footer>
</body></html>`)
	a, err := article.FromPage(article.Page{
		URL:     "https://ledger.example/business/wuxi-plant?utm_source=rss",
		Body:    body,
		Fetched: time.Date(2023, 10, 23, 9, 0, 0, 0, time.UTC),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title)
	fmt.Println(a.Authors)
	fmt.Println(a.Published.Format(time.RFC3339))
	fmt.Println(a.CanonicalURL)
	fmt.Println(a.ID == article.IDFor(a.CanonicalURL))
	fmt.Println(a.Language)
	fmt.Println(a.Text)
	// Output:
	// Battery maker picks Wuxi for plant
	// [Jane Doe]
	// 2023-10-23T00:30:00Z
	// https://ledger.example/business/wuxi-plant
	// true
	// en
	// A Chinese battery maker said on Monday it would build a factory in Wuxi, in Jiangsu province, creating 3,000 jobs.
	//
	// The company said construction would start next year and the first cells would leave the line in 2026.
}
