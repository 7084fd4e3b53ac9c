package pipeline

import (
	"slices"
	"strings"
	"testing"
)

func TestSourceTags(t *testing.T) {
	const head = "name: x\nsources:\n"
	tests := []struct {
		name, source string
		want         []string
	}{
		{"none", `  - {name: a, kind: feed, url: "http://h/f"}`, nil},
		{"country and language fields", `  - {name: a, kind: feed, url: "http://h/f", country: cn, language: ZH}`,
			[]string{"country:CN", "language:zh"}},
		{"section", `  - {name: a, kind: feed, url: "http://h/f", country: CN, tags: {kind: Wire, collection: [asia-press, state media], owner: State}}`,
			[]string{"country:CN", "kind:wire", "collection:asia-press", "collection:state media", "owner:State"}},
		{"list", `  - {name: a, kind: feed, url: "http://h/f", tags: [asia-press, "kind:blog", "country:us"]}`,
			[]string{"collection:asia-press", "kind:blog", "country:US"}},
		{"same country twice is one tag", `  - {name: a, kind: feed, url: "http://h/f", country: CN, tags: {country: cn}}`,
			[]string{"country:CN"}},
		{"block style", "  - name: a\n    kind: feed\n    url: http://h/f\n    tags:\n      kind: government\n      region:\n        - east-asia\n",
			[]string{"kind:government", "region:east-asia"}},
	}
	for _, tc := range tests {
		s, err := Parse("inline.yaml", []byte(head+tc.source+"\n"), known)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got := s.Sources[0].SourceTags(); !slices.Equal(got, tc.want) {
			t.Errorf("%s: SourceTags() = %q; want %q", tc.name, got, tc.want)
		}
	}
}

func TestSourceTagProblems(t *testing.T) {
	const head = "name: x\nsources:\n"
	tests := []struct{ source, want string }{
		{`  - {name: a, kind: feed, url: "http://h/f", tags: {kind: newspapr}}`,
			`inline.yaml:3:59: sources[0].tags: tag kind: "newspapr" is not one of wire, newspaper, magazine, broadcast, online, blog, government, ngo, other; did you mean newspaper?`},
		{`  - {name: a, kind: feed, url: "http://h/f", tags: {country: China}}`,
			`inline.yaml:3:62: sources[0].tags: tag country: "China" is not an ISO 3166 two-letter country code such as CN or US`},
		{`  - {name: a, kind: feed, url: "http://h/f", country: HK, tags: {country: CN}}`,
			`inline.yaml:3:75: sources[0].tags: tag country: CN differs from the source's country: HK`},
		{`  - {name: a, kind: feed, url: "http://h/f", language: english}`,
			`inline.yaml:3:46: sources[0].language: "english" is not an ISO 639 language code such as zh or en`},
		{`  - {name: a, kind: feed, url: "http://h/f", tags: [asia, asia]}`,
			`inline.yaml:3:59: sources[0].tags: tag collection:asia is written twice`},
		{`  - {name: a, kind: feed, url: "http://h/f", tags: {Big Owner: x}}`,
			`inline.yaml:3:53: sources[0].tags: tag key "Big Owner": write it in lower case, starting with a letter, with letters, digits, - or _ (at most 32)`},
		{`  - {name: a, kind: feed, url: "http://h/f", tags: {collection: ""}}`,
			`inline.yaml:3:65: sources[0].tags: tag collection has no value`},
		{`  - {name: a, kind: feed, url: "http://h/f", tags: wire}`,
			"inline.yaml:3:52: sources[0].tags: tags want `key: value` lines (kind: wire) or a list of collection names, not `wire`"},
		{`  - {name: a, kind: feed, url: "http://h/f", tags: {collection: {a: b}}}`,
			"inline.yaml:3:52: sources[0].tags: a tag value is a single name, not a section of `key: value` lines"},
	}
	for _, tc := range tests {
		_, err := Parse("inline.yaml", []byte(head+tc.source+"\n"), known)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s:\n got %v\nwant %s", tc.source, err, tc.want)
		}
	}
}

func TestCrawlSourcesCarryTags(t *testing.T) {
	s, err := Parse("inline.yaml", []byte("name: x\nsources:\n  - {name: a, kind: feed, url: \"http://h/f\", country: KE, tags: [africa]}\n"), known)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.CrawlSources()[0].Tags, []string{"country:KE", "collection:africa"}; !slices.Equal(got, want) {
		t.Errorf("CrawlSources()[0].Tags = %q; want %q", got, want)
	}
}

// An alert rule in the pipeline file may keep to collections, as a rule made through the API can.
func TestAlertSpecCarriesTags(t *testing.T) {
	src := "name: x\nsources: [{name: a, kind: feed, url: 'http://h/f', tags: [asia-press]}]\nalerts:\n" +
		"  - {name: wires on Jiangsu, region: [Jiangsu], tag: ['kind:wire']}\n"
	spec, err := Parse("p.yaml", []byte(src), known)
	if err != nil {
		t.Fatal(err)
	}
	if r := spec.Alerts[0].Rule(); len(r.Tag) != 1 || r.Tag[0] != "kind:wire" || r.Validate() != nil {
		t.Errorf("Rule() = %+v (%v); want the rule with tag kind:wire", r, r.Validate())
	}
}
