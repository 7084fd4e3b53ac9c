// Package archive reads news that was fetched elsewhere — WARC files (WARC 1.0/1.1, from a crawl
// of one's own or Common Crawl's CC-NEWS), JSONL and CSV exports of news databases, folders of
// .html/.txt files — as a stream of Items, so they can go through the same extraction and index
// stages as crawled pages (newsmon import) or be analyzed in one process (newsmon analyze).
//
// Every reader yields its records in a stable order and numbers them (Item.Ordinal, counting
// skipped and unreadable records too), so a position in a file means the same record on every
// run: an interrupted import resumes from it.
package archive

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

// DefaultMaxRecordBytes bounds one record's payload (an HTML page, a JSONL line, a CSV row): a
// news page is rarely over 2 MiB, and a record far bigger is a mistake or an attack (a gzip bomb).
const DefaultMaxRecordBytes = 16 << 20

// Item is one article candidate read from an archive. Either HTML or Text holds its body.
type Item struct {
	Ordinal     int64  // position among the records of its input, from 0
	Input       string // the file it came from
	URL         string
	Title       string
	Authors     []string
	Published   *time.Time // the record's own publication date, when the archive says
	Fetched     time.Time  // when it was captured (WARC-Date), zero if unknown
	Source      string
	Language    string
	ContentType string // of HTML: the HTTP Content-Type, whose charset decodes it
	HTML        []byte
	Text        string
}

// Article turns the item into an article, as the crawler's pages are: HTML through
// article.FromPage (boilerplate removed, metadata read), text through article.FromText. What
// the record states explicitly (title, publication date, source) wins over what is guessed from
// the page. now is the fetch time of items that carry none.
func (it *Item) Article(now time.Time) (*article.Article, error) {
	a, _, err := it.ArticleKind(now)
	return a, err
}

// ArticleKind is Article that also says whether an HTML page is an article or a listing (see
// article.FromPageKind); text records are articles.
func (it *Item) ArticleKind(now time.Time) (*article.Article, article.PageKind, error) {
	fetched := it.Fetched
	if fetched.IsZero() {
		fetched = now
	}
	var a *article.Article
	kind := article.PageKind{Kind: article.KindArticle}
	if it.HTML != nil {
		var err error
		a, kind, err = article.FromPageKind(article.Page{URL: it.URL, ContentType: it.ContentType, Body: it.HTML, Fetched: fetched,
			Hints: article.Hints{Title: it.Title, Authors: it.Authors, Published: it.Published, Language: it.Language}})
		if err != nil {
			return nil, kind, err
		}
	} else {
		if strings.TrimSpace(it.Text) == "" {
			return nil, kind, fmt.Errorf("record %d: %w", it.Ordinal, ErrNoText)
		}
		a = article.FromText(it.Text, it.URL, fetched)
		if it.Language != "" {
			a.Language = strings.ToLower(it.Language)
		}
		if len(it.Authors) > 0 {
			a.Authors = it.Authors
		}
	}
	if it.Title != "" {
		a.Title = it.Title
	}
	if it.Published != nil {
		a.Published = it.Published
	}
	if it.Source != "" && (a.Source == "" || it.HTML == nil) {
		a.Source = it.Source
	}
	return a, kind, nil
}

// ErrNoText is the reason given for a record with neither HTML nor text.
var ErrNoText = errors.New("record has no text")

// Skip reports a record that holds no article: a revisit, an image, a PDF, an error page. The
// reader has moved past it; reading goes on.
type Skip struct {
	Ordinal int64
	Reason  string // short and stable, for counting: "revisit", "not html: image/png", "http status 404"
}

func (s *Skip) Error() string { return fmt.Sprintf("record %d skipped: %s", s.Ordinal, s.Reason) }

// BadRecord reports a record that could not be read (a lying Content-Length, an oversized or
// undecodable payload, a malformed line). The reader has moved past it; reading goes on.
type BadRecord struct {
	Ordinal int64
	Offset  int64 // byte offset in the input (of the decompressed stream for gzip files)
	Err     error
}

func (b *BadRecord) Error() string {
	return fmt.Sprintf("record %d at byte %d: %v", b.Ordinal, b.Offset, b.Err)
}

func (b *BadRecord) Unwrap() error { return b.Err }

// Reader yields the items of one input.
type Reader interface {
	// Next returns the next item. A *Skip or *BadRecord error concerns that record only: call
	// Next again. io.EOF ends the input; any other error ends it too (e.g. a truncated file).
	Next() (*Item, error)
	// Progress reports how much of the input has been read and its total, in bytes.
	Progress() (done, total int64)
	Close() error
}

// Options tune the readers.
type Options struct {
	// Map gives, for an item field (url, title, text, html, published, source, language,
	// authors, fetched), the CSV column or JSONL key holding it, over the usual names (Aliases).
	Map map[string]string
	// MaxRecordBytes bounds one record's payload (0: DefaultMaxRecordBytes).
	MaxRecordBytes int64
	// Text treats the bodies of a folder's files as plain text whatever their extension.
	Text bool
}

func (o Options) maxRecord() int64 {
	if o.MaxRecordBytes > 0 {
		return o.MaxRecordBytes
	}
	return DefaultMaxRecordBytes
}

// Kind is the format of an input, chosen from its name.
type Kind string

const (
	KindWARC   Kind = "warc"
	KindJSONL  Kind = "jsonl"
	KindCSV    Kind = "csv"
	KindFolder Kind = "folder"
	KindHTML   Kind = "html"
	KindText   Kind = "text"
)

