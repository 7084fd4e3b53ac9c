package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/newsmon/newsmon/internal/ordered"
	"github.com/newsmon/newsmon/pkg/archive"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/crawl"
	"github.com/newsmon/newsmon/pkg/extract"
	"github.com/newsmon/newsmon/pkg/extract/extractors"
	"github.com/newsmon/newsmon/pkg/geo"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

func cmdAnalyze(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("analyze", stderr)
	asText := fs.Bool("text", false, "treat the input as plain text, not HTML")
	pageURL := fs.String("url", "", "the page's address (for metadata, source and the article id)")
	published := fs.String("published", "", "publication date (RFC 3339 or YYYY-MM-DD) that relative dates resolve against; with many inputs, for those that carry none")
	jsonl := fs.Bool("jsonl", false, `read JSONL ({"text": …, "url": …, "published": …, "title": …} a line) from standard input or the FILEs; one enriched article JSON per output line`)
	workers := fs.Int("workers", 0, "with many inputs: articles analyzed at once (default: the number of CPUs)")
	mapping := fs.String("map", "", "with JSONL or CSV inputs: FIELD=KEY pairs naming the keys or columns of url, title, text, html, published, source, language, authors (e.g. text=body,published=date)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsmon analyze [--text] [--url URL] [--published DATE] [FILE|URL|-]\n       newsmon analyze [--text] [--published DATE] [--workers N] FILE|FOLDER...\n       newsmon analyze --jsonl [--map FIELD=KEY,...] [FILE...] < records.jsonl")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	var pub *time.Time
	if *published != "" {
		t, err := parseDate(*published)
		if err != nil {
			return usageError{fmt.Errorf("--published: %w", err)}
		}
		pub = &t
	}
	if *jsonl || fs.NArg() > 1 || (fs.NArg() == 1 && isDir(fs.Arg(0))) {
		if *pageURL != "" {
			return usageError{errors.New("--url names one page: with many inputs each record gives its own address")}
		}
		m, err := archive.ParseMap(*mapping)
		if err != nil {
			return usageError{err}
		}
		b := analyzeBatch{jsonl: *jsonl, opts: archive.Options{Map: m, Text: *asText}, published: pub, workers: *workers}
		return b.run(ctx, fs.Args(), stdout, stderr)
	}
	input := "-"
	if fs.NArg() == 1 {
		input = fs.Arg(0)
	}
	return analyzeOne(ctx, input, *pageURL, *asText, pub, stdout, stderr)
}

// analyzeOne analyzes one page or text (a file, a URL, or - for standard input) and prints the
// enriched article as indented JSON.
func analyzeOne(ctx context.Context, input, pageURL string, asText bool, pub *time.Time, stdout, stderr io.Writer) error {
	page, err := readPage(ctx, input, pageURL)
	if err != nil {
		return err
	}
	var a *article.Article
	if asText {
		a = article.FromText(string(page.Body), page.URL, page.Fetched)
	} else {
		if !strings.HasPrefix(page.URL, "http") {
			page.URL = "http://localhost/" + strings.TrimPrefix(input, "/")
		}
		var kind article.PageKind
		if a, kind, err = article.FromPageKind(page); err != nil {
			return err
		}
		warnListing(stderr, input, kind)
	}
	if pub != nil {
		a.Published = pub
	}
	chain, _, err := extractors.Default()
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

// readPage fetches input when it is an http(s) URL, else reads the file (or standard input for
// -). A page without an address of its own gets a file:/// one.
func readPage(ctx context.Context, input, pageURL string) (article.Page, error) {
	page := article.Page{URL: pageURL, Fetched: time.Now().UTC()}
	switch {
	case strings.HasPrefix(input, "http://") || strings.HasPrefix(input, "https://"):
		f, err := crawl.NewFetcher(crawl.DefaultConfig(), nil, nil)
		if err != nil {
			return page, err
		}
		resp, err := f.Fetch(ctx, crawl.Request{URL: input})
		if err != nil {
			return page, err
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
				return page, err
			}
			defer f.Close()
			r = f
		}
		body, err := io.ReadAll(io.LimitReader(r, 64<<20))
		if err != nil {
			return page, fmt.Errorf("read %s: %w", input, err)
		}
		page.Body = body
	}
	if page.URL == "" {
		page.URL = "file:///" + strings.TrimPrefix(input, "/")
	}
	return page, nil
}

