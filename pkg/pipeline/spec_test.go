package pipeline

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/alert"
)

var known = LoadOptions{Extractors: []string{"ner", "geo", "money", "dates", "quote"}}

func TestLoadGood(t *testing.T) {
	opts := known
	opts.Vars = map[string]string{"SITE": "http://127.0.0.1:8080"}
	s, err := Load("testdata/good.yaml", opts)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.Sources[0].URL, "http://127.0.0.1:8080/wire/rss.xml"; got != want {
		t.Errorf("source url = %q, want %q", got, want)
	}
	if s.Sources[0].Poll != time.Minute || s.Crawl.Timeout != 15*time.Second {
		t.Errorf("durations not decoded: poll=%v timeout=%v", s.Sources[0].Poll, s.Crawl.Timeout)
	}
	if s.Crawl.MaxBodyBytes != 5<<20 {
		t.Errorf("max_body = %d, want %d", s.Crawl.MaxBodyBytes, 5<<20)
	}
	if got := strings.Join(s.Extract.Extractors, ","); got != "ner,money" {
		t.Errorf("extractors = %s", got)
	}
	if len(s.Alerts) != 1 || s.Alerts[0].Region[0] != "Jiangsu" {
		t.Errorf("alerts = %+v", s.Alerts)
	}
}

func TestLoadReportsEveryProblemWithItsPosition(t *testing.T) {
	_, err := Load("testdata/bad.yaml", known)
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("err = %v, want Problems", err)
	}
	want := []string{
		`testdata/bad.yaml:4:5: sources[0].kind: "rss" is not one of feed, sitemap, urls, page`,
		`testdata/bad.yaml:5:5: sources[0].url: "ftp://example.com/feed" is not an absolute http(s) URL`,
		`testdata/bad.yaml:6:5: sources[1]: name "Wire" already used by sources[0]`,
		`testdata/bad.yaml:9:5: sources[1].poll: 10ms is too often (minimum 1s)`,
		`testdata/bad.yaml:10:5: sources[2].urls: a urls source needs at least one URL`,
		`testdata/bad.yaml:13:21: extract.extractors[1]: unknown extractor "moneyy" (known: ner, geo, money, dates, quote)`,
		`testdata/bad.yaml:15:5: alerts[0]: a rule needs at least one condition (text, person, org, place, region, event, source or lang)`,
	}
	got := strings.Split(ps.Error(), "\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLoadUnknownFieldAndMissingVariable(t *testing.T) {
	tests := []struct{ file, src, want string }{
		{"testdata/unknown_field.yaml", "", "testdata/unknown_field.yaml:6:5: unknown field `pol` in sources[0]; did you mean `poll`?"},
		{"inline.yaml", "name: x\nsources:\n  - {name: a, kind: feed, url: \"${NOPE_NOT_SET}/f\"}\n", "inline.yaml:3:33: variable ${NOPE_NOT_SET} is not set"},
		{"inline.yaml", "name: x\nsources: [\n", "inline.yaml:2:1: did not find expected node content"},
		{"inline.yaml", "name: x\ncrawl: {max_body: lots}\nsources: [{name: a, kind: feed, url: 'http://h/f'}]\n", "inline.yaml:2:19: crawl.max_body: \"lots\" is not a size (e.g. 5MiB, 200KB, 1048576)"},
	}
	for _, tc := range tests {
		var err error
		if tc.src == "" {
			_, err = Load(tc.file, known)
		} else {
			_, err = Parse(tc.file, []byte(tc.src), known)
		}
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: err = %v\nwant %s", tc.file, err, tc.want)
		}
	}
}

