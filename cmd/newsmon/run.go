package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"os"
	"regexp"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsmon/newsmon/internal/demo"
	"github.com/newsmon/newsmon/internal/netguard"
	"github.com/newsmon/newsmon/internal/rungroup"
	"github.com/newsmon/newsmon/pkg/alert"
	"github.com/newsmon/newsmon/pkg/api"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/crawl"
	"github.com/newsmon/newsmon/pkg/extract/extractors"
	"github.com/newsmon/newsmon/pkg/geo"
	"github.com/newsmon/newsmon/pkg/index"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// service is one process's share of newsmon: which stages it runs and what they need. run turns
// everything on; the worker commands turn on one stage each.
type service struct {
	o       options
	log     *slog.Logger
	stdout  io.Writer
	crawl   bool
	extract bool
	index   bool
	serve   bool
	// embedded allows starting an in-process NATS when no --nats-url is given.
	embedded bool
	// serveIfHTTP turns serve on when an --http address is given.
	serveIfHTTP bool
	// noAlerts indexes without running the alert rules (an import back-fills with them off).
	noAlerts bool
	// onIndexed, when set, observes each article once it is indexed (import counts them).
	onIndexed func(a *article.Article, at time.Time)
	// job, when set, runs beside the stages once they are wired (import feeds them). When it
	// returns, the service stops, unless it serves: then it serves until ctx ends.
	job func(ctx context.Context, stages *pipeline.Stages, crawlCfg crawl.Config, idx index.Index) error
}

// errJobDone ends the service's stages once its job has finished.
var errJobDone = errors.New("job done")

func cmdRun(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	s := service{stdout: stdout, crawl: true, extract: true, index: true, serve: true, embedded: true}
	return s.main(ctx, "run", httpFlags|pipelineFlags|workerFlags|listenFlags, args, stderr)
}

func cmdCrawl(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	s := service{stdout: stdout, crawl: true}
	return s.main(ctx, "crawl", pipelineFlags, args, stderr)
}

func cmdExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	s := service{stdout: stdout, extract: true}
	return s.main(ctx, "extract", pipelineFlags|workerFlags, args, stderr)
}

// cmdIndex runs the indexer; with --http it also serves the API, which the embedded bleve index
// needs (one process owns a bleve folder), while with Elasticsearch serve can run anywhere.
func cmdIndex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	s := service{stdout: stdout, index: true, serveIfHTTP: true}
	return s.main(ctx, "index", pipelineFlags|httpOptionalFlags, args, stderr)
}

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	s := service{stdout: stdout, serve: true}
	return s.main(ctx, "serve", httpFlags|pipelineFlags, args, stderr)
}

func (s *service) main(ctx context.Context, name string, flags flagGroup, args []string, stderr io.Writer) error {
	fs := newFlagSet(name, stderr)
	s.o.register(fs, flags)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if s.serveIfHTTP {
		s.serve = s.o.httpAddr != ""
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("unexpected arguments: %v", fs.Args())}
	}
	s.log = s.o.logger(stderr)
	return s.run(ctx)
}

// shutdownGrace is how long requests in flight may still run once the HTTP server shuts down;
// then their contexts end, which closes the long-lived ones (alert event streams).
const shutdownGrace = 500 * time.Millisecond

// usesDataDir reports whether this process keeps anything in --data: the embedded NATS store or
// the embedded bleve index.
func (s *service) usesDataDir() bool {
	return s.o.natsURL == "" && s.embedded || (s.index || s.serve) && s.o.esURL == ""
}

// limitMemory sets a soft memory limit, which makes the collector work harder before the heap grows
// past what a single-machine setup should take. Measured with `newsmon bench --articles 5000
// --rate 300` (the embedded NATS server alone keeps ~110 MB of 8 MB block caches while streams are
// written): peak RSS 422 MB with 350 MiB, 385 MB with 300 MiB for 7% more CPU per article.
// GOMEMLIMIT, when set, wins.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(300 << 20)
	}
}

