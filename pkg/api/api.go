// Package api serves newsmon's HTTP interface (docs/contracts.md §3): search, articles, quotes,
// timelines (as counts or as a share of all stories, and compared across collections of sources),
// what characterises a query (significant terms, top entities with their share), entity networks
// and profiles, alert rules and their live firings (SSE), place autocomplete, export, health,
// readiness, metrics, and the researcher's web page embedded from ui/. It reads the index only
// through Searcher and never writes articles; alert rules are stored through alert.Store.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/newsmon/newsmon/pkg/alert"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// Searcher is what the API needs from the index (index.Index satisfies it).
type Searcher interface {
	Search(ctx context.Context, q index.Query) (*index.Result, error)
	Get(ctx context.Context, id string) (*article.Article, error)
}

// Places completes place names for the region picker; the lead adapts pkg/geo to it.
type Places interface {
	Complete(prefix string, n int) []PlaceSuggestion
}

// PlaceSuggestion is one autocomplete answer.
type PlaceSuggestion struct {
	Name    string `json:"name"`
	Feature string `json:"feature"`
	Country string `json:"country"`
	Admin1  string `json:"admin1,omitempty"`
	ID      int    `json:"geonameid"`
}

// Config holds the API's dependencies. Only Searcher is required.
type Config struct {
	Searcher Searcher
	Rules    *alert.Store         // nil: rules are kept in memory, visible only to this process
	Hub      *alert.Hub           // nil: a private hub, so /api/alerts/events never fires
	Places   Places               // nil: /api/places answers no suggestions
	Registry *prometheus.Registry // served at /metrics; nil: a fresh registry with only the HTTP metrics
	Ready    func() error         // nil: always ready
	Status   func() any           // crawl status JSON; nil: {}
	// Sources answers /api/status's "sources" a page at a time (see SourcesQuery), replacing any
	// "sources" Status returns. nil: Status's sources are shown as they are.
	Sources func(q SourcesQuery) (SourcesPage, error)
	Log     *slog.Logger // nil: discard
	// Failures counts what was lost or is stuck — dead-lettered articles, alert deliveries that
	// failed — for /api/status's "failures", so the status view never says "all healthy" over
	// them. nil: not reported.
	Failures func(ctx context.Context) Failures
	// RegionCode maps the GeoNames id of a country or admin1 region to the code its places carry
	// ("CN", "CN.04"; pkg/geo's Gazetteer.RegionCode), so region=<id> matches everything inside
	// the region. nil: region=<id> matches the place with that id only.
	RegionCode func(id int) (string, bool)
	// RegionCodeOfName maps a country's or region's name in another language or script, or an
	// alias ("江苏", "Niedersachsen"), to its code likewise (pkg/geo's Gazetteer.RegionCodeOfName),
	// so region=江苏 matches what region=Jiangsu does. nil: such names match as written.
	RegionCodeOfName func(name string) (string, bool)
	// Guard sets tokens, rate limits and request time limits (see Guard).
	Guard Guard
	// Vocabulary is what alert rules may name (gazetteer places, event types): a rule naming
	// anything else is refused with 400 {"error", "suggestions"}, unless the index has articles
	// with that place (an unresolved name can match too). nil: rule values are not checked.
	Vocabulary *alert.Vocabulary
}

// maxBody bounds every request body.
const maxBody = 1 << 20

// heartbeatEvery is how often the SSE stream sends a comment so proxies keep it open.
const heartbeatEvery = 15 * time.Second

type server struct {
	cfg       Config
	log       *slog.Logger
	heartbeat time.Duration
	// backgrounds keeps the denominators of share timelines for a few seconds, so a comparison
	// of several queries over the same sources and period reads every article in them once.
	backgrounds *index.BackgroundCache
}

// backgroundTTL is how long a share timeline's background is reused: new articles reach shares
// at most this late.
const backgroundTTL = 15 * time.Second