// analyzeBatch analyzes many inputs in one process: the models load once, articles are analyzed
// by several workers at once, and the output keeps the input order, one JSON object a line.
type analyzeBatch struct {
	jsonl     bool
	opts      archive.Options
	published *time.Time // for records that carry no date of their own
	workers   int
	skipped   int // records the readers skipped (not articles)
}

type analyzed struct {
	input string
	ord   int64
	line  []byte
	err   error
	kind  article.PageKind
}

// warnListing tells the user that a page they asked to analyze looks like a front, section or tag
// page: its "article" is the teasers' text. It is analyzed all the same (the import and the
// crawler skip such pages).
func warnListing(stderr io.Writer, what string, kind article.PageKind) {
	if kind.Listing() {
		fmt.Fprintf(stderr, "newsmon analyze: warning: %s looks like a listing page, not an article (%s: %s); analyzed anyway\n",
			what, kind.Why, kind.Measured)
	}
}

func (b *analyzeBatch) run(ctx context.Context, inputs []string, stdout, stderr io.Writer) error {
	start := time.Now()
	chain, _, err := extractors.Default()
	if err != nil {
		return err
	}
	workers := b.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if len(inputs) == 0 {
		if !b.jsonl {
			return usageError{errors.New("no input: give FILEs or a FOLDER, or --jsonl to read standard input")}
		}
		inputs = []string{"-"}
	}
	written, failed := 0, 0
	w := bufio.NewWriterSize(stdout, 256<<10)
	err = ordered.Run(ctx, workers,
		func(ctx context.Context, q *ordered.Queue[*archive.Item, analyzed]) error {
			for _, in := range inputs {
				if err := b.read(in, q); err != nil {
					return err
				}
			}
			return nil
		},
		func(ctx context.Context, it *archive.Item) analyzed { return b.analyze(ctx, chain, it) },
		func(_ context.Context, res analyzed) error { // in input order
			if res.err != nil {
				failed++
				fmt.Fprintf(stderr, "newsmon analyze: %s record %d: %v\n", res.input, res.ord, res.err)
				return nil
			}
			written++
			warnListing(stderr, fmt.Sprintf("%s record %d", res.input, res.ord), res.kind)
			_, err := w.Write(res.line)
			return err
		})
	_ = w.Flush()
	if err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintf(stderr, "analyze records=%d written=%d skipped=%d failed=%d seconds=%.2f articles/s=%.1f\n",
		written+b.skipped+failed, written, b.skipped, failed, secs, float64(written)/secs)
	if failed > 0 {
		return fmt.Errorf("%d records could not be analyzed", failed)
	}
	return nil
}

// read queues the records of one input: its bad records as failures, skipping what it skips.
func (b *analyzeBatch) read(in string, q *ordered.Queue[*archive.Item, analyzed]) error {
	r, err := b.open(in)
	if err != nil {
		return err
	}
	defer r.Close()
	for {
		it, err := r.Next()
		var skip *archive.Skip
		var bad *archive.BadRecord
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case errors.As(err, &skip):
			b.skipped++
			continue
		case errors.As(err, &bad):
			err = q.Done(analyzed{input: in, ord: bad.Ordinal, err: bad.Err})
		case err != nil:
			return fmt.Errorf("%s: %w", in, err)
		default:
			err = q.Work(it)
		}
		if err != nil {
			return err
		}
	}
}

func (b *analyzeBatch) open(in string) (archive.Reader, error) {
	if in == "-" {
		return archive.NewJSONL(os.Stdin, "stdin", b.opts), nil
	}
	if b.jsonl {
		return archive.OpenJSONL(in, b.opts)
	}
	return archive.Open(in, b.opts)
}

func (b *analyzeBatch) analyze(ctx context.Context, chain *extract.Chain, it *archive.Item) analyzed {
	res := analyzed{input: it.Input, ord: it.Ordinal}
	if it.Published == nil && b.published != nil {
		it.Published = b.published
	}
	a, kind, err := it.ArticleKind(time.Now().UTC())
	if err != nil {
		res.err = err
		return res
	}
	res.kind = kind
	if err := chain.Run(ctx, a); err != nil {
		res.err = err
		return res
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		res.err = err
		return res
	}
	res.line = buf.Bytes()
	return res
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
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
	gaz, err := geo.Default()
	if err != nil {
		gaz = nil // event types are still checked; places need the gazetteer
	}
	o.Vocabulary = ruleVocabulary(gaz)
	return o
}