// run starts the service's stages one after the other, each as an actor of one group, runs them
// until ctx ends or one fails, and then stops them, the last started first.
func (s *service) run(ctx context.Context) error {
	limitMemory()
	w := &wiring{s: s, o: &s.o, log: s.log}
	var g rungroup.Group
	defer g.Stop()
	// The checks a user's first run can fail come first, so that the message names the path or
	// address and the cause (not, after 10 s, the embedded NATS server's "not ready"), and a second
	// run on the same data exits at once instead of hanging on the locks. Then each stage starts,
	// in the order the ones after it need it.
	for _, st := range []struct {
		on    bool
		start func(context.Context) (rungroup.Actor, error)
	}{
		{s.usesDataDir(), w.lockDataDir},
		{s.serve, w.listenHTTP},
		{s.o.natsURL == "" && s.embedded && s.o.natsListen != "", w.checkNATSListen},
		{s.o.demo, w.startDemoSite},
		{true, w.loadPipeline},
		{true, w.startBus},
		{s.extract || s.serve || s.index, w.loadGazetteer},
		{s.crawl, w.startCrawler},
		{s.extract, w.startExtract},
		{s.index || s.serve, w.openIndex},
		{s.index, w.startIndex},
		{s.serve, w.startHTTP},
		{s.job != nil, w.startJob},
	} {
		if !st.on {
			continue
		}
		a, err := st.start(ctx)
		if err != nil {
			return err
		}
		g.Add(a)
	}
	w.log.Info("newsmon started", "crawl", s.crawl, "extract", s.extract, "index", s.index, "serve", s.serve)
	err := g.Run(ctx)
	if errors.Is(err, errJobDone) {
		err = nil
	}
	w.log.Info("newsmon stopped")
	if ctx.Err() != nil && errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

// wiring is what the stages of one process share, filled in as they start (see service.run for
// the order).
type wiring struct {
	s   *service
	o   *options
	log *slog.Logger

	httpLn  net.Listener   // bound before anything starts (listenHTTP)
	proxies []netip.Prefix // --trust-proxy
	vars    map[string]string
	spec    *pipeline.Spec // nil when a serve-only process keeps the default pipeline
	// crawlCfg is the pipeline's crawl settings, parsed once: the crawler runs on them, the index
	// stage keeps alert marks for their dedup window and an import shares the crawler's store.
	crawlCfg  crawl.Config
	reg       *prometheus.Registry
	bus       *bus.Bus
	stages    *pipeline.Stages
	gaz       *geo.Gazetteer
	idx       index.Index
	rules     *alert.Store
	crawler   *crawl.Crawler   // nil unless this process crawls
	deliverer *alert.Deliverer // webhooks and e-mail, in the process that matches alerts
}

// lockDataDir checks the data folder and holds its lock until the process stops.
func (w *wiring) lockDataDir(context.Context) (rungroup.Actor, error) {
	release, err := prepareDataDir(w.o.dataDir)
	if err != nil {
		return rungroup.Actor{}, err
	}
	return rungroup.Actor{Stop: release}, nil
}

// listenHTTP binds --http (and checks --trust-proxy) before anything starts.
func (w *wiring) listenHTTP(context.Context) (rungroup.Actor, error) {
	var err error
	if w.proxies, err = netguard.ParseAllow(splitList(w.o.trustProxy)); err != nil {
		return rungroup.Actor{}, usageError{fmt.Errorf("--trust-proxy: %w", err)}
	}
	if w.httpLn, err = checkListen("http", w.o.httpAddr); err != nil {
		return rungroup.Actor{}, err
	}
	return rungroup.Actor{Stop: func() { _ = w.httpLn.Close() }}, nil
}

// checkNATSListen checks that --nats-listen can be bound; the embedded server binds it itself.
func (w *wiring) checkNATSListen(context.Context) (rungroup.Actor, error) {
	ln, err := checkListen("nats-listen", w.o.natsListen)
	if err != nil {
		return rungroup.Actor{}, err
	}
	_ = ln.Close()
	return rungroup.Actor{}, nil
}

// startDemoSite serves the bundled demo news site, whose address the demo pipeline crawls.
func (w *wiring) startDemoSite(context.Context) (rungroup.Actor, error) {
	site, err := demo.Start("127.0.0.1:0")
	if err != nil {
		return rungroup.Actor{}, fmt.Errorf("demo site: %w", err)
	}
	w.vars = map[string]string{"DEMO_URL": site.URL()}
	fmt.Fprintf(w.s.stdout, "newsmon: demo news site at %s\n", site.URL())
	if w.o.pipeline == "" {
		w.o.pipeline = "demo"
	}
	return rungroup.Actor{Stop: func() { _ = site.Close() }}, nil
}

// loadPipeline reads the pipeline file, which every stage but serve needs (serve reads one only
// when given: for its alert rules).
func (w *wiring) loadPipeline(context.Context) (rungroup.Actor, error) {
	o, s := w.o, w.s
	if o.pipeline == "" {
		o.pipeline = "pipelines/world-news.yaml"
	}
	if !(s.crawl || s.extract || s.index || o.pipeline != "pipelines/world-news.yaml") {
		return rungroup.Actor{}, nil
	}
	spec, err := loadPipeline(o.pipeline, w.vars)
	if err != nil {
		return rungroup.Actor{}, err
	}
	w.spec = spec
	w.crawlCfg, err = spec.CrawlConfig()
	return rungroup.Actor{}, err
}

// startBus connects to NATS (or starts the embedded one) and sets up the stage runners on it.
func (w *wiring) startBus(ctx context.Context) (rungroup.Actor, error) {
	w.reg = newRegistry()
	b, closeBus, err := connectBus(ctx, w.o, w.s.embedded, w.log, w.s.stdout)
	if err != nil {
		return rungroup.Actor{}, err
	}
	w.bus = b
	w.stages = &pipeline.Stages{Bus: b, Log: w.log, Metrics: pipeline.NewMetrics(w.reg), AckWait: w.o.ackWait,
		OnIndexed: w.s.onIndexed}
	return rungroup.Actor{Stop: closeBus}, nil
}

// loadGazetteer loads the embedded gazetteer, for geo extraction, alert regions and the API.
func (w *wiring) loadGazetteer(context.Context) (rungroup.Actor, error) {
	var err error
	if w.gaz, err = geo.Default(); err != nil {
		return rungroup.Actor{}, fmt.Errorf("gazetteer: %w", err)
	}
	return rungroup.Actor{}, nil
}

// startCrawler polls the pipeline's sources and publishes their articles.
func (w *wiring) startCrawler(ctx context.Context) (rungroup.Actor, error) {
	// Claims and content hashes mean nothing after the dedup window, so the bucket drops them
	// then; they are packed many to a key, so that the NATS server's memory does not grow with
	// the articles of the window. Feed validators are rewritten at every poll.
	store, err := w.bus.CrawlKV(ctx, w.crawlCfg.DedupWindow)
	if err != nil {
		return rungroup.Actor{}, err
	}
	w.crawler, err = crawl.New(w.crawlCfg, w.spec.CrawlSources(), store, w.stages.CrawlSink(store), w.log, w.reg)
	if err != nil {
		return rungroup.Actor{}, err
	}
	return rungroup.Actor{Run: w.crawler.Run}, nil
}

// startExtract runs the pipeline's extractors on fetched articles.
func (w *wiring) startExtract(context.Context) (rungroup.Actor, error) {
	chain, err := extractors.Build(w.spec.Extract.Extractors, w.gaz, w.stages.Metrics.ObserveExtractor)
	if err != nil {
		return rungroup.Actor{}, err
	}
	workers := w.o.workers
	if workers <= 0 {
		workers = w.spec.Extract.Workers
	}
	if workers <= 0 {
		workers = 4 * runtime.NumCPU() // each waits on NATS round trips between articles
	}
	return rungroup.Actor{Run: func(ctx context.Context) error { return w.stages.RunExtract(ctx, chain, workers) }}, nil
}

// openIndex opens the index and the alert rules (seeded from the pipeline), which the index stage
// writes and the API reads.
func (w *wiring) openIndex(ctx context.Context) (rungroup.Actor, error) {
	idx, err := openIndex(ctx, w.o, w.log)
	if err != nil {
		return rungroup.Actor{}, fmt.Errorf("index: %w", err)
	}
	w.idx = idx
	stop := rungroup.Actor{Stop: func() { _ = idx.Close() }}
	rulesKV, err := w.bus.KV(ctx, bus.BucketAlertRules, 0)
	if err != nil {
		return stop, err
	}
	w.rules = alert.NewStore(rulesKV)
	if w.spec != nil {
		if err := seedRules(ctx, w.rules, w.spec.Alerts); err != nil {
			return stop, err
		}
	}
	return stop, nil
}

// startIndex indexes enriched articles and, unless alerts are off, matches them against the alert
// rules and delivers what fires by webhook and e-mail.
func (w *wiring) startIndex(ctx context.Context) (rungroup.Actor, error) {
	batch := 100
	if w.spec != nil && w.spec.Index.Batch > 0 {
		batch = w.spec.Index.Batch
	}
	if w.s.noAlerts {
		return rungroup.Actor{Run: func(ctx context.Context) error { return w.stages.RunIndex(ctx, w.idx, nil, batch) }}, nil
	}
	matcher, err := w.startAlerts(ctx)
	if err != nil {
		return rungroup.Actor{}, err
	}
	return rungroup.Actor{Run: rungroup.All(
		w.deliverer.Run,
		func(ctx context.Context) error { return matcher.RunDigests(ctx, w.stages.PublishAlert) },
		func(ctx context.Context) error { return w.stages.RunIndex(ctx, w.idx, matcher, batch) },
	)}, nil
}

// startAlerts sets up alert delivery and the matcher the index stage runs.
func (w *wiring) startAlerts(ctx context.Context) (*alert.Matcher, error) {
	// A (rule, story) mark need outlive only the crawler's memory of the article: after the
	// dedup window the article would be crawled, and could fire, as new anyway.
	firedKV, err := w.bus.AlertFiredKV(ctx, w.crawlCfg.DedupWindow)
	if err != nil {
		return nil, err
	}
	if w.deliverer, err = newDeliverer(w.spec, w.bus, w.rules, w.log); err != nil {
		return nil, err
	}
	// Each target's consumer must exist before the index stage may publish an alert.
	if err := w.deliverer.Setup(ctx); err != nil {
		return nil, err
	}
	w.reg.MustRegister(w.deliverer)
	bandsKV, err := w.bus.BoundedMemoryKV(ctx, bus.BucketStoryBands, bus.StoryBandsBytes)
	if err != nil {
		return nil, err
	}
	opts := []alert.MatcherOption{alert.WithStoryBands(bandsKV), alert.WithRetention(w.crawlCfg.DedupWindow)}
	if w.gaz != nil {
		opts = append(opts, alert.WithRegionCodes(w.gaz.RegionCode), alert.WithRegionNames(w.gaz.RegionCodeOfName))
	}
	return alert.NewMatcher(w.rules, firedKV, w.log, opts...), nil
}

// startHTTP serves the search API and the web page on the listener bound at the start.
func (w *wiring) startHTTP(ctx context.Context) (rungroup.Actor, error) {
	const recentAlerts = 256
	hub := alert.NewHub(recentAlerts)
	// The hub starts with the last alerts the stream kept, so a restart forgets none of them; it
	// follows the stream until the server stops.
	followCtx, stopFollowing := context.WithCancel(ctx)
	if err := w.stages.ForwardAlerts(followCtx, recentAlerts, hub.Publish); err != nil {
		stopFollowing()
		return rungroup.Actor{}, err
	}
	handler, err := api.New(w.apiConfig(ctx, hub))
	if err != nil {
		stopFollowing()
		return rungroup.Actor{}, err
	}
	ln := w.httpLn
	if w.o.apiToken == "" && !loopback(ln.Addr()) {
		w.log.Warn("the API accepts changes from anyone who can reach it: set NEWSMON_API_TOKEN", "addr", ln.Addr().String())
	}
	// No WriteTimeout: the alert stream and exports stay open on purpose; the API bounds
	// each other request itself (api.Guard.RequestTimeout).
	// Request contexts derive from reqCtx, which shutdown ends after a grace period: an open
	// alert stream (a browser tab on the page) never finishes on its own, and would otherwise
	// hold the shutdown for its whole timeout and make the process exit with an error.
	reqCtx, endRequests := context.WithCancel(context.Background())
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10,
		BaseContext: func(net.Listener) context.Context { return reqCtx }}
	fmt.Fprintf(w.s.stdout, "newsmon: serving http://%s/ (search API at /api/search)\n", ln.Addr())
	serve := func(context.Context) error {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
	shutdown := func(ctx context.Context) error {
		<-ctx.Done()
		grace := time.AfterFunc(shutdownGrace, endRequests) // ordinary requests finish first
		defer grace.Stop()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			w.log.Warn("HTTP connections still open at shutdown were closed", "err", err)
			_ = srv.Close()
		}
		return nil
	}
	return rungroup.Actor{Run: rungroup.All(serve, shutdown), Stop: func() { endRequests(); stopFollowing() }}, nil
}

