package main

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/newsmon/newsmon/internal/redact"
	"github.com/newsmon/newsmon/pkg/index"
	"github.com/newsmon/newsmon/pkg/index/elastic"
)

// openElastic connects to the Elasticsearch (or OpenSearch) cluster of --es-url and makes sure the
// index template, first index and write alias exist.
func openElastic(ctx context.Context, o *options, log *slog.Logger) (index.Index, error) {
	if o.esReplicas < 0 {
		return nil, usageError{fmt.Errorf("--es-replicas (or NEWSMON_ES_REPLICAS) must be a number, 0 or more")}
	}
	var urls []string
	for _, u := range strings.Split(o.esURL, ",") {
		if u = strings.TrimSpace(u); u != "" {
			urls = append(urls, u)
		}
	}
	idx, err := elastic.New(ctx, elastic.Config{URLs: urls, Index: o.esIndex, Replicas: o.esReplicas,
		Period: o.indexPeriod, Retain: o.indexRetain}, log)
	if err != nil {
		return nil, fmt.Errorf("elasticsearch %s: %w", redact.URL(o.esURL), redact.Error(err))
	}
	if name, version, err := idx.Engine(ctx); err == nil {
		log.Info("index backend", "engine", name, "version", version, "alias", idx.Alias())
	}
	return idx, nil
}
