package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestEvalNERLanguage scores the embedded Spanish model (--lang es) on a small CoNLL-2002-style
// file, on the corpus' tokens, through the tokeniser (--text) and as the entities articles get
// (--text --entities); flags that cannot go together are refused.
func TestEvalNERLanguage(t *testing.T) {
	data := filepath.Join(t.TempDir(), "es.conll")
	var b strings.Builder
	b.WriteString("-DOCSTART-\n\n")
	for _, sent := range [][]string{
		{"El", "O", "presidente", "O", "de", "O", "Telefónica", "B-ORG", ",", "O", "César", "B-PER", "Alierta", "I-PER",
			",", "O", "viajó", "O", "a", "O", "Madrid", "B-LOC", ".", "O"},
		{"La", "O", "ministra", "O", "Gloria", "B-PER", "Ramírez", "I-PER", "habló", "O", "en", "O", "Bogotá", "B-LOC", ".", "O"},
	} {
		for i := 0; i < len(sent); i += 2 {
			b.WriteString(sent[i] + "\t" + sent[i+1] + "\n")
		}
		b.WriteString("\n")
	}
	if err := os.WriteFile(data, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	last := regexp.MustCompile(`ner f1=(\d\.\d{4}) p=\d\.\d{4} r=\d\.\d{4}$`)
	for _, flags := range [][]string{nil, {"--text"}, {"--text", "--entities"}} {
		args := append([]string{"eval", "ner", "--lang", "es", "--scheme", "conll2002", "--data", data}, flags...)
		var out, errOut bytes.Buffer
		if code := Main(context.Background(), args, &out, &errOut); code != 0 {
			t.Fatalf("%v: exit %d: %s", flags, code, errOut.String())
		}
		m := last.FindStringSubmatch(strings.TrimSpace(out.String()))
		if m == nil {
			t.Fatalf("%v: output %q", flags, out.String())
		}
		if f1, _ := strconv.ParseFloat(m[1], 64); f1 < 0.8 {
			t.Errorf("%v: f1 %.4f on sentences the model gets right; want ≥ 0.8", flags, f1)
		}
	}
	for _, args := range [][]string{
		{"--lang", "es", "--scheme", "conll2003"}, // the Spanish model is not a CoNLL-2003 model
		{"--lang", "es", "--scheme", "conll2002", "--entities"},
		{"--lang", "xx", "--scheme", "conll2002"},
	} {
		var out, errOut bytes.Buffer
		if code := Main(context.Background(), append([]string{"eval", "ner", "--data", data}, args...), &out, &errOut); code == 0 {
			t.Errorf("%v: exit 0; want an error", args)
		}
	}
}
