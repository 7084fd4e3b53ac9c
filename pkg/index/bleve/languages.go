package bleve

import (
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/da"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/es"
	"github.com/blevesearch/bleve/v2/analysis/lang/fi"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/lang/it"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/analysis/lang/no"
	"github.com/blevesearch/bleve/v2/analysis/lang/pt"
	"github.com/blevesearch/bleve/v2/analysis/lang/ru"
	"github.com/blevesearch/bleve/v2/analysis/lang/sv"
	"github.com/blevesearch/bleve/v2/analysis/lang/tr"
)

// languageAnalyzers picks the text analyser for an article's language (ISO 639-1): stemming and
// stop words for the languages bleve knows, so "hydrogène" finds "l'hydrogène" in French and
// "nations" finds "nation" in English. Any other language gets the standard analyser (Unicode
// words, lower case), which works for every script without mangling words. All analysers write
// into the same fields, and a query term is analysed by each of them (see Index.termQuery).
var languageAnalyzers = map[string]string{
	"en": en.AnalyzerName, "fr": fr.AnalyzerName, "de": de.AnalyzerName, "es": es.AnalyzerName,
	"it": it.AnalyzerName, "pt": pt.AnalyzerName, "nl": nl.AnalyzerName, "ru": ru.AnalyzerName,
	"ar": ar.AnalyzerName, "sv": sv.AnalyzerName, "da": da.AnalyzerName, "no": no.AnalyzerName,
	"fi": fi.AnalyzerName, "tr": tr.AnalyzerName,
	"zh": cjk.AnalyzerName, "ja": cjk.AnalyzerName, "ko": cjk.AnalyzerName,
}

// typeOther is the document type (and mapping) of articles in any other language.
const typeOther = "other"

// queryAnalyzers lists every analyser a document may have been indexed with, standard first.
func queryAnalyzers() []string {
	out := []string{standard.Name}
	seen := map[string]bool{standard.Name: true}
	for _, lang := range []string{"en", "fr", "de", "es", "it", "pt", "nl", "ru", "ar", "sv", "da", "no",
		"fi", "tr", "zh"} {
		if an := languageAnalyzers[lang]; !seen[an] {
			seen[an] = true
			out = append(out, an)
		}
	}
	return out
}
