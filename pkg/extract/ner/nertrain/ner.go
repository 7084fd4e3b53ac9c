package nertrain

import (
	"context"
	"fmt"
	"os"

	"github.com/newsmon/newsmon/internal/eval"
	"github.com/newsmon/newsmon/pkg/extract/ner"
	"github.com/newsmon/newsmon/pkg/geo"
)

// NEROptions say what to train and from which files.
type NEROptions struct {
	// Config holds the training knobs; Prepare fills in its Resources, Places and CrossValidated.
	Config      ner.TrainConfig
	Train, Dev  string        // CoNLL files, TOKEN\tTAG (IOB2) with -DOCSTART- lines
	Out         string        // where the model goes (gzip)
	CVCounts    string        // if set, where the cross-validated first stage's labels of the training words go (for Profiles' Counts)
	Resources   ResourceFiles // the tables the model's features read
	NoGazetteer bool          // train without gazetteer features
}

// NERJob is a training run whose data, tables and gazetteer are loaded: what is left is the
// training itself, which callers may want to time or profile apart.
type NERJob struct {
	cfg           ner.TrainConfig
	train, dev    []ner.Document
	out, cvCounts string
}

// PrepareNER reads the training and development data and loads what the features need.
func PrepareNER(opts NEROptions) (*NERJob, error) {
	res, err := opts.Resources.Load()
	if err != nil {
		return nil, err
	}
	train, err := readDocs(opts.Train)
	if err != nil {
		return nil, err
	}
	dev, err := readDocs(opts.Dev)
	if err != nil {
		return nil, err
	}
	cfg := opts.Config
	cfg.Resources = res
	if !opts.NoGazetteer {
		gaz, err := geo.Default()
		if err != nil {
			return nil, fmt.Errorf("load gazetteer: %w", err)
		}
		cfg.Places = gaz
	}
	if opts.CVCounts != "" {
		cfg.CrossValidated = ner.NewProfileCounter(nil, nil)
	}
	return &NERJob{cfg: cfg, train: train, dev: dev, out: opts.Out, cvCounts: opts.CVCounts}, nil
}

// Run trains the model, reporting every epoch (and cross-validation fold) to report, and writes
// the model and, if asked, the cross-validated counts.
func (j *NERJob) Run(ctx context.Context, report func(ner.EpochReport)) (*ner.Model, error) {
	m, err := ner.Train(ctx, j.cfg, j.train, j.dev, report)
	if err != nil {
		return nil, fmt.Errorf("train %s: %w", j.cfg.Scheme, err)
	}
	if err := writeFile(j.out, m.Write); err != nil {
		return nil, fmt.Errorf("write model: %w", err)
	}
	if j.cvCounts != "" {
		if err := writeFile(j.cvCounts, j.cfg.CrossValidated.WriteCounts); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// readDocs reads a tagged CoNLL file into training documents.
func readDocs(path string) ([]ner.Document, error) {
	docs, err := readCoNLL(path)
	if err != nil {
		return nil, err
	}
	out := make([]ner.Document, len(docs))
	for i, d := range docs {
		out[i] = make(ner.Document, len(d.Sentences))
		for j, s := range d.Sentences {
			if s.Tags == nil {
				return nil, fmt.Errorf("read %s: no tags", path)
			}
			out[i][j] = ner.Sentence{Tokens: s.Tokens, Tags: s.Tags}
		}
	}
	return out, nil
}

// readCoNLL reads a CoNLL file, tags optional.
func readCoNLL(path string) ([]eval.CoNLLDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	docs, err := eval.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return docs, nil
}
