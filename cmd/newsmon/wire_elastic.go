package main

import (
	"context"
	"errors"
	"log/slog"

	"github.com/newsmon/newsmon/pkg/index"
)

func openElastic(ctx context.Context, o *options, log *slog.Logger) (index.Index, error) {
	return nil, errors.New("elasticsearch backend: not wired yet")
}
