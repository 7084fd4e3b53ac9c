package nertrain

import (
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/extract/ner"
)

const tinyCoNLL = "../testdata/tiny.conll"

// writeText writes lines to dir/name, gzipped when the name ends in .gz.
func writeText(t *testing.T, dir, name string, lines ...string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	text := strings.Join(lines, "\n") + "\n"
	if strings.HasSuffix(name, ".gz") {
		zw := gzip.NewWriter(f)
		if _, err := zw.Write([]byte(text)); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return path
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCountWords(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	plain := writeText(t, dir, "news.txt", "Angela Merkel visited Nairobi.", "", "The United Nations said so.")
	zipped := writeText(t, dir, "news.txt.gz", "Angela Merkel visited Nairobi.")
	conll, err := readCoNLL(tinyCoNLL)
	if err != nil {
		t.Fatal(err)
	}
	conllSentences := 0
	for _, d := range conll {
		conllSentences += len(d.Sentences)
	}
	tests := []struct {
		name          string
		text, conll   []string
		wantSentences int
	}{
		{"text, empty lines skipped", []string{plain}, nil, 2},
		{"gzipped text", []string{zipped}, nil, 1},
		{"text and CoNLL", []string{plain, zipped}, []string{tinyCoNLL}, 3 + conllSentences},
	}
	for _, tt := range tests {
		counter, sentences, err := CountWords(context.Background(), tt.text, tt.conll)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if sentences != tt.wantSentences || counter.Words() == 0 {
			t.Errorf("%s: %d sentences, %d words; want %d sentences", tt.name, sentences, counter.Words(), tt.wantSentences)
		}
	}
	if _, _, err := CountWords(context.Background(), []string{filepath.Join(dir, "missing.txt")}, nil); err == nil || !strings.Contains(err.Error(), "read ") {
		t.Errorf("a missing text file: error %v; want one naming the read", err)
	}
}

func TestResourceFilesLoad(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	counter, _, err := CountWords(context.Background(), nil, []string{tinyCoNLL})
	if err != nil {
		t.Fatal(err)
	}
	cfg := ner.DefaultClusterConfig()
	cfg.MinCount = 1
	clusters := filepath.Join(dir, "clusters.gz")
	if _, err := WriteClusters(clusters, counter, cfg); err != nil {
		t.Fatal(err)
	}
	embedded, err := ner.DefaultResources()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		files   ResourceFiles
		wantErr string
		check   func(*ner.Resources) bool
	}{
		{name: "embedded", files: ResourceFiles{}, check: func(r *ner.Resources) bool { return r.Checksum() == embedded.Checksum() }},
		{name: "without either", files: ResourceFiles{Clusters: "none", Profiles: "none"}, check: func(r *ner.Resources) bool { return r.Checksum() == "none" && r.ProfilesChecksum() == "none" }},
		{name: "a cluster file", files: ResourceFiles{Clusters: clusters, Profiles: "none"}, check: func(r *ner.Resources) bool { return r.Checksum() != embedded.Checksum() }},
		{name: "a missing file", files: ResourceFiles{Clusters: filepath.Join(dir, "missing.gz")}, wantErr: "read clusters: "},
	}
	for _, tt := range tests {
		res, err := tt.files.Load()
		switch {
		case tt.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: error %v; want %q", tt.name, err, tt.wantErr)
			}
		case err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case !tt.check(res):
			t.Errorf("%s: loaded the wrong tables", tt.name)
		}
	}
}

func TestReadDocsWantsTags(t *testing.T) {
	t.Parallel()
	path := writeText(t, t.TempDir(), "untagged.conll", "Angela", "Merkel", "", "Nairobi")
	if _, err := readDocs(path); err == nil || !strings.Contains(err.Error(), "no tags") {
		t.Errorf("readDocs on untagged data: error %v; want \"no tags\"", err)
	}
	docs, err := readDocs(tinyCoNLL)
	if err != nil || len(docs) == 0 {
		t.Fatalf("readDocs(%s) = %d documents, %v", tinyCoNLL, len(docs), err)
	}
}

// The whole recipe on tiny data: a base model with cross-validated counts, profiles from text and
// those counts, each written where it was asked to go.
func TestNERThenProfiles(t *testing.T) {
	dir := t.TempDir()
	opts := NEROptions{
		Config:    ner.TrainConfig{Scheme: "conll2003", MaxEpochs: 2, Patience: 3, Seed: 1, Bits: 12, Stages: 2, BaseWeight: 0.1},
		Train:     tinyCoNLL,
		Dev:       tinyCoNLL,
		Out:       filepath.Join(dir, "base.gz"),
		CVCounts:  filepath.Join(dir, "counts.gz"),
		Resources: ResourceFiles{Profiles: "none"},
	}
	job, err := PrepareNER(opts)
	if err != nil {
		t.Fatal(err)
	}
	epochs := 0
	m, err := job.Run(context.Background(), func(r ner.EpochReport) {
		if r.Fold == 0 {
			epochs++
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if epochs == 0 {
		t.Error("no epoch was reported")
	}
	for _, path := range []string{opts.Out, opts.CVCounts} {
		if st, err := os.Stat(path); err != nil || st.Size() == 0 {
			t.Errorf("%s not written: %v", path, err)
		}
	}
	text := writeText(t, dir, "news.txt", "Angela Merkel visited Nairobi.", "The United Nations said so in Geneva.")
	words, err := Profiles(context.Background(), m, nil, ProfileOptions{Text: []string{text}, DocLines: 1,
		Counts: []string{opts.CVCounts}, Out: filepath.Join(dir, "profiles.gz")})
	if err != nil {
		t.Fatal(err)
	}
	if words == 0 {
		t.Error("Profiles tagged no words")
	}
	if _, err := (ResourceFiles{Profiles: filepath.Join(dir, "profiles.gz")}).Load(); err != nil {
		t.Errorf("the written profiles do not load: %v", err)
	}
}
