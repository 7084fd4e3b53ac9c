package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/crawl"
	"github.com/newsmon/newsmon/pkg/geo"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

func cmdAnalyze(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("analyze", stderr)
	asText := fs.Bool("text", false, "treat the input as plain text, not HTML")
	pageURL := fs.String("url", "", "the page's address (for metadata, source and the article id)")
	published := fs.String("published", "", "publication date (RFC 3339 or YYYY-MM-DD) that relative dates resolve against")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsmon analyze [--text] [--url URL] [--published DATE] [FILE|URL|-]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usageError{fmt.Errorf("one input at most, got %d", fs.NArg())}
	}
	input := "-"
	if fs.NArg() == 1 {
		input = fs.Arg(0)
	}
	var pub *time.Time
	if *published != "" {
		t, err := parseDate(*published)
		if err != nil {
			return usageError{fmt.Errorf("--published: %w", err)}
		}
		pub = &t
	}

	page := article.Page{URL: *pageURL, Fetched: time.Now().UTC()}
	switch {
	case strings.HasPrefix(input, "http://") || strings.HasPrefix(input, "https://"):
		f, err := crawl.NewFetcher(crawl.DefaultConfig(), nil, nil)
		if err != nil {
			return err
		}
		resp, err := f.Fetch(ctx, crawl.Request{URL: input})
		if err != nil {
			return err
		}
		page.Body, page.ContentType, page.FinalURL, page.Fetched = resp.Body, resp.ContentType(), resp.FinalURL, resp.Fetched
		if page.URL == "" {
			page.URL = input
		}
	default:
		var r io.Reader = os.Stdin
		if input != "-" {
			f, err := os.Open(input)
			if err != nil {
				return err
			}
			defer f.Close()
			r = f
		}
		body, err := io.ReadAll(io.LimitReader(r, 64<<20))
		if err != nil {
			return fmt.Errorf("read %s: %w", input, err)
		}
		page.Body = body
	}
	if page.URL == "" {
		page.URL = "file:///" + strings.TrimPrefix(input, "/")
	}

	var a *article.Article
	if *asText {
		a = article.FromText(string(page.Body), page.URL, page.Fetched)
	} else {
		if !strings.HasPrefix(page.URL, "http") {
			page.URL = "http://localhost/" + strings.TrimPrefix(input, "/")
		}
		var err error
		if a, err = article.FromPage(page); err != nil {
			return err
		}
	}
	if pub != nil {
		a.Published = pub
	}
	gaz, err := geo.Default()
	if err != nil {
		return err
	}
	chain, err := buildChain(extractorNames, gaz, nil)
	if err != nil {
		return err
	}
	if err := chain.Run(ctx, a); err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(a)
}

func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not RFC 3339 or YYYY-MM-DD", s)
}

func cmdLint(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("lint", stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{fmt.Errorf("usage: newsmon lint FILE...")}
	}
	bad := 0
	for _, path := range fs.Args() {
		// Variables are not known at lint time: substitute a placeholder so only structure is checked.
		_, err := pipeline.Load(path, lintOptions())
		if err != nil {
			fmt.Fprintln(stdout, err)
			bad++
			continue
		}
		fmt.Fprintf(stdout, "%s: ok\n", path)
	}
	if bad > 0 {
		return fmt.Errorf("%d of %d pipeline files have problems", bad, fs.NArg())
	}
	return nil
}

func lintOptions() pipeline.LoadOptions {
	o := loadOptions()
	o.Vars = map[string]string{"DEMO_URL": "http://127.0.0.1:0"}
	return o
}
