package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
// Elided articles and prepositions ("l'", "d'", "qu'", "dell'") count as the word before the
// apostrophe.
var stopwords = map[string][]string{
	"en": {"the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "was", "on", "as",
		"by", "he", "she", "at", "from", "his", "her", "have", "has", "are", "were", "be", "this",
		"which", "said", "not", "but", "they", "will", "would", "been", "an", "or", "their",
		// frequent in headlines and leads, where the longer words above are rare
		"after", "over", "says", "its", "into", "about", "than", "who", "amid", "could", "we",
		"what", "when", "there", "after", "against", "more", "new", "up", "out", "first", "year", "per"},
	"fr": {"le", "la", "les", "et", "des", "du", "un", "une", "est", "que", "qui", "dans", "pour",
		"pas", "sur", "au", "aux", "avec", "il", "elle", "ce", "cette", "sont", "été", "ont", "mais",
		"par", "plus", "ses", "leur", "nous", "vous", "était", "selon", "de", "l", "d", "qu", "ne",
		"après", "lors", "entre", "contre", "sera", "fait", "deux", "trois", "ans", "où", "très"},
	"de": {"der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "zu", "ein",
		"eine", "sich", "auf", "für", "im", "auch", "es", "sie", "er", "wurde", "wird", "hat", "bei",
		"nach", "aus", "einen", "einer", "des", "sind", "noch", "wie", "oder", "werden", "am", "um",
		"über", "vor", "zum", "zur", "nur", "sagte", "mehr", "soll", "seit", "durch", "gegen", "beim",
		"bis", "dass", "haben", "war", "kann", "worden", "ab", "neue", "neuen", "jahr", "jahren",
		"wegen", "rund", "weiter", "mehrere", "ohne", "unter", "zwischen", "einem", "vom", "ins"},
	"es": {"el", "los", "las", "y", "del", "que", "en", "un", "una", "por", "con", "para", "es",
		"se", "su", "al", "lo", "como", "más", "pero", "fue", "ha", "sus", "este", "esta", "según",
		"también", "entre", "sobre", "muy", "hay", "está", "de", "la", "tras", "dijo", "años",
		"desde", "hasta", "sin", "han", "ya", "cuando", "otros", "millones", "gobierno", "no",
		"todavía", "ni", "les", "le"},
	"it": {"il", "di", "che", "e", "la", "della", "per", "un", "una", "sono", "non", "del", "le",
		"dei", "con", "nel", "nella", "alla", "è", "ha", "gli", "anche", "più", "come", "questo",
		"delle", "degli", "al", "lo", "ma", "stato", "essere", "sul", "secondo", "dal", "dalla",
		"nei", "ai", "alle", "sulla", "tra", "dopo", "hanno", "detto", "l", "d", "dell", "nell", "all",
		"sull", "dall", "ed", "cui", "anni", "milioni", "governo", "oggi", "i", "nuovo", "nuova",
		"tre", "due", "sono", "ai", "agli", "contro"},
	"pt": {"o", "os", "as", "e", "do", "da", "dos", "das", "que", "em", "um", "uma", "para", "com",
		"não", "no", "na", "é", "por", "mais", "ao", "se", "foi", "seu", "sua", "pelo", "pela",
		"também", "são", "nos", "nas", "ou", "está", "como", "de", "disse", "anos", "após", "até",
		"já", "milhões", "governo", "ser", "à", "foram", "será", "segundo"},
	"nl": {"het", "een", "en", "van", "is", "dat", "op", "te", "in", "voor", "met", "niet", "zijn",
		"er", "aan", "ook", "als", "bij", "door", "maar", "naar", "werd", "wordt", "hij", "ze", "zij",
		"de", "deze", "dit", "heeft", "nog", "om", "worden", "uit", "tot", "hebben", "volgens",
		"zegt", "zei", "geen", "wat", "jaar", "miljoen", "kabinet", "wil", "gaat", "naar", "tegen",
		"na", "twee", "drie", "weer", "nieuwe", "bijna"},
	"ru": {"и", "в", "не", "на", "что", "с", "по", "как", "это", "он", "она", "к", "из", "за",
		"для", "от", "его", "но", "также", "был", "была", "о", "же", "все", "так", "при", "уже",
		"их", "было", "который", "которые", "года", "может", "во", "после", "году", "заявил",
		"будет", "глава", "более", "у", "до", "нет", "под", "над", "чем", "если", "только"},
	// Indonesian (and Malay, which shares these words and reads as "id"): without them an
	// Indonesian story came out "" and went through the English tagger, which named its words.
	// "di", the commonest, is Italian's too, and would halve Italian's best evidence.
	"id": {"yang", "dan", "ini", "itu", "dengan", "untuk", "tidak", "dari", "dalam", "akan",
		"pada", "juga", "ke", "karena", "adalah", "oleh", "mereka", "kami", "kita", "saya", "bisa",
		"atau", "sudah", "telah", "seperti", "lebih", "tersebut", "bahwa", "tahun", "menjadi", "kata",
		"jika", "namun", "masih", "setelah", "antara", "sebagai", "hanya", "bagi", "sejak", "kepada",
		"belum", "tetapi", "ia", "nya", "jangan", "cuma", "zaman", "jadi", "karna", "agar", "sangat",
		"harus", "banyak", "sebuah", "orang", "mengatakan", "pemerintah", "kemarin", "hari"},
	"ar": {"في", "من", "على", "إلى", "أن", "عن", "مع", "التي", "الذي", "هذا", "هذه", "كان", "وقد",
		"قد", "لا", "ما", "أو", "بين", "كما", "بعد", "وفي", "ذلك", "إن", "عام", "حيث", "قال"},
}

