// Command newsmon runs the news monitoring service: the whole pipeline in one process (run), or
// each stage as its own worker on a shared NATS (crawl, extract, index, serve), plus tools to
// analyze one page, evaluate the extractors and benchmark the pipeline. It only wires packages
// together; the behaviour lives in pkg/.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"github.com/newsmon/newsmon/internal/redact"
)

type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() map[string]command {
	return map[string]command{
		"run":     {"the whole service in one process (embedded NATS + index unless URLs are given)", cmdRun},
		"crawl":   {"crawler worker: fetch sources, publish articles", cmdCrawl},
		"extract": {"extractor worker: enrich fetched articles", cmdExtract},
		"index":   {"indexer worker: index enriched articles, fire alerts", cmdIndex},
		"serve":   {"search API and web page over the index", cmdServe},
		"analyze": {"pages or texts through extraction; prints the enriched article JSON (one a line for many inputs or --jsonl)", cmdAnalyze},
		"import":  {"import WARC, JSONL, CSV files and folders through the extract and index stages", cmdImport},
		"lint":    {"validate pipeline files; prints file:line:col problems", cmdLint},
		"eval":    {"score an extractor on a labelled corpus: " + evalNames(evalScorers(), ", "), cmdEval},
		"bench":   {"run N generated articles through the embedded pipeline; prints articles/s and latencies", cmdBench},
		"version": {"version and build info", cmdVersion},
		"tag":     {"tag CoNLL-layout tokens with a named-entity model (--scheme ontonotes|conll2003)", cmdTag},
		"train":   {"train a model: train ner (named entities), train clusters (word clusters), train profiles (word profiles)", cmdTrain},
	}
}

func main() {
	ctx, stop := signalContext()
	defer stop()
	os.Exit(Main(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// signalContext ends on SIGINT or SIGTERM, which starts a graceful shutdown.
func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// Main runs one command line and returns the process exit code; tests call it directly.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "newsmon: unknown command %q\n\n", args[0])
		usage(stderr, cmds)
		return 2
	}
	if err := c.run(ctx, args[1:], stdout, stderr); err != nil {
		err = redact.Error(err) // a URL given with credentials must not be printed with them
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "newsmon %s: %v\n", args[0], err)
			return 2
		}
		fmt.Fprintf(stderr, "newsmon %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

type usageError struct{ error }

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: newsmon <command> [flags]\n\ncommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'newsmon <command> -h' for a command's flags.")
}

func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("newsmon "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// envDefault returns the environment variable's value, or def when it is unset.
func envDefault(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && strings.TrimSpace(v) != "" {
		return v
	}
	return def
}
