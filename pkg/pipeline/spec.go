// Package pipeline owns the pipeline file format (pipelines/*.yaml: sources → extractors → index,
// plus alert rules), its validation with line-numbered problems, and the stage runners that join
// the crawler, the extractors, the index and the alert matcher to the bus; it turns the crawl
// section into the crawler's configuration and feeds archives through the stages (Importer). It is
// the only package that sees both the bus and the domain packages; cmd/newsmon builds the parts
// and calls it.
package pipeline

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/newsmon/newsmon/pkg/alert"
)

// Spec is a decoded pipeline file.
type Spec struct {
	Name    string      `yaml:"name"`
	Crawl   CrawlSpec   `yaml:"crawl"`
	Sources []Source    `yaml:"sources"`
	Extract ExtractSpec `yaml:"extract"`
	Index   IndexSpec   `yaml:"index"`
	Alerts  []AlertSpec `yaml:"alerts"`
	Notify  NotifySpec  `yaml:"notify"`
}

// NotifySpec says where alert events go besides NATS and the web page.
type NotifySpec struct {
	// Webhooks receive the events of the rules they list (all rules when none), signed with their
	// secret (X-Newsmon-Signature: sha256=HMAC).
	Webhooks []WebhookSpec `yaml:"webhooks"`
	// WebhookSecret signs events sent to a rule's own webhook URL.
	WebhookSecret string `yaml:"webhook_secret"`
	// SMTP sends e-mail to a rule's addresses and to smtp.to; omitted: no e-mail.
	SMTP *SMTPSpec `yaml:"smtp"`
	// AllowNetworks opens private networks to the webhooks written here (notify.webhooks and the
	// alerts' own) and to SMTP (refused by default, like the crawler).
	AllowNetworks []string `yaml:"allow_networks"`
	// RuleAllowNetworks opens private networks to the webhooks of rules created through the API,
	// which otherwise reach public addresses only, whatever AllowNetworks opens.
	RuleAllowNetworks []string `yaml:"rule_allow_networks"`
}

// WebhookSpec is one webhook receiver.
type WebhookSpec struct {
	URL    string   `yaml:"url"`
	Secret string   `yaml:"secret"`
	Rules  []string `yaml:"rules"`
}

// SMTPSpec is an SMTP server for alert e-mail.
type SMTPSpec struct {
	Addr     string   `yaml:"addr"`
	From     string   `yaml:"from"`
	To       []string `yaml:"to"`
	Username string   `yaml:"username"`
	Password string   `yaml:"password"`
}

// CrawlSpec tunes the crawler; zero values take the crawler's defaults.
type CrawlSpec struct {
	UserAgent          string        `yaml:"user_agent"`
	Timeout            time.Duration `yaml:"timeout"`
	MaxBodyBytes       ByteSize      `yaml:"max_body"`
	PerHostInterval    time.Duration `yaml:"per_host_interval"`
	PerHostConcurrency int           `yaml:"per_host_concurrency"`
	Concurrency        int           `yaml:"concurrency"`
	RespectRobots      *bool         `yaml:"respect_robots"`
	DedupWindow        time.Duration `yaml:"dedup_window"`
	ClaimLease         time.Duration `yaml:"claim_lease"`
	MaxArticlesPerPoll int           `yaml:"max_articles_per_poll"`
	// AllowNetworks opens private or loopback networks (CIDRs) to the crawler, which refuses them
	// by default so a feed cannot make it reach internal services; the demo allows 127.0.0.0/8.
	AllowNetworks []string `yaml:"allow_networks"`
}

// Source is one place articles come from.
type Source struct {
	Name     string        `yaml:"name"`
	Kind     string        `yaml:"kind"` // feed | sitemap | urls | page
	URL      string        `yaml:"url"`
	URLs     []string      `yaml:"urls"`
	Poll     time.Duration `yaml:"poll"`
	Language string        `yaml:"language"`
	Country  string        `yaml:"country"` // ISO 3166 alpha-2 of the outlet, a hint for place and currency disambiguation
	// Tags put the source in collections (kind: wire, collection: [asia-press]); its articles
	// carry them with its country and language as Article.SourceTags (see Tags).
	Tags Tags `yaml:"tags"`
}

// ExtractSpec lists the extractors in the order they run.
type ExtractSpec struct {
	Extractors []string `yaml:"extractors"`
	Workers    int      `yaml:"workers"`
}

// IndexSpec names the index target.
type IndexSpec struct {
	Backend string `yaml:"backend"` // bleve | elasticsearch; flags (--es-url) override
	Name    string `yaml:"name"`    // Elasticsearch alias
	Batch   int    `yaml:"batch"`
}

