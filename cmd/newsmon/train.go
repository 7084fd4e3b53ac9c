package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/extract/ner"
	"github.com/newsmon/newsmon/pkg/extract/ner/nertrain"
)

// cmdTrain trains the statistical models: `newsmon train ner|clusters|profiles …`.
func cmdTrain(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{fmt.Errorf("usage: newsmon train ner|clusters|profiles [flags]")}
	}
	switch args[0] {
	case "ner":
		return cmdTrainNER(ctx, args[1:], stdout, stderr)
	case "clusters":
		return cmdTrainClusters(ctx, args[1:], stdout, stderr)
	case "profiles":
		return cmdTrainProfiles(ctx, args[1:], stdout, stderr)
	}
	return usageError{fmt.Errorf("unknown model %q (known: ner, clusters, profiles)", args[0])}
}

func cmdTrainNER(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("train ner", stderr)
	var opts nertrain.NEROptions
	cfg := &opts.Config
	fs.StringVar(&cfg.Scheme, "scheme", "ontonotes", "tag scheme: ontonotes|conll2003|conll2002|wikiann|msra (Chinese, one Han character a token)")
	fs.StringVar(&cfg.Encoding, "encoding", ner.EncodingBILOU, "label encoding of the model: iob2|bilou (data and output are IOB2 either way)")
	fs.StringVar(&opts.Train, "train", "", "training data, TOKEN\\tTAG (IOB2) with -DOCSTART- lines")
	fs.StringVar(&opts.Dev, "dev", "", "development data for per-epoch F1 and early stopping")
	fs.StringVar(&opts.Out, "out", "", "where to write the model (gzip)")
	fs.IntVar(&cfg.MaxEpochs, "epochs", 30, "maximum number of epochs")
	fs.IntVar(&cfg.Patience, "patience", 3, "stop after this many epochs without a better dev F1")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "shuffling seed")
	fs.UintVar(&cfg.Bits, "bits", 20, "the weight table has 2^bits rows")
	var resFlags nerResources
	resFlags.register(fs)
	fs.BoolVar(&opts.NoGazetteer, "no-gazetteer", false, "train without gazetteer features")
	fs.IntVar(&cfg.Stages, "stages", 2, "1, or 2 to add a stage reading document-level label features")
	fs.BoolVar(&cfg.FullSecondStage, "full-second-stage", false, "stage 2 scores all token features again (slower to tag)")
	baseWeight := fs.Float64("base-weight", 0.1, "residual stage 2: weight of stage 1's scores")
	margin := fs.Float64("margin", 0, "stage 1: cost added to wrong labels while training (0: 0.0025 × training sentences; negative: none)")
	fs.StringVar(&opts.CVCounts, "cv-counts", "", "also write how the cross-validated first stage labelled the training words (for train profiles --counts)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of training to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if opts.Train == "" || opts.Dev == "" || opts.Out == "" {
		return usageError{fmt.Errorf("--train, --dev and --out are required")}
	}
	cfg.BaseWeight, cfg.Margin = float32(*baseWeight), float32(*margin)
	opts.Resources = resFlags.files()
	job, err := nertrain.PrepareNER(opts)
	if err != nil {
		return err
	}
	stop, err := startCPUProfile(*cpuProfile)
	if err != nil {
		return err
	}
	defer stop()
	start := time.Now()
	m, err := job.Run(ctx, func(r ner.EpochReport) { printEpoch(stdout, r, start) })
	if err != nil {
		return err
	}
	st, _ := os.Stat(opts.Out)
	fmt.Fprintf(stdout, "wrote %s (%d bytes): best dev f1=%.4f, trained in %s\n", opts.Out, st.Size(), m.DevF1(),
		time.Since(start).Round(time.Second))
	return nil
}

