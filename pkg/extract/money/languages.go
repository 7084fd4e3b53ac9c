package money

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/text"
)

// Sums in languages other than English: each language's scale words ("millones", "Milliarden",
// "亿"), currency words ("dólares", "reais", "美元") with the nationalities written after them
// ("pesos argentinos") or before ("Schweizer Franken"), the word joining a scale to its currency
// ("4.000 millones de dólares", "3 millions d'euros"), number words that count only before a
// scale ("un millón", "eine Milliarde") and words of approximation. The grammar is English's
// (scan.go); a language only swaps these tables in. English reads none of them, so its output
// does not change.

// magnitude is a scale word: its power of ten, and whether it counts only after a currency sign
// or before a glued one ("R$ 5 bi", "3 M€"), being an ordinary word or letter otherwise.
type magnitude struct {
	exp      int
	needSign bool
}

// language holds one language's tables, read-only once built.
type language struct {
	lex        text.LexOptions
	magnitudes map[string]magnitude // lower case
	currencies map[string]string    // lower case: a currency or a placeholder ("$", "peso")
	// scaledCurrencies are a currency and its scale in one word: Mexican "500 mdd" (millones de
	// dólares) is 500 million US dollars.
	scaledCurrencies map[string]scaledCurrency
	after            map[string]string // nationalities after the currency word: "argentinos" ARS
	before           map[string]string // nationalities before it: "schweizer" CHF
	connectors       map[string]bool   // "de", "d": between a scale and its currency
	ranges           map[string]bool   // between the ends of a range: "a", "à", "bis", "至"
	numbers          map[string]float64
	approx           []string
	// han: words are runs of Han characters matched against phrases (currencies, prefixes).
	han     bool
	phrases []phrase // longest first
	// prefixes are currencies written before the number that English does not read: "人民币5亿元",
	// the Peruvian sol's "S/ 450"; matched over the text, whatever its tokens.
	prefixes []phrase
}

type scaledCurrency struct {
	currency string
	exp      int
}

// phrase is a currency written in Han characters, each a token of its own.
type phrase struct{ text, currency string }

// languageOf returns the tables of an article's language tag, nil for English and for languages
// without tables (whose sums are read the English way).
func languageOf(tag string) *language {
	l := text.LanguageFor(tag)
	if l == nil || l == text.English {
		return nil
	}
	return languages[l.Tag]
}

func words(list string, exp int, needSign bool, m map[string]magnitude) map[string]magnitude {
	if m == nil {
		m = map[string]magnitude{}
	}
	for _, w := range strings.Fields(list) {
		m[w] = magnitude{exp: exp, needSign: needSign}
	}
	return m
}

func pairs(list string) map[string]string {
	m := map[string]string{}
	f := strings.Fields(list)
	for k := 0; k+1 < len(f); k += 2 {
		m[strings.ReplaceAll(f[k], "_", " ")] = f[k+1]
	}
	return m
}

func numbers(list string) map[string]float64 {
	m := map[string]float64{}
	f := strings.Fields(list)
	for k := 0; k+1 < len(f); k += 2 {
		var v float64
		for _, c := range f[k+1] {
			if c == '.' {
				v = 0.5 // only "medio", "meio", "halbe": a half
				break
			}
			v = v*10 + float64(c-'0')
		}
		m[f[k]] = v
	}
	return m
}

func phrases(list string) []phrase {
	var out []phrase
	for w, c := range pairs(list) {
		out = append(out, phrase{w, c})
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].text) != len(out[j].text) {
			return len(out[i].text) > len(out[j].text)
		}
		return out[i].text < out[j].text
	})
	return out
}

// Nationalities after a currency word, shared by Spanish and Portuguese.
const latinAfter = `estadounidenses USD americanos USD norteamericanos USD argentinos ARS mexicanos MXN
colombianos COP chilenos CLP uruguayos UYU cubanos CUP dominicanos DOP filipinos PHP canadienses CAD
canadenses CAD australianos AUD suizos CHF suíços CHF esterlinas GBP chinos CNY chineses CNY
hongkoneses HKD neozelandeses NZD`

