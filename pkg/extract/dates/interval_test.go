package dates

import (
	"errors"
	"testing"
)

func TestInterval(t *testing.T) {
	for value, want := range map[string][2]string{
		"2023-10-23":            {"2023-10-23", "2023-10-24"},
		"2023-10":               {"2023-10-01", "2023-11-01"},
		"2024-Q3":               {"2024-07-01", "2024-10-01"},
		"2024-H2":               {"2024-07-01", "2025-01-01"},
		"2023":                  {"2023-01-01", "2024-01-01"},
		"2023-10-20/2023-10-23": {"2023-10-20", "2023-10-24"},
		"2019/2021":             {"2019-01-01", "2022-01-01"},
	} {
		s, e, err := Interval(value)
		if err != nil || s.Format("2006-01-02") != want[0] || e.Format("2006-01-02") != want[1] {
			t.Errorf("Interval(%q) = %v, %v, %v; want %v", value, s, e, err, want)
		}
	}
	for _, bad := range []string{"", "2024-Q5", "2024-H3", "20x3", "2023-13", "2023/"} {
		if _, _, err := Interval(bad); !errors.Is(err, ErrBadValue) {
			t.Errorf("Interval(%q) error = %v; want ErrBadValue", bad, err)
		}
	}
}

// TestIntervalOfEveryValue checks that every value the extractor writes on our own set parses.
func TestIntervalOfEveryValue(t *testing.T) {
	e := New()
	for _, c := range readMarkup(t, "testdata/news_dates.txt") {
		for _, d := range e.FindFrom(c.Input, published, c.Source) {
			if _, _, err := Interval(d.Value); err != nil {
				t.Errorf("%s: %v", d.Text, err)
			}
		}
	}
}
