package index

import (
	"context"
	"errors"
	"strings"
	"unicode/utf8"
)

// ErrUnsupported is returned (wrapped) by an operation the backend behind an interface does not
// offer.
var ErrUnsupported = errors.New("index: not supported by this backend")

// TermScorer finds the words that set a query's articles apart from all articles: terms of the
// article bodies much more common in the matching articles (the foreground) than in the whole
// index (the background), scored by JLH as Elasticsearch's significant_text scores them.
//
// The foreground is a sample: the best-ranked matching articles (by relevance with text, else
// newest first), at most TermsOptions.Sample of them, so the cost stays bounded however many
// articles match. Counts are document counts: Count in the sample, Background in the index.
// A term must occur in at least MinTermDocs sampled articles and pass TermWorthy.
type TermScorer interface {
	SignificantTerms(ctx context.Context, q Query, opts TermsOptions) (*TermsResult, error)
}

// TermsOptions bound a significant-terms computation; zero values mean the defaults.
type TermsOptions struct {
	Size   int // terms returned; DefaultTermsSize, at most MaxTermsSize
	Sample int // matching articles read; DefaultTermsSample, at most MaxTermsSample
}

const (
	DefaultTermsSize   = 20
	MaxTermsSize       = 100
	DefaultTermsSample = 200
	MaxTermsSample     = 1000
	// MinTermDocs is the fewest sampled articles a significant term must occur in: a word of one
	// article says nothing about a query.
	MinTermDocs = 2
)

// Normalized returns the options with defaults filled in and limits applied.
func (o TermsOptions) Normalized() TermsOptions {
	if o.Size <= 0 {
		o.Size = DefaultTermsSize
	}
	if o.Sample <= 0 {
		o.Sample = DefaultTermsSample
	}
	o.Size, o.Sample = min(o.Size, MaxTermsSize), min(o.Sample, MaxTermsSample)
	return o
}

// TermsResult is the answer of SignificantTerms, best term first.
type TermsResult struct {
	Terms           []SignificantTerm `json:"terms"`
	Total           int               `json:"total"`            // articles matching the query
	Sampled         int               `json:"sampled"`          // of which were read: the foreground
	BackgroundTotal int               `json:"background_total"` // articles in the index: the background
}

// SignificantTerm is one term: Count of the sampled matching articles and Background of all
// articles contain it; Score is JLH(Count, Sampled, Background, BackgroundTotal).
type SignificantTerm struct {
	Term       string  `json:"term"`
	Score      float64 `json:"score"`
	Count      int     `json:"count"`
	Background int     `json:"background"`
}

// JLH is the score Elasticsearch's significant_terms uses by default: with p = fg/fgSize the share
// of the foreground holding the term and P = bg/bgSize that of the background, (p − P)·(p / P)
// when p > P, else 0. It rewards terms both much more frequent (relative change) and notably more
// frequent (absolute change) in the foreground. The background includes the foreground.
func JLH(fg, fgSize, bg, bgSize int) float64 {
	if fg <= 0 || fgSize <= 0 || bgSize <= 0 {
		return 0
	}
	bg = max(bg, fg) // the foreground is part of the background
	p, P := float64(fg)/float64(fgSize), float64(bg)/float64(bgSize)
	if p <= P {
		return 0
	}
	return (p - P) * (p / P)
}

// termNoise are the characters of numbers, dates and amounts: a term made only of them ("2023",
// "20,000", "10:30") is not a word. TermsExcludeRegexp is the same rule for Elasticsearch.
const termNoise = "0123456789.,:/%'_-"

// TermsExcludeRegexp is TermWorthy's complement as a Lucene regular expression, for
// significant_text's exclude.
const TermsExcludeRegexp = `[0-9.,:/%'_\-]*|.`

// TermWorthy reports whether a term can be a significant term: at least two characters, not all
// of them digits or number punctuation.
func TermWorthy(term string) bool {
	return utf8.RuneCountInString(term) >= 2 && strings.ContainsFunc(term, func(r rune) bool {
		return !strings.ContainsRune(termNoise, r)
	})
}
