package text

import "strings"

// The languages other than English that the extractors reading patterns over lexemes (money,
// dates) know. Each says only what scanning needs; the words of each language (month names,
// currency words) belong to the extractor that reads them.
var (
	Spanish    = &Language{Tag: "es", abbreviations: englishAbbreviations}
	French     = &Language{Tag: "fr", abbreviations: englishAbbreviations, groups: spaceGroups}
	German     = &Language{Tag: "de", abbreviations: englishAbbreviations, groups: append([]rune{'’', '\''}, spaceGroups...)}
	Portuguese = &Language{Tag: "pt", abbreviations: englishAbbreviations, groups: spaceGroups}
	Italian    = &Language{Tag: "it", abbreviations: englishAbbreviations, groups: []rune{'’', '\''}}
	Dutch      = &Language{Tag: "nl", abbreviations: englishAbbreviations}
	Chinese    = &Language{Tag: "zh", abbreviations: englishAbbreviations}
)

// spaceGroups are the spaces French, German and European Portuguese print between thousands:
// the space, the no-break space and the narrow no-break space ("1 234 567").
var spaceGroups = []rune{' ', '\u00a0', '\u202f'}

// languages are the Languages by their primary subtag.
var languages = map[string]*Language{"en": English, "": English, "es": Spanish, "fr": French, "de": German,
	"pt": Portuguese, "it": Italian, "nl": Dutch, "zh": Chinese}

// LanguageFor returns the Language of a BCP 47 tag ("es", "pt-BR", "zh-Hant"), English for "" and
// "en", and nil for a language this package does not know.
func LanguageFor(tag string) *Language {
	primary, _, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(tag, "_", "-")), "-")
	return languages[primary]
}