// AlertSpec is an alert rule declared in the pipeline; the API can add more at run time.
type AlertSpec struct {
	Name      string   `yaml:"name"`
	Text      string   `yaml:"text"`
	Person    []string `yaml:"person"`
	Org       []string `yaml:"org"`
	Place     []string `yaml:"place"`
	Region    []string `yaml:"region"`
	Event     []string `yaml:"event"`
	Source    []string `yaml:"source"`
	Lang      []string `yaml:"lang"`
	EventType []string `yaml:"event_type"`
	// MinCount, Mode ("every", "first_in_window", "digest"), Window and Interval: see alert.Rule.
	MinCount int      `yaml:"min_count"`
	Mode     string   `yaml:"mode"`
	Window   string   `yaml:"window"`
	Interval string   `yaml:"interval"`
	Webhook  string   `yaml:"webhook"`
	Email    []string `yaml:"email"`
	// Kind ("story" or "surge"), Factor, Baseline and MinArticles: see alert.Rule.
	Kind        string  `yaml:"kind"`
	Factor      float64 `yaml:"factor"`
	Baseline    string  `yaml:"baseline"`
	MinArticles int     `yaml:"min_articles"`
	// NewEntity (person, org, place or any) goes with mode first_mention: see alert.Rule.
	NewEntity string `yaml:"new_entity"`
	// Tag limits the rule to sources in these collections ("kind:wire", "collection:asia-press").
	Tag []string `yaml:"tag"`
}

// Rule is the enabled alert rule the spec describes, without an id.
func (a AlertSpec) Rule() alert.Rule {
	return alert.Rule{Name: a.Name, Text: a.Text, Person: a.Person, Org: a.Org, Place: a.Place, Region: a.Region,
		Event: a.Event, Source: a.Source, Lang: a.Lang, EventType: a.EventType, MinCount: a.MinCount, Mode: a.Mode,
		Window: a.Window, Interval: a.Interval, Webhook: a.Webhook, Email: a.Email, Kind: a.Kind, Factor: a.Factor,
		Baseline: a.Baseline, MinArticles: a.MinArticles, NewEntity: a.NewEntity, Tag: a.Tag, Enabled: true}
}

// ByteSize reads sizes such as 5MiB, 512KB or 1048576.
type ByteSize int64

var sizeRE = regexp.MustCompile(`^\s*([0-9]+(?:\.[0-9]+)?)\s*([KMGT]?I?B?)\s*$`)

// UnmarshalYAML implements yaml.Unmarshaler.
func (b *ByteSize) UnmarshalYAML(n *yaml.Node) error {
	m := sizeRE.FindStringSubmatch(strings.ToUpper(n.Value))
	if m == nil {
		// A TypeError lets the decoder go on with the rest of the file, so that every problem
		// of it is reported together.
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %q is not a size (e.g. 5MiB, 200KB, 1048576)", n.Line, n.Value)}}
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	unit := strings.TrimSuffix(strings.TrimSuffix(m[2], "B"), "I")
	mult := map[string]float64{"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}[unit]
	*b = ByteSize(v * mult)
	return nil
}

// Problem is one thing wrong with a pipeline file, at a position.
type Problem struct {
	File      string
	Line, Col int
	Msg       string
}

func (p Problem) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Msg)
}

// Problems is every problem found in a file; Load returns it as its error.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// LoadOptions says what a pipeline may name.
type LoadOptions struct {
	// Extractors are the names a pipeline may list, in the order they should run when it lists none.
	Extractors []string
	// Vars are substituted for ${NAME} (then the environment is consulted; ${NAME:-default} works).
	Vars map[string]string
	// Vocabulary, when set, is what alert rules may name: a place, region or event type outside it
	// is a problem ("did you mean Jiangsu?"), since the rule would never fire.
	Vocabulary *alert.Vocabulary
}

// Load reads and validates a pipeline file.
func Load(path string, opts LoadOptions) (*Spec, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("pipeline %s: %w", path, err)
	}
	return Parse(path, data, opts)
}

