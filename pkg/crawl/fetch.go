package crawl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Sentinel errors; callers branch on them with errors.Is.
var (
	ErrDisallowed        = errors.New("crawl: disallowed by robots.txt")
	ErrTooLarge          = errors.New("crawl: body too large")
	ErrRedirectLoop      = errors.New("crawl: redirect loop")
	ErrTooManyRedirects  = errors.New("crawl: too many redirects")
	ErrNotHTML           = errors.New("crawl: not an HTML page")
	errUnsupportedScheme = errors.New("crawl: only http and https URLs are fetched")
)

// StatusError reports a non-2xx answer ("GET <url>: status 503"); callers read Code via errors.As.
type StatusError struct {
	URL  string
	Code int
}

func (e *StatusError) Error() string { return fmt.Sprintf("GET %s: status %d", e.URL, e.Code) }

// Request is one GET. ETag and LastModified, when set, make it conditional.
type Request struct {
	URL          string
	ETag         string
	LastModified string
	MaxBytes     int64  // 0 = Config.MaxBodyBytes
	Truncate     bool   // over MaxBytes: keep the first MaxBytes instead of failing (robots.txt)
	Kind         string // metrics label: "page", "feed", "sitemap", "robots"; "" = "page"
	Accept       string // "" = HTML first, then XML
}

// Response is a completed fetch. NotModified means a conditional request got 304: Body is empty.
type Response struct {
	URL         string // as requested
	FinalURL    string // after redirects
	Status      int
	Header      http.Header
	Body        []byte // size-limited, already decoded from Content-Encoding gzip by the transport
	NotModified bool
	Fetched     time.Time
}

// ContentType is the response's Content-Type header.
func (r *Response) ContentType() string { return r.Header.Get("Content-Type") }

// Fetcher does bounded HTTP GETs: a timeout on the whole exchange, a redirect limit with loop
// detection, and a size limit on every body. It knows nothing of robots.txt or politeness (the
// Crawler adds those), so it can be used alone, e.g. by `analyze --url`.
type Fetcher struct {
	cfg    Config
	client *http.Client
	log    *slog.Logger
	m      *metrics
}

// NewFetcher returns a Fetcher; reg may be nil (no metrics registered), log may be nil.
func NewFetcher(cfg Config, log *slog.Logger, reg prometheus.Registerer) (*Fetcher, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("crawl config: %w", err)
	}
	return newFetcher(cfg, orDiscard(log), newMetrics(reg)), nil
}

func newFetcher(cfg Config, log *slog.Logger, m *metrics) *Fetcher {
	tr := cfg.Transport
	if tr == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = cfg.PerHostConcurrency + 1
		t.ResponseHeaderTimeout = cfg.Timeout
		tr = t
	}
	maxRedirects := cfg.MaxRedirects
	client := &http.Client{
		Transport: tr,
		Timeout:   cfg.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			for _, v := range via {
				if v.URL.String() == req.URL.String() {
					return fmt.Errorf("%w: %s redirects back to %s", ErrRedirectLoop, via[len(via)-1].URL, req.URL)
				}
			}
			if len(via) > maxRedirects {
				return fmt.Errorf("%w: more than %d", ErrTooManyRedirects, maxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: %w", req.URL, errUnsupportedScheme)
			}
			return nil
		},
	}
	return &Fetcher{cfg: cfg, client: client, log: log, m: m}
}

// Fetch performs one GET. Non-2xx answers are *StatusError (304 only without validators); a body over
// the limit is ErrTooLarge; a 304 to a conditional request is a Response with NotModified.
func (f *Fetcher) Fetch(ctx context.Context, r Request) (*Response, error) {
	start := time.Now()
	resp, err := f.fetch(ctx, r)
	kind := r.Kind
	if kind == "" {
		kind = "page"
	}
	var n int
	if resp != nil {
		n = len(resp.Body)
	}
	f.m.observeFetch(kind, fetchResult(resp, err), time.Since(start), n)
	return resp, err
}

func (f *Fetcher) fetch(ctx context.Context, r Request) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.URL, nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", r.URL, err)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return nil, fmt.Errorf("fetch %s: %w", r.URL, errUnsupportedScheme)
	}
	req.Header.Set("User-Agent", f.cfg.UserAgent)
	accept := r.Accept
	if accept == "" {
		accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	}
	req.Header.Set("Accept", accept)
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	res, err := f.client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) { // drop its "Get \"url\":" prefix; ours names the URL already
			err = ue.Err
		}
		return nil, fmt.Errorf("fetch %s: %w", r.URL, err)
	}
	defer res.Body.Close()
	out := &Response{
		URL:      r.URL,
		FinalURL: res.Request.URL.String(),
		Status:   res.StatusCode,
		Header:   res.Header,
		Fetched:  time.Now().UTC(),
	}
	if res.StatusCode == http.StatusNotModified && (r.ETag != "" || r.LastModified != "") {
		out.NotModified = true
		return out, nil
	}
	if res.StatusCode < 200 || res.StatusCode > 299 {
		_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 4<<10)) // lets the connection be reused
		return nil, &StatusError{URL: r.URL, Code: res.StatusCode}
	}
	limit := r.MaxBytes
	if limit <= 0 {
		limit = f.cfg.MaxBodyBytes
	}
	if res.ContentLength > limit && !r.Truncate {
		return nil, fmt.Errorf("fetch %s: Content-Length %d over %d bytes: %w", r.URL, res.ContentLength, limit, ErrTooLarge)
	}
	body, err := io.ReadAll(io.LimitReader(res.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("fetch %s: read body: %w", r.URL, err)
	}
	if int64(len(body)) > limit {
		if !r.Truncate {
			return nil, fmt.Errorf("fetch %s: body over %d bytes: %w", r.URL, limit, ErrTooLarge)
		}
		body = body[:limit]
	}
	out.Body = body
	return out, nil
}

// CloseIdleConnections closes kept-alive connections, e.g. when the crawler stops.
func (f *Fetcher) CloseIdleConnections() { f.client.CloseIdleConnections() }

// fetchResult is the metrics label of a fetch outcome.
func fetchResult(resp *Response, err error) string {
	var se *StatusError
	var ne net.Error
	switch {
	case err == nil && resp.NotModified:
		return "not_modified"
	case err == nil:
		return "ok"
	case errors.As(err, &se):
		return fmt.Sprintf("%dxx", se.Code/100)
	case errors.Is(err, ErrTooLarge):
		return "too_large"
	case errors.Is(err, ErrRedirectLoop), errors.Is(err, ErrTooManyRedirects):
		return "redirects"
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	default:
		return "error"
	}
}

// isHTML reports whether a response is an HTML or XHTML page; with no usable Content-Type the body
// is sniffed.
func isHTML(contentType string, body []byte) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil || mt == "" || mt == "application/octet-stream" {
		mt, _, _ = mime.ParseMediaType(http.DetectContentType(body))
	}
	mt = strings.ToLower(mt)
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// permanent reports whether retrying a failed article fetch soon cannot help, so its URL claim is kept.
func permanent(err error) bool {
	var se *StatusError
	if errors.As(err, &se) {
		return se.Code >= 400 && se.Code < 500 && se.Code != http.StatusRequestTimeout && se.Code != http.StatusTooManyRequests
	}
	return errors.Is(err, ErrTooLarge) || errors.Is(err, ErrDisallowed) || errors.Is(err, ErrNotHTML) ||
		errors.Is(err, ErrRedirectLoop) || errors.Is(err, ErrTooManyRedirects) || errors.Is(err, errUnsupportedScheme)
}

func orDiscard(log *slog.Logger) *slog.Logger {
	if log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return log
}