// KindOf names the format of path: by extension, a folder being a folder.
func KindOf(path string) (Kind, error) {
	st, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	if st.IsDir() {
		return KindFolder, nil
	}
	return kindByName(path)
}

// kindByName names the format of a file from its extension.
func kindByName(path string) (Kind, error) {
	name := strings.ToLower(filepath.Base(path))
	name = strings.TrimSuffix(name, ".gz")
	switch {
	case strings.HasSuffix(name, ".warc"):
		return KindWARC, nil
	case strings.HasSuffix(name, ".jsonl"), strings.HasSuffix(name, ".ndjson"), strings.HasSuffix(name, ".json"):
		return KindJSONL, nil
	case strings.HasSuffix(name, ".csv"), strings.HasSuffix(name, ".tsv"):
		return KindCSV, nil
	case strings.HasSuffix(name, ".html"), strings.HasSuffix(name, ".htm"), strings.HasSuffix(name, ".xhtml"):
		return KindHTML, nil
	case strings.HasSuffix(name, ".txt"), strings.HasSuffix(name, ".text"), strings.HasSuffix(name, ".md"):
		return KindText, nil
	}
	return "", fmt.Errorf("%s: unknown format (want .warc[.gz], .jsonl, .csv, .html, .txt or a folder)", path)
}

// Open opens path with the reader its name calls for. A single .html or .txt file reads as a
// folder of one.
func Open(path string, o Options) (Reader, error) {
	kind, err := KindOf(path)
	if err != nil {
		return nil, err
	}
	switch kind {
	case KindWARC:
		return OpenWARC(path, o)
	case KindJSONL:
		return OpenJSONL(path, o)
	case KindCSV:
		return OpenCSV(path, o)
	default:
		return OpenFolder(path, o)
	}
}

// Aliases are the column names and JSONL keys recognised for each item field without a --map,
// covering the usual exports (Media Cloud, news-please, GDELT-style dumps, Hugging Face sets).
var Aliases = map[string][]string{
	"url":       {"url", "link", "article_url", "canonical_url", "guid"},
	"title":     {"title", "headline"},
	"text":      {"text", "body", "content", "maintext", "article", "story_text", "full_text"},
	"html":      {"html", "raw_html"},
	"published": {"published", "publish_date", "published_at", "date_publish", "pubdate", "date", "publication_date", "datetime"},
	"fetched":   {"fetched", "date_download", "crawled", "collect_date"},
	"source":    {"source", "media_name", "source_domain", "domain", "site", "publisher"},
	"language":  {"language", "lang"},
	"authors":   {"authors", "author", "byline"},
}

// fields are the item fields, in the order they are resolved.
var fields = []string{"url", "title", "text", "html", "published", "fetched", "source", "language", "authors"}

// ParseMap reads a --map value: "text=body,published=date".
func ParseMap(s string) (map[string]string, error) {
	m := map[string]string{}
	if strings.TrimSpace(s) == "" {
		return m, nil
	}
	for _, kv := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(kv, "=")
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		if !ok || v == "" {
			return nil, fmt.Errorf("--map: %q is not FIELD=COLUMN", kv)
		}
		if _, known := Aliases[k]; !known {
			return nil, fmt.Errorf("--map: unknown field %q (known: %s)", k, strings.Join(fields, ", "))
		}
		m[k] = v
	}
	return m, nil
}

// resolveColumns finds, for each field, the column among names that holds it: the mapped one,
// else the first alias present (case-insensitively). A mapped column that is missing is an error.
func resolveColumns(names []string, mapping map[string]string) (map[string]int, error) {
	pos := make(map[string]int, len(names))
	for i, n := range names {
		key := strings.ToLower(strings.TrimSpace(n))
		if _, seen := pos[key]; !seen {
			pos[key] = i
		}
	}
	out := map[string]int{}
	for _, f := range fields {
		if col, ok := mapping[f]; ok {
			i, found := pos[strings.ToLower(col)]
			if !found {
				return nil, fmt.Errorf("--map %s=%s: no such column (have: %s)", f, col, strings.Join(names, ", "))
			}
			out[f] = i
			continue
		}
		for _, alias := range Aliases[f] {
			if i, found := pos[alias]; found {
				out[f] = i
				break
			}
		}
	}
	return out, nil
}

// timeLayouts are the date forms exports use; ParseTime tries them in order.
var timeLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02", time.RFC1123Z, time.RFC1123, time.RFC850,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "20060102150405", "20060102",
}

// ParseTime reads a date as exports write it: RFC 3339 and its common variants, RFC 1123, the
// compact 14-digit WARC/CDX form, or Unix seconds (or milliseconds).
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
		if n > 1e12 { // milliseconds
			return time.UnixMilli(n).UTC(), nil
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Time{}, fmt.Errorf("unrecognised date %q", s)
}

// splitAuthors reads an authors cell: "A; B", "A, B" or "A and B".
func splitAuthors(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	sep := ";"
	if !strings.Contains(s, ";") {
		sep = ","
	}
	var out []string
	for _, p := range strings.Split(s, sep) {
		for _, q := range strings.Split(p, " and ") {
			if q = strings.TrimSpace(q); q != "" {
				out = append(out, q)
			}
		}
	}
	return out
}

// walkSorted calls fn for every regular file under root, in lexical order of path.
func walkSorted(root string, fn func(path string, size int64)) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			fn(path, info.Size())
		}
		return nil
	})
}

// countingReader counts the bytes read through it, for progress.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
