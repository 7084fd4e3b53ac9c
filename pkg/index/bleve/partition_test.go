package bleve

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
	"github.com/newsmon/newsmon/pkg/index/indextest"
)

func TestMonthlyConformance(t *testing.T) {
	indextest.Run(t, func(t *testing.T) index.Index {
		x, err := Open(filepath.Join(t.TempDir(), "index"), WithMonthlyPartitions(0))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = x.Close() })
		return x
	})
}

// TestMonthlyOpensSingleIndex: a data folder of the single-index layout opens in the monthly
// layout with its articles searchable; new articles go to their months, and the old index is
// still there after a reopen.
func TestMonthlyOpensSingleIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	fixtures := indextest.Fixtures()
	single, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := single.Put(t.Context(), fixtures[:4]); err != nil {
		t.Fatal(err)
	}
	if err := single.Close(); err != nil {
		t.Fatal(err)
	}
	for round := range 2 {
		x, err := Open(dir, WithMonthlyPartitions(0))
		if err != nil {
			t.Fatalf("round %d: open monthly over a single index: %v", round, err)
		}
		if round == 0 {
			if err := x.Put(t.Context(), fixtures[4:]); err != nil {
				t.Fatal(err)
			}
		}
		if n, err := x.Count(t.Context()); err != nil || n != len(fixtures) {
			t.Errorf("round %d: Count = %d, %v; want %d", round, n, err, len(fixtures))
		}
		for _, a := range []*article.Article{fixtures[0], fixtures[len(fixtures)-1]} {
			if _, err := x.Get(t.Context(), a.ID); err != nil {
				t.Errorf("round %d: Get(%s): %v", round, a.ID, err)
			}
		}
		if res, err := x.Search(t.Context(), index.Query{Region: []string{"jiangsu"}}); err != nil || res.Total != 2 {
			t.Errorf("round %d: Search(region=jiangsu) = %v, %v; want 2 hits", round, res, err)
		}
		if err := x.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if months := monthDirs(t, dir); !slices.Contains(months, "2023.10") {
		t.Errorf("month folders %v; want 2023.10 for the articles written in the monthly layout", months)
	}
}

// TestMonthlyRetention: with 2 months kept, an article of an older month is not written; when the
// clock reaches a new month, the month that falls out is removed with its articles.
func TestMonthlyRetention(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	x, err := Open(dir, WithMonthlyPartitions(2))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = x.Close() })
	now := time.Now().UTC()
	month := func(back int) time.Time {
		return time.Date(now.Year(), now.Month()-time.Month(back), 10, 12, 0, 0, 0, time.UTC)
	}
	arts := indextest.Fixtures()[:3]
	for i, back := range []int{0, 1, 2} { // the third is out of the 2 months kept
		p := month(back)
		arts[i].Published = &p
	}
	if err := x.Put(t.Context(), arts); err != nil {
		t.Fatal(err)
	}
	name := func(t time.Time) string { return t.Format(monthFormat) }
	if got, want := monthDirs(t, dir), []string{name(month(1)), name(month(0))}; !slices.Equal(got, want) {
		t.Fatalf("month folders = %v; want %v", got, want)
	}
	if _, err := x.Get(t.Context(), arts[2].ID); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("Get(article older than the retention) = %v; want ErrNotFound", err)
	}

	next := month(-1)
	x.parts.now = func() time.Time { return next }
	later := indextest.Fixtures()[3]
	later.Published = &next
	if err := x.Put(t.Context(), []*article.Article{later}); err != nil {
		t.Fatal(err)
	}
	if got, want := monthDirs(t, dir), []string{name(month(0)), name(next)}; !slices.Equal(got, want) {
		t.Fatalf("a month later, month folders = %v; want %v", got, want)
	}
	if res, err := x.Search(t.Context(), index.Query{FacetSize: -1}); err != nil || res.Total != 2 {
		t.Errorf("Search after expiry = %v, %v; want 2 hits", res, err)
	}
	if _, err := x.Get(t.Context(), arts[1].ID); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("Get(expired article) = %v; want ErrNotFound", err)
	}

	// A process opening the folder with a shorter retention drops what it no longer keeps.
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, name(month(3))), 0o755); err != nil {
		t.Fatal(err)
	}
	y, err := Open(dir, WithMonthlyPartitions(1))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = y.Close() })
	if got, want := monthDirs(t, dir), []string{name(month(0)), name(next)}; !slices.Equal(got, want) {
		t.Errorf("reopened keeping 1 month: month folders = %v; want %v", got, want)
	}
}

// monthDirs lists the month folders under dir, oldest first.
func monthDirs(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if _, err := time.Parse(monthFormat, e.Name()); err == nil && e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out
}