// printEpoch prints one line per epoch (best dev F1 so far marked *) or cross-validation fold.
func printEpoch(w io.Writer, r ner.EpochReport, start time.Time) {
	if r.Fold > 0 {
		fmt.Fprintf(w, "stage %d  cross-validation fold %d done (%s)\n", r.Stage, r.Fold,
			time.Since(start).Round(time.Second))
		return
	}
	mark := ""
	if r.Best {
		mark = " *"
	}
	fmt.Fprintf(w, "stage %d  epoch %2d  dev f1=%.4f p=%.4f r=%.4f  mistakes=%d  %.1fs%s\n",
		r.Stage, r.Epoch, r.DevF1, r.DevP, r.DevR, r.Mistakes, r.Took.Seconds(), mark)
}

// nerResources are the flags naming the tables NER features read besides the model: each is a
// file, "none", or "" for the embedded one.
type nerResources struct{ clusters, profiles string }

func (r *nerResources) register(fs *flag.FlagSet) {
	fs.StringVar(&r.clusters, "clusters", "", "cluster table the model was trained with (default: embedded; none: without)")
	fs.StringVar(&r.profiles, "profiles", "", "word-profile table the model was trained with (default: embedded; none: without)")
}

func (r nerResources) files() nertrain.ResourceFiles {
	return nertrain.ResourceFiles{Clusters: r.clusters, Profiles: r.profiles}
}

func (r nerResources) load() (*ner.Resources, error) { return r.files().Load() }

func cmdTrainClusters(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("train clusters", stderr)
	out := fs.String("out", "", "where to write the cluster table (gzip)")
	var conll stringList
	fs.Var(&conll, "conll", "also count the tokens of this TOKEN[\tTAG] file (repeatable)")
	cfg := ner.DefaultClusterConfig()
	fs.IntVar(&cfg.MinCount, "min-count", cfg.MinCount, "words seen fewer times get no cluster")
	fs.IntVar(&cfg.MaxDepth, "depth", cfg.MaxDepth, "longest cluster path in bits")
	fs.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "projection and k-means seed")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsmon train clusters --out FILE [--conll FILE]... TEXT[.gz]...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || fs.NArg()+len(conll) == 0 {
		return usageError{fmt.Errorf("--out and at least one input are required")}
	}
	start := time.Now()
	counter, sentences, err := nertrain.CountWords(ctx, fs.Args(), conll)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "counted %d sentences, %d distinct words in %s\n", sentences, counter.Words(),
		time.Since(start).Round(time.Millisecond))
	words, err := nertrain.WriteClusters(*out, counter, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d words clustered in %s\n", *out, words, time.Since(start).Round(time.Millisecond))
	return nil
}

// cmdTrainProfiles tags unlabeled text with a base model and writes each word's label profile,
// which models trained afterwards read as features (see ner.ProfileCounter).
func cmdTrainProfiles(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("train profiles", stderr)
	out := fs.String("out", "", "where to write the profile table (gzip)")
	scheme := fs.String("scheme", "ontonotes", "scheme of the base model")
	modelPath := fs.String("model", "", "base model, trained with --profiles none")
	clusters := fs.String("clusters", "", "cluster table the base model was trained with (default: embedded)")
	docLines := fs.Int("doc-lines", 20, "lines of text tagged together as one document")
	var counts stringList
	fs.Var(&counts, "counts", "also count these labels of words (train ner --cv-counts; repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsmon train profiles --model FILE --out FILE [--counts FILE]... TEXT[.gz]...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || *modelPath == "" || fs.NArg() == 0 {
		return usageError{fmt.Errorf("--model, --out and at least one text file are required")}
	}
	m, places, err := loadNERModel(*scheme, *modelPath, nerResources{clusters: *clusters, profiles: "none"})
	if err != nil {
		return err
	}
	start := time.Now()
	words, err := nertrain.Profiles(ctx, m, places, nertrain.ProfileOptions{Text: fs.Args(), DocLines: *docLines, Counts: counts, Out: *out})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d distinct words tagged in %s\n", *out, words, time.Since(start).Round(time.Millisecond))
	return nil
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }
