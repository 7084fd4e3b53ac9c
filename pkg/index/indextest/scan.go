package indextest

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// scanFixtures are the fixtures, a copy of each (same date as its original), two more copies of
// wuxi identical to the first but for the id, and three undated copies, two of them identical: a
// walk has to break ties of score and date by id, and put undated articles last.
func scanFixtures() (arts []*article.Article, undated []string) {
	arts = Fixtures()
	for n := range 8 {
		arts = append(arts, copyFixture(n))
	}
	arts = append(arts, copyFixture(24), copyFixture(32))
	for _, n := range []int{8, 16, 9} {
		a := copyFixture(n)
		a.Published = nil
		arts = append(arts, a)
		undated = append(undated, a.ID)
	}
	return arts, undated
}

// testScan checks index.Scanner against Search: for each query, the walk yields exactly the
// articles of one Search for all hits, in its order and shaped the same (WithText, Lean), whatever
// the page size; fn's StopScan ends the walk quietly, its other errors and a cancelled context are
// returned.
func testScan(t *testing.T, idx index.Index) {
	sc, ok := idx.(index.Scanner)
	if !ok {
		t.Fatalf("%T does not implement index.Scanner", idx)
	}
	arts, undated := scanFixtures()
	PutAll(t, idx, arts)

	for _, tc := range []struct {
		name string
		q    index.Query
		want int
	}{
		{"all, newest first", index.Query{}, len(arts)},
		{"date with text", index.Query{Text: "battery OR tea", Sort: "date"}, 10},
		{"relevance", index.Query{Text: "battery OR lithium OR tea"}, 10},
		{"filters", index.Query{Region: []string{"China"}, From: mustTime("2023-10-01T00:00:00Z")}, 10},
		{"lean", index.Query{Region: []string{"Jiangsu"}, Lean: true, WithText: true}, 8},
		{"with text", index.Query{Source: []string{"reuters.com"}, WithText: true}, 8},
		{"no match", index.Query{Person: []string{"Nobody At All"}}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := tc.q
			q.Size, q.FacetSize = index.MaxSize, -1
			res := mustSearch(t, idx, q)
			var want []string
			for _, h := range res.Hits {
				want = append(want, mustJSON(t, h.Article))
			}
			if len(want) != tc.want {
				t.Fatalf("Search: %d hits; want %d", len(want), tc.want)
			}
			for _, size := range []int{1, 2, 5, 0} {
				q := tc.q
				q.Size, q.Page = size, 7 // the page is ignored
				var got []string
				err := sc.Scan(t.Context(), q, func(a *article.Article) error {
					got = append(got, mustJSON(t, a))
					return nil
				})
				if err != nil {
					t.Fatalf("Scan(size %d): %v", size, err)
				}
				if !slices.Equal(got, want) {
					t.Errorf("Scan(size %d) yields %d articles, not those of Search (%d) in its order:\n%v\nwant\n%v",
						size, len(got), len(want), scanIDs(got), scanIDs(want))
				}
			}
		})
	}

	t.Run("undated last, by id", func(t *testing.T) {
		var got []string
		mustScan(t, sc, index.Query{Size: 4}, func(a *article.Article) error {
			if a.Published == nil {
				got = append(got, a.ID)
			}
			return nil
		})
		want := slices.Sorted(slices.Values(undated))
		if !slices.Equal(got, want) {
			t.Errorf("undated articles in walk order = %v; want %v", got, want)
		}
	})

	t.Run("stop", func(t *testing.T) {
		n := 0
		mustScan(t, sc, index.Query{Size: 2}, func(*article.Article) error {
			n++
			if n == 5 {
				return index.StopScan
			}
			return nil
		})
		if n != 5 {
			t.Errorf("fn called %d times after StopScan at 5", n)
		}
	})

	t.Run("errors", func(t *testing.T) {
		boom := errors.New("boom")
		n := 0
		err := sc.Scan(t.Context(), index.Query{Size: 2}, func(*article.Article) error {
			n++
			return boom
		})
		if !errors.Is(err, boom) || n != 1 {
			t.Errorf("Scan with a failing fn = %v after %d calls; want boom after 1", err, n)
		}
		ctx, cancel := context.WithCancel(t.Context())
		n = 0
		err = sc.Scan(ctx, index.Query{Size: 3}, func(*article.Article) error {
			n++
			cancel()
			return nil
		})
		if !errors.Is(err, context.Canceled) || n != 1 {
			t.Errorf("Scan cancelled in fn = %v after %d calls; want context.Canceled after 1", err, n)
		}
	})
}

func mustScan(t *testing.T, sc index.Scanner, q index.Query, fn func(*article.Article) error) {
	t.Helper()
	if err := sc.Scan(t.Context(), q, fn); err != nil {
		t.Fatalf("Scan(%+v): %v", q, err)
	}
}

// scanIDs shortens the JSON articles of a failure message to their ids.
func scanIDs(js []string) []string {
	out := make([]string, 0, len(js))
	for _, j := range js {
		var a struct{ ID string }
		_ = json.Unmarshal([]byte(j), &a)
		out = append(out, a.ID)
	}
	return out
}
