// Package elastic is the Elasticsearch index backend: enriched articles in an Elasticsearch 8 (or
// OpenSearch 2.x) cluster behind a write alias, written with _bulk and searched with the same
// query features as the embedded bleve backend. It owns the index template, the concrete indices
// and the alias; it never changes the articles it stores.
//
// It speaks to the cluster with go-elasticsearch's esapi request types over elastic-transport-go,
// not the root client: the root package and esutil pull in ~850 generated typedapi packages
// (1072 packages in the dependency graph against 210 for esapi + elastictransport), and the root
// client refuses servers that do not send X-Elastic-Product: Elasticsearch (OpenSearch).
//
// Documents are the article JSON as it is, plus derived fields (keys.*, ml.*, places[].location)
// that Get and Search drop when decoding, so _source round-trips the article.
package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/elastic/elastic-transport-go/v8/elastictransport"
	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// DefaultAlias is the alias articles are written to and searched through.
const DefaultAlias = "newsmon-articles"

// DefaultMaxRetries bounds the retries of a request (and of rejected bulk items).
const DefaultMaxRetries = 3

// Config says where the cluster is and how to lay out the index.
type Config struct {
	URLs     []string // cluster nodes, e.g. http://127.0.0.1:9200
	Index    string   // the alias name; concrete indices are <Index>-000001, …; default DefaultAlias
	Username string
	Password string
	APIKey   string
	// Refresh makes Put wait until the batch is searchable (refresh=wait_for): for tests and
	// read-your-writes tools, not for throughput.
	Refresh bool
	// MaxRetries bounds retries of 429/5xx answers and transport errors, for whole requests and
	// for rejected bulk items; 0 means DefaultMaxRetries, <0 means none.
	MaxRetries int
	Shards     int // primary shards of new indices; 0 means 1
	Replicas   int // replicas of new indices, as given (0 suits a single node)
	// Period "" keeps one index behind the alias (<Index>-000001, replaced by SwitchAlias);
	// PeriodMonth writes each article to the index of its published month (<Index>-2026.11),
	// all of them behind the alias for search. Get is then a search by id, near-real-time as
	// searches are (a document GET needs a single index).
	Period string
	// Retain, with a Period, keeps that many periods (the current one included) and deletes the
	// indices of older ones; 0 keeps everything.
	Retain int

	// Transport replaces the HTTP round tripper (tests, custom TLS); nil means http.DefaultTransport.
	Transport http.RoundTripper
}

// Validate reports every problem of the config.
func (c Config) Validate() error {
	var errs []error
	if len(c.URLs) == 0 {
		errs = append(errs, errors.New("no Elasticsearch URL"))
	}
	for _, u := range c.URLs {
		if p, err := url.Parse(u); err != nil || p.Scheme == "" || p.Host == "" {
			errs = append(errs, fmt.Errorf("bad Elasticsearch URL %q", u))
		}
	}
	if c.Index != "" && (c.Index != strings.ToLower(c.Index) || strings.ContainsAny(c.Index, `*?"<>|, /\#:`)) {
		errs = append(errs, fmt.Errorf("bad index alias %q: lower case, no wildcards or separators", c.Index))
	}
	if c.Shards < 0 || c.Replicas < 0 {
		errs = append(errs, errors.New("shards and replicas must be >= 0"))
	}
	if c.Period != "" && c.Period != PeriodMonth {
		errs = append(errs, fmt.Errorf("index period %q: want %q or none", c.Period, PeriodMonth))
	}
	if c.Retain < 0 || (c.Retain > 0 && c.Period == "") {
		errs = append(errs, errors.New("retention needs an index period and is 0 (keep all) or more"))
	}
	return errors.Join(errs...)
}

// Index is an index.Index on an Elasticsearch alias. It is safe for concurrent use.
type Index struct {
	tp         esapi.Transport
	alias      string
	refresh    bool
	maxRetries int
	shards     int
	replicas   int
	log        *slog.Logger
	backoff    func(attempt int) time.Duration // wait before retry attempt (1-based)

	period  string           // Config.Period
	retain  int              // Config.Retain
	now     func() time.Time // the clock that names the current period
	mu      sync.Mutex
	written map[string]bool // period indices this process wrote to (under mu)
}

var _ index.Index = (*Index)(nil)

// New connects to the cluster and makes sure the index template, a first concrete index
// (<alias>-000001) and the write alias exist. It is safe to call from several processes at once.
func New(ctx context.Context, cfg Config, log *slog.Logger) (*Index, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("elasticsearch config: %w", err)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	x, err := newIndex(cfg, log)
	if err != nil {
		return nil, err
	}
	if err := x.ensure(ctx); err != nil {
		return nil, err
	}
	return x, nil
}