var languages = map[string]*language{
	"es": {
		lex: lexIn(text.Spanish),
		magnitudes: words(`millardo millardos`, 9, false, words(`billón billones billon`, 12, false,
			words(`millón millones millon`, 6, false, words(`mil`, 3, false, words(`mm`, 6, true, nil))))),
		currencies: pairs(`dólares $ dólar $ dolares $ euros EUR euro EUR pesos peso peso peso reales BRL
			real BRL yuanes CNY yuan CNY libras GBP libra GBP francos CHF franco CHF yenes JPY yen JPY
			rublos RUB rupias Rs soles PEN sol PEN bolívares VES guaraníes PYG colones CRC quetzales GTQ
			lempiras HNL córdobas NIO`),
		scaledCurrencies: map[string]scaledCurrency{"mdd": {"USD", 6}, "mdp": {"peso", 6}},
		prefixes:         phrases(`S/. PEN S/ PEN`), // the sol, as Peru's press writes it
		after:            pairs(latinAfter),
		connectors:       setOf(`de`),
		ranges:           setOf(`a`),
		numbers: numbers(`un 1 uno 1 una 1 dos 2 tres 3 cuatro 4 cinco 5 seis 6 siete 7 ocho 8 nueve 9
			diez 10 veinte 20 treinta 30 cuarenta 40 cincuenta 50 cien 100 doscientos 200 trescientos 300
			quinientos 500 mil 1000 medio .`),
		approx: []string{"unos", "unas", "cerca de", "casi", "alrededor de", "más de", "menos de", "hasta",
			"aproximadamente", "poco más de", "al menos", "por encima de", "por debajo de", "superior a", "inferior a"},
	},
	"pt": {
		lex: lexIn(text.Portuguese),
		// Brazil's "bilhão" is a thousand million, Portugal's "bilião" a million million.
		magnitudes: words(`bilhão bilhões bilhao bilhoes`, 9, false, words(`bilião biliões trilhão trilhões trilião triliões`, 12, false,
			words(`milhão milhões milhao milhoes`, 6, false, words(`mil`, 3, false,
				words(`mi mln`, 6, true, words(`bi bln`, 9, true, words(`tri`, 12, true, nil))))))),
		currencies: pairs(`dólares $ dólar $ euros EUR euro EUR reais BRL real BRL pesos peso peso peso
			yuans CNY yuan CNY iuanes CNY libras GBP libra GBP francos CHF ienes JPY iene JPY rublos RUB
			rupias Rs kwanzas AOA kwanza AOA meticais MZN metical MZN escudos CVE`),
		after:      pairs(latinAfter),
		connectors: setOf(`de`),
		ranges:     setOf(`a`),
		numbers: numbers(`um 1 uma 1 dois 2 duas 2 três 3 quatro 4 cinco 5 seis 6 sete 7 oito 8 nove 9
			dez 10 vinte 20 trinta 30 cem 100 duzentos 200 trezentos 300 quinhentos 500 mil 1000 meio .`),
		approx: []string{"cerca de", "quase", "mais de", "menos de", "até", "aproximadamente", "uns", "umas",
			"pelo menos", "perto de", "em torno de", "por volta de", "acima de", "abaixo de"},
	},
	"fr": {
		lex:        lexIn(text.French),
		magnitudes: words(`milliard milliards md mds mrd`, 9, false, words(`billion billions`, 12, false, words(`million millions`, 6, false, words(`mille`, 3, false, words(`m`, 6, true, nil))))),
		currencies: pairs(`dollars $ dollar $ euros EUR euro EUR francs CHF franc CHF fcfa XOF livres GBP
			livre GBP yuans CNY yuan CNY yens JPY yen JPY roubles RUB rouble RUB dirhams MAD dirham MAD
			dinars DZD dinar DZD roupies Rs`),
		after: pairs(`américains USD canadiens CAD australiens AUD suisses CHF cfa XOF sterling GBP
			algériens DZD tunisiens TND marocains MAD hongkongais HKD`),
		connectors: setOf(`de d`),
		ranges:     setOf(`à`),
		numbers: numbers(`un 1 une 1 deux 2 trois 3 quatre 4 cinq 5 six 6 sept 7 huit 8 neuf 9 dix 10
			vingt 20 trente 30 cent 100 mille 1000 demi .`),
		approx: []string{"environ", "près de", "plus de", "moins de", "quelque", "jusqu'à", "jusqu’à",
			"au moins", "quelques", "presque", "autour de", "plus d'", "plus d’", "moins d'", "moins d’", "près d'"},
	},
	"de": {
		lex: lexIn(text.German),
		magnitudes: words(`milliarde milliarden mrd`, 9, false, words(`billion billionen bio`, 12, false,
			words(`million millionen mio mill`, 6, false, words(`tausend`, 3, false, nil)))),
		currencies: pairs(`euro EUR dollar $ franken CHF pfund GBP yuan CNY renminbi CNY yen JPY rubel RUB
			rupien Rs kronen SEK`),
		ranges:  setOf(`bis`),
		before:  pairs(`schweizer CHF kanadische CAD kanadischen CAD australische AUD australischen AUD britische GBP britischen GBP`),
		after:   map[string]string{},
		numbers: numbers(`ein 1 eine 1 einer 1 zwei 2 drei 3 vier 4 fünf 5 sechs 6 sieben 7 acht 8 neun 9 zehn 10 hundert 100 tausend 1000 halbe .`),
		approx: []string{"rund", "etwa", "fast", "knapp", "mehr als", "über", "bis zu", "ca.", "zirka",
			"annähernd", "gut", "weniger als", "mindestens", "nahezu", "beinahe", "circa"},
	},
	"it": {
		lex:        lexIn(text.Italian),
		magnitudes: words(`miliardo miliardi mld`, 9, false, words(`bilione bilioni`, 12, false, words(`milione milioni mln`, 6, false, words(`mila`, 3, false, nil)))),
		currencies: pairs(`dollari $ dollaro $ euro EUR franchi CHF franco CHF sterline GBP yuan CNY yen JPY rubli RUB`),
		after:      pairs(`americani USD statunitensi USD canadesi CAD australiani AUD svizzeri CHF`),
		connectors: setOf(`di d`),
		ranges:     setOf(`a`),
		numbers:    numbers(`un 1 uno 1 una 1 due 2 tre 3 quattro 4 cinque 5 sei 6 sette 7 otto 8 nove 9 dieci 10 cento 100 mezzo .`),
		approx:     []string{"circa", "quasi", "oltre", "più di", "meno di", "fino a", "almeno", "intorno a"},
	},
	"nl": {
		lex:        lexIn(text.Dutch),
		magnitudes: words(`miljard mld`, 9, false, words(`biljoen`, 12, false, words(`miljoen mln`, 6, false, words(`duizend`, 3, false, nil)))),
		currencies: pairs(`euro EUR dollar $ frank CHF pond GBP yuan CNY yen JPY roebel RUB`),
		ranges:     setOf(`tot`),
		before:     pairs(`zwitserse CHF canadese CAD australische AUD amerikaanse USD britse GBP`),
		after:      map[string]string{},
		numbers:    numbers(`een 1 één 1 twee 2 drie 3 vier 4 vijf 5 zes 6 zeven 7 acht 8 negen 9 tien 10 honderd 100 half .`),
		approx:     []string{"ongeveer", "bijna", "ruim", "meer dan", "minder dan", "tot", "circa", "zo'n", "zo’n", "minstens"},
	},
	"zh": {
		lex: lexIn(text.Chinese),
		magnitudes: words(`万 萬`, 4, false, words(`亿 億`, 8, false, words(`千`, 3, false,
			words(`百`, 2, false, nil)))),
		han:    true,
		ranges: setOf(`至 到 ~ ～`),
		phrases: phrases(`元 CNY 人民币 CNY 人民幣 CNY 美元 USD 美金 USD 欧元 EUR 歐元 EUR 日元 JPY 日圓 JPY
			英镑 GBP 英鎊 GBP 港元 HKD 港币 HKD 港幣 HKD 新台币 TWD 新台幣 TWD 台币 TWD 澳元 AUD 加元 CAD 韩元 KRW 韓元 KRW
			卢布 RUB 盧布 RUB 瑞士法郎 CHF 法郎 CHF 新加坡元 SGD 新元 SGD 卢比 INR`),
		prefixes: phrases(`人民币 CNY 人民幣 CNY 港币 HKD 港幣 HKD 新台币 TWD 新台幣 TWD`),
		approx:   []string{"约合", "約合", "折合", "约", "約", "近", "超过", "超過", "逾", "大约", "大約", "将近", "將近", "超", "至少", "高达", "高達"},
	},
}

