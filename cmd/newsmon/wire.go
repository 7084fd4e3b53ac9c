package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/newsmon/newsmon/internal/redact"
	"github.com/newsmon/newsmon/pipelines"
	"github.com/newsmon/newsmon/pkg/alert"
	"github.com/newsmon/newsmon/pkg/api"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/extract/event"
	"github.com/newsmon/newsmon/pkg/extract/extractors"
	"github.com/newsmon/newsmon/pkg/geo"
	"github.com/newsmon/newsmon/pkg/index"
	blevebackend "github.com/newsmon/newsmon/pkg/index/bleve"
	"github.com/newsmon/newsmon/pkg/index/elastic"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// options are the settings shared by the service commands: flags, with NEWSMON_* environment
// variables as defaults, so containers can be configured either way.
type options struct {
	dataDir    string
	natsURL    string
	natsListen string
	// Credentials and TLS for an external NATS (--nats-url).
	natsCreds, natsUser, natsPassword  string
	natsTLSCA, natsTLSCert, natsTLSKey string
	esURL                              string
	esIndex                            string
	httpAddr                           string
	pipeline                           string
	demo                               bool
	logLevel                           string
	workers                            int
	ackWait                            time.Duration
	apiToken                           string
	readToken                          string
	rateLimit                          float64
	trustProxy                         string

	// Replicas of the streams and buckets newsmon creates (a NATS cluster) and of new
	// Elasticsearch indices (an ES cluster).
	natsReplicas, esReplicas int

	// The index layout: one index per month of published dates ("month") or one ("" ), and the
	// months kept (0: all).
	indexPeriod string
	indexRetain int
}

// flagGroup is a set of flags a service command offers beside the common ones (data folder, NATS,
// Elasticsearch, ack wait, log level); commands combine groups with |.
type flagGroup uint8

const (
	// httpFlags: --http (default 127.0.0.1:8080) and the API's tokens, rate limit and proxies.
	httpFlags flagGroup = 1 << iota
	// httpOptionalFlags: the same with --http empty by default, for a command where serving is an
	// extra (index).
	httpOptionalFlags
	// pipelineFlags: --pipeline and --demo.
	pipelineFlags
	// workerFlags: --workers, the extract workers of this process.
	workerFlags
	// listenFlags: --nats-listen, the address of the embedded NATS.
	listenFlags
)

// register defines the common flags and those of the groups given.
func (o *options) register(fs *flag.FlagSet, groups flagGroup) {
	o.registerCommon(fs)
	if groups&httpFlags != 0 {
		o.registerHTTP(fs, envDefault("NEWSMON_HTTP", "127.0.0.1:8080"))
	}
	if groups&httpOptionalFlags != 0 {
		o.registerHTTP(fs, "")
	}
	if groups&pipelineFlags != 0 {
		o.registerPipeline(fs)
	}
	if groups&workerFlags != 0 {
		fs.IntVar(&o.workers, "workers", 0, "extract workers in this process (default: the pipeline's, else the number of CPUs)")
	}
	if groups&listenFlags != 0 {
		fs.StringVar(&o.natsListen, "nats-listen", envDefault("NEWSMON_NATS_LISTEN", ""), "address the embedded NATS listens on, so workers in other processes can join with the credentials in <data>/"+natsCredentialsFile+" (default: a free port on 127.0.0.1) (env NEWSMON_NATS_LISTEN)")
	}
}

