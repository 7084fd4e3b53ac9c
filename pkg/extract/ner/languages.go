package ner

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
)

// languageModels names the embedded model trained for each language other than English (see
// model/README.md: CoNLL-2002 news for es and nl): an article whose Article.Language is one of these is tagged by that model, and
// its entities are kept as the document-level step gives them, not thinned by keepForLanguage. The
// table is read-only.
var languageModels = map[string]string{
	"es": "es.conll2002",
	"nl": "nl.conll2002",
}

// LanguageModels lists the languages with a model of their own, sorted.
func LanguageModels() []string { return slices.Sorted(maps.Keys(languageModels)) }

// languageLoaders are a Tagger's per-language models, each decoded on the first article of its
// language (a feed without Spanish never pays for the Spanish model) and then kept. The map is
// read-only once built; each entry's state is its own.
type languageLoaders map[string]*languageModel

// languageModel is one language's model, loaded once, and its scratch space.
type languageModel struct {
	load    func() (*Model, error)
	scratch scratchPool
}

func newLanguageLoaders() languageLoaders {
	out := make(languageLoaders, len(languageModels))
	for lang, name := range languageModels {
		out[lang] = &languageModel{load: sync.OnceValues(func() (*Model, error) { return loadEmbedded(name) })}
	}
	return out
}

// forLanguage returns lang's model ("es", "es-MX" → es), false when lang has none.
func (l languageLoaders) forLanguage(lang string) (*languageModel, bool) {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	lm, ok := l[base]
	return lm, ok
}

// LoadLanguageModel decodes the embedded model of a language ("es"); every call decodes it anew
// (Taggers keep theirs), so it is for tools such as `newsmon eval ner --lang`.
func LoadLanguageModel(lang string) (*Model, error) {
	name, ok := languageModels[lang]
	if !ok {
		return nil, fmt.Errorf("%w: no model for language %q (have: %s)", ErrNoModel, lang, strings.Join(LanguageModels(), ", "))
	}
	return loadEmbedded(name)
}

// keepNames drops what a language model labels that is no name: spans opening in lower case or with
// punctuation (a span opening with a Han character is kept: Chinese has no capitals) (the
// document-level step trims only the English "the"; models trained on WikiANN's silver spans,
// which we tried, run over such words: "ministre de la Transition"), and names ending in a dollar
// sign ("US$4.000 millones" tokenises as "US$" "4.000": CoNLL-2002 never shows one, so its model
// takes "US$" for a body).
func keepNames(ents []article.Entity) []article.Entity {
	return slices.DeleteFunc(ents, func(e article.Entity) bool {
		first, _ := utf8.DecodeRuneInString(e.Name)
		return strings.HasSuffix(e.Name, "$") || !unicode.IsUpper(first) && !unicode.IsDigit(first) && !unicode.Is(unicode.Han, first)
	})
}
