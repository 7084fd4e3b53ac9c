package ner

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sync"
)

// modelFiles holds the trained models, the cluster table and the word profiles (see
// model/README.md).
//
//go:embed model
var modelFiles embed.FS

// The embedded models are decoded at most once per process, on first use, because decoding takes
// a few hundred milliseconds and tens of MiB that a process not tagging should not pay for. The
// values are immutable once built, so sharing them between goroutines and Taggers is safe; this is
// the only package-level state and nothing ever writes to it after the first call.
var (
	embeddedResources = sync.OnceValues(func() (*Resources, error) {
		clusters, err := EmbeddedClusters()
		if err != nil {
			return nil, err
		}
		res, err := NewResources(clusters)
		if err != nil {
			return nil, err
		}
		profiles, err := EmbeddedProfiles()
		if err != nil {
			return nil, err
		}
		return res.WithProfiles(profiles)
	})
	embeddedModels = map[string]func() (*Model, error){
		"ontonotes": sync.OnceValues(func() (*Model, error) { return loadEmbedded("ontonotes") }),
		"conll2003": sync.OnceValues(func() (*Model, error) { return loadEmbedded("conll2003") }),
	}
)

// ErrNoModel means the binary was built without the model a scheme needs.
var ErrNoModel = errors.New("ner: no embedded model for scheme")

func loadEmbedded(scheme string) (*Model, error) {
	res, err := embeddedResources()
	if err != nil {
		return nil, err
	}
	data, err := modelFiles.ReadFile("model/" + scheme + ".model.gz")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w %s", ErrNoModel, scheme)
	}
	if err != nil {
		return nil, fmt.Errorf("embedded model %s: %w", scheme, err)
	}
	m, err := ReadModel(bytes.NewReader(data), res)
	if err != nil {
		return nil, fmt.Errorf("embedded model %s: %w", scheme, err)
	}
	return m, nil
}

// EmbeddedClusters returns the embedded cluster table as stored, nil when the binary has none.
func EmbeddedClusters() ([]byte, error) { return embeddedFile("clusters") }

// EmbeddedProfiles returns the embedded word-profile table as stored, nil when the binary has none.
func EmbeddedProfiles() ([]byte, error) { return embeddedFile("profiles") }

func embeddedFile(name string) ([]byte, error) {
	data, err := modelFiles.ReadFile("model/" + name + ".bin.gz")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("embedded %s: %w", name, err)
	}
	return data, nil
}

// DefaultResources returns the embedded cluster table, word profiles and word lists, decoded once
// per process.
func DefaultResources() (*Resources, error) { return embeddedResources() }

// Preload starts decoding the embedded model New's taggers use, in the background: a process that
// also loads the gazetteer (a third of a second of CPU each) gets both ready on two cores in the
// time of one. An error is kept and returned to the first tagger that needs the model.
func Preload() {
	go func() { _, _ = LoadModel(defaultScheme) }()
}

// LoadModel returns the embedded model of a scheme ("ontonotes" or "conll2003"), decoded once per
// process.
func LoadModel(scheme string) (*Model, error) {
	load, ok := embeddedModels[scheme]
	if !ok {
		_, err := newLabelSet(scheme)
		return nil, err
	}
	return load()
}