// registerCommon defines the flags every service command has: where data, NATS and the index are,
// how long a worker may hold an article, and the log level.
func (o *options) registerCommon(fs *flag.FlagSet) {
	fs.StringVar(&o.dataDir, "data", envDefault("NEWSMON_DATA", "newsmon-data"), "folder for the embedded NATS store, the bleve index and crawl state (env NEWSMON_DATA)")
	fs.StringVar(&o.natsURL, "nats-url", envDefault("NEWSMON_NATS_URL", ""), "external NATS server(s); empty runs an embedded one (env NEWSMON_NATS_URL)")
	fs.StringVar(&o.natsCreds, "nats-creds", envDefault("NEWSMON_NATS_CREDS", ""), "NATS user credentials file for --nats-url: a .creds file (JWT) or an nkey user seed (env NEWSMON_NATS_CREDS)")
	fs.StringVar(&o.natsUser, "nats-user", envDefault(bus.EnvUser, ""), "NATS user for --nats-url (env "+bus.EnvUser+")")
	o.natsPassword = envDefault(bus.EnvPassword, "")
	fs.Var(secretFlag{&o.natsPassword}, "nats-password", "NATS password for --nats-url; prefer the env "+bus.EnvPassword+" (a flag shows in the process list)")
	fs.StringVar(&o.natsTLSCA, "nats-tls-ca", envDefault("NEWSMON_NATS_TLS_CA", ""), "PEM file of the authorities that sign the NATS server's certificate; turns TLS on (env NEWSMON_NATS_TLS_CA)")
	fs.StringVar(&o.natsTLSCert, "nats-tls-cert", envDefault("NEWSMON_NATS_TLS_CERT", ""), "client certificate (PEM) for a NATS server that verifies clients (env NEWSMON_NATS_TLS_CERT)")
	fs.StringVar(&o.natsTLSKey, "nats-tls-key", envDefault("NEWSMON_NATS_TLS_KEY", ""), "key of --nats-tls-cert (env NEWSMON_NATS_TLS_KEY)")
	fs.StringVar(&o.esURL, "es-url", envDefault("NEWSMON_ES_URL", ""), "Elasticsearch URL(s), comma-separated; empty uses the embedded bleve index (env NEWSMON_ES_URL)")
	fs.StringVar(&o.esIndex, "es-index", envDefault("NEWSMON_ES_INDEX", "newsmon-articles"), "Elasticsearch write alias (env NEWSMON_ES_INDEX)")
	fs.IntVar(&o.natsReplicas, "nats-replicas", envInt("NEWSMON_NATS_REPLICAS", 1), "replicas of the JetStream streams and key-value buckets on --nats-url: 3 on a 3-node NATS cluster, so that one node may fail (env NEWSMON_NATS_REPLICAS)")
	fs.IntVar(&o.esReplicas, "es-replicas", envInt("NEWSMON_ES_REPLICAS", 0), "replicas of new Elasticsearch indices: 1 or more on a cluster, so that a data node may fail (env NEWSMON_ES_REPLICAS)")
	fs.StringVar(&o.indexPeriod, "index-period", envDefault("NEWSMON_INDEX_PERIOD", ""), "\"month\": one index per month of the articles' published dates (bleve folders <data>/index/2026.11, Elasticsearch indices <alias>-2026.11), searched as one, so writes touch a month and retention drops whole months; empty keeps one index (env NEWSMON_INDEX_PERIOD)")
	fs.IntVar(&o.indexRetain, "index-retain", envInt("NEWSMON_INDEX_RETAIN", 0), "with --index-period month: months of articles kept, the current one included; older months are deleted (0 keeps all) (env NEWSMON_INDEX_RETAIN)")
	fs.DurationVar(&o.ackWait, "ack-wait", 30*time.Second, "how long a worker may hold an article before NATS hands it to another (recovery time after a crash)")
	fs.StringVar(&o.logLevel, "log-level", envDefault("NEWSMON_LOG_LEVEL", "info"), "debug, info, warn or error")
}

// registerHTTP defines --http, with defaultAddr as its default, and the API's access settings.
func (o *options) registerHTTP(fs *flag.FlagSet, defaultAddr string) {
	fs.StringVar(&o.httpAddr, "http", defaultAddr, "address of the search API and web page (env NEWSMON_HTTP)")
	fs.StringVar(&o.apiToken, "api-token", envDefault("NEWSMON_API_TOKEN", ""), "token required to change state through the API (alerts); prefer the env NEWSMON_API_TOKEN")
	fs.StringVar(&o.readToken, "api-read-token", envDefault("NEWSMON_API_READ_TOKEN", ""), "token required to read the API and /metrics (default: public reads); prefer the env NEWSMON_API_READ_TOKEN")
	fs.Float64Var(&o.rateLimit, "rate-limit", 50, "API requests per second per client address (0: unlimited)")
	fs.StringVar(&o.trustProxy, "trust-proxy", envDefault("NEWSMON_TRUST_PROXY", ""), "reverse proxies (comma-separated CIDRs) whose X-Forwarded-For/-Proto/-Host are believed, for client addresses, rate limits and Secure cookies behind TLS (env NEWSMON_TRUST_PROXY)")
}

// registerPipeline defines --pipeline and --demo.
func (o *options) registerPipeline(fs *flag.FlagSet) {
	fs.StringVar(&o.pipeline, "pipeline", envDefault("NEWSMON_PIPELINE", ""), "pipeline file (default: the bundled demo with --demo, else pipelines/world-news.yaml)")
	fs.BoolVar(&o.demo, "demo", false, "serve the bundled offline demo news site on 127.0.0.1 and crawl it")
}