// apiConfig is what the API serves: the index, the rules, the alert hub, the gazetteer's places,
// metrics, and the status of what this process runs.
func (w *wiring) apiConfig(ctx context.Context, hub *alert.Hub) api.Config {
	b, gaz := w.bus, w.gaz
	cfg := api.Config{
		Searcher: w.idx, Rules: w.rules, Hub: hub, Places: placesAdapter{gaz}, Registry: w.reg, Log: w.log,
		RegionCode: gaz.RegionCode, RegionCodeOfName: gaz.RegionCodeOfName, Vocabulary: ruleVocabulary(gaz),
		Guard: api.Guard{WriteToken: w.o.apiToken, ReadToken: w.o.readToken, RatePerSecond: w.o.rateLimit,
			TrustedProxies: w.proxies},
		Ready: func() error {
			if !b.Connected() {
				return errors.New("not connected to NATS")
			}
			return nil
		},
	}
	if w.crawler != nil || w.deliverer != nil {
		cfg.Status = func() any { return statusReport(ctx, b, w.deliverer) }
	}
	if c := w.crawler; c != nil {
		cfg.Sources = func(q api.SourcesQuery) (api.SourcesPage, error) {
			page, matching, sum := c.StatusPage(q.State, (q.Page-1)*q.Size, q.Size)
			return api.SourcesPage{Sources: page, Matching: matching, Summary: sum}, nil
		}
	}
	cfg.Failures = func(ctx context.Context) api.Failures { return failureReport(ctx, b, w.deliverer) }
	return cfg
}