// elisionOnly are stopwords that count only before an apostrophe ("l'État", "dell'anno"): alone
// they are initials ("L Orquera").
var elisionOnly = map[string]bool{"l": true, "d": true, "qu": true, "dell": true, "nell": true,
	"all": true, "sull": true, "dall": true}

// stopwordLangs maps each stopword to the languages it belongs to.
var stopwordLangs = func() map[string][]string {
	m := map[string][]string{}
	for lang, words := range stopwords {
		seen := map[string]bool{}
		for _, w := range words {
			if !seen[w] {
				seen[w] = true
				m[w] = append(m[w], lang)
			}
		}
	}
	return m
}()

// langWeight is evidence for one language.
type langWeight struct {
	lang   string
	weight float64
}

// letterEvidence are letters and marks that few of the Latin-script languages we detect use: ñ
// and ¿ are Spanish, ã and õ Portuguese, ß German, ì and ò Italian, œ French. Short texts (a
// headline and its lead) have few function words; these letters tell Spanish from Portuguese and
// French from Italian where the stopwords are shared or missing.
var letterEvidence = map[rune][]langWeight{
	'ñ': {{"es", 1}}, '¿': {{"es", 1}}, '¡': {{"es", 1}},
	'ã': {{"pt", 1}}, 'õ': {{"pt", 1}},
	'ç': {{"fr", .5}, {"pt", .5}},
	'ß': {{"de", 1}}, 'ä': {{"de", .6}}, 'ö': {{"de", .6}}, 'ü': {{"de", .6}}, '„': {{"de", .5}},
	'è': {{"fr", .5}, {"it", .5}}, 'ê': {{"fr", .6}, {"pt", .4}}, 'â': {{"fr", .5}, {"pt", .5}},
	'ô': {{"fr", .5}, {"pt", .5}}, 'î': {{"fr", .8}}, 'û': {{"fr", .8}}, 'œ': {{"fr", 1}},
	'ë': {{"fr", .5}, {"nl", .5}}, 'ï': {{"fr", .6}, {"nl", .4}},
	'ì': {{"it", 1}}, 'ò': {{"it", 1}}, 'ù': {{"it", .5}, {"fr", .5}}, 'à': {{"fr", .4}, {"it", .4}, {"pt", .2}},
	'á': {{"es", .5}, {"pt", .5}}, 'í': {{"es", .5}, {"pt", .5}}, 'ó': {{"es", .6}, {"pt", .4}},
	'ú': {{"es", .5}, {"pt", .5}}, 'é': {{"fr", .5}, {"es", .2}, {"pt", .2}, {"it", .1}},
}