// secretFlag is a string flag whose value `-h` never prints: its default comes from the
// environment and is a secret.
type secretFlag struct{ value *string }

func (f secretFlag) String() string { return "" }

func (f secretFlag) Set(v string) error {
	*f.value = v
	return nil
}

// envInt is the integer in the environment variable key, def when it is unset, and -1 (which the
// flag's user rejects, naming the variable) when it is not a number.
func envInt(key string, def int) int {
	v := envDefault(key, "")
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return -1
	}
	return n
}

// natsCredentialsFile is the file in the data folder holding the embedded NATS server's
// credentials (see bus.LoadOrCreateCredentials).
const natsCredentialsFile = "nats-credentials.env"

// natsAuth is how this process proves itself to an external NATS.
func (o *options) natsAuth() bus.Auth {
	return bus.Auth{CredsFile: o.natsCreds, User: o.natsUser, Password: o.natsPassword,
		TLSCA: o.natsTLSCA, TLSCert: o.natsTLSCert, TLSKey: o.natsTLSKey}
}

// logger writes text logs at --log-level to w, whatever w is (a terminal, a file, a pipe or a test's
// buffer), with secrets redacted; an unknown level means info.
func (o *options) logger(w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(o.logLevel)); err != nil {
		level = slog.LevelInfo
	}
	return slog.New(redact.Handler(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level})))
}

// loadOptions: pipeline files default to every extractor, in extractors.Names' order.
func loadOptions() pipeline.LoadOptions {
	return pipeline.LoadOptions{Extractors: extractors.Names()}
}

// loadPipeline reads the pipeline file; bundled names ("demo", "world-news") and paths both work.
func loadPipeline(path string, vars map[string]string) (*pipeline.Spec, error) {
	opts := loadOptions()
	opts.Vars = vars
	if _, err := os.Stat(path); err != nil {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml") + ".yaml"
		if data, ferr := fs.ReadFile(pipelines.Files, name); ferr == nil {
			return pipeline.Parse("pipelines/"+name, data, opts)
		}
	}
	return pipeline.Load(path, opts)
}

// openIndex opens Elasticsearch when a URL is given, else the embedded bleve index under data.
func openIndex(ctx context.Context, o *options, log *slog.Logger) (index.Index, error) {
	if err := o.checkIndexLayout(); err != nil {
		return nil, err
	}
	if o.esURL != "" {
		return openElastic(ctx, o, log)
	}
	dir := filepath.Join(o.dataDir, "index")
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, fmt.Errorf("data folder: %w", err)
	}
	if o.indexPeriod != "" {
		return blevebackend.Open(dir, blevebackend.WithMonthlyPartitions(o.indexRetain))
	}
	return blevebackend.Open(dir)
}

// checkIndexLayout rejects an unknown --index-period and a retention without one.
func (o *options) checkIndexLayout() error {
	switch {
	case o.indexPeriod != "" && o.indexPeriod != elastic.PeriodMonth:
		return usageError{fmt.Errorf("--index-period %q: want month, or empty for one index", o.indexPeriod)}
	case o.indexRetain < 0:
		return usageError{fmt.Errorf("--index-retain (or NEWSMON_INDEX_RETAIN) must be a number, 0 or more")}
	case o.indexRetain > 0 && o.indexPeriod == "":
		return usageError{fmt.Errorf("--index-retain needs --index-period month")}
	}
	return nil
}

