// Package nertrain trains pkg/extract/ner's models and tables from files: the NER model from
// CoNLL data (PrepareNER, NERJob.Run), the word-cluster table from text (CountWords,
// WriteClusters) and the word-profile table from text tagged by a base model (Profiles). It is
// what `newsmon train` runs; it reads and writes the files it is named, which package ner itself
// never does, and it does not print: progress comes back to the caller.
package nertrain

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsmon/newsmon/pkg/extract/ner"
)

// ResourceFiles name the tables NER features read besides the model: each is a file, "none"
// (without that table), or "" for the embedded one.
type ResourceFiles struct{ Clusters, Profiles string }

// Load reads the tables; with both names empty it returns the embedded resources.
func (r ResourceFiles) Load() (*ner.Resources, error) {
	if r.Clusters == "" && r.Profiles == "" {
		return ner.DefaultResources()
	}
	clusters, err := readResourceFile(r.Clusters, "clusters", ner.EmbeddedClusters)
	if err != nil {
		return nil, err
	}
	profiles, err := readResourceFile(r.Profiles, "profiles", ner.EmbeddedProfiles)
	if err != nil {
		return nil, err
	}
	res, err := ner.NewResources(clusters)
	if err != nil {
		return nil, err
	}
	return res.WithProfiles(profiles)
}

func readResourceFile(path, what string, embedded func() ([]byte, error)) ([]byte, error) {
	switch path {
	case "":
		return embedded()
	case "none":
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	return data, nil
}

// writeFile creates path and writes it with write.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// eachLine calls fn for every line of a text file, gunzipping *.gz files.
func eachLine(path string, fn func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	for sc.Scan() {
		fn(sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}
