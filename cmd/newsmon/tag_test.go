package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestTagKeepsLayout(t *testing.T) {
	in := "-DOCSTART-\n\nAngela\tX\nMerkel\nvisited\nNairobi\n.\n\nThe\nUnited\nNations\nsaid\nso\n\n"
	path := filepath.Join(t.TempDir(), "in.conll")
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, scheme := range []string{"conll2003", "ontonotes"} {
		var out, errOut bytes.Buffer
		if code := Main(context.Background(), []string{"tag", "--format", "conll", "--scheme", scheme, path}, &out, &errOut); code != 0 {
			t.Fatalf("tag --scheme %s exit %d: %s", scheme, code, errOut.String())
		}
		gotLines, inLines := strings.Split(out.String(), "\n"), strings.Split(in, "\n")
		if len(gotLines) != len(inLines) {
			t.Fatalf("%s: %d lines out, %d in:\n%s", scheme, len(gotLines), len(inLines), out.String())
		}
		tag := regexp.MustCompile(`^(O|[BI]-[A-Z_]+)$`)
		for i, l := range inLines {
			tok, _, _ := strings.Cut(l, "\t")
			if tok == "" || tok == "-DOCSTART-" {
				if gotLines[i] != l {
					t.Errorf("%s line %d = %q; want %q kept", scheme, i+1, gotLines[i], l)
				}
				continue
			}
			gotTok, gotTag, _ := strings.Cut(gotLines[i], "\t")
			if gotTok != tok || !tag.MatchString(gotTag) {
				t.Errorf("%s line %d = %q; want %q and an IOB2 tag", scheme, i+1, gotLines[i], tok)
			}
		}
	}
}

func TestEvalNER(t *testing.T) {
	data := "../../internal/eval/testdata/gold.conll"
	var out, errOut bytes.Buffer
	if code := Main(context.Background(), []string{"eval", "ner", "--scheme", "conll2003", "--data", data}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; !regexp.MustCompile(`^ner f1=\d\.\d{4} p=\d\.\d{4} r=\d\.\d{4}$`).MatchString(last) {
		t.Errorf("last line = %q", last)
	}
	out.Reset()
	if code := Main(context.Background(), []string{"eval", "ner", "--scheme", "conll2003", "--data", data, "--json"}, &out, &errOut); code != 0 {
		t.Fatalf("--json exit %d: %s", code, errOut.String())
	}
	var m map[string]any
	if err := json.Unmarshal(out.Bytes(), &m); err != nil {
		t.Fatalf("--json output %q: %v", out.String(), err)
	}
	for _, k := range []string{"f1", "p", "r", "types"} {
		if _, ok := m[k]; !ok {
			t.Errorf("--json lacks %q: %s", k, out.String())
		}
	}
}

// TestTrainProfilesChain runs the rebuild recipe of the package documentation on tiny data: a base
// model without profiles, the profiles it writes, a model trained with them, and tagging with it.
func TestTrainProfilesChain(t *testing.T) {
	dir := t.TempDir()
	data := "../../internal/eval/testdata/gold.conll"
	text := filepath.Join(dir, "news.txt")
	if err := os.WriteFile(text, []byte("Angela Merkel visited Nairobi on Monday.\nThe United Nations said so in Geneva.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	base, counts := filepath.Join(dir, "base.gz"), filepath.Join(dir, "counts.gz")
	profiles, final := filepath.Join(dir, "profiles.gz"), filepath.Join(dir, "final.gz")
	train := []string{"train", "ner", "--scheme", "conll2003", "--epochs", "2", "--bits", "14", "--train", data, "--dev", data}
	for _, args := range [][]string{
		append(slices.Clone(train), "--profiles", "none", "--cv-counts", counts, "--out", base),
		{"train", "profiles", "--scheme", "conll2003", "--model", base, "--counts", counts, "--out", profiles, text},
		append(slices.Clone(train), "--profiles", profiles, "--out", final),
		{"tag", "--scheme", "conll2003", "--model", final, "--profiles", profiles, data},
	} {
		var out, errOut bytes.Buffer
		if code := Main(context.Background(), args, &out, &errOut); code != 0 {
			t.Fatalf("%s: exit %d: %s", strings.Join(args, " "), code, errOut.String())
		}
	}
	var out, errOut bytes.Buffer
	code := Main(context.Background(), []string{"tag", "--scheme", "conll2003", "--model", final, "--profiles", "none", data}, &out, &errOut)
	if code == 0 || !strings.Contains(errOut.String(), "profiles") {
		t.Errorf("tagging without the profiles the model was trained with: exit %d, %q; want an error about profiles", code, errOut.String())
	}
}
