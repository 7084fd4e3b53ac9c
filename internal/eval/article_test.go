package eval

import (
	"math"
	"slices"
	"testing"
)

func TestArticleTokens(t *testing.T) {
	for in, want := range map[string][]string{
		"Don't stop—now!":         {"Don", "t", "stop", "now"},
		"snake_case 3.5% Straße":  {"snake_case", "3", "5", "Straße"},
		"  ":                      nil,
		"東京は晴れ。明日も":               {"東京は晴れ", "明日も"},
		"Привет, мир\n\nsecond ¶": {"Привет", "мир", "second"},
	} {
		if got := ArticleTokens(in); !slices.Equal(got, want) {
			t.Errorf("ArticleTokens(%q) = %q; want %q", in, got, want)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScoreArticle(t *testing.T) {
	tests := []struct {
		name          string
		ref, pred     string
		p, r          float64
		exact, inPrec bool
	}{
		{"identical up to punctuation", "One two three four five.", "One, two three\n\nfour five", 1, 1, true, true},
		{"case matters", "one two three four", "One two three four", 0, 0, false, true},
		// ref shingles: abcd bcde; pred: abcd bcde cdef → P 2/3, R 1.
		{"extra text", "a b c d e", "a b c d e f", 2.0 / 3, 1, false, true},
		// pred has one of the two reference shingles.
		{"lost text", "a b c d e", "a b c d", 1, 0.5, false, true},
		{"short texts are one shingle", "a b", "a b", 1, 1, true, true},
		{"short mismatch", "a b", "a c", 0, 0, false, true},
		{"empty prediction", "a b c d", "", 0, 0, false, false},
		// Repeats count: the reference has abcd twice, the prediction once.
		{"repeats", "a b c d a b c d", "a b c d", 1, 1.0 / 5, false, true},
	}
	for _, tt := range tests {
		s := ScoreArticle("x", tt.ref, tt.pred)
		if !near(s.Precision(), tt.p) || !near(s.Recall(), tt.r) || s.ExactMatch != tt.exact || (s.TP+s.FP > 0) != tt.inPrec {
			t.Errorf("%s: got P=%v R=%v exact=%v inPrecision=%v; want %v %v %v %v", tt.name,
				s.Precision(), s.Recall(), s.ExactMatch, s.TP+s.FP > 0, tt.p, tt.r, tt.exact, tt.inPrec)
		}
		if sum := s.TP + s.FP + s.FN; !near(sum, 1) {
			t.Errorf("%s: TP+FP+FN = %v; want 1", tt.name, sum)
		}
	}
}

func TestAggregateArticles(t *testing.T) {
	pages := []PageScore{
		ScoreArticle("perfect", "a b c d e", "a b c d e"),
		ScoreArticle("half", "a b c d e", "a b c d"), // P 1, R 0.5
		ScoreArticle("empty", "a b c d e", ""),       // out of the precision mean, R 0
	}
	got := AggregateArticles(pages)
	wantP, wantR := 1.0, 0.5
	if !near(got.Precision, wantP) || !near(got.Recall, wantR) || !near(got.F1, F1(wantP, wantR)) ||
		!near(got.Accuracy, 1.0/3) || got.Pages != 3 {
		t.Errorf("AggregateArticles = %+v; want P=%v R=%v F1=%v accuracy=1/3", got, wantP, wantR, F1(wantP, wantR))
	}
	spread := BootstrapArticles(pages, 200, 1)
	if spread.Recall <= 0 || spread.Recall > 0.5 {
		t.Errorf("bootstrap recall spread = %v; want in (0, 0.5]", spread.Recall)
	}
	if again := BootstrapArticles(pages, 200, 1); again != spread {
		t.Errorf("bootstrap with the same seed differs: %+v vs %+v", again, spread)
	}
}
