package dates

import (
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// TestIntervalOfEveryValue checks that every value the extractor writes on our own set parses
// as the contract reads it (article.DateInterval).
func TestIntervalOfEveryValue(t *testing.T) {
	e := New()
	for _, c := range readMarkup(t, "testdata/news_dates.txt") {
		for _, d := range e.FindFrom(c.Input, published, c.Source) {
			if _, _, err := article.DateInterval(d.Value); err != nil {
				t.Errorf("%s: %v", d.Text, err)
			}
		}
	}
}
