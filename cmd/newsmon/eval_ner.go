package main

import (
	"context"
	"io"
)

func cmdEvalNER(_ context.Context, _ []string, _, _ io.Writer) error {
	return errNotYet("newsmon eval ner")
}
