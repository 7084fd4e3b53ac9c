package ner

import (
	"bytes"
	"compress/gzip"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// editedResources is res with its word lists changed by edit.
func editedResources(res *Resources, edit func(*lexicon)) *Resources {
	out := *res
	lex := newLexicon()
	edit(lex)
	out.setLexicon(lex)
	return &out
}

func TestLexiconChecksum(t *testing.T) {
	t.Parallel()
	base := buildLexMap(newLexicon())
	sum := lexiconChecksum(base)
	for _, tc := range []struct {
		name string
		edit func(*lexicon)
		same bool
	}{
		{"a list in another order, with a duplicate", func(l *lexicon) {
			words := strings.Fields(givenNames)
			slices.Reverse(words)
			l.givenNames = wordSet(strings.Join(append(words, words[0]), "\n"))
		}, true},
		{"a word added to a list only rules read", func(l *lexicon) { l.common["zzyzx"] = true }, true},
		{"a word added to a list the features read", func(l *lexicon) { l.givenNames["Zzyzx"] = true }, false},
		{"a word removed from a list the features read", func(l *lexicon) { delete(l.titles, "Mayor") }, false},
		{"a word moved between lists the features read", func(l *lexicon) {
			delete(l.knownOrgs, "Reuters")
			l.orgWords["Reuters"] = true
		}, false},
	} {
		lex := newLexicon()
		tc.edit(lex)
		if got := lexiconChecksum(buildLexMap(lex)); (got == sum) != tc.same {
			t.Errorf("%s: checksum %s, base %s; want same = %v", tc.name, got, sum, tc.same)
		}
	}
}

func embeddedModelFile(t *testing.T, scheme string) []byte {
	t.Helper()
	data, err := modelFiles.ReadFile("model/" + scheme + ".model.gz")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestReadModelRefusesEditedLexicon: a model does not load with word lists other than those it was
// trained with, and says why.
func TestReadModelRefusesEditedLexicon(t *testing.T) {
	t.Parallel()
	res, err := DefaultResources()
	if err != nil {
		t.Fatal(err)
	}
	edited := editedResources(res, func(l *lexicon) { l.orgWords["Syndicate"] = true })
	_, err = ReadModel(bytes.NewReader(embeddedModelFile(t, "conll2003")), edited)
	if err == nil || !strings.Contains(err.Error(), "word lists") || !strings.Contains(err.Error(), "retrain") {
		t.Fatalf("ReadModel with an edited lexicon: err = %v; want a word-lists mismatch", err)
	}
}

func gunzip(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func regzip(t *testing.T, raw []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(raw)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestStampLexicon: stamping a model whose header lacks the checksum (as the models did before it
// existed) gives back the shipped file's content exactly, weights byte for byte; stamping a model
// trained with other lists is refused.
func TestStampLexicon(t *testing.T) {
	t.Parallel()
	res, err := NewResources(nil)
	if err != nil {
		t.Fatal(err)
	}
	shipped := gunzip(t, embeddedModelFile(t, "conll2003"))
	unstamped := regexp.MustCompile(`,"lexicon":"[0-9a-f]+"`).ReplaceAll(shipped[:bytes.IndexByte(shipped, '\n')], nil)
	unstamped = append(unstamped, shipped[bytes.IndexByte(shipped, '\n'):]...)
	if bytes.Equal(unstamped, shipped) {
		t.Fatal("the shipped model's header records no lexicon checksum")
	}
	var out bytes.Buffer
	if err := StampLexicon(&out, bytes.NewReader(regzip(t, unstamped)), res); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gunzip(t, out.Bytes()), shipped) {
		t.Error("stamping the unstamped model does not give the shipped model back")
	}
	edited := editedResources(res, func(l *lexicon) { l.titles["Warlord"] = true })
	if err := StampLexicon(io.Discard, bytes.NewReader(out.Bytes()), edited); err == nil || !strings.Contains(err.Error(), "retrain") {
		t.Errorf("stamping a model trained with other lists: err = %v; want a refusal", err)
	}
}