// startJob runs the service's job (an import) beside the stages; when it is done the service
// stops, unless it serves.
func (w *wiring) startJob(context.Context) (rungroup.Actor, error) {
	return rungroup.Actor{Run: func(ctx context.Context) error {
		if err := w.s.job(ctx, w.stages, w.crawlCfg, w.idx); err != nil {
			return err
		}
		if w.s.serve {
			<-ctx.Done()
			return nil
		}
		return errJobDone
	}}, nil
}

// statusReport is what /api/status shows beside the sources (api.Config.Sources): queue depths
// per stage, and webhook and e-mail delivery per target (d may be nil).
func statusReport(ctx context.Context, b *bus.Bus, d *alert.Deliverer) any {
	qctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	queues := map[string]any{}
	for _, stream := range []string{bus.StreamFetched, bus.StreamEnriched} {
		if p, err := b.Pending(qctx, stream); err == nil {
			for name, v := range p {
				queues[name] = map[string]uint64{"pending": v[0], "in_flight": v[1]}
			}
		}
	}
	out := map[string]any{"queues": queues}
	if d != nil {
		pending, _ := d.Pending(qctx)
		notify := map[string]any{}
		for name, st := range d.Stats() {
			notify[name] = map[string]uint64{"pending": pending[name], "delivered": st.Delivered,
				"failed_attempts": st.Failed, "dead_lettered": st.DeadLettered}
		}
		out["notify"] = notify
	}
	return out
}