// lexIn reads numbers as the English scanner does, with the language's thousands groups.
func lexIn(l *text.Language) text.LexOptions {
	o := lexOptions
	o.Language = l
	return o
}

// mayStart reports whether word w, at the start of rest, may begin a sum in this language: a
// number word ("un millón") or a currency written before the number ("人民币5亿元").
func (l *language) mayStart(rest, w string) bool {
	for _, ph := range l.prefixes {
		if strings.HasPrefix(rest, ph.text) {
			return true
		}
	}
	if l.han {
		return false
	}
	_, ok := text.LookupLower(l.numbers, w)
	return ok
}

// hanPhrase matches the longest phrase of list at token i, whose characters are tokens of their
// own, and returns its currency and the index of the token after it.
func (p *parser) hanPhrase(i int, list []phrase) (string, int, bool) {
	if i >= len(p.t) {
		return "", 0, false
	}
	start := int(p.t[i].start)
	rest := p.s[start:]
	for _, ph := range list {
		if !strings.HasPrefix(rest, ph.text) {
			continue
		}
		end, k := start+len(ph.text), i
		for k < len(p.t) && int(p.t[k].end) <= end {
			k++
		}
		if int(p.t[k-1].end) == end {
			return ph.currency, k, true
		}
	}
	return "", 0, false
}

