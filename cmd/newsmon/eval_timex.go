package main

import (
	"flag"

	"github.com/newsmon/newsmon/internal/eval"
	"github.com/newsmon/newsmon/pkg/extract/dates"
)

// setupEvalTimex is the setup of `newsmon eval timex` (eval.go's scorer table): the dates
// extractor on a TimeML corpus, TimeBank tuned on, AQUAINT held aside.
func setupEvalTimex(fs *flag.FlagSet) scorer {
	s := &eval.Timex{Find: dates.New().FindIn}
	fs.StringVar(&s.Split, "split", "tune", "documents to score: tune (TimeBank) | aside (AQUAINT) | all")
	fs.BoolVar(&s.Verbose, "verbose", false, "list every miss, spurious date and wrong value (aside ones only with --split aside)")
	return s
}
