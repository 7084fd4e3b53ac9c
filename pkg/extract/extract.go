// Package extract defines the Extractor interface every enrichment step implements and Chain, which
// runs the configured extractors over an article in pipeline order and times each. It does no I/O.
package extract

import (
	"context"
	"fmt"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

// Extractor fills its own fields of an article (entities, places, money, ...) from a.Text and the
// fields earlier extractors filled. It must not change fields it does not own. An error means the
// article could not be enriched by this extractor; Chain reports it with the extractor's name.
type Extractor interface {
	Name() string
	Extract(ctx context.Context, a *article.Article) error
}

// Observer receives the time each extractor took; nil is allowed.
type Observer func(name string, took time.Duration, err error)

// Chain runs extractors in order.
type Chain struct {
	extractors []Extractor
	observe    Observer
}

// NewChain returns a Chain running the given extractors in order.
func NewChain(observe Observer, ex ...Extractor) *Chain {
	return &Chain{extractors: ex, observe: observe}
}

// Names lists the extractors in the order they run.
func (c *Chain) Names() []string {
	names := make([]string, len(c.extractors))
	for i, e := range c.extractors {
		names[i] = e.Name()
	}
	return names
}

// Run applies every extractor to a. It stops at the first error.
func (c *Chain) Run(ctx context.Context, a *article.Article) error {
	for _, e := range c.extractors {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := time.Now()
		err := e.Extract(ctx, a)
		if c.observe != nil {
			c.observe(e.Name(), time.Since(start), err)
		}
		if err != nil {
			return fmt.Errorf("extract %s on %s: %w", e.Name(), a.ID, err)
		}
	}
	a.Normalize()
	return nil
}
