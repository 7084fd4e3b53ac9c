package main

import (
	"context"
	"io"
)

func cmdEvalQuotes(_ context.Context, _ []string, _, _ io.Writer) error {
	return errNotYet("newsmon eval quotes")
}