// suffixEvidence are word endings typical of one language ("-ción", "-zione", "-ung").
var suffixEvidence = []struct {
	suffix string
	langWeight
}{
	{"ción", langWeight{"es", 1}}, {"ciones", langWeight{"es", 1}}, {"sión", langWeight{"es", .8}},
	{"zione", langWeight{"it", 1}}, {"zioni", langWeight{"it", 1}},
	{"ung", langWeight{"de", .6}}, {"ungen", langWeight{"de", .6}}, {"keit", langWeight{"de", .6}},
	{"heit", langWeight{"de", .6}}, {"lich", langWeight{"de", .5}}, {"schaft", langWeight{"de", .6}},
	{"lijk", langWeight{"nl", .8}}, {"heid", langWeight{"nl", .8}}, {"eaux", langWeight{"fr", .6}},
	{"kan", langWeight{"id", .6}}, {"nya", langWeight{"id", .8}}, {"ngan", langWeight{"id", .6}},
}

// prefixEvidence are word beginnings typical of one language: Indonesian verbs and nouns take
// me-/pe-/ber- ("meminta", "pembangunan", "berkata"), which a short Indonesian headline shows
// where its few function words are shared with Spanish and Portuguese ("para").
var prefixEvidence = []struct {
	prefix string
	langWeight
}{
	{"meng", langWeight{"id", .4}}, {"meny", langWeight{"id", .4}}, {"mem", langWeight{"id", .3}},
	{"peng", langWeight{"id", .4}}, {"pem", langWeight{"id", .3}}, {"ber", langWeight{"id", .2}},
}

// infixEvidence are letter sequences typical of one language anywhere in a word: Dutch "ij",
// "aa", "oe", German "sch", Italian "gli", "zz".
var infixEvidence = []struct {
	infix string
	langWeight
}{
	{"ij", langWeight{"nl", .5}}, {"aa", langWeight{"nl", .4}}, {"oe", langWeight{"nl", .3}},
	{"uu", langWeight{"nl", .4}}, {"sch", langWeight{"de", .3}}, {"gli", langWeight{"it", .4}},
	{"zz", langWeight{"it", .4}}, {"cch", langWeight{"it", .4}}, {"nh", langWeight{"pt", .3}},
	{"lh", langWeight{"pt", .3}},
}

// foreignLetters belong to Latin-script languages we do not detect (Polish, Czech, Turkish,
// Hungarian, Scandinavian): a text with more than a few of them is in none of ours, whatever
// function words it shares with them ("na", "do", "en").
const foreignLetters = "ąęłżźśćńřěůčšžýőűğşıåøæþð"

// maxLetterEvidence caps what letters and endings add to a language's score, so that in a long
// text the function words decide and a few borrowed names ("São Paulo", "Bogotá") change nothing.
const maxLetterEvidence = 2.5

// latinOrder is the fixed order languages are compared in: ties are deterministic.
var latinOrder = []string{"en", "fr", "de", "es", "it", "pt", "nl", "id", "ru", "ar"}

// Scripts the detector counts letters of.
const (
	scriptHan = iota
	scriptKana
	scriptHangul
	scriptCyrillic
	scriptArabic
	numScripts
)

// scriptTables map Unicode scripts to the ones counted.
var scriptTables = []struct {
	script int
	table  *unicode.RangeTable
}{
	{scriptHan, unicode.Han}, {scriptKana, unicode.Hiragana}, {scriptKana, unicode.Katakana},
	{scriptHangul, unicode.Hangul}, {scriptCyrillic, unicode.Cyrillic}, {scriptArabic, unicode.Arabic},
}

// letterCounts are the letters of each script in the sample, and the letters that tell apart the
// languages sharing a script.
type letterCounts struct {
	script                         [numScripts]int
	letters                        int
	foreign                        int // letters of Latin-script languages we do not detect
	ruOnly, ukOnly, srOnly, bgHard int // ы э ё; і ї є ґ; ђ ј љ њ ћ џ; ъ
	faOrUr                         int // پ چ ژ گ ک ی ے ں ٹ ڈ ڑ: Persian and Urdu letters
}

