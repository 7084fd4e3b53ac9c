package dates

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/text"
)

// Dates in languages other than English: month and weekday names, days counted from today
// ("ayer", "hier", "gestern", "明天"), relative words before or after what they qualify ("el
// próximo martes", "mardi dernier", "la semana pasada"), a day before its month with the words
// between ("3 de marzo de 2024", "1er mars", "3. März", "1º de janeiro"), "hace tres días", "vor 3
// Jahren", and Chinese dates by their characters ("2024年3月16日", "16日", "上周二"). They resolve
// as English ones do (resolve.go): the tense of the clause, read from each language's cue words,
// points a bare weekday or month forward or back. The tables are read-only data built at init.

// cAgo is a word that counts periods back from publication before the number ("hace", "vor",
// "há", "il y a"); cAgoAfter one after the period ("fa", "geleden").
const (
	cAgo class = iota + 20
	cAgoAfter
	cLink // "de", "del": between a day, its month and its year
	cRange
)

// pHalf is a half year ("primer semestre", "上半年"), a period English reads by its own grammar.
const pHalf = 7

// language holds one language's tables.
type language struct {
	lex   text.LexOptions
	words map[string]wordInfo // lower case
	// cues are the words after which a bare month or year is a date ("en marzo", "im März").
	cues map[string]bool
	// ordinals follow a day glued to it: "1er", "1º", "3." (German's period).
	ordinals map[string]bool
	// feira: Portuguese weekdays other than sábado and domingo need "-feira" ("segunda-feira"),
	// being ordinals alone.
	feira bool
	// titleNames: in languages that write weekdays and months in lower case, a capitalised one
	// inside a sentence is a name ("Plácido Domingo").
	titleNames bool
	tense      tenseCues
	han        bool
}

// tenseCues are the words that say a clause speaks of the future or the past, and the endings of
// the verb forms that do (Spanish "anunció", "viajará").
type tenseCues struct {
	future, past             map[string]bool
	futureEnds, pastEnds     []string
	notFuture, notPast       map[string]bool
	minFutureLen, minPastLen int
}

// languageOf returns the tables of a language tag, nil for English and for languages without them.
func languageOf(tag string) *language {
	l := text.LanguageFor(tag)
	if l == nil || l == text.English {
		return nil
	}
	return languages[l.Tag]
}

// table builds a word table: months (twelve names from January, "_" for none), their
// abbreviations, weekdays from Sunday, and the other words by class and value.
type table struct {
	months, abbr, weekdays string
	ordinals               string // first to fourth: "tercer trimestre", "dritten Quartal"
	quarters, halves       string
	dayWords               map[string]int
	rel, periods           map[string]int
	numbers                string
	ago, agoAfter, links   string
	ranges                 string
}

func (t table) build() map[string]wordInfo {
	m := map[string]wordInfo{}
	add := func(list string, c class, abbr bool, step int) {
		for k, group := range strings.Fields(list) {
			for _, w := range strings.Split(group, "|") {
				if w != "_" {
					m[w] = wordInfo{class: c, val: k + step, abbr: abbr}
				}
			}
		}
	}
	add(t.months, cMonth, false, 1)
	add(t.abbr, cMonth, true, 1)
	add(t.numbers, cNumWord, false, 1)
	add(t.ordinals, cOrdinal, false, 1)
	add(t.weekdays, cWeekday, false, 0) // after the ordinals: Portuguese "segunda" is both
	for _, w := range strings.Fields(t.quarters) {
		m[w] = wordInfo{class: cPeriod, val: pQuarter}
	}
	for _, w := range strings.Fields(t.halves) {
		m[w] = wordInfo{class: cPeriod, val: pHalf}
	}
	for w, v := range t.dayWords {
		m[w] = wordInfo{class: cDayWord, val: v}
	}
	for w, v := range t.rel {
		m[w] = wordInfo{class: cRel, val: v}
	}
	for w, v := range t.periods {
		m[w] = wordInfo{class: cPeriod, val: v}
	}
	for c, list := range map[class]string{cAgo: t.ago, cAgoAfter: t.agoAfter, cLink: t.links, cRange: t.ranges} {
		for _, w := range strings.Fields(list) {
			m[w] = wordInfo{class: c}
		}
	}
	return m
}

func rels(last, this, next string) map[string]int {
	m := map[string]int{}
	for v, list := range map[int]string{-1: last, 0: this, 1: next} {
		for _, w := range strings.Fields(list) {
			m[w] = v
		}
	}
	return m
}

func periods(day, week, month, year string) map[string]int {
	m := map[string]int{}
	for v, list := range map[int]string{pDay: day, pWeek: week, pMonth: month, pYear: year} {
		for _, w := range strings.Fields(list) {
			m[w] = v
		}
	}
	return m
}

