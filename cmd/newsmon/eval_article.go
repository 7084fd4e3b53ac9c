package main

import (
	"context"
	"io"
)

func cmdEvalArticle(_ context.Context, _ []string, _, _ io.Writer) error {
	return errNotYet("newsmon eval article")
}
