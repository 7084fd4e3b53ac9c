package alert

import (
	"strconv"
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// Matching one condition of a rule: a table of matchers, one per condition kind (person, org,
// event, place, region, source, lang, event_type, tag), each giving the condition's reason, its
// evidence and how often the article mentions it.

// condition is one value of one condition kind, tested against one article.
type condition struct {
	kind  string // the condition kind, also the Kind of its mentions
	value string // the value as the rule gives it; the Value of its mentions
	norm  string // index.Norm(value)
	a     *article.Article
	keys  index.Keys // index.KeysOf(a)
}

// matcher tests a condition and returns its reason, its mentions and how often it is mentioned
// (at least 1 when it holds, even if the article carries no mention spans).
type matcher func(c condition) (why string, ms []Mention, count int, ok bool)

// matchers holds the matcher of each condition kind; a kind not in it never holds.
var matchers = map[string]matcher{
	"person":     matchEntity,
	"org":        matchEntity,
	"event":      matchEntity,
	"place":      matchPlace,
	"region":     matchRegion,
	"source":     matchSource,
	"lang":       matchLang,
	"event_type": matchEventType,
	"tag":        matchTag,
}

// matchValue tests one condition and returns its reason, its mentions and how often it is
// mentioned (at least 1 when it holds, even if the article carries no mention spans).
func matchValue(kind, v string, a *article.Article, k index.Keys) (string, []Mention, int, bool) {
	m, ok := matchers[kind]
	if !ok {
		return "", nil, 0, false
	}
	return m(condition{kind: kind, value: v, norm: index.Norm(v), a: a, keys: k})
}

// has returns the value among vals named like the condition.
func (c condition) has(vals []string) (string, bool) {
	for _, x := range vals {
		if index.Norm(x) == c.norm {
			return x, true
		}
	}
	return "", false
}

// mention is the evidence m gives for the condition.
func (c condition) mention(m article.Mention) Mention {
	return Mention{Kind: c.kind, Value: c.value, Text: m.Text, Start: m.Start, End: m.End}
}

// entityMentions collects the mentions of entities of type typ named like the condition.
func (c condition) entityMentions(typ string) ([]Mention, int) {
	var ms []Mention
	count := 0
	for _, e := range c.a.Entities {
		if e.Type != typ || index.Norm(e.Name) != c.norm {
			continue
		}
		count += max(e.Count, len(e.Mentions))
		for _, m := range e.Mentions {
			ms = append(ms, c.mention(m))
		}
	}
	return ms, count
}

func (c condition) placeMentions(p article.Place) []Mention {
	ms := make([]Mention, 0, len(p.Mentions))
	for _, m := range p.Mentions {
		ms = append(ms, c.mention(m))
	}
	return ms
}

// matchEntity matches person, org and event conditions against the article's entities of that
// type (and, for events, its extracted events).
func matchEntity(c condition) (string, []Mention, int, bool) {
	vals := map[string][]string{"person": c.keys.Persons, "org": c.keys.Orgs, "event": c.keys.Events}[c.kind]
	x, ok := c.has(vals)
	if !ok {
		return "", nil, 0, false
	}
	ms, count := c.entityMentions(strings.ToUpper(c.kind))
	if c.kind == "event" {
		for _, e := range c.a.Events {
			if index.Norm(e.Name) == c.norm {
				for _, m := range e.Mentions {
					ms = append(ms, c.mention(m))
				}
				count = max(count, len(e.Mentions))
			}
		}
	}
	return c.kind + " " + x, ms, max(count, 1), true
}

// matchPlace matches a place condition: a resolved place of that name, or a PLACE entity.
func matchPlace(c condition) (string, []Mention, int, bool) {
	x, ok := c.has(c.keys.Places)
	if !ok {
		return "", nil, 0, false
	}
	var ms []Mention
	for _, p := range c.a.Places {
		if index.Norm(p.Name) == c.norm {
			ms = append(ms, c.placeMentions(p)...)
		}
	}
	ems, count := c.entityMentions(article.TypePlace)
	if len(ms) == 0 {
		ms = ems
	}
	return "place " + x, ms, max(len(ms), count, 1), true
}

// matchRegion matches a region condition: a resolved place inside the region (by GeoNames id, by
// the region code the Matcher resolved, or by the names of the place's containing regions), else
// an unresolved PLACE entity by name.
func matchRegion(c condition) (string, []Mention, int, bool) {
	why := ""
	var ms []Mention
	id, _ := strconv.Atoi(c.value)
	cc, a1, byCode := "", "", false
	if rest, ok := strings.CutPrefix(c.value, regionCodePrefix); ok { // set by Matcher.withRegionCodes
		code, idText, _ := strings.Cut(rest, "=")
		cc, a1, _ = strings.Cut(code, ".")
		id, _ = strconv.Atoi(idText)
		byCode, c.value = true, idText
	}
	for _, p := range c.a.Places {
		hit := id > 0 && p.GeonameID == id ||
			byCode && p.CountryCode == cc && (a1 == "" || p.Admin1Code == a1 && p.Feature != "country")
		rk := p.Name
		for _, k := range index.RegionKeys(p) {
			if !hit && index.Norm(k) == c.norm {
				hit, rk = true, k
			}
		}
		if !hit {
			continue
		}
		ms = append(ms, c.placeMentions(p)...)
		switch {
		case why != "":
		case id > 0 && p.GeonameID == id || index.Norm(p.Name) == c.norm:
			why = "region " + p.Name
		case byCode:
			why = "region " + c.value + " via " + p.Name
		default:
			why = "region " + rk + " via " + p.Name
		}
	}
	if why == "" { // unresolved PLACE entities match by name only
		x, ok := c.has(c.keys.Regions)
		if !ok {
			return "", nil, 0, false
		}
		why = "region " + x
	}
	if ems, _ := c.entityMentions(article.TypePlace); len(ems) > 0 {
		ms = append(ms, ems...) // the same spans as resolved places are dropped by sortMentions
	}
	ms = sortMentions(ms)
	return why, ms, max(len(ms), 1), true
}

func matchSource(c condition) (string, []Mention, int, bool) {
	if index.Norm(c.a.Source) == c.norm {
		return "source " + c.a.Source, nil, 1, true
	}
	return "", nil, 0, false
}

func matchLang(c condition) (string, []Mention, int, bool) {
	if index.Norm(c.a.Language) == c.norm {
		return "lang " + c.a.Language, nil, 1, true
	}
	return "", nil, 0, false
}

// matchTag matches a collection tag of the article's source ("country:CN").
func matchTag(c condition) (string, []Mention, int, bool) {
	if t, ok := c.has(c.keys.Tags); ok {
		return "tag " + t, nil, 1, true
	}
	return "", nil, 0, false
}

// matchEventType matches an event_type condition: an extracted event of that type in the
// article's time frame, with its trigger (or its mentions) as evidence.
func matchEventType(c condition) (string, []Mention, int, bool) {
	var ms []Mention
	found := false
	for _, e := range c.a.Events {
		if index.Norm(e.Type) != c.norm || !InTimeFrame(e, c.a) {
			continue
		}
		found = true
		if e.Trigger != nil {
			ms = append(ms, c.mention(*e.Trigger))
		} else {
			for _, m := range e.Mentions {
				ms = append(ms, c.mention(m))
			}
		}
	}
	if !found {
		return "", nil, 0, false
	}
	return "event type " + c.value, ms, max(len(ms), 1), true
}
