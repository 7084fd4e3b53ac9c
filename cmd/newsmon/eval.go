package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// evalCommands are the `newsmon eval KIND` scorers (CONTRACTS §2). Each lives in eval_KIND.go and
// prints its metrics with the contract's last line; --json prints them as one JSON object.
func evalCommands() map[string]func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return map[string]func(ctx context.Context, args []string, stdout, stderr io.Writer) error{
		"article": cmdEvalArticle,
		"ner":     cmdEvalNER,
		"money":   cmdEvalMoney,
		"quotes":  cmdEvalQuotes,
		"geo":     cmdEvalGeo,
		"dates":   cmdEvalDates,
		"events":  cmdEvalEvents,
		"docs":    cmdEvalDocs,
	}
}

func cmdEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cmds := evalCommands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return usageError{fmt.Errorf("usage: newsmon eval %s [flags]", strings.Join(names, "|"))}
	}
	run, ok := cmds[args[0]]
	if !ok {
		return usageError{fmt.Errorf("unknown eval %q (known: %s)", args[0], strings.Join(names, ", "))}
	}
	return run(ctx, args[1:], stdout, stderr)
}

// errNotYet is returned by scorers that a later issue brings.
func errNotYet(what string) error {
	return fmt.Errorf("%s is not implemented yet", what)
}

// jsonlEval holds what the JSONL-driven scorers (money, dates, geo) share: --data, --json, -v.
type jsonlEval struct {
	name    string
	data    *string
	asJSON  *bool
	verbose *bool
	fs      *flag.FlagSet
}

// newJSONLEval declares the shared flags; the caller may add its own to e.fs before e.open.
func newJSONLEval(name, dataHelp, verboseHelp string, stderr io.Writer) *jsonlEval {
	fs := newFlagSet("eval "+name, stderr)
	return &jsonlEval{name: name, fs: fs,
		data:    fs.String("data", "", dataHelp),
		asJSON:  fs.Bool("json", false, "print the metrics as one JSON object"),
		verbose: fs.Bool("v", false, verboseHelp),
	}
}

// open parses args and opens the --data file; usage lists the command's flags for errors.
func (e *jsonlEval) open(args []string, usage string) (*os.File, error) {
	if err := e.fs.Parse(args); err != nil {
		return nil, err
	}
	if *e.data == "" || e.fs.NArg() > 0 {
		return nil, usageError{fmt.Errorf("usage: newsmon eval %s --data FILE.jsonl %s", e.name, usage)}
	}
	f, err := os.Open(*e.data)
	if err != nil {
		return nil, fmt.Errorf("eval %s: %w", e.name, err)
	}
	return f, nil
}
