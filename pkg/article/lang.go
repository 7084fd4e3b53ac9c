package article

import (
	"strings"
	"unicode"
)

// isoLanguage turns a declared language tag ("en-US", "zh_Hans", "pt-BR") into its ISO 639-1
// code, or "" when the tag has no usable two-letter primary subtag.
func isoLanguage(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_,; "); i >= 0 {
		tag = tag[:i]
	}
	switch tag { // deprecated codes still seen in the wild
	case "iw":
		return "he"
	case "in":
		return "id"
	case "ji":
		return "yi"
	}
	if len(tag) != 2 || tag[0] < 'a' || tag[0] > 'z' || tag[1] < 'a' || tag[1] > 'z' {
		return ""
	}
	return tag
}

// detectSampleRunes bounds how much text the language detector reads.
const detectSampleRunes = 3000

// stopwords are very frequent function words of each language we detect from Latin, Cyrillic
// and Arabic script. A word shared by several languages counts for each, divided among them.
var stopwords = map[string][]string{
	"en": {"the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "was", "on", "as",
		"by", "he", "she", "at", "from", "his", "her", "have", "has", "are", "were", "be", "this",
		"which", "said", "not", "but", "they", "will", "would", "been", "an", "or", "their"},
	"fr": {"le", "la", "les", "et", "des", "du", "un", "une", "est", "que", "qui", "dans", "pour",
		"pas", "sur", "au", "aux", "avec", "il", "elle", "ce", "cette", "sont", "été", "ont", "mais",
		"par", "plus", "ses", "leur", "nous", "vous", "était", "selon"},
	"de": {"der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "zu", "ein",
		"eine", "sich", "auf", "für", "im", "auch", "es", "sie", "er", "wurde", "wird", "hat", "bei",
		"nach", "aus", "einen", "einer", "des", "sind", "noch", "wie", "oder", "werden"},
	"es": {"el", "los", "las", "y", "del", "que", "en", "un", "una", "por", "con", "para", "es",
		"se", "su", "al", "lo", "como", "más", "pero", "fue", "ha", "sus", "este", "esta", "según",
		"también", "entre", "sobre", "muy", "hay", "está"},
	"it": {"il", "di", "che", "e", "la", "della", "per", "un", "una", "sono", "non", "del", "le",
		"dei", "con", "nel", "nella", "alla", "è", "ha", "gli", "anche", "più", "come", "questo",
		"delle", "degli", "al", "lo", "ma", "stato", "essere", "sul", "secondo"},
	"pt": {"o", "os", "as", "e", "do", "da", "dos", "das", "que", "em", "um", "uma", "para", "com",
		"não", "no", "na", "é", "por", "mais", "ao", "se", "foi", "seu", "sua", "pelo", "pela",
		"também", "são", "nos", "nas", "ou", "está", "como"},
	"nl": {"het", "een", "en", "van", "is", "dat", "op", "te", "in", "voor", "met", "niet", "zijn",
		"er", "aan", "ook", "als", "bij", "door", "maar", "naar", "werd", "wordt", "hij", "ze", "zij",
		"de", "deze", "dit", "heeft", "nog", "om", "worden", "uit"},
	"ru": {"и", "в", "не", "на", "что", "с", "по", "как", "это", "он", "она", "к", "из", "за",
		"для", "от", "его", "но", "также", "был", "была", "о", "же", "все", "так", "при", "уже",
		"их", "было", "который", "которые", "года", "может"},
	"ar": {"في", "من", "على", "إلى", "أن", "عن", "مع", "التي", "الذي", "هذا", "هذه", "كان", "وقد",
		"قد", "لا", "ما", "أو", "بين", "كما", "بعد", "وفي", "ذلك", "إن", "عام", "حيث", "قال"},
}

// stopwordLangs maps each stopword to the languages it belongs to.
var stopwordLangs = func() map[string][]string {
	m := map[string][]string{}
	for lang, words := range stopwords {
		for _, w := range words {
			m[w] = append(m[w], lang)
		}
	}
	return m
}()

// detectLanguage guesses the ISO 639-1 language of text, or "" when unsure. Chinese, Japanese
// and Korean are told apart by script (kana means Japanese, Hangul Korean, Han alone Chinese);
// the others by stopword counts.
func detectLanguage(text string) string {
	lang, _ := languageEvidence(text)
	return lang
}

// languageEvidence is detectLanguage, also returning the stopword score of each Latin, Cyrillic
// or Arabic-script language (nil when the script decided).
func languageEvidence(text string) (string, map[string]float64) {
	var han, kana, hangul, letters int
	var words []string
	var word strings.Builder
	endWord := func() {
		if word.Len() > 0 {
			words = append(words, word.String())
			word.Reset()
		}
	}
	n := 0
	for _, r := range text {
		if n++; n > detectSampleRunes {
			break
		}
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			kana++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		}
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			letters++
			word.WriteRune(unicode.ToLower(r))
		} else {
			endWord()
		}
	}
	endWord()
	if letters == 0 {
		return "", nil
	}
	cjk := han + kana + hangul
	switch {
	case hangul*5 > letters:
		return "ko", nil
	case kana*20 > letters && kana*10 > cjk: // Japanese mixes kana into kanji text
		return "ja", nil
	case han*5 > letters:
		return "zh", nil
	}
	scores := map[string]float64{}
	for _, w := range words {
		langs := stopwordLangs[w]
		for _, l := range langs {
			scores[l] += 1 / float64(len(langs))
		}
	}
	best, bestScore := "", 0.0
	for _, l := range []string{"en", "fr", "de", "es", "it", "pt", "nl", "ru", "ar"} { // fixed order: ties are deterministic
		if scores[l] > bestScore {
			best, bestScore = l, scores[l]
		}
	}
	// Need a few hits, and a real share of the words, before trusting the guess.
	if bestScore < 3 || bestScore*20 < float64(len(words)) {
		return "", scores
	}
	return best, scores
}

// pageLanguage decides the article's language: the page's declaration, unless the text is
// clearly in another language (templates declare the site's language on every page, including
// the ones in English on a German site).
func pageLanguage(declared, text string) string {
	detected, scores := languageEvidence(text)
	switch {
	case declared == "":
		return detected
	case detected == "" || detected == declared:
		return declared
	case scores == nil: // decided by script: kana, Hangul, Han
		return detected
	case scores[detected] >= 10 && scores[detected] >= 4*scores[declared]:
		return detected
	}
	return declared
}