var varRE = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}`)

// Parse decodes and validates pipeline YAML; name is used in problem positions.
func Parse(name string, data []byte, opts LoadOptions) (*Spec, error) {
	var missing []Problem
	lines := bytes.Split(data, []byte("\n"))
	for i, line := range lines {
		lines[i] = varRE.ReplaceAllFunc(line, func(m []byte) []byte {
			sub := varRE.FindSubmatch(m)
			key := string(sub[1])
			if v, ok := opts.Vars[key]; ok {
				return []byte(v)
			}
			if v, ok := os.LookupEnv(key); ok {
				return []byte(v)
			}
			if sub[2] != nil || bytes.Contains(m, []byte(":-")) {
				return sub[2]
			}
			missing = append(missing, Problem{name, i + 1, bytes.Index(line, m) + 1, fmt.Sprintf("variable ${%s} is not set", key)})
			return m
		})
	}
	data = bytes.Join(lines, []byte("\n"))
	if len(missing) > 0 {
		return nil, Problems(missing)
	}

	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, Problems{yamlProblem(name, err)}
	}
	if emptyDocument(&root) {
		return nil, Problems{{name, 1, 1, "the file is empty: a pipeline needs at least a name and sources (see pipelines/demo.yaml)"}}
	}
	// Unknown fields and values of the wrong kind are found by walking the document beside the
	// Spec type, which words them for the file's author; decoding then ignores what they found
	// (unknown fields, values left zero), so the checks of the decoded spec can run too and every
	// problem of the file is reported at once.
	shape := shapeChecker{file: name}
	shape.walk(root.Content[0], reflect.TypeFor[Spec](), "")
	var spec Spec
	if err := root.Content[0].Decode(&spec); err != nil && len(shape.problems) == 0 {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			var ps Problems
			for _, e := range te.Errors {
				ps = append(ps, yamlProblem(name, errors.New(e)))
			}
			return nil, ps
		}
		return nil, Problems{yamlProblem(name, err)}
	}
	v := validator{file: name, root: &root}
	v.check(&spec, opts)
	all := append(shape.problems, v.problems...)
	if len(all) > 0 {
		slices.SortStableFunc(all, func(a, b Problem) int { return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col)) })
		return nil, all
	}
	return &spec, nil
}

var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+)(?::(\d+))?: (.*)$`)

func yamlProblem(file string, err error) Problem {
	m := yamlLineRE.FindStringSubmatch(err.Error())
	if m == nil {
		return Problem{File: file, Line: 1, Col: 1, Msg: err.Error()}
	}
	line, _ := strconv.Atoi(m[1])
	col, _ := strconv.Atoi(m[2])
	return Problem{File: file, Line: line, Col: max(col, 1), Msg: m[3]}
}

type validator struct {
	file     string
	root     *yaml.Node
	problems Problems
}

// at finds the node for a path like "sources", 2, "poll" to report a position; when the path does
// not exist (a missing key) it reports the nearest existing ancestor.
func (v *validator) at(path ...any) (int, int) {
	n := v.root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line, col := n.Line, n.Column
	for _, p := range path {
		var next *yaml.Node
		switch key := p.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == key {
						next = n.Content[i+1]
						line, col = n.Content[i].Line, n.Content[i].Column
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && key < len(n.Content) {
				next = n.Content[key]
				line, col = next.Line, next.Column
			}
		}
		if next == nil {
			break
		}
		n = next
	}
	return line, col
}

func (v *validator) add(msg string, path ...any) {
	line, col := v.at(path...)
	v.problems = append(v.problems, Problem{v.file, line, col, msg})
}

var sourceKinds = []string{"feed", "sitemap", "urls", "page"}

