package pipeline

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/newsmon/newsmon/pkg/alert"
	"github.com/newsmon/newsmon/pkg/index"
)

// Tags are a source's collection tags as the pipeline file writes them, either as a section of
// `key: value` lines, where a value may be a list:
//
//	tags: {kind: wire, collection: [asia-press, state-media]}
//
// or as a list of names, each a collection unless written key:value:
//
//	tags: [asia-press, "kind:wire"]
//
// Each tag reaches the source's articles as "key:value" (Article.SourceTags), which searches
// filter on and compare across. Decoding only reads the shape; the validator judges the values,
// at each value's own position.
type Tags struct {
	entries []tagEntry
}

type tagEntry struct {
	key, value      string
	line, col       int // where the value is written
	keyLine, keyCol int // where the key is written
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (t *Tags) UnmarshalYAML(n *yaml.Node) error {
	t.entries = nil
	fail := func(at *yaml.Node, msg string) error {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %s", at.Line, msg)}}
	}
	scalar := func(k, v *yaml.Node) error {
		if v.Kind != yaml.ScalarNode {
			return fail(v, "a tag value is a single name, not "+describeNode(v))
		}
		t.entries = append(t.entries, tagEntry{key: k.Value, value: v.Value, line: v.Line, col: v.Column,
			keyLine: k.Line, keyCol: k.Column})
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if v.Kind != yaml.SequenceNode {
				if err := scalar(k, v); err != nil {
					return err
				}
				continue
			}
			for _, item := range v.Content {
				if err := scalar(k, item); err != nil {
					return err
				}
			}
		}
	case yaml.SequenceNode:
		for _, item := range n.Content {
			if err := scalar(&yaml.Node{Line: item.Line, Column: item.Column}, item); err != nil {
				return err
			}
			e := &t.entries[len(t.entries)-1]
			if k, v, ok := strings.Cut(e.value, ":"); ok {
				e.key, e.value = k, v
				e.col += len(k) + 1
			}
		}
	default:
		return fail(n, "tags want `key: value` lines (kind: wire) or a list of collection names, not "+describeNode(n))
	}
	return nil
}

// Tag keys newsmon knows the values of; any other key is a user's own and takes any name.
const (
	TagCountry  = "country"  // ISO 3166 alpha-2 of the outlet, upper case: CN
	TagLanguage = "language" // ISO 639-1 (or 639-3) of the outlet, lower case: zh
	TagKind     = "kind"     // what the outlet is, one of SourceKinds
)

// SourceKinds are the values of the kind tag.
var SourceKinds = []string{"wire", "newspaper", "magazine", "broadcast", "online", "blog", "government", "ngo", "other"}

var (
	tagKeyRE    = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,31}$`)
	countryRE   = regexp.MustCompile(`^[A-Za-z]{2}$`)
	languageRE  = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$`)
	maxTagValue = 100
)

// normTag checks one tag and returns its canonical value (country upper case, language and kind
// lower case, other values as written, trimmed), or a problem in the file's terms.
func normTag(key, value string) (string, string) {
	value = strings.TrimSpace(value)
	switch {
	case !tagKeyRE.MatchString(key):
		return "", fmt.Sprintf("tag key %q: write it in lower case, starting with a letter, with letters, digits, - or _ (at most 32)", key)
	case value == "":
		return "", fmt.Sprintf("tag %s has no value", key)
	case utf8.RuneCountInString(value) > maxTagValue:
		return "", fmt.Sprintf("tag %s: value longer than %d characters", key, maxTagValue)
	case strings.ContainsFunc(value, unicode.IsControl):
		return "", fmt.Sprintf("tag %s: value %q holds a control character", key, value)
	}
	switch key {
	case TagCountry:
		if !countryRE.MatchString(value) {
			return "", fmt.Sprintf("tag country: %q is not an ISO 3166 two-letter country code such as CN or US", value)
		}
		return strings.ToUpper(value), ""
	case TagLanguage:
		if !languageRE.MatchString(value) {
			return "", fmt.Sprintf("tag language: %q is not an ISO 639 language code such as zh or en", value)
		}
		return strings.ToLower(value), ""
	case TagKind:
		v := strings.ToLower(value)
		if !slices.Contains(SourceKinds, v) {
			msg := fmt.Sprintf("tag kind: %q is not one of %s", value, strings.Join(SourceKinds, ", "))
			if s := alert.Suggest(v, SourceKinds, 1); len(s) > 0 {
				msg += fmt.Sprintf("; did you mean %s?", s[0])
			}
			return "", msg
		}
		return v, ""
	}
	return value, ""
}

// SourceTags are the tags of the source's articles, "key:value" each, in the order written: its
// country and language (from the source's own country and language fields, or from its tags),
// then its tags. Values are canonical (see normTag); invalid tags, which Load reports, are left
// out.
func (s Source) SourceTags() []string {
	var out []string
	add := func(key, value string) {
		if v, problem := normTag(key, value); problem == "" {
			if tag := index.Tag(key, v); !slices.Contains(out, tag) {
				out = append(out, tag)
			}
		}
	}
	if s.Country != "" {
		add(TagCountry, s.Country)
	}
	if s.Language != "" {
		add(TagLanguage, s.Language)
	}
	for _, e := range s.Tags.entries {
		add(cmp.Or(e.key, index.CollectionKey), e.value)
	}
	return out
}

// checkTags reports the source's invalid tags, a tag written twice, and a country or language
// given both as the source's field and as a different tag.
func (v *validator) checkTags(i int, src Source) {
	seen := map[string]bool{}
	fields := map[string]string{}
	if src.Country != "" {
		if c, problem := normTag(TagCountry, src.Country); problem != "" {
			v.add(fmt.Sprintf("sources[%d].country: %q is not an ISO 3166 two-letter country code such as CN or US", i, src.Country), "sources", i, "country")
		} else {
			fields[TagCountry] = c
		}
	}
	if src.Language != "" {
		if l, problem := normTag(TagLanguage, src.Language); problem != "" {
			v.add(fmt.Sprintf("sources[%d].language: %q is not an ISO 639 language code such as zh or en", i, src.Language), "sources", i, "language")
		} else {
			fields[TagLanguage] = l
		}
	}
	for _, e := range src.Tags.entries {
		key := cmp.Or(e.key, index.CollectionKey)
		val, problem := normTag(key, e.value)
		switch {
		case problem != "":
		case fields[key] != "" && fields[key] != val:
			problem = fmt.Sprintf("tag %s: %s differs from the source's %s: %s", key, val, key, fields[key])
		case seen[key+":"+val]:
			problem = fmt.Sprintf("tag %s:%s is written twice", key, val)
		}
		seen[key+":"+val] = true
		if problem == "" {
			continue
		}
		line, col := e.line, e.col
		if !tagKeyRE.MatchString(key) {
			line, col = e.keyLine, e.keyCol
		}
		v.problems = append(v.problems, Problem{v.file, line, max(col, 1), fmt.Sprintf("sources[%d].tags: %s", i, problem)})
	}
}
