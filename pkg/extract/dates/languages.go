package dates

import (
	_ "embed"
	"fmt"
	"strconv"
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

// languagesText holds the tables; languages.txt says how to read it.
//
//go:embed languages.txt
var languagesText string

// languages are the tables of languages.txt by language tag.
var languages = parseLanguages(languagesText)

// parseLanguages reads languages.txt. A mistake in it is a bug of the build, found by every test.
func parseLanguages(src string) map[string]*language {
	out := map[string]*language{}
	var l *language
	for n, line := range strings.Split(src, "\n") {
		if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
			continue
		}
		if tag, ok := strings.CutPrefix(line, "["); ok {
			tag = strings.TrimSuffix(tag, "]")
			l = &language{words: map[string]wordInfo{}, cues: map[string]bool{}, ordinals: map[string]bool{},
				tense: tenseCues{minFutureLen: 99, minPastLen: 99}, lex: lexOptions}
			l.lex.Language = text.LanguageFor(tag)
			out[tag] = l
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok || l == nil || !l.set(key, strings.Fields(val)) {
			panic(fmt.Sprintf("dates: languages.txt:%d: cannot read %q", n+1, line))
		}
	}
	return out
}

// periodKeys and relKeys are the keys of languages.txt that name periods and relative words.
var (
	periodKeys = map[string]int{"day": pDay, "week": pWeek, "month": pMonth, "year": pYear, "quarter": pQuarter, "half": pHalf}
	relKeys    = map[string]int{"last": -1, "this": 0, "next": 1}
	classKeys  = map[string]class{"ago": cAgo, "ago-after": cAgoAfter, "links": cLink, "ranges": cRange}
)

// set reads one line of languages.txt into l; false when the key or a value is unknown.
func (l *language) set(key string, ws []string) bool {
	switch {
	case key == "months" || key == "abbr":
		l.addGroups(ws, cMonth, key == "abbr", 1, true)
	case key == "weekdays":
		l.addGroups(ws, cWeekday, false, 0, true)
	case key == "numbers":
		l.addGroups(ws, cNumWord, false, 1, true)
	case key == "ordinals":
		l.addGroups(ws, cOrdinal, false, 1, false) // Portuguese "segunda" stays a weekday
	case key == "days":
		for _, w := range ws {
			word, off, _ := strings.Cut(w, "=")
			v, err := strconv.Atoi(off)
			if err != nil {
				return false
			}
			l.words[word] = wordInfo{class: cDayWord, val: v}
		}
	case key == "cues" || key == "marks":
		m := map[bool]map[string]bool{true: l.cues, false: l.ordinals}[key == "cues"]
		for _, w := range ws {
			m[w] = true
		}
	case key == "flags":
		for _, f := range ws {
			l.feira = l.feira || f == "feira"
			l.titleNames = l.titleNames || f == "title-names"
			l.han = l.han || f == "han"
		}
		l.lex.HanWords = l.han
	default:
		return l.setWords(key, ws) || l.tense.set(key, ws)
	}
	return true
}

// setWords reads the keys that give words one class: periods, relative words, links and ranges.
func (l *language) setWords(key string, ws []string) bool {
	info := wordInfo{}
	if v, ok := periodKeys[key]; ok {
		info = wordInfo{class: cPeriod, val: v}
	} else if v, ok := relKeys[key]; ok {
		info = wordInfo{class: cRel, val: v}
	} else if c, ok := classKeys[key]; ok {
		info = wordInfo{class: c}
	} else {
		return false
	}
	for _, w := range ws {
		l.words[w] = info
	}
	return true
}

// addGroups gives the kth group of ws ("a|b") class c and value k+step; keep leaves words that
// already have a class alone unless overwrite.
func (l *language) addGroups(ws []string, c class, abbr bool, step int, overwrite bool) {
	for k, group := range ws {
		for _, w := range strings.Split(group, "|") {
			if _, taken := l.words[w]; w != "_" && (overwrite || !taken) {
				l.words[w] = wordInfo{class: c, val: k + step, abbr: abbr}
			}
		}
	}
}

// set reads a tense line of languages.txt.
func (c *tenseCues) set(key string, ws []string) bool {
	switch key {
	case "future", "past", "not-future", "not-past":
		m := map[string]*map[string]bool{"future": &c.future, "past": &c.past, "not-future": &c.notFuture, "not-past": &c.notPast}[key]
		*m = map[string]bool{}
		for _, w := range ws {
			(*m)[w] = true
		}
	case "future-ends":
		c.futureEnds = ws
	case "past-ends":
		c.pastEnds = ws
	case "min-future", "min-past":
		n, err := strconv.Atoi(strings.Join(ws, ""))
		if err != nil {
			return false
		}
		*map[string]*int{"min-future": &c.minFutureLen, "min-past": &c.minPastLen}[key] = n
	default:
		return false
	}
	return true
}