// failureReport is /api/status's "failures": the dead letters the bus keeps and, when this process
// delivers alerts, the deliveries that failed.
func failureReport(ctx context.Context, b *bus.Bus, deliverer *alert.Deliverer) api.Failures {
	qctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	var f api.Failures
	n, err := b.StreamMessages(qctx, bus.StreamDead)
	if err != nil {
		f.Errors = append(f.Errors, "dead letters: "+err.Error())
	}
	f.DeadLetters = n
	if deliverer != nil {
		// Deliveries are retried from the alert stream until they succeed or reach their maximum
		// age: a failed delivery is a dead-lettered one, and none is ever dropped.
		f.Deliveries = &api.DeliveryFailures{Failed: deliverer.Total().DeadLettered}
	}
	return f
}

var slugRE = regexp.MustCompile(`[^a-z0-9]+`)

// seedRules stores the pipeline's alert rules under ids derived from their names, so restarting
// updates them instead of adding copies.
func seedRules(ctx context.Context, rules *alert.Store, specs []pipeline.AlertSpec) error {
	for _, a := range specs {
		id := pipelineRuleID(a.Name)
		r := a.Rule()
		r.ID = id
		if old, err := rules.Get(ctx, id); err == nil {
			r.Created = old.Created
		}
		if _, err := rules.Put(ctx, r); err != nil {
			return fmt.Errorf("alert rule %q from the pipeline: %w", a.Name, err)
		}
	}
	return nil
}

