package main

import (
	"context"
	"io"
)

func cmdEvalMoney(_ context.Context, _ []string, _, _ io.Writer) error {
	return errNotYet("newsmon eval money")
}
