package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/newsmon/newsmon/internal/eval"
)

// scorer is one `newsmon eval KIND`: it scores the labelled set at data (a file or a folder) and
// reports. It may stream to stdout while it runs (events --dump) and writes progress and error
// listings to stderr. The scorers live in internal/eval.
type scorer interface {
	Score(ctx context.Context, data string, stdout, stderr io.Writer) (*eval.Report, error)
}

// evalScorer is a row of the scorer table: its name, what --data names (FILE, FILE.jsonl or DIR)
// with the flag's help, one line for `newsmon eval` help, and setup, which declares the scorer's
// own flags on fs and returns the scorer they fill in.
type evalScorer struct {
	name, data, dataHelp, about string
	setup                       func(fs *flag.FlagSet) scorer
}

// evalScorers are the `newsmon eval` scorers (docs/contracts.md fixes each one's last line), in
// the order help lists them.
func evalScorers() []evalScorer {
	return []evalScorer{
		{"article", "DIR", "folder with html/<id>.html.gz and ground-truth.json", "body extraction (article.FromPage) on the Scrapinghub benchmark layout; last line `article f1=… precision=… recall=… accuracy=…`", setupEvalArticle},
		{"ner", "FILE", "labelled TOKEN\\tTAG file (IOB2)", "entity-level exact-match P/R/F1 per type on a TOKEN\\tTAG file; last line `ner f1=… p=… r=…`", setupEvalNER},
		{"money", "FILE.jsonl", "JSONL file: {input, expected: [{text, start, end, amount, currency}], source?}", "sums of money: span F1 and value accuracy; last line `money f1=… value_accuracy=…`", setupEvalMoney},
		{"dates", "FILE.jsonl", "JSONL file: {input, published, source?, expected: [{text, start, end, value, grain}]}", "date expressions: span F1 and resolved accuracy; last line `dates f1=… resolved_accuracy=…`", setupEvalDates},
		{"quotes", "FILE.jsonl", "attribution corpus, one JSON article per line", "quotes on an attribution corpus (PolNeAR layout); last line `quotes content_f1=… speaker_accuracy=… …`", setupEvalQuotes},
		{"geo", "FILE.jsonl", "JSONL file: {text, url?, split?, places: [{mention, geonameid, country_code}]}", "places end to end (NER, then resolution; --gold-mentions: resolution alone); last line `geo country_accuracy=… id_accuracy=…`", setupEvalGeo},
		{"events", "FILE.jsonl", "JSONL file of annotated paragraphs", "event mentions per type, with date and place attachment; last line `events f1=… date_accuracy=… place_accuracy=…`", setupEvalEvents},
		{"timex", "DIR", "TimeML corpus folder with TimeBank/*.tml and AQUAINT/*.tml (TempEval-3 TBAQ-cleaned)", "dates resolved against each document's creation time on TimeML (TIMEX3 DATE values), TimeBank tuned on, AQUAINT held aside; last line `timex split=… found=… value_acc=…`", setupEvalTimex},
		{"docs", "DIR", "the shared data folder the documents come from (../shared/data)", "the whole chain on the hand-annotated articles of test/evaldocs, tune and aside apart; last line `docs split=aside …`", setupEvalDocs},
		{"merge", "DIR", "the shared data folder the documents come from (../shared/data)", "cross-document entity merging on the hand-labelled mentions of test/entitymerge: pairwise precision/recall, tune and aside apart; last line `merge split=aside precision=… recall=… f1=…`", setupEvalMerge},
	}
}

func setupEvalMerge(fs *flag.FlagSet) scorer {
	s := &eval.Merge{Chain: evalChain}
	fs.StringVar(&s.Set, "set", "test/entitymerge", "folder of the mention files (*.jsonl)")
	fs.StringVar(&s.DemoDir, "demo", "internal/demo/site/articles", "folder of the demo stories (demo:<site>/<slug> keys)")
	fs.BoolVar(&s.Verbose, "verbose", false, "list the wrong and missed cross-document pairs of the tune split")
	return s
}

func cmdEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	scorers := evalScorers()
	if len(args) == 0 || strings.HasPrefix(args[0], "-") || args[0] == "help" {
		writeEvalHelp(stderr, scorers)
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			return flag.ErrHelp
		}
		return usageError{errors.New("usage: newsmon eval SCORER --data … [--json] [flags]")}
	}
	i := slices.IndexFunc(scorers, func(s evalScorer) bool { return s.name == args[0] })
	if i < 0 {
		return usageError{fmt.Errorf("unknown eval %q (known: %s)", args[0], evalNames(scorers, ", "))}
	}
	return runScorer(ctx, scorers[i], args[1:], stdout, stderr)
}

// runScorer parses a scorer's flags (--data and --json for all), runs it and prints its report.
func runScorer(ctx context.Context, s evalScorer, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval "+s.name, stderr)
	data := fs.String("data", "", s.dataHelp)
	asJSON := fs.Bool("json", false, "print the metrics as one JSON object")
	sc := s.setup(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *data == "" && s.name != "docs" || fs.NArg() > 0 { // docs needs --data only for documents of the shared data
		return usageError{fmt.Errorf("usage: newsmon eval %s --data %s [--json]%s", s.name, s.data, ownFlags(fs))}
	}
	rep, err := sc.Score(ctx, *data, stdout, stderr)
	if errors.Is(err, eval.ErrUsage) {
		return usageError{err}
	}
	if err != nil || rep == nil { // docs --check and --dump print as they go
		return err
	}
	if *asJSON {
		return eval.WriteJSON(stdout, rep.Metrics)
	}
	_, err = stdout.Write(rep.Text.Bytes())
	return err
}

// writeEvalHelp lists every scorer: the help of `newsmon eval`.
func writeEvalHelp(w io.Writer, scorers []evalScorer) {
	fmt.Fprintf(w, "usage: newsmon eval %s --data … [--json] [flags]\n\nscorers:\n", evalNames(scorers, "|"))
	for _, s := range scorers {
		fmt.Fprintf(w, "  %-8s --data %-11s %s\n", s.name, s.data, s.about)
	}
	fmt.Fprintf(w, "\n%s\n%s\n%s\n",
		"Each prints its figures and ends with the line docs/contracts.md fixes; --json prints them as one JSON object.",
		"Just before that line it prints the figures of what was tuned on apart from what was held aside\n(split=dev|tune vs any other split), or \""+eval.NoHeldAside+"\" when the set has no split.",
		"Run 'newsmon eval SCORER -h' for a scorer's flags.")
}

// ownFlags lists a scorer's flags besides --data and --json, for its usage line.
func ownFlags(fs *flag.FlagSet) string {
	var b strings.Builder
	fs.VisitAll(func(f *flag.Flag) {
		if f.Name == "data" || f.Name == "json" {
			return
		}
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		if arg, _ := flag.UnquoteUsage(f); arg != "" {
			fmt.Fprintf(&b, " [%s%s %s]", dash, f.Name, arg)
		} else {
			fmt.Fprintf(&b, " [%s%s]", dash, f.Name)
		}
	})
	return b.String()
}

func evalNames(scorers []evalScorer, sep string) string {
	names := make([]string, len(scorers))
	for i, s := range scorers {
		names[i] = s.name
	}
	return strings.Join(names, sep)
}