// pipelineRuleID is the id under which seedRules stores the pipeline's rule of that name.
func pipelineRuleID(name string) string {
	id := "pipeline-" + strings.Trim(slugRE.ReplaceAllString(strings.ToLower(name), "-"), "-")
	if len(id) > 64 {
		id = id[:64]
	}
	return id
}

// newDeliverer sets up webhook and e-mail delivery, from the alert stream on b, following the
// pipeline's notify section. Webhooks and SMTP go through the SSRF guard; notify.allow_networks
// opens networks to the operator's targets (notify.webhooks, SMTP, the pipeline's rules) only:
// webhooks of rules created through the API reach public addresses only.
func newDeliverer(spec *pipeline.Spec, b *bus.Bus, rules *alert.Store, log *slog.Logger) (*alert.Deliverer, error) {
	cfg := alert.DelivererConfig{Bus: b, Rules: rules}
	var allowNets []string
	if spec != nil {
		n := spec.Notify
		allowNets = n.AllowNetworks
		cfg.RuleWebhookSecret = n.WebhookSecret
		cfg.TrustedRuleWebhooks = map[string]string{}
		for _, a := range spec.Alerts {
			if a.Webhook != "" {
				cfg.TrustedRuleWebhooks[pipelineRuleID(a.Name)] = a.Webhook
			}
		}
		for _, w := range n.Webhooks {
			cfg.Webhooks = append(cfg.Webhooks, alert.Webhook{URL: w.URL, Secret: w.Secret, Rules: w.Rules})
		}
		if m := n.SMTP; m != nil {
			cfg.SMTP = &alert.SMTPConfig{Addr: m.Addr, From: m.From, To: m.To, Username: m.Username, Password: m.Password}
		}
	}
	allow, err := netguard.ParseAllow(allowNets)
	if err != nil {
		return nil, fmt.Errorf("notify.allow_networks: %w", err)
	}
	guard := netguard.Policy{Allow: allow}
	cfg.Client = guard.Client(10*time.Second, 0)
	// Rules' own webhooks: those written in the pipeline file keep the operator's networks, those
	// created through the API reach notify.rule_allow_networks (default: public addresses only).
	if cfg.RuleClient, err = webhookClient(spec, 10*time.Second); err != nil {
		return nil, err
	}
	if cfg.SMTP != nil {
		cfg.SMTP.Dial = guard.DialContext
	}
	return alert.NewDeliverer(cfg, log)
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(v string) []string {
	var out []string
	for _, x := range strings.Split(v, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func loopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

func splitHostPort(addr string) (string, int, error) {
	host, p, err := net.SplitHostPort(addr)
	if err != nil {
		return "", 0, fmt.Errorf("--nats-listen %q: %w", addr, err)
	}
	port, err := strconv.Atoi(p)
	if err != nil {
		return "", 0, fmt.Errorf("--nats-listen %q: bad port", addr)
	}
	return host, port, nil
}
