package dates

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrBadValue is returned by Interval for a string that is not a Date.Value this package writes.
var ErrBadValue = errors.New("dates: not a date value")

// Interval returns the days a Date.Value covers, [start, end) in UTC: "2023-10-23" one day,
// "2023-10" a month, "2024-Q3" a quarter, "2024-H1" a half year, "2023" a year, and "A/B" from
// A's start to B's end. The index uses it to filter and bucket articles by the dates they mention.
// A week value (grain week) is its Monday's day; add six days for the whole week.
func Interval(value string) (start, end time.Time, err error) {
	if a, b, ok := strings.Cut(value, "/"); ok {
		s, _, err1 := Interval(a)
		_, e, err2 := Interval(b)
		if err := errors.Join(err1, err2); err != nil {
			return time.Time{}, time.Time{}, err
		}
		return s, e, nil
	}
	bad := fmt.Errorf("interval of %q: %w", value, ErrBadValue)
	switch {
	case len(value) == 10:
		t, err := time.Parse(time.DateOnly, value)
		if err != nil {
			return time.Time{}, time.Time{}, bad
		}
		return t, t.AddDate(0, 0, 1), nil
	case len(value) == 7 && (value[5] == 'Q' || value[5] == 'H'):
		y, err := strconv.Atoi(value[:4])
		n := int(value[6] - '0')
		months := 3
		if value[5] == 'H' {
			months = 6
		}
		if err != nil || value[4] != '-' || n < 1 || n > 12/months {
			return time.Time{}, time.Time{}, bad
		}
		s := time.Date(y, time.Month((n-1)*months+1), 1, 0, 0, 0, 0, time.UTC)
		return s, s.AddDate(0, months, 0), nil
	case len(value) == 7:
		t, err := time.Parse("2006-01", value)
		if err != nil {
			return time.Time{}, time.Time{}, bad
		}
		return t, t.AddDate(0, 1, 0), nil
	case len(value) == 4:
		y, err := strconv.Atoi(value)
		if err != nil {
			return time.Time{}, time.Time{}, bad
		}
		s := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return s, s.AddDate(1, 0, 0), nil
	}
	return time.Time{}, time.Time{}, bad
}