// New returns the handler for every route of the API and the web page.
func New(cfg Config) (http.Handler, error) {
	if cfg.Searcher == nil {
		return nil, errors.New("api: Config.Searcher is required")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Rules == nil {
		cfg.Rules = alert.NewStore(alert.NewMemoryKV())
	}
	if cfg.Hub == nil {
		cfg.Hub = alert.NewHub(100)
	}
	if cfg.Registry == nil {
		cfg.Registry = prometheus.NewRegistry()
	}
	if cfg.RegionCode != nil || cfg.RegionCodeOfName != nil {
		cfg.Searcher = regionCodeSearcher{Searcher: cfg.Searcher, code: cfg.RegionCode, named: cfg.RegionCodeOfName}
	}
	m, err := newMetrics(cfg.Registry)
	if err != nil {
		return nil, fmt.Errorf("api metrics: %w", err)
	}
	s := &server{cfg: cfg, log: cfg.Log.With("component", "api"), heartbeat: heartbeatEvery,
		backgrounds: index.NewBackgroundCache(backgroundTTL)}
	return s.routes(m)
}

func (s *server) routes(m *metrics) (http.Handler, error) {
	ui, err := fs.Sub(uiFS, "ui")
	if err != nil {
		return nil, fmt.Errorf("api ui assets: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/search", s.search)
	mux.HandleFunc("GET /api/articles/{id}", s.articleByID)
	mux.HandleFunc("GET /api/quotes", s.quotes)
	mux.HandleFunc("GET /api/timeline", s.timeline)
	mux.HandleFunc("GET /api/terms", s.terms)
	mux.HandleFunc("GET /api/network", s.network)
	mux.HandleFunc("GET /api/facets", s.facets)
	mux.HandleFunc("GET /api/compare", s.compare)
	mux.HandleFunc("GET /api/entities/{id}", s.entity)
	mux.HandleFunc("GET /api/alerts", s.listAlerts)
	mux.HandleFunc("POST /api/alerts", s.createAlert)
	mux.HandleFunc("DELETE /api/alerts", s.deleteAlert) // ?id=, docs/contracts.md §3
	mux.HandleFunc("POST /api/alerts/test", s.testAlert)
	mux.HandleFunc("GET /api/alerts/events", s.alertEvents)
	mux.HandleFunc("GET /api/alerts/{id}", s.getAlert)
	mux.HandleFunc("PUT /api/alerts/{id}", s.putAlert)
	mux.HandleFunc("DELETE /api/alerts/{id}", s.deleteAlert)
	mux.HandleFunc("GET /api/places", s.places)
	mux.HandleFunc("GET /api/status", s.status)
	mux.HandleFunc("GET /api/export", s.export)
	mux.HandleFunc("GET /api/geo", s.geo)
	mux.HandleFunc("POST /api/login", s.login)
	mux.HandleFunc("POST /api/logout", s.logout)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.Method+" "+r.URL.Path)
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok"))
	})
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.cfg.Registry, promhttp.HandlerOpts{}))
	mux.Handle("GET /{$}", uiHeaders(serveFile(ui, "index.html")))
	mux.Handle("GET /static/", uiHeaders(http.StripPrefix("/static/", http.FileServerFS(ui))))
	return m.instrument(s.recoverer(s.guard(mux))), nil
}

func (s *server) readyz(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Ready != nil {
		if err := s.cfg.Ready(); err != nil {
			writeError(w, http.StatusServiceUnavailable, "not ready: "+err.Error())
			return
		}
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok"))
}

// Failures is the "failures" member of /api/status.
type Failures struct {
	// DeadLetters is the number of messages kept in the dead-letter stream (newsmon.dead.<stage>):
	// articles a stage gave up on, with the reason in their headers.
	DeadLetters uint64 `json:"dead_letters"`
	// Deliveries counts alert deliveries (webhooks, e-mail) that failed or were dropped since this
	// process started; absent when this process does not deliver alerts.
	Deliveries *DeliveryFailures `json:"deliveries,omitempty"`
	// Errors says which counts could not be read (they are 0 then).
	Errors []string `json:"errors,omitempty"`
}

// DeliveryFailures counts alert deliveries that did not arrive.
type DeliveryFailures struct {
	Failed  uint64 `json:"failed"`  // every attempt failed, or the failure was permanent
	Dropped uint64 `json:"dropped"` // never attempted (queue full)
}

func (s *server) status(w http.ResponseWriter, r *http.Request) {
	q, err := sourcesQuery(&params{v: r.URL.Query()})
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	v := map[string]any{}
	if s.cfg.Status != nil {
		if st := s.cfg.Status(); st != nil {
			// Re-read as an object so failures can sit beside whatever the status holds.
			b, err := json.Marshal(st)
			if err == nil {
				err = json.Unmarshal(b, &v)
			}
			if err != nil {
				writeError(w, http.StatusInternalServerError, "status: "+err.Error())
				return
			}
		}
	}
	if err := s.addSources(q, v); err != nil {
		writeError(w, http.StatusInternalServerError, "status: "+err.Error())
		return
	}
	if s.cfg.Failures != nil {
		v["failures"] = s.cfg.Failures(r.Context())
	}
	writeJSON(w, http.StatusOK, v)
}

func (s *server) places(w http.ResponseWriter, r *http.Request) {
	prefix := r.URL.Query().Get("prefix")
	n, err := intParam(r.URL.Query(), "n", 10, 1, 50)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	out := []PlaceSuggestion{}
	if s.cfg.Places != nil && len(prefix) > 0 && len(prefix) <= 100 {
		if got := s.cfg.Places.Complete(prefix, n); got != nil {
			out = got
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"places": out})
}

// recoverer turns a panic into a 500 so no input can take the server down.
func (s *server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec, ok := w.(*statusRecorder)
		if !ok {
			rec = &statusRecorder{ResponseWriter: w}
		}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("api handler panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v))
				if !rec.wrote {
					writeError(rec, http.StatusInternalServerError, "internal error")
				}
			}
		}()
		next.ServeHTTP(rec, r)
	})
}

func serveFile(fsys fs.FS, name string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.ServeFileFS(w, r, fsys, name)
	})
}

// writeJSON writes v as the JSON response.
func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "encode response: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	_, _ = w.Write(append(b, '\n'))
}

// writeError writes {"error": msg}.
func writeError(w http.ResponseWriter, code int, msg string) {
	b, _ := json.Marshal(map[string]string{"error": msg})
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	_, _ = w.Write(append(b, '\n'))
}

// decodeBody reads a JSON request body of at most maxBody bytes into v, rejecting unknown fields.
func decodeBody(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return fmt.Errorf("request body larger than %d bytes", maxBody)
		}
		return fmt.Errorf("invalid JSON body: %w", err)
	}
	if dec.More() {
		return errors.New("invalid JSON body: more than one value")
	}
	return nil
}
