package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/newsmon/newsmon/internal/eval"
	"github.com/newsmon/newsmon/pkg/extract/ner"
	"github.com/newsmon/newsmon/pkg/geo"
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
	scheme := fs.String("scheme", "ontonotes", "tag scheme: ontonotes|conll2003")
	encoding := fs.String("encoding", ner.EncodingBILOU, "label encoding of the model: iob2|bilou (data and output are IOB2 either way)")
	trainPath := fs.String("train", "", "training data, TOKEN\\tTAG (IOB2) with -DOCSTART- lines")
	devPath := fs.String("dev", "", "development data for per-epoch F1 and early stopping")
	out := fs.String("out", "", "where to write the model (gzip)")
	epochs := fs.Int("epochs", 30, "maximum number of epochs")
	patience := fs.Int("patience", 3, "stop after this many epochs without a better dev F1")
	seed := fs.Uint64("seed", 1, "shuffling seed")
	bits := fs.Uint("bits", 20, "the weight table has 2^bits rows")
	var resFlags nerResources
	resFlags.register(fs)
	noGaz := fs.Bool("no-gazetteer", false, "train without gazetteer features")
	stages := fs.Int("stages", 2, "1, or 2 to add a stage reading document-level label features")
	fullSecond := fs.Bool("full-second-stage", false, "stage 2 scores all token features again (slower to tag)")
	baseWeight := fs.Float64("base-weight", 0.1, "residual stage 2: weight of stage 1's scores")
	margin := fs.Float64("margin", 0, "stage 1: cost added to wrong labels while training (0: 0.0025 × training sentences; negative: none)")
	cvCounts := fs.String("cv-counts", "", "also write how the cross-validated first stage labelled the training words (for train profiles --counts)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of training to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *trainPath == "" || *devPath == "" || *out == "" {
		return usageError{fmt.Errorf("--train, --dev and --out are required")}
	}
	res, err := resFlags.load()
	if err != nil {
		return err
	}
	train, err := readNERDocs(*trainPath)
	if err != nil {
		return err
	}
	dev, err := readNERDocs(*devPath)
	if err != nil {
		return err
	}
	cfg := ner.TrainConfig{Scheme: *scheme, Encoding: *encoding, MaxEpochs: *epochs, Patience: *patience, Seed: *seed, Bits: *bits,
		Stages: *stages, FullSecondStage: *fullSecond, BaseWeight: float32(*baseWeight), Margin: float32(*margin),
		Resources: res}
	if !*noGaz {
		gaz, err := geo.Default()
		if err != nil {
			return fmt.Errorf("load gazetteer: %w", err)
		}
		cfg.Places = gaz
	}
	if *cpuProfile != "" {
		pf, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	if *cvCounts != "" {
		cfg.CrossValidated = ner.NewProfileCounter(nil, nil)
	}
	start := time.Now()
	m, err := ner.Train(ctx, cfg, train, dev, func(r ner.EpochReport) {
		if r.Fold > 0 {
			fmt.Fprintf(stdout, "stage %d  cross-validation fold %d done (%s)\n", r.Stage, r.Fold,
				time.Since(start).Round(time.Second))
			return
		}
		mark := ""
		if r.Best {
			mark = " *"
		}
		fmt.Fprintf(stdout, "stage %d  epoch %2d  dev f1=%.4f p=%.4f r=%.4f  mistakes=%d  %.1fs%s\n",
			r.Stage, r.Epoch, r.DevF1, r.DevP, r.DevR, r.Mistakes, r.Took.Seconds(), mark)
	})
	if err != nil {
		return fmt.Errorf("train %s: %w", *scheme, err)
	}
	if err := writeFile(*out, m.Write); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if *cvCounts != "" {
		if err := writeFile(*cvCounts, cfg.CrossValidated.WriteCounts); err != nil {
			return err
		}
	}
	st, _ := os.Stat(*out)
	fmt.Fprintf(stdout, "wrote %s (%d bytes): best dev f1=%.4f, trained in %s\n", *out, st.Size(), m.DevF1(),
		time.Since(start).Round(time.Second))
	return nil
}

// nerResources are the flags naming the tables NER features read besides the model: each is a
// file, "none", or "" for the embedded one.
type nerResources struct{ clusters, profiles string }

func (r *nerResources) register(fs *flag.FlagSet) {
	fs.StringVar(&r.clusters, "clusters", "", "cluster table the model was trained with (default: embedded; none: without)")
	fs.StringVar(&r.profiles, "profiles", "", "word-profile table the model was trained with (default: embedded; none: without)")
}

func (r nerResources) load() (*ner.Resources, error) {
	if r.clusters == "" && r.profiles == "" {
		return ner.DefaultResources()
	}
	clusters, err := readResourceFile(r.clusters, "clusters", ner.EmbeddedClusters)
	if err != nil {
		return nil, err
	}
	profiles, err := readResourceFile(r.profiles, "profiles", ner.EmbeddedProfiles)
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

// readNERDocs reads a CoNLL file into training documents.
func readNERDocs(path string) ([]ner.Document, error) {
	docs, err := readNERTokens(path)
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
	counter := ner.NewClusterCounter()
	sentences := 0
	for _, path := range fs.Args() {
		if err := eachLine(path, func(line string) {
			toks := ner.Tokens(line)
			words := make([]string, len(toks))
			for i, t := range toks {
				words[i] = t.Text
			}
			if len(words) > 0 {
				counter.Add(words)
				sentences++
			}
		}); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	for _, path := range conll {
		docs, err := readNERTokens(path)
		if err != nil {
			return err
		}
		for _, d := range docs {
			for _, s := range d.Sentences {
				counter.Add(s.Tokens)
				sentences++
			}
		}
	}
	fmt.Fprintf(stdout, "counted %d sentences, %d distinct words in %s\n", sentences, counter.Words(),
		time.Since(start).Round(time.Millisecond))
	paths := ner.BuildClusters(counter, cfg)
	if err := writeFile(*out, func(w io.Writer) error { return ner.WriteClusters(w, paths) }); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d words clustered in %s\n", *out, len(paths), time.Since(start).Round(time.Millisecond))
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
	counter := ner.NewProfileCounter(m, places)
	var lines []string
	flush := func() {
		if len(lines) > 0 {
			counter.AddText(lines)
			lines = lines[:0]
		}
	}
	for _, path := range fs.Args() {
		if err := eachLine(path, func(line string) {
			lines = append(lines, line)
			if len(lines) == *docLines {
				flush()
			}
		}); err != nil {
			return err
		}
		flush()
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	for _, path := range counts {
		if err := readFile(path, counter.ReadCounts); err != nil {
			return err
		}
	}
	if err := writeFile(*out, counter.Write); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d distinct words tagged in %s\n", *out, counter.Words(), time.Since(start).Round(time.Millisecond))
	return nil
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

// readFile opens path and reads it with read.
func readFile(path string, read func(io.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := read(bufio.NewReader(f)); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

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

// readNERTokens reads a CoNLL file, tags optional.
func readNERTokens(path string) ([]eval.CoNLLDoc, error) {
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