var languages = map[string]*language{
	"es": {
		lex: lexIn(text.Spanish),
		words: table{
			months:   "enero febrero marzo abril mayo junio julio agosto septiembre|setiembre octubre noviembre diciembre",
			abbr:     "ene feb _ abr _ jun jul ago sep|sept oct nov dic",
			weekdays: "domingo lunes martes miércoles|miercoles jueves viernes sábado|sabado",
			dayWords: map[string]int{"hoy": 0, "ayer": -1, "mañana": 1, "anteayer": -2, "anoche": -1},
			rel:      rels("pasado pasada último última", "este esta", "próximo próxima proximo proxima entrante"),
			periods:  periods("día días", "semana semanas", "mes meses", "año años"),
			numbers:  "un|una dos tres cuatro cinco seis siete ocho nueve diez",
			ordinals: "primer|primero|primera segundo|segunda tercer|tercero|tercera cuarto|cuarta",
			quarters: "trimestre", halves: "semestre",
			ago: "hace", links: "de del", ranges: "al a y -",
		}.build(),
		cues:       setOf("en desde hasta para antes después durante entre partir principios mediados finales fines inicios fin mes"),
		ordinals:   setOf("º ° o"),
		titleNames: true,
		tense: tenseCues{
			future:       setOf("será serán va van irá irán próximo próxima prevé prevén previsto prevista planea planean hasta partir comienza empieza abre arranca"),
			past:         setOf("fue fueron dijo dijeron hizo hicieron tuvo ha han había habían hubo pasado pasada"),
			futureEnds:   []string{"ará", "erá", "irá", "arán", "erán", "irán"},
			pastEnds:     []string{"ó", "aron", "ieron"},
			minFutureLen: 5, minPastLen: 4,
		},
	},
	"pt": {
		lex: lexIn(text.Portuguese),
		words: table{
			months:   "janeiro fevereiro março|marco abril maio junho julho agosto setembro outubro novembro dezembro",
			abbr:     "jan fev _ abr _ jun jul ago set out nov dez",
			weekdays: "domingo segunda terça|terca quarta quinta sexta sábado|sabado",
			dayWords: map[string]int{"hoje": 0, "ontem": -1, "amanhã": 1, "anteontem": -2},
			rel:      rels("passado passada último última", "este esta neste nesta", "próximo próxima"),
			periods:  periods("dia dias", "semana semanas", "mês meses", "ano anos"),
			numbers:  "um|uma dois|duas três quatro cinco seis sete oito nove dez",
			ordinals: "primeiro|primeira segundo|segunda terceiro|terceira quarto|quarta",
			quarters: "trimestre", halves: "semestre",
			ago: "há", links: "de do", ranges: "a e -",
		}.build(),
		cues:     setOf("em desde até para antes depois durante entre partir início fim meados final"),
		ordinals: setOf("º ° o"),
		feira:    true, titleNames: true,
		tense: tenseCues{
			future:       setOf("vai vão irá irão será serão próximo próxima prevê deve devem prevista previsto até partir começa abre"),
			past:         setOf("foi foram disse disseram fez fizeram teve passado passada"),
			futureEnds:   []string{"rá", "rão"},
			pastEnds:     []string{"ou", "eu", "iu", "aram", "eram", "iram"},
			notPast:      setOf("europeu judeu ateu plebeu museu troféu chapéu"),
			minFutureLen: 5, minPastLen: 5,
		},
	},
	"fr": {
		lex: lexIn(text.French),
		words: table{
			months:   "janvier février|fevrier mars avril mai juin juillet août|aout septembre octobre novembre décembre|decembre",
			abbr:     "janv févr _ avr _ _ juil _ sept oct nov déc",
			weekdays: "dimanche lundi mardi mercredi jeudi vendredi samedi",
			dayWords: map[string]int{"hier": -1, "demain": 1, "aujourd": 0},
			rel:      rels("dernier dernière passé passée", "ce cette", "prochain prochaine"),
			periods:  periods("jour jours", "semaine semaines", "mois", "année années an ans"),
			numbers:  "un|une deux trois quatre cinq six sept huit neuf dix",
			ordinals: "premier|première deuxième|second|seconde troisième quatrième",
			quarters: "trimestre", halves: "semestre",
			ago: "il", links: "de d", ranges: "au à et -",
		}.build(),
		cues:     setOf("en depuis jusqu jusqu'en avant après pendant entre dès début fin mi courant mois ici"),
		ordinals: setOf("er"), titleNames: true,
		tense: tenseCues{
			future:       setOf("va vont sera seront aura auront prochain prochaine devrait devraient doit doivent prévu prévue prévus jusqu partir commence débute ouvre"),
			past:         setOf("a ont avait avaient était étaient fut furent dernier dernière"),
			futureEnds:   []string{"ra", "ront"},
			minFutureLen: 5, minPastLen: 99,
			notFuture: setOf("caméra opéra extra ultra contra sera"),
		},
	},
	"de": {
		lex: lexIn(text.German),
		words: table{
			months:   "januar|jänner februar märz|maerz april mai juni juli august september oktober november dezember",
			abbr:     "jan feb mär apr _ jun jul aug sep|sept okt nov dez",
			weekdays: "sonntag montag dienstag mittwoch donnerstag freitag samstag|sonnabend",
			dayWords: map[string]int{"heute": 0, "gestern": -1, "morgen": 1, "vorgestern": -2, "übermorgen": 2},
			rel: rels("letzte letzten letzter letztes vergangene vergangenen vergangener vergangenes vorige vorigen",
				"diese diesen dieser dieses", "nächste nächsten nächster nächstes kommende kommenden kommender kommendes"),
			periods:  periods("tag tagen tage", "woche wochen", "monat monaten", "jahr jahren"),
			numbers:  "einem|einer|ein|eine zwei drei vier fünf sechs sieben acht neun zehn",
			ordinals: "ersten|erste|erstes zweiten|zweite dritten|dritte vierten|vierte",
			quarters: "quartal", halves: "halbjahr",
			ago: "vor", links: "", ranges: "bis und -",
		}.build(),
		cues:     setOf("im in seit bis ab vor nach anfang ende mitte für zum"),
		ordinals: setOf("."),
		tense: tenseCues{
			future:       setOf("wird werden soll sollen will wollen nächste nächsten kommende kommenden geplant plant planen bis ab beginnt startet öffnet eröffnet endet tritt"),
			past:         setOf("hat haben hatte hatten war waren wurde wurden sagte sagten letzte letzten vergangene vergangenen"),
			pastEnds:     []string{"te", "ten"},
			notPast:      setOf("heute mitte erste zweite dritte vierte letzte beste leute seite weite gute rente woche"),
			minFutureLen: 99, minPastLen: 6,
		},
	},
	"it": {
		lex: lexIn(text.Italian),
		words: table{
			months:   "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
			weekdays: "domenica lunedì|lunedi martedì|martedi mercoledì|mercoledi giovedì|giovedi venerdì|venerdi sabato",
			dayWords: map[string]int{"oggi": 0, "ieri": -1, "domani": 1, "dopodomani": 2},
			rel:      rels("scorso scorsa ultimo ultima", "questo questa", "prossimo prossima"),
			periods:  periods("giorno giorni", "settimana settimane", "mese mesi", "anno anni"),
			numbers:  "un|uno|una due tre quattro cinque sei sette otto nove dieci",
			ordinals: "primo|prima secondo|seconda terzo|terza quarto|quarta",
			quarters: "trimestre", halves: "semestre",
			agoAfter: "fa", links: "del", ranges: "al e -",
		}.build(),
		cues:       setOf("a in da dal dallo entro fino prima dopo durante tra fra inizio fine metà"),
		ordinals:   setOf("º °"),
		titleNames: true,
		tense: tenseCues{
			future:       setOf("sarà saranno prossimo prossima dovrebbe deve previsto prevista partire inizia apre"),
			past:         setOf("ha hanno aveva avevano era erano fu scorso scorsa"),
			futureEnds:   []string{"rà", "ranno"},
			pastEnds:     []string{"ò"},
			minFutureLen: 5, minPastLen: 4,
		},
	},
	"nl": {
		lex: lexIn(text.Dutch),
		words: table{
			months:   "januari februari maart april mei juni juli augustus september oktober november december",
			weekdays: "zondag maandag dinsdag woensdag donderdag vrijdag zaterdag",
			dayWords: map[string]int{"vandaag": 0, "gisteren": -1, "morgen": 1, "eergisteren": -2, "overmorgen": 2},
			rel:      rels("vorige afgelopen", "deze dit", "volgende komende"),
			periods:  periods("dag dagen", "week weken", "maand maanden", "jaar"),
			numbers:  "een|één twee drie vier vijf zes zeven acht negen tien",
			ordinals: "eerste tweede derde vierde",
			quarters: "kwartaal", halves: "halfjaar",
			agoAfter: "geleden", ranges: "tot en -",
		}.build(),
		cues:       setOf("in sinds tot voor na vanaf begin eind half medio"),
		titleNames: true,
		tense: tenseCues{
			future:       setOf("zal zullen gaat gaan volgende komende begint opent vanaf"),
			past:         setOf("heeft hebben had hadden was waren werd werden zei zeiden vorige afgelopen"),
			minFutureLen: 99, minPastLen: 99,
		},
	},
	"zh": {lex: func() text.LexOptions { o := lexIn(text.Chinese); o.HanWords = true; return o }(), han: true},
}

// lexIn reads dates as the English scanner does, in the language l.
func lexIn(l *text.Language) text.LexOptions {
	o := lexOptions
	o.Language = l
	return o
}