// connectBus connects to the external NATS, or starts the embedded one under data. The embedded
// server requires the credentials it keeps in the data folder from every client, this process's
// own included.
func connectBus(ctx context.Context, o *options, embedded bool, log *slog.Logger, stdout io.Writer) (*bus.Bus, func(), error) {
	cfg := bus.Config{URL: o.natsURL, Auth: o.natsAuth(), Replicas: o.natsReplicas}
	stop := func() {}
	if o.natsReplicas < 1 {
		return nil, nil, usageError{fmt.Errorf("--nats-replicas (or NEWSMON_NATS_REPLICAS) must be a number of at least 1")}
	}
	if cfg.URL == "" {
		if !embedded {
			return nil, nil, usageError{fmt.Errorf("--nats-url (or NEWSMON_NATS_URL) is required: this worker joins a shared NATS")}
		}
		ecfg := bus.EmbeddedConfig{StoreDir: filepath.Join(o.dataDir, "nats"), CredentialsFile: filepath.Join(o.dataDir, natsCredentialsFile)}
		if o.natsListen != "" {
			host, port, err := splitHostPort(o.natsListen)
			if err != nil {
				return nil, nil, usageError{err}
			}
			ecfg.Host, ecfg.Port = host, port
		}
		srv, err := bus.StartEmbedded(ecfg)
		if err != nil {
			return nil, nil, err
		}
		creds := srv.Credentials()
		// Settings for an external server (often the environment of a worker started from the
		// credentials file) do not apply here; say so unless they are this server's own.
		if a := cfg.Auth; a != (bus.Auth{}) && a != (bus.Auth{User: creds.User, Password: creds.Password}) {
			log.Warn("NATS credentials and TLS settings apply to --nats-url only: the embedded NATS uses its own credentials", "file", ecfg.CredentialsFile)
		}
		// This process keeps the per-article keys of the buckets (URL claims, content hashes,
		// alert marks) in files beside the server's store, and serves them to joining workers.
		cfg = bus.Config{URL: srv.URL(), Auth: bus.Auth{User: creds.User, Password: creds.Password},
			StateDir: filepath.Join(o.dataDir, "state")}
		stop = srv.Shutdown
		if o.natsListen != "" && !loopbackHost(ecfg.Host) {
			log.Warn("the embedded NATS listens beyond this machine without TLS: its password and the articles cross the network unencrypted; use it on a trusted network only, or an external nats-server with TLS", "addr", o.natsListen)
		}
		log.Info("embedded NATS with JetStream started", "url", cfg.URL, "store", ecfg.StoreDir, "credentials", ecfg.CredentialsFile)
		fmt.Fprintf(stdout, "newsmon: embedded NATS at %s (workers join with --nats-url and the credentials in %s)\n", cfg.URL, ecfg.CredentialsFile)
	}
	cctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	b, err := bus.Connect(cctx, cfg, log)
	if err != nil {
		stop()
		return nil, nil, err
	}
	return b, func() { _ = b.Close(); stop() }, nil
}

// loopbackHost reports whether a listen host keeps the server on this machine.
func loopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func newRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return reg
}

// placesAdapter serves the web page's region picker from the gazetteer.
type placesAdapter struct{ g *geo.Gazetteer }

func (p placesAdapter) Complete(prefix string, n int) []api.PlaceSuggestion {
	var out []api.PlaceSuggestion
	for _, e := range p.g.Complete(prefix, n) {
		out = append(out, api.PlaceSuggestion{Name: e.Name, Feature: e.Feature, Country: e.Country, Admin1: e.Admin1, ID: e.ID})
	}
	return out
}

// regionCodeRE matches the region codes places carry ("CN", "CN.04"), which rules may name too.
var regionCodeRE = regexp.MustCompile(`^[A-Z]{2}(\.[A-Z0-9]{1,3})?$`)

// ruleVocabulary is what alert rules may name: the gazetteer's places (names, aliases, GeoNames
// ids, region codes) and the event extractor's types, so a misspelt region or event type is
// refused with suggestions instead of never firing.
func ruleVocabulary(g *geo.Gazetteer) *alert.Vocabulary {
	v := &alert.Vocabulary{EventTypes: event.Types}
	if g == nil {
		return v
	}
	v.KnownPlace = func(name string) bool {
		if id, err := strconv.Atoi(strings.TrimSpace(name)); err == nil {
			_, ok := g.Get(id)
			return ok
		}
		if regionCodeRE.MatchString(name) || len(g.Candidates(name)) > 0 {
			return true
		}
		_, ok := g.RegionCodeOfName(name) // "江苏", "Niedersachsen"
		return ok
	}
	v.NearPlaces = nearPlaces(g)
	return v
}

// nearPlaces proposes the places sharing the longest prefix with an unknown name that holds one
// within suggestion distance: a typo late in the name ("Jiansu") keeps a long prefix, one early
// ("Jangsu") at least the first letter. Each prefix's places come most populous first.
func nearPlaces(g *geo.Gazetteer) func(string) []string {
	const perPrefix = 100
	return func(name string) []string {
		r := []rune(strings.TrimSpace(name))
		var names []string
		for l := len(r); l >= 1; l-- {
			names = names[:0]
			for _, e := range g.Complete(string(r[:l]), perPrefix) {
				names = append(names, e.Name)
			}
			if len(alert.Suggest(name, names, 1)) > 0 {
				return names
			}
		}
		return nil
	}
}
