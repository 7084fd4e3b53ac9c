package geo_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsmon/newsmon/internal/eval"
	"github.com/newsmon/newsmon/pkg/extract/ner"
	"github.com/newsmon/newsmon/pkg/geo"
)

// TestMultilingualSetAccuracy runs the multilingual geo sets (testdata/multilingual) through the NER
// tagger and the resolver, as the pipeline does, and fails where a language's country or
// first-level-region accuracy falls below a floor; `newsmon eval geo --admin1` prints the figures.
func TestMultilingualSetAccuracy(t *testing.T) {
	t.Parallel()
	gaz, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	tagger, res := ner.New(gaz), geo.NewResolver(gaz)
	files, err := filepath.Glob("testdata/multilingual/*.jsonl")
	if err != nil || len(files) < 5 {
		t.Fatalf("multilingual sets: %v, %v", files, err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			cases, err := eval.ReadGeoCases(f)
			if err != nil {
				t.Fatal(err)
			}
			var score eval.GeoScore
			for _, c := range cases {
				a := c.GoldArticle()
				a.Entities = nil // the tagger finds them, as in the pipeline
				if err := tagger.Extract(context.Background(), a); err != nil {
					t.Fatal(err)
				}
				if err := res.Extract(context.Background(), a); err != nil {
					t.Fatal(err)
				}
				score.ScoreGeo(c, a.Places)
			}
			t.Logf("%d places: country_accuracy=%.4f admin1_accuracy=%.4f", score.Places(), score.PlaceCountryAccuracy(), score.PlaceAdmin1Accuracy())
			for _, e := range score.Errors {
				t.Log(e)
			}
			// Measured (dev and heldout together) at 0.93 or more for every language and both
			// figures; the floors let about two more places slip.
			if score.PlaceCountryAccuracy() < 0.90 || score.PlaceAdmin1Accuracy() < 0.85 {
				t.Errorf("country_accuracy=%.4f admin1_accuracy=%.4f; want ≥ 0.90 and ≥ 0.85", score.PlaceCountryAccuracy(), score.PlaceAdmin1Accuracy())
			}
		})
	}
}