func TestLintRefusesUnknownRuleNames(t *testing.T) {
	places := []string{"Jiangsu", "Jiangxi", "Kenya"}
	opts := known
	opts.Vocabulary = &alert.Vocabulary{
		KnownPlace: func(v string) bool { return slices.Contains(places, v) },
		NearPlaces: func(string) []string { return places },
		EventTypes: []string{"visit", "protest"},
	}
	src := "name: x\nsources: [{name: a, kind: feed, url: 'http://h/f'}]\nalerts:\n" +
		"  - {name: ok, region: [Jiangsu], event_type: [protest]}\n" +
		"  - name: typos\n    region: [Kenya, Jiansu]\n    event_type: [protests]\n"
	_, err := Parse("p.yaml", []byte(src), opts)
	want := "p.yaml:6:21: alerts[1].region[1]: region \"Jiansu\" is not a place newsmon knows; did you mean Jiangsu?\n" +
		"p.yaml:7:18: alerts[1].event_type[0]: event_type \"protests\" is not an event type; did you mean protest?"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

// Issue #20: decode problems at the right line and column, in the file's terms, with what to
// write instead; an empty file says so; the checks of the decoded spec report beside them.
func TestLintSpeaksTheFilesTerms(t *testing.T) {
	src := func(s string) string { return "name: x\nsources:\n  - {name: a, kind: feed, url: 'http://h/f'}\n" + s }
	tests := []struct{ name, src, want string }{
		{"empty", "", "p.yaml:1:1: the file is empty: a pipeline needs at least a name and sources (see pipelines/demo.yaml)"},
		{"only comments", "# nothing yet\n", "p.yaml:1:1: the file is empty: a pipeline needs at least a name and sources (see pipelines/demo.yaml)"},
		{"duration in words", "name: x\nsources:\n  - name: a\n    kind: feed\n    url: http://h/f\n    poll: 20 seconds\n",
			"p.yaml:6:11: sources[0].poll: `20 seconds` is not a duration: use 20s"},
		{"duration in days", src("crawl: {dedup_window: 2 days}\n"), "p.yaml:4:23: crawl.dedup_window: `2 days` is not a duration: use 48h"},
		{"bare number", src("crawl: {timeout: 30}\n"), "p.yaml:4:18: crawl.timeout: `30` is not a duration: use 30s (a number alone has no unit)"},
		{"top-level typo", src("alert:\n  - {name: a, text: b}\n"), "p.yaml:4:1: unknown field `alert` at the top level; did you mean `alerts`?"},
		{"nested typo", src("notify: {smtp: {addr: 'h:25', form: a@b.c}}\n"),
			"p.yaml:4:10: notify.smtp needs addr and from\np.yaml:4:31: unknown field `form` in notify.smtp; did you mean `from`?"},
		{"far from every field", src("notify: {smtp: {addr: 'h:25', from: a@b.c, server: x}}\n"),
			"p.yaml:4:44: unknown field `server` in notify.smtp (known: addr, from, to, username, password)"},
		{"scalar for a list", src("alerts:\n  - {name: a, region: Jiangsu}\n"), "p.yaml:5:5: alerts[0]: a rule needs at least one condition (text, person, org, place, region, event, source or lang)\n" +
			"p.yaml:5:23: `alerts[0].region` wants a list (`- item` lines or [a, b]), not `Jiangsu`"},
		{"not a number", src("extract: {workers: many}\n"), "p.yaml:4:20: extract.workers: `many` is not a whole number"},
		{"not a bool", src("crawl: {respect_robots: sometimes}\n"), "p.yaml:4:25: crawl.respect_robots: `sometimes` is not true or false"},
		{"decode and semantic problems together", "name: x\nsources:\n  - {name: a, kind: rss, url: 'http://h/f', pol: 1m}\n",
			"p.yaml:3:15: sources[0].kind: \"rss\" is not one of feed, sitemap, urls, page\np.yaml:3:45: unknown field `pol` in sources[0]; did you mean `poll`?"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("p.yaml", []byte(tc.src), known)
			if err == nil || err.Error() != tc.want {
				t.Errorf("err = %v\nwant %s", err, tc.want)
			}
		})
	}
}