// distinctive are letters that tell apart the languages of one script.
var distinctive = map[rune]func(*letterCounts) *int{
	'ы': func(c *letterCounts) *int { return &c.ruOnly }, 'э': func(c *letterCounts) *int { return &c.ruOnly },
	'ё': func(c *letterCounts) *int { return &c.ruOnly }, 'і': func(c *letterCounts) *int { return &c.ukOnly },
	'ї': func(c *letterCounts) *int { return &c.ukOnly }, 'є': func(c *letterCounts) *int { return &c.ukOnly },
	'ґ': func(c *letterCounts) *int { return &c.ukOnly }, 'ђ': func(c *letterCounts) *int { return &c.srOnly },
	'ј': func(c *letterCounts) *int { return &c.srOnly }, 'љ': func(c *letterCounts) *int { return &c.srOnly },
	'њ': func(c *letterCounts) *int { return &c.srOnly }, 'ћ': func(c *letterCounts) *int { return &c.srOnly },
	'џ': func(c *letterCounts) *int { return &c.srOnly }, 'ъ': func(c *letterCounts) *int { return &c.bgHard },
}

func (c *letterCounts) add(r rune) {
	lr := unicode.ToLower(r)
	if count := distinctive[lr]; count != nil {
		*count(c)++
	}
	if r < 0x250 { // Latin
		if strings.ContainsRune(foreignLetters, lr) {
			c.foreign++
		}
		return
	}
	if strings.ContainsRune("پچژگکیےںٹڈڑ", r) {
		c.faOrUr++
	}
	for _, st := range scriptTables {
		if unicode.Is(st.table, r) {
			c.script[st.script]++
			return
		}
	}
}

// detectLanguage guesses the ISO 639-1 language of text, or "" when unsure. Chinese, Japanese
// and Korean are told apart by script (kana means Japanese, Hangul Korean, Han alone Chinese);
// the others by stopword counts, with letters and word endings typical of one language (ñ, ã, ß,
// "-ción") as extra evidence, so that a headline and its lead are enough.
func detectLanguage(text string) string {
	lang, _ := languageEvidence(text)
	return lang
}

// sample is what the detector reads of a text: its letters by script, its words (lower case;
// "" for initials), the letter evidence per language, and how many words are in capitals.
type sample struct {
	c            letterCounts
	words        []string
	letterScores map[string]float64
	capitals     int // words in capitals: "CASSA DI RISPARMIO DI ROMA"
}

// readSample reads the first detectSampleRunes runes of text.
func readSample(text string) *sample {
	sm := &sample{letterScores: map[string]float64{}}
	var word strings.Builder
	var wordUpper, wordAllUpper bool // the word being read began with a capital; is all capitals
	endWord := func(next rune) {
		if word.Len() == 0 {
			return
		}
		w := word.String()
		switch {
		case elisionOnly[w] && next != '\'' && next != '’':
			w = "" // "L Orquera": an initial, not "l'"
		case wordAllUpper && next == '.' && utf8.RuneCountInString(w) == 1:
			w = "" // "E.O.A.": initials, not the conjunction "e" or the article "o"
		case wordAllUpper && utf8.RuneCountInString(w) > 1:
			sm.capitals++
		}
		sm.words = append(sm.words, w)
		word.Reset()
	}
	n := 0
	for i, r := range text {
		if n++; n > detectSampleRunes {
			break
		}
		sm.c.add(r)
		// Letters of a capitalised word are a name's, which travels across languages ("São
		// Paulo" and "España" in an English story): only common words' letters are evidence.
		if inName := word.Len() > 0 && wordUpper || word.Len() == 0 && unicode.IsUpper(r); !inName {
			for _, lw := range letterEvidence[unicode.ToLower(r)] {
				sm.letterScores[lw.lang] += lw.weight
			}
		}
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			if word.Len() == 0 {
				wordUpper, wordAllUpper = unicode.IsUpper(r), true
			}
			wordAllUpper = wordAllUpper && unicode.IsUpper(r)
			sm.c.letters++
			word.WriteRune(unicode.ToLower(r))
		case (r == '\'' || r == '’') && wordUpper && word.Len() == 1 && unicode.IsUpper(nextRune(text, i+len(string(r)))):
			word.Reset() // "O'Gara", "D'Arcy": a name, not the article "o" or "d"
		default:
			endWord(r)
		}
	}
	endWord(0)
	return sm
}

