package ner

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/extract/wordclass"
	"github.com/newsmon/newsmon/pkg/text"
)

// This file reads a company's name followed by a product's as the product (MISC), as a reader
// does with "the Sony PSP", "a Nintendo DS" or "the new Motorola Razr", which models type as the
// company. A company joined to another ("Sony Ericsson") or to an industry's noun ("Toyota
// Motor", "Apple Computer") stays a company: the product's name must be an acronym, a model word
// or number, or a word in mixed case, and a mention must read as a thing — after an article and
// ending its noun phrase ("the Sony BMG deal" names the label), or before a product's noun (which
// a word no dictionary has needs: "the Motorola Razr handset", not "Airbus Industrie").

// productNouns after a name say it is a product's: "the Nintendo DS handheld".
var productNouns = wordSet(`console consoles handheld handhelds phone phones handset handsets smartphone
smartphones tablet tablets laptop laptops player players camera cameras device devices gadget gadgets
jet jets airliner airliners aircraft helicopter helicopters car cars model models saloon hatchback`)

// productDeterminers open a noun phrase naming a thing.
var productDeterminers = wordSet(`the a an its their his her new latest`)

// isBrandProduct reports that tokens [i, j) read as a company's product (see the file comment).
func (t *Tagger) isBrandProduct(s string, toks []token, i, j int, k *knowledge) bool {
	if j-i < 2 || j-i > 3 || !t.isBrand(toks[i].Text, k) {
		return false
	}
	part := t.productPart(toks[i+1].Text, k)
	if part == 0 {
		return false
	}
	for n := i + 2; n < j; n++ {
		if w := toks[n].Text; !productModelWords[w] && !text.IsNumber(w) {
			return false
		}
	}
	if j < len(toks) && productNouns[toks[j].Text] && !nounAfter(toks, j+1) {
		return true // (not "the Airbus Industrie aircraft consortium")
	}
	if part == weakProductPart || i == 0 || !endsPhrase(toks, j) || !spaceGap(s, toks[i-1], toks[i]) {
		return false
	}
	return productDeterminers[strings.ToLower(toks[i-1].Text)]
}

// Kinds of productPart: a word that names a product by its form, or only maybe.
const (
	strongProductPart = iota + 1 // an acronym, a model word, mixed case: "PSP", "Pro", "PlayStation"
	weakProductPart              // a capitalised word no list has: "Razr", but also "Industrie"
)

// productPart tells whether a word may name a company's product after the company's name, and how
// surely (strongProductPart, weakProductPart), or 0: never a body's word, a place or a name. A
// weak part needs a product's noun after it ("the Motorola Razr handset"): a foreign body's word
// reads the same ("Airbus Industrie").
func (t *Tagger) productPart(w string, k *knowledge) int {
	if orgHeadWords[w] || t.lex.orgWords[w] || mediaHeadWords[w] || k.isLegalForm(w) || k.orgNames[w] ||
		k.firstNames[w] || calendarWords[w] || t.places != nil && t.places.IsPlace(w) {
		return 0
	}
	switch capClass(w) {
	case capAll:
		if len(w) >= 2 && len(w) <= 4 && text.IsWord(w) {
			return strongProductPart
		}
	case capMixed:
		return strongProductPart
	case capInit:
		if productModelWords[w] {
			return strongProductPart
		}
		if wordclass.Speaker(strings.ToLower(w)) == 0 && !k.isSurname(w) {
			return weakProductPart
		}
	}
	return 0
}

// isBrand reports a company's name that may open its product's: one the company lists know that
// is no place ("Pittsburgh Penguins" is a club) and no common noun, unless a well-known company's
// ("Apple"; but "World Championships").
func (t *Tagger) isBrand(w string, k *knowledge) bool {
	if !k.orgNames[w] || t.places != nil && t.places.IsPlace(w) {
		return false
	}
	return t.lex.knownOrgs[w] || wordclass.Speaker(strings.ToLower(w)) == 0
}

// extendBrandProducts extends a company's one-word mention over the product's name after it that
// the model left out ("the Nintendo" + "DS"), when the two read as a product (isBrandProduct) and
// no mention starts there.
func (t *Tagger) extendBrandProducts(s string, toks []token, cands []candidate) []candidate {
	k := loadKnowledge()
	for n := range cands {
		c := &cands[n]
		i, j := tokenSpan(toks, c.start, c.end)
		if j != i+1 || j >= len(toks) || !spaceGap(s, toks[i], toks[j]) || n+1 < len(cands) && cands[n+1].start < toks[j].End ||
			!t.isBrandProduct(s, toks, i, j+1, k) {
			continue
		}
		c.end = toks[j].End
		c.name = s[c.start:c.end]
	}
	return cands
}