func newIndex(cfg Config, log *slog.Logger) (*Index, error) {
	var urls []*url.URL
	for _, u := range cfg.URLs {
		p, err := url.Parse(strings.TrimRight(u, "/"))
		if err != nil {
			return nil, fmt.Errorf("elasticsearch url %q: %w", u, err)
		}
		urls = append(urls, p)
	}
	tp, err := elastictransport.New(elastictransport.Config{
		URLs: urls, Username: cfg.Username, Password: cfg.Password, APIKey: cfg.APIKey,
		Transport:    cfg.Transport,
		DisableRetry: true, // retries are ours: bounded, with jitter, and per bulk item
	})
	if err != nil {
		return nil, fmt.Errorf("elasticsearch transport: %w", err)
	}
	x := &Index{
		tp: tp, alias: cfg.Index, refresh: cfg.Refresh, maxRetries: cfg.MaxRetries,
		shards: max(cfg.Shards, 1), replicas: cfg.Replicas,
		log: log.With("component", "index.elastic"), backoff: jitteredBackoff,
		period: cfg.Period, retain: cfg.Retain, now: time.Now, written: map[string]bool{},
	}
	if x.alias == "" {
		x.alias = DefaultAlias
	}
	switch {
	case x.maxRetries == 0:
		x.maxRetries = DefaultMaxRetries
	case x.maxRetries < 0:
		x.maxRetries = 0
	}
	return x, nil
}

// Alias returns the alias the index writes to and searches.
func (x *Index) Alias() string { return x.alias }

// Close releases nothing: the transport's idle connections go with the process.
func (x *Index) Close() error { return nil }

// jitteredBackoff waits 100ms·2^(attempt-1), capped at 5s, with the upper half jittered so
// rejected writers do not come back in step.
func jitteredBackoff(attempt int) time.Duration {
	d := min(100*time.Millisecond<<min(attempt-1, 10), 5*time.Second)
	return d/2 + rand.N(d/2+1)
}

func (x *Index) sleep(ctx context.Context, attempt int) error {
	t := time.NewTimer(x.backoff(attempt))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// StatusError is a non-2xx answer from the cluster, with Elasticsearch's error type and reason.
type StatusError struct {
	Op     string // e.g. "bulk", "search newsmon-articles"
	Status int
	Type   string // e.g. es_rejected_execution_exception
	Reason string
}

func (e *StatusError) Error() string {
	if e.Type == "" {
		return fmt.Sprintf("elasticsearch %s: status %d", e.Op, e.Status)
	}
	return fmt.Sprintf("elasticsearch %s: status %d: %s: %s", e.Op, e.Status, e.Type, e.Reason)
}

// esError is the "error" object of an Elasticsearch answer or bulk item.
type esError struct {
	Type     string   `json:"type"`
	Reason   string   `json:"reason"`
	CausedBy *esError `json:"caused_by"`
}

func (e *esError) String() string {
	if e == nil {
		return ""
	}
	s := e.Type + ": " + e.Reason
	if e.CausedBy != nil {
		s += " (caused by " + e.CausedBy.String() + ")"
	}
	return s
}

func statusError(op string, status int, body []byte) *StatusError {
	se := &StatusError{Op: op, Status: status}
	var env struct {
		Error json.RawMessage `json:"error"`
	}
	if json.Unmarshal(body, &env) == nil && len(env.Error) > 0 {
		var e esError
		if json.Unmarshal(env.Error, &e) == nil && e.Type != "" {
			se.Type, se.Reason = e.Type, e.Reason
			if e.CausedBy != nil {
				se.Reason += " (caused by " + e.CausedBy.String() + ")"
			}
		} else {
			var s string
			_ = json.Unmarshal(env.Error, &s)
			se.Reason = s
		}
	}
	return se
}

// retryable reports whether an HTTP status means "try again later".
func retryable(status int) bool {
	return status == http.StatusTooManyRequests || status == http.StatusBadGateway ||
		status == http.StatusServiceUnavailable || status == http.StatusGatewayTimeout ||
		status == http.StatusInternalServerError
}

// do sends the request built by mk (a new one per attempt, so bodies are fresh), retrying
// transport errors and 429/5xx answers up to maxRetries times. It returns the status and body of
// the last answer; non-retryable statuses are returned, not turned into errors.
func (x *Index) do(ctx context.Context, op string, mk func() esapi.Request) (int, []byte, error) {
	for attempt := 0; ; attempt++ {
		status, body, err := x.once(ctx, mk())
		switch {
		case err != nil && ctx.Err() != nil:
			return 0, nil, fmt.Errorf("elasticsearch %s: %w", op, ctx.Err())
		case err == nil && !retryable(status):
			return status, body, nil
		case attempt >= x.maxRetries:
			if err != nil {
				return 0, nil, fmt.Errorf("elasticsearch %s: %w", op, err)
			}
			return 0, nil, statusError(op, status, body)
		}
		x.log.Warn("elasticsearch request retried", "op", op, "status", status, "error", err, "attempt", attempt+1)
		if err := x.sleep(ctx, attempt+1); err != nil {
			return 0, nil, fmt.Errorf("elasticsearch %s: %w", op, err)
		}
	}
}

func (x *Index) once(ctx context.Context, req esapi.Request) (int, []byte, error) {
	res, err := req.Do(ctx, x.tp)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return 0, nil, fmt.Errorf("read answer: %w", err)
	}
	return res.StatusCode, body, nil
}