// langMagnitude reads the scale words after a number at i, adding their powers ("mil millones",
// "万亿", "1,2 Mrd."); strong says a currency sign stands before the number.
func (p *parser) langMagnitude(i int, strong bool) (exp, next int) {
	k := i
	for k < len(p.t) && p.t[k].kind == kWord && !p.t[k].brk {
		w := p.text(k)
		if p.lang.han && (w == "多" || w == "余" || w == "餘") && k+1 < len(p.t) {
			if _, ok := p.lang.magnitudes[p.text(k+1)]; ok {
				k++ // "50多亿元": more than fifty hundred million
				continue
			}
		}
		m, ok := text.LookupLower(p.lang.magnitudes, w)
		if !ok || m.needSign && !strong && !(k+1 < len(p.t) && p.t[k+1].kind == kSym && p.glued(k+1)) {
			break
		}
		exp += m.exp
		k++
		// The period of "Mrd.", "Mio.", "mln." belongs to the word when a currency stands before
		// the number or follows the word.
		if abbreviatedMagnitudes[strings.ToLower(w)] && p.is(k, ".") && p.glued(k) && (strong || p.currencyAt(k+1)) {
			k++
		}
	}
	return exp, k
}

// abbreviatedMagnitudes are the scale words written with a period: "Mio.", "Mrd.", "mln.".
var abbreviatedMagnitudes = setOf(`mio mrd bio mill mln mld md mds mm`)

// currencyAt reports whether a currency sign or word of the language stands at k on the same line.
func (p *parser) currencyAt(k int) bool {
	if k >= len(p.t) || !p.near(k) {
		return false
	}
	if p.t[k].kind == kSym {
		return true
	}
	_, _, _, ok := p.langCurrency(k)
	return ok
}

// langNumberWords reads a number word at i before a scale ("un millón", "eine Milliarde", "mil
// millones"); a word of a hundred or more needs no scale ("mil euros").
func (p *parser) langNumberWords(i int) (num, bool) {
	v, ok := text.LookupLower(p.lang.numbers, p.text(i))
	if !ok {
		return num{}, false
	}
	e, next := p.magnitude(i+1, false)
	if e == 0 && v < 100 {
		return num{}, false
	}
	return num{tok: -1, words: v, exp: e, end: next}, true
}

// langCurrency reads a currency word of the language at i with its nationality: "dólares",
// "pesos argentinos", "Schweizer Franken", "US-Dollar", "美元", or a currency with its scale
// ("mdd"), whose power of ten it returns too.
func (p *parser) langCurrency(i int) (cur string, exp, next int, ok bool) {
	l := p.lang
	if l.han {
		c, next, ok := p.hanPhrase(i, l.phrases)
		if ok && p.is(next-1, "元") {
			if _, after, rmb := p.hanPhrase(next, renminbi); rmb {
				next = after // "2500亿元人民币"
			}
		}
		return c, 0, next, ok
	}
	w := p.text(i)
	if sc, ok := text.LookupLower(l.scaledCurrencies, w); ok {
		return sc.currency, sc.exp, i + 1, true
	}
	if (w == "US" || w == "us") && p.is(i+1, "-") && p.glued(i+1) && p.glued(i+2) && i+2 < len(p.t) {
		if base, _ := text.LookupLower(l.currencies, p.text(i+2)); base == "$" {
			return "USD", 0, i + 3, true
		}
	}
	if adj, ok := text.LookupLower(l.before, w); ok && i+1 < len(p.t) && p.near(i+1) {
		if base, ok := text.LookupLower(l.currencies, p.text(i+1)); ok && sameFamily(base, adj) {
			return adj, 0, i + 2, true
		}
	}
	base, ok := text.LookupLower(l.currencies, w)
	if !ok {
		return "", 0, 0, false
	}
	if i+1 < len(p.t) && p.near(i+1) && p.t[i+1].kind == kWord {
		if adj, ok := text.LookupLower(l.after, p.text(i+1)); ok && sameFamily(base, adj) {
			return adj, 0, i + 2, true
		}
	}
	return base, 0, i + 1, true
}

