package main

import (
	"context"
	"io"
)

func cmdEvalGeo(_ context.Context, _ []string, _, _ io.Writer) error {
	return errNotYet("newsmon eval geo")
}