// ensure creates (or updates) the index template, and creates the first index with the write
// alias if the alias does not exist yet (the periodic layout: see ensurePeriodic).
func (x *Index) ensure(ctx context.Context) error {
	if x.periodic() {
		return x.ensurePeriodic(ctx)
	}
	if err := x.putTemplate(ctx, templateBody(x.alias+"-*", x.shards, x.replicas)); err != nil {
		return err
	}
	if ok, err := x.aliasExists(ctx); err != nil {
		return err
	} else if ok {
		x.upgradeMappings(ctx)
		return nil
	}
	first := x.alias + "-000001"
	create, _ := json.Marshal(map[string]any{"aliases": map[string]any{x.alias: map[string]any{"is_write_index": true}}})
	status, body, err := x.do(ctx, "create index "+first, func() esapi.Request {
		return esapi.IndicesCreateRequest{Index: first, Body: bytes.NewReader(create)}
	})
	if err != nil {
		return err
	}
	if status/100 == 2 {
		x.log.Info("elasticsearch index created", "index", first, "alias", x.alias)
		return nil
	}
	if se := statusError("create index "+first, status, body); se.Type != "resource_already_exists_exception" {
		return se
	}
	// Another process created the index first; it adds the alias in the same request.
	if ok, err := x.aliasExists(ctx); err != nil || ok {
		return err
	}
	return x.SwitchAlias(ctx, first)
}

// upgradeMappings adds the template's fields to the indices behind an existing alias. The
// template only shapes indices created after it, and with dynamic mapping off, a field added in a
// newer version (keys.locations, …) would stay unsearchable on older indices; adding fields to a
// mapping is allowed, so new documents are indexed fully at once (older ones when rewritten). A
// failure (a field whose type changed) is logged, not fatal: searches still work on the rest.
func (x *Index) upgradeMappings(ctx context.Context) {
	tmpl := templateBody(x.alias+"-*", x.shards, x.replicas)
	mappings, err := json.Marshal(tmpl["template"].(map[string]any)["mappings"])
	if err != nil {
		x.log.Warn("elasticsearch mapping upgrade skipped", "alias", x.alias, "error", err)
		return
	}
	op := "put mapping " + x.alias
	status, body, err := x.do(ctx, op, func() esapi.Request {
		return esapi.IndicesPutMappingRequest{Index: []string{x.alias}, Body: bytes.NewReader(mappings)}
	})
	if err == nil && status/100 != 2 {
		err = statusError(op, status, body)
	}
	if err != nil {
		x.log.Warn("elasticsearch mapping upgrade failed", "alias", x.alias, "version", templateVersion, "error", err)
	}
}

func (x *Index) aliasExists(ctx context.Context) (bool, error) {
	status, body, err := x.do(ctx, "get alias "+x.alias, func() esapi.Request {
		return esapi.IndicesExistsAliasRequest{Name: []string{x.alias}}
	})
	switch {
	case err != nil:
		return false, err
	case status == http.StatusOK:
		return true, nil
	case status == http.StatusNotFound:
		return false, nil
	}
	return false, statusError("get alias "+x.alias, status, body)
}

// aliasIndices lists the concrete indices the alias points at.
func (x *Index) aliasIndices(ctx context.Context) ([]string, error) {
	op := "get alias " + x.alias
	status, body, err := x.do(ctx, op, func() esapi.Request {
		return esapi.IndicesGetAliasRequest{Name: []string{x.alias}}
	})
	if err != nil {
		return nil, err
	}
	if status == http.StatusNotFound {
		return nil, nil
	}
	if status/100 != 2 {
		return nil, statusError(op, status, body)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, fmt.Errorf("elasticsearch %s: decode: %w", op, err)
	}
	out := make([]string, 0, len(m))
	for name := range m {
		out = append(out, name)
	}
	return out, nil
}

