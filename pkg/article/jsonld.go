package article

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
)

// linkedData is what a page's schema.org JSON-LD says about its article.
type linkedData struct {
	Headline      string
	Authors       []string
	DatePublished string
	DateModified  string
	ArticleBody   string
	Publisher     string
	Image         string
	URL           string
	Language      string
	// IsArticle: an article-typed object was found; IsListing: a CollectionPage, ItemList or the
	// like describes the page. Both feed pageKind.
	IsArticle, IsListing bool
}

// articleTypes are the schema.org types whose JSON-LD describes the article itself.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true, "analysisnewsarticle": true,
	"opinionnewsarticle": true, "reviewnewsarticle": true, "backgroundnewsarticle": true,
	"askpublicnewsarticle": true, "blogposting": true, "liveblogposting": true, "report": true,
	"scholarlyarticle": true, "techarticle": true, "socialmediaposting": true, "posting": true,
}

// parseLinkedData reads the JSON-LD scripts of a page and returns the first article-typed
// object, with "@id" references (e.g. an author in a "@graph") resolved. Broken JSON that
// CMSs commonly emit (raw newlines in strings, trailing commas, HTML comment wrappers) is
// repaired; what still doesn't parse is ignored.
func parseLinkedData(scripts []string) linkedData {
	var objects []map[string]any
	for _, src := range scripts {
		var v any
		if err := json.Unmarshal([]byte(src), &v); err != nil {
			if err := json.Unmarshal([]byte(repairJSON(src)), &v); err != nil {
				continue
			}
		}
		collectObjects(v, &objects, 0)
	}
	byID := map[string]map[string]any{}
	for _, o := range objects {
		if id, ok := o["@id"].(string); ok {
			byID[id] = o
		}
	}
	listing := false
	for _, o := range objects {
		listing = listing || hasType(o, listingTypes)
	}
	for _, o := range objects {
		if !hasArticleType(o) {
			continue
		}
		ld := linkedData{IsArticle: true, IsListing: listing,
			Headline:      firstString(o["headline"]),
			DatePublished: firstString(o["datePublished"]),
			DateModified:  firstString(o["dateModified"]),
			ArticleBody:   firstString(o["articleBody"]),
			Publisher:     nameOf(o["publisher"], byID),
			Image:         urlOf(o["image"]),
			URL:           urlOf(o["url"]),
			Language:      firstString(o["inLanguage"]),
		}
		if ld.Headline == "" {
			ld.Headline = firstString(o["name"])
		}
		if ld.URL == "" {
			ld.URL = urlOf(o["mainEntityOfPage"])
		}
		ld.Authors = authorNames(o["author"], byID)
		if len(ld.Authors) == 0 {
			ld.Authors = authorNames(o["creator"], byID)
		}
		return ld
	}
	return linkedData{IsListing: listing}
}

var (
	trailingComma = regexp.MustCompile(`,\s*([}\]])`)
	rawControl    = strings.NewReplacer("\n", " ", "\r", " ", "\t", " ")
)

func repairJSON(s string) string {
	s = strings.TrimSpace(s)
	for _, wrap := range []string{"<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"} {
		s = strings.ReplaceAll(s, wrap, "")
	}
	s = rawControl.Replace(s)
	return trailingComma.ReplaceAllString(s, "$1")
}

// collectObjects gathers every JSON object reachable through arrays, "@graph" and
// "mainEntity", depth-limited so hostile input can't recurse forever.
func collectObjects(v any, out *[]map[string]any, depth int) {
	if depth > 8 {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			collectObjects(e, out, depth+1)
		}
	case map[string]any:
		*out = append(*out, t)
		collectObjects(t["@graph"], out, depth+1)
		collectObjects(t["mainEntity"], out, depth+1)
	}
}

// listingTypes are the schema.org types of pages that list others.
var listingTypes = map[string]bool{
	"collectionpage": true, "itemlist": true, "searchresultspage": true, "profilepage": true,
}

func hasArticleType(o map[string]any) bool { return hasType(o, articleTypes) }

func hasType(o map[string]any, types map[string]bool) bool {
	switch t := o["@type"].(type) {
	case string:
		return types[strings.ToLower(t)]
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok && types[strings.ToLower(s)] {
				return true
			}
		}
	}
	return false
}

// firstString returns a string value, the first string of an array, or an object's "@value".
func firstString(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(html.UnescapeString(t))
	case []any:
		for _, e := range t {
			if s := firstString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		return firstString(t["@value"])
	}
	return ""
}

// urlOf reads an image or page reference: a string, {"url": …}, {"@id": …} or an array of those.
func urlOf(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case []any:
		for _, e := range t {
			if s := urlOf(e); s != "" {
				return s
			}
		}
	case map[string]any:
		if s := urlOf(t["url"]); s != "" {
			return s
		}
		if s, ok := t["@id"].(string); ok {
			return s
		}
	}
	return ""
}

// nameOf reads an organisation or person: a string or an object with a name, possibly by @id.
func nameOf(v any, byID map[string]map[string]any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(html.UnescapeString(t))
	case []any:
		for _, e := range t {
			if s := nameOf(e, byID); s != "" {
				return s
			}
		}
	case map[string]any:
		if s := firstString(t["name"]); s != "" {
			return s
		}
		if id, ok := t["@id"].(string); ok {
			if ref, ok := byID[id]; ok {
				return firstString(ref["name"])
			}
		}
	}
	return ""
}

// authorNames reads schema.org author, which may be a string, a Person, or an array of either.
func authorNames(v any, byID map[string]map[string]any) []string {
	var names []string
	switch t := v.(type) {
	case string:
		names = append(names, splitByline(html.UnescapeString(t))...)
	case []any:
		for _, e := range t {
			names = append(names, authorNames(e, byID)...)
		}
	case map[string]any:
		if n := nameOf(t, byID); n != "" {
			names = append(names, splitByline(n)...)
		}
	}
	return names
}
