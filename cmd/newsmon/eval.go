package main

import (
	"context"
	"fmt"
	"io"
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
