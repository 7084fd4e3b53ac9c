package ner

import (
	"embed"
	"strings"
	"sync"
)

// knowledgeFiles holds the name lists built from registry packages by knowledge/build.py (their
// sources and licences are in knowledge/SOURCES.md). They are read by the document-level typing
// step only, never by the model's features, so the trained models see exactly what they were
// trained with.
//
//go:embed knowledge/*.txt
var knowledgeFiles embed.FS

// knowledge is what the document-level typing step knows about names besides the article.
type knowledge struct {
	// firstNames are common given names (US census first names, title case, and lexicon.go's).
	firstNames map[string]bool
	// orgNames are company names written as one word ("Airbus", "Macy's").
	orgNames map[string]bool
	// legalForms are company legal forms, lower case without dots ("gmbh", "sa", "spa", "plc").
	legalForms map[string]bool
	// surnames are common surnames (US census), lower case: isSurname reads them.
	surnames map[string]bool
}

// loadKnowledge reads the embedded lists once; the tables are read-only afterwards.
var loadKnowledge = sync.OnceValue(func() *knowledge {
	read := func(name string) map[string]bool {
		data, err := knowledgeFiles.ReadFile("knowledge/" + name)
		if err != nil {
			panic("ner: embedded list missing: " + name) // the files are compiled in
		}
		set := map[string]bool{}
		for _, w := range strings.Split(string(data), "\n") {
			if w = strings.TrimSpace(w); w != "" {
				set[w] = true
			}
		}
		return set
	}
	k := &knowledge{firstNames: read("first-names.txt"), orgNames: read("org-names.txt"), legalForms: read("legal-forms.txt"),
		surnames: map[string]bool{}}
	for w := range read("surnames.txt") {
		k.surnames[strings.ToLower(w)] = true // the census writes "Mccarthy"
	}
	for w := range wordSet(givenNames) {
		k.firstNames[w] = true
	}
	for w := range wordSet(knownOrgs) {
		k.orgNames[w] = true
	}
	return k
})

// isLegalForm reports whether a token is a company's legal form: "GmbH", "S.A.", "SpA", "Ltd.",
// "plc". Forms of one or two letters count only in capitals or with dots ("AG", "S.A."), so that
// words such as "Sa" or "se" in a name do not.
func (k *knowledge) isLegalForm(w string) bool {
	// Lower-case the word without its dots in a small buffer, so that the check allocates nothing
	// (it runs on every capitalised token). Legal forms are short; non-ASCII ones take the slow way.
	var buf [12]byte
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			continue
		case c >= 0x80:
			return k.isLegalFormSlow(w)
		case n == len(buf):
			return false
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	if n == 0 || !k.legalForms[string(buf[:n])] {
		return false
	}
	return k.legalFormCase(w, strings.ReplaceAll(w, ".", ""))
}

func (k *knowledge) isLegalFormSlow(w string) bool {
	bare := strings.ReplaceAll(w, ".", "")
	if bare == "" || !k.legalForms[strings.ToLower(bare)] {
		return false
	}
	return k.legalFormCase(w, bare)
}

// legalFormCase says whether a listed form is written as a form: short ones in capitals or with
// dots, longer ones not in lower case ("plc" excepted).
func (k *knowledge) legalFormCase(w, bare string) bool {
	if len(bare) <= 2 {
		return bare != w || strings.ToUpper(bare) == bare
	}
	return capClass(bare) != capLower || bare == "plc"
}

// isSurname reports a common surname ("Reagan", "McCarthy"), in any case.
func (k *knowledge) isSurname(w string) bool {
	return k.surnames[strings.ToLower(w)]
}