// wordScores are the stopword score of each language, and the letter evidence that word endings
// and letter sequences add to sm.letterScores.
func (sm *sample) wordScores() map[string]float64 {
	stop := map[string]float64{}
	for _, w := range sm.words {
		langs := stopwordLangs[w]
		for _, l := range langs {
			stop[l] += 1 / float64(len(langs))
		}
		for _, s := range suffixEvidence {
			if len(w) > len(s.suffix)+2 && strings.HasSuffix(w, s.suffix) {
				sm.letterScores[s.lang] += s.weight
			}
		}
		for _, s := range prefixEvidence {
			if len(w) > len(s.prefix)+3 && strings.HasPrefix(w, s.prefix) {
				sm.letterScores[s.lang] += s.weight
			}
		}
		for _, s := range infixEvidence {
			if strings.Contains(w, s.infix) {
				sm.letterScores[s.lang] += s.weight
			}
		}
	}
	return stop
}

// languageEvidence is detectLanguage, also returning the score of each Latin, Cyrillic or
// Arabic-script language (nil when the script alone decided).
func languageEvidence(text string) (string, map[string]float64) {
	sm := readSample(text)
	c := sm.c
	if c.letters == 0 {
		return "", nil
	}
	han, kana, hangul := c.script[scriptHan], c.script[scriptKana], c.script[scriptHangul]
	switch {
	case hangul*5 > c.letters:
		return "ko", nil
	case kana*20 > c.letters && kana*10 > han+kana+hangul: // Japanese mixes kana into kanji text
		return "ja", nil
	case han*5 > c.letters:
		return "zh", nil
	}
	stop := sm.wordScores()
	scores := map[string]float64{}
	for l, v := range stop {
		scores[l] = v
	}
	switch {
	case c.script[scriptCyrillic]*2 > c.letters:
		return cyrillicLanguage(c, stop["ru"]+russianEndings(sm.words)), scores
	case c.script[scriptArabic]*2 > c.letters:
		if c.faOrUr > 0 {
			return "", scores // Persian or Urdu
		}
		return "ar", scores
	}
	for l, v := range sm.letterScores {
		scores[l] += min(v, maxLetterEvidence)
	}
	return sm.latinLanguage(scores, stop), scores
}

// latinLanguage picks the best-scoring Latin-script language, or "" when unsure.
func (sm *sample) latinLanguage(scores, stop map[string]float64) string {
	best, bestScore, second := "", 0.0, 0.0
	for _, l := range latinOrder {
		switch s := scores[l]; {
		case s > bestScore:
			best, bestScore, second = l, s, bestScore
		case s > second:
			second = s
		}
	}
	// Need a few hits (fewer in a headline than in an article), a function word or more among
	// them, a real share of the words, a clear lead over the next language, and hardly any letters
	// of a language we do not detect before trusting the guess.
	words := float64(len(sm.words))
	minScore := min(3, max(1.5, words/10))
	switch {
	case sm.capitals*2 > len(sm.words):
		minScore = 3 // a headline in capitals, a table row: codes and names, few real words
	case len(sm.words) < 8:
		minScore = 2.5 // a few words, as in "No pain, no gain?", share too much across languages
	}
	if bestScore < minScore || stop[best] < 1 || bestScore*20 < words || bestScore < 1.3*second ||
		sm.c.foreign*50 > sm.c.letters {
		return ""
	}
	return best
}

// cyrillicLanguage tells Russian from the other Cyrillic-script languages by the letters only
// they use (ы, э, ё; Ukrainian і, ї, є, ґ; Serbian ђ, ј, љ, њ, ћ, џ) and ru, Russian stopwords
// and endings;
// Bulgarian, which has none of these letters but many ъ, stays undecided.
func cyrillicLanguage(c letterCounts, ru float64) string {
	switch {
	case c.ukOnly > 0 || c.srOnly > 0:
		return ""
	case c.ruOnly > 0 && ru >= 1, ru >= 2 && c.bgHard == 0, ru >= 5:
		return "ru"
	}
	return ""
}

// russianEndings counts words with endings Russian has and Bulgarian lacks ("-ого", "-ую",
// reflexive "-ся"), half a stopword each.
func russianEndings(words []string) float64 {
	n := 0.0
	for _, w := range words {
		for _, e := range []string{"ого", "его", "ому", "ую", "юю", "ся", "сь", "ями", "ами"} {
			if len(w) > len(e)+4 && strings.HasSuffix(w, e) {
				n += .5
				break
			}
		}
	}
	return n
}

// nextRune is the rune starting at byte i of s, or 0 at the end.
func nextRune(s string, i int) rune {
	for _, r := range s[min(i, len(s)):] {
		return r
	}
	return 0
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