// langSuffix reads what may stand between a number and its currency word at k: the connector
// after a scale ("millones de dólares", "millions d'euros"). Without a sign before the number it
// returns where the currency word starts; with one, it takes in a currency word that repeats the
// sign's ("US$4.000 millones de dólares", "人民币5亿元") and returns the index after it.
func (p *parser) langSuffix(k int, scaledUp, hasPrefix bool, cur string) int {
	if p.lang == nil {
		return k
	}
	j := k
	if scaledUp && j < len(p.t) && p.near(j) && p.t[j].kind == kWord {
		if _, ok := text.LookupLower(p.lang.connectors, p.text(j)); ok {
			j++
			if p.is(j, "'") || p.is(j, "’") {
				j++
			}
		}
	}
	c, _, _, next, ok := p.suffix(j, false)
	switch {
	case !ok:
		return k
	case !hasPrefix:
		return j
	case c == cur || sameFamily(c, cur) || p.lang.han && (p.is(j, "元") || p.is(j, "圓")):
		return next // "元" is the unit of every currency written in Han: "新台幣300億元"
	}
	return k
}

// restateWords introduce a conversion of the sum before in these languages: "(unos US$500
// millones)", "(soit 3 millions de dollars)", "，约合343亿美元".
var restateWords = []string{"约合", "約合", "折合", "合", "相当于", "相當於", "soit", "o sea", "es decir", "ou seja",
	"ou", "o", "oder", "bzw.", "umgerechnet", "equivalentes a", "equivalente a", "équivalent à", "ossia", "ovvero"}

// restates reports whether the gap between two sums makes the second a conversion of the first in
// this language: an opening parenthesis (full-width too) or a comma, then nothing but a word of
// restating or approximation.
func (l *language) restates(gap string) bool {
	g := strings.TrimSpace(gap)
	switch {
	case strings.HasPrefix(g, "("), strings.HasPrefix(g, ","):
		g = g[1:]
	case strings.HasPrefix(g, "（"), strings.HasPrefix(g, "，"):
		g = g[len("（"):]
	default:
		return false
	}
	for _, w := range restateWords {
		if g = strings.TrimSpace(g); strings.HasPrefix(g, w) && (l.han || len(g) == len(w) || g[len(w)] == ' ') {
			g = g[len(w):]
		}
	}
	g = strings.TrimSpace(g)
	if g == "" {
		return true
	}
	for _, w := range l.approx {
		if g == w {
			return true
		}
	}
	return false
}

// renminbi may follow "元" in the same sum: "2500亿元人民币".
var renminbi = []phrase{{"人民币", "CNY"}, {"人民幣", "CNY"}}

// contractWords end in "约" without it meaning "about": "签约" (sign), "条约" (treaty) …
const contractWords = "签簽合条條预預公契履违違解制节節邀特相集婚和盟守爽失毁毀续續践踐如赴立"

// approximate reports whether the text before a sum makes it approximate: "about", or in the
// article's language "unos", "rund", "约".
func (p *parser) approximate(before string) bool {
	if p.lang == nil {
		return hasApprox(before)
	}
	return p.lang.approximate(before)
}

// approximate reports whether the text before a sum makes it approximate ("unos", "rund", "约").
func (l *language) approximate(before string) bool {
	if !hasApproxIn(before, l.approx, !l.han) {
		return false
	}
	if l.han {
		b := strings.TrimRight(before, " ")
		if rest, ok := strings.CutSuffix(b, "约"); ok || strings.HasSuffix(b, "約") {
			if !ok {
				rest = strings.TrimSuffix(b, "約")
			}
			r, _ := utf8.DecodeLastRuneInString(rest)
			return !strings.ContainsRune(contractWords, r)
		}
	}
	return true
}