// SwitchAlias points the alias (reads and writes) at newIndex alone, atomically, creating
// newIndex first if it does not exist; a name matching <alias>-* gets the template's mappings.
// This is the last step of a reindex: create the new index, fill it (Elasticsearch's _reindex:
// the bus keeps no copy of indexed articles), then switch. It is for the single-index layout; the
// monthly layout (Config.Period) names its indices itself.
func (x *Index) SwitchAlias(ctx context.Context, newIndex string) error {
	op := "create index " + newIndex
	status, body, err := x.do(ctx, op, func() esapi.Request { return esapi.IndicesCreateRequest{Index: newIndex} })
	if err != nil {
		return err
	}
	if status/100 != 2 {
		if se := statusError(op, status, body); se.Type != "resource_already_exists_exception" {
			return se
		}
	}
	old, err := x.aliasIndices(ctx)
	if err != nil {
		return err
	}
	var actions []map[string]any
	for _, name := range old {
		if name != newIndex {
			actions = append(actions, map[string]any{"remove": map[string]any{"index": name, "alias": x.alias}})
		}
	}
	actions = append(actions, map[string]any{"add": map[string]any{"index": newIndex, "alias": x.alias, "is_write_index": true}})
	req, _ := json.Marshal(map[string]any{"actions": actions})
	op = "switch alias " + x.alias + " to " + newIndex
	status, body, err = x.do(ctx, op, func() esapi.Request {
		return esapi.IndicesUpdateAliasesRequest{Body: bytes.NewReader(req)}
	})
	if err != nil {
		return err
	}
	if status/100 != 2 {
		return statusError(op, status, body)
	}
	x.log.Info("elasticsearch alias switched", "alias", x.alias, "index", newIndex, "from", old)
	return nil
}

// Engine names the server ("elasticsearch", "opensearch") and its version, for logs and readiness.
func (x *Index) Engine(ctx context.Context) (name, version string, err error) {
	status, body, err := x.do(ctx, "info", func() esapi.Request { return esapi.InfoRequest{} })
	if err != nil {
		return "", "", err
	}
	if status/100 == 2 {
		var info struct {
			Version struct {
				Number       string `json:"number"`
				Distribution string `json:"distribution"`
			} `json:"version"`
		}
		if err := json.Unmarshal(body, &info); err != nil {
			return "", "", fmt.Errorf("elasticsearch info: decode: %w", err)
		}
		name = info.Version.Distribution // set by OpenSearch only
		if name == "" {
			name = "elasticsearch"
		}
		return name, info.Version.Number, nil
	}
	// A node without the rest-root module (GET / unavailable) still reports its version here.
	status, body, err = x.do(ctx, "nodes info", func() esapi.Request {
		return esapi.NodesInfoRequest{NodeID: []string{"_local"}, FilterPath: []string{"nodes.*.version"}}
	})
	if err != nil {
		return "", "", err
	}
	if status/100 != 2 {
		return "", "", statusError("nodes info", status, body)
	}
	var nodes struct {
		Nodes map[string]struct {
			Version string `json:"version"`
		} `json:"nodes"`
	}
	if err := json.Unmarshal(body, &nodes); err != nil {
		return "", "", fmt.Errorf("elasticsearch nodes info: decode: %w", err)
	}
	for _, n := range nodes.Nodes {
		return "elasticsearch", n.Version, nil
	}
	return "", "", errors.New("elasticsearch nodes info: no node")
}

// Get returns the stored article, or index.ErrNotFound.
func (x *Index) Get(ctx context.Context, id string) (*article.Article, error) {
	if x.periodic() {
		return x.getBySearch(ctx, id)
	}
	op := "get " + id
	status, body, err := x.do(ctx, op, func() esapi.Request {
		return esapi.GetRequest{Index: x.alias, DocumentID: id, SourceExcludes: derivedFields}
	})
	if err != nil {
		return nil, err
	}
	var res struct {
		Found  bool            `json:"found"`
		Source json.RawMessage `json:"_source"`
	}
	if status == http.StatusNotFound {
		if json.Unmarshal(body, &res) == nil && !res.Found && bytes.Contains(body, []byte(`"found"`)) {
			return nil, index.ErrNotFound
		}
		return nil, statusError(op, status, body)
	}
	if status/100 != 2 {
		return nil, statusError(op, status, body)
	}
	if err := json.Unmarshal(body, &res); err != nil {
		return nil, fmt.Errorf("elasticsearch %s: decode: %w", op, err)
	}
	if !res.Found {
		return nil, index.ErrNotFound
	}
	var a article.Article
	if err := json.Unmarshal(res.Source, &a); err != nil {
		return nil, fmt.Errorf("elasticsearch %s: decode article: %w", op, err)
	}
	return &a, nil
}

// derivedFields are the document fields that are not part of the article.
var derivedFields = []string{"keys", "ml", "places.location"}
