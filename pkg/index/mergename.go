package index

import (
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/pkg/article"
)

// nameTitles are the words before a person's name that say what they are, not who: "President
// Trump" and "Trump" name the same person wherever the first is written. Lower case, without the
// full stop ("Sen." is "sen").
var nameTitles = map[string]bool{
	"president": true, "vice": true, "mr": true, "mrs": true, "ms": true, "miss": true, "dr": true,
	"sen": true, "senator": true, "gov": true, "governor": true, "rep": true, "representative": true,
	"prime": true, "minister": true, "secretary": true, "chancellor": true, "gen": true,
	"general": true, "judge": true, "justice": true, "sir": true, "dame": true, "lord": true,
	"lady": true, "king": true, "queen": true, "prince": true, "princess": true, "pope": true,
	"rev": true, "prof": true, "professor": true, "mayor": true, "chairman": true, "former": true,
	"candidate": true, "nominee": true, "speaker": true, "attorney": true, "lt": true, "col": true,
	"capt": true, "sgt": true, "adm": true, "admiral": true, "premier": true, "ambassador": true,
	"commissioner": true, "director": true, "coach": true, "sheikh": true, "of": true, "state": true,
}

// nameSuffixes follow a person's name without changing who it is.
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// orgSuffixes are legal forms and leading articles an organisation is named with or without:
// "Apple Inc." and "Apple" are one company.
var orgSuffixes = map[string]bool{
	"inc": true, "incorporated": true, "corp": true, "corporation": true, "co": true, "ltd": true,
	"limited": true, "plc": true, "llc": true, "ag": true, "sa": true, "gmbh": true, "nv": true,
	"bv": true, "spa": true, "the": true,
}

// acronymSkip are the words an acronym leaves out: "International Monetary Fund" is IMF, "Bank of
// England" BoE.
var acronymSkip = map[string]bool{"of": true, "the": true, "and": true, "for": true, "&": true, "de": true, "du": true, "des": true, "la": true, "le": true}

// nameWordsKeep splits a name into lower-case words, keeping '&' and dropping full stops, so that
// "Donald J. Trump" is [donald j trump] and "AT&T" stays one word.
func nameWordsKeep(s string) []string {
	return strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(s, ".", " ")), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '&' && r != '\'' && r != '’' && r != '-'
	})
}

// nameKey is the form of an entity's name that variants of one name share: for a person, the
// words without titles, suffixes and middle initials ("President Donald J. Trump" → "donald
// trump", "Mr. Trump" → "trump"); for an organisation, the words without legal forms and a
// leading article ("The Walt Disney Co." → "walt disney"). Names with one key are one entity
// wherever they appear: only the title or an initial tells them apart.
func nameKey(typ, name string) string {
	words := nameWordsKeep(name)
	if n := len(words); n > 0 { // a possessive is the name: "Trump's" is Trump
		words[n-1] = strings.TrimSuffix(strings.TrimSuffix(words[n-1], "'s"), "’s")
	}
	switch typ {
	case article.TypePerson:
		for len(words) > 1 && nameTitles[words[0]] {
			words = words[1:]
		}
		for len(words) > 1 && nameSuffixes[words[len(words)-1]] {
			words = words[:len(words)-1]
		}
		if len(words) > 2 { // middle initials: keep the first and the rest of the words
			kept := []string{words[0]}
			for _, w := range words[1 : len(words)-1] {
				if len([]rune(w)) > 1 {
					kept = append(kept, w)
				}
			}
			words = append(kept, words[len(words)-1])
		}
	case article.TypeOrg:
		if initials(words) { // "E.U." is EU
			words = []string{strings.Join(words, "")}
		}
		for len(words) > 1 && orgSuffixes[words[0]] {
			words = words[1:]
		}
		for len(words) > 1 && orgSuffixes[words[len(words)-1]] {
			words = words[:len(words)-1]
		}
	}
	return strings.Join(words, " ")
}

// shortFor reports whether the short key (one word) can stand for the full key (several) in
// other articles: a person's surname ("trump" for "donald trump"); an organisation's first word
// ("fox" for "fox news") or its acronym ("imf" for "international monetary fund"). That it can
// is not that it does: the merger also asks for evidence that it does.
func shortFor(typ, short, full string) bool {
	if strings.Contains(short, " ") || !strings.Contains(full, " ") {
		return false
	}
	words := strings.Fields(full)
	switch typ {
	case article.TypePerson:
		return words[len(words)-1] == short
	case article.TypeOrg:
		return words[0] == short || (len([]rune(short)) >= 2 && acronym(words) == short)
	}
	return false
}

// acronym is the initials of the words that count ("international monetary fund" → "imf").
func acronym(words []string) string {
	var b strings.Builder
	for _, w := range words {
		if acronymSkip[w] {
			continue
		}
		r := []rune(w)
		b.WriteRune(r[0])
	}
	return b.String()
}

// shortForms are the one-word keys that could stand for the full key (the inverse of shortFor):
// a person's surname, an organisation's first word and acronym.
func shortForms(typ, full string) []string {
	words := strings.Fields(full)
	if len(words) < 2 {
		return nil
	}
	switch typ {
	case article.TypePerson:
		return []string{words[len(words)-1]}
	case article.TypeOrg:
		if a := acronym(words); len([]rune(a)) >= 2 && a != words[0] {
			return []string{words[0], a}
		}
		return []string{words[0]}
	}
	return nil
}

// initials reports whether every word is one letter, as in an acronym written with full stops.
func initials(words []string) bool {
	for _, w := range words {
		if len([]rune(w)) != 1 {
			return false
		}
	}
	return len(words) > 1
}