func (v *validator) check(s *Spec, opts LoadOptions) {
	if strings.TrimSpace(s.Name) == "" {
		v.add("name is required")
	}
	if len(s.Sources) == 0 {
		v.add("sources: at least one source is required")
	}
	names := map[string]int{}
	for i, src := range s.Sources {
		if src.Name == "" {
			v.add(fmt.Sprintf("sources[%d]: name is required", i), "sources", i)
		} else if j, dup := names[src.Name]; dup {
			v.add(fmt.Sprintf("sources[%d]: name %q already used by sources[%d]", i, src.Name, j), "sources", i, "name")
		} else {
			names[src.Name] = i
		}
		if !slices.Contains(sourceKinds, src.Kind) {
			v.add(fmt.Sprintf("sources[%d].kind: %q is not one of %s", i, src.Kind, strings.Join(sourceKinds, ", ")), "sources", i, "kind")
		}
		switch {
		case src.Kind == "urls" && len(src.URLs) == 0:
			v.add(fmt.Sprintf("sources[%d].urls: a urls source needs at least one URL", i), "sources", i)
		case src.Kind != "urls" && src.URL == "":
			v.add(fmt.Sprintf("sources[%d].url is required for kind %q", i, src.Kind), "sources", i)
		}
		if src.URL != "" && !httpURL(src.URL) {
			v.add(fmt.Sprintf("sources[%d].url: %q is not an absolute http(s) URL", i, src.URL), "sources", i, "url")
		}
		for j, u := range src.URLs {
			if !httpURL(u) {
				v.add(fmt.Sprintf("sources[%d].urls[%d]: %q is not an absolute http(s) URL", i, j, u), "sources", i, "urls", j)
			}
		}
		if src.Poll != 0 && src.Poll < time.Second {
			v.add(fmt.Sprintf("sources[%d].poll: %s is too often (minimum 1s)", i, src.Poll), "sources", i, "poll")
		}
		v.checkTags(i, src)
	}
	if len(s.Extract.Extractors) == 0 {
		s.Extract.Extractors = slices.Clone(opts.Extractors)
	}
	seen := map[string]bool{}
	for i, e := range s.Extract.Extractors {
		if len(opts.Extractors) > 0 && !slices.Contains(opts.Extractors, e) {
			v.add(fmt.Sprintf("extract.extractors[%d]: unknown extractor %q (known: %s)", i, e, strings.Join(opts.Extractors, ", ")), "extract", "extractors", i)
		}
		if seen[e] {
			v.add(fmt.Sprintf("extract.extractors[%d]: %q listed twice", i, e), "extract", "extractors", i)
		}
		seen[e] = true
	}
	if s.Extract.Workers < 0 {
		v.add("extract.workers must be ≥ 0", "extract", "workers")
	}
	switch s.Index.Backend {
	case "", "bleve", "elasticsearch":
	default:
		v.add(fmt.Sprintf("index.backend: %q is not bleve or elasticsearch", s.Index.Backend), "index", "backend")
	}
	if s.Index.Batch < 0 || s.Index.Batch > 10000 {
		v.add("index.batch must be between 1 and 10000", "index", "batch")
	}
	for _, nets := range []struct {
		path []any
		list []string
	}{
		{[]any{"crawl", "allow_networks"}, s.Crawl.AllowNetworks},
		{[]any{"notify", "allow_networks"}, s.Notify.AllowNetworks},
		{[]any{"notify", "rule_allow_networks"}, s.Notify.RuleAllowNetworks},
	} {
		for i, n := range nets.list {
			if _, err := netip.ParsePrefix(n); err != nil {
				if _, err := netip.ParseAddr(n); err != nil {
					v.add(fmt.Sprintf("%s.%s[%d]: %q is not an IP or CIDR", nets.path[0], nets.path[1], i, n), append(nets.path, i)...)
				}
			}
		}
	}
	if s.Crawl.Concurrency < 0 || s.Crawl.PerHostConcurrency < 0 {
		v.add("crawl concurrency must be ≥ 0", "crawl")
	}
	for i, w := range s.Notify.Webhooks {
		if !httpURL(w.URL) {
			v.add(fmt.Sprintf("notify.webhooks[%d].url: %q is not an absolute http(s) URL", i, w.URL), "notify", "webhooks", i, "url")
		}
	}
	if m := s.Notify.SMTP; m != nil && (m.Addr == "" || m.From == "") {
		v.add("notify.smtp needs addr and from", "notify", "smtp")
	}
	for i, a := range s.Alerts {
		if a.Name == "" {
			v.add(fmt.Sprintf("alerts[%d]: name is required", i), "alerts", i)
		}
		if a.Text == "" && len(a.Person)+len(a.Org)+len(a.Place)+len(a.Region)+len(a.Event)+len(a.Source)+len(a.Lang)+len(a.EventType) == 0 {
			v.add(fmt.Sprintf("alerts[%d]: a rule needs at least one condition (text, person, org, place, region, event, source or lang)", i), "alerts", i)
		}
		if a.Kind != "" || a.Factor != 0 || a.Baseline != "" || a.MinArticles != 0 || a.NewEntity != "" || a.Mode == alert.ModeFirstMention {
			for _, err := range a.Rule().KindProblems() {
				v.add(fmt.Sprintf("alerts[%d]: %v", i, err), "alerts", i)
			}
		}
		if opts.Vocabulary != nil {
			var unknown *alert.UnknownNamesError
			if errors.As(alert.Rule{Place: a.Place, Region: a.Region, EventType: a.EventType}.CheckNames(*opts.Vocabulary), &unknown) {
				for _, n := range unknown.Names {
					v.add(fmt.Sprintf("alerts[%d].%s[%d]: %s", i, n.Field, n.Index, n.Error()), "alerts", i, n.Field, n.Index)
				}
			}
		}
	}
}

func httpURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
