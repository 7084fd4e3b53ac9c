package ordered

import (
	"context"
	"errors"
	"slices"
	"testing"
)

func TestRunKeepsOrder(t *testing.T) {
	t.Parallel()
	var got []int
	err := Run(context.Background(), 4,
		func(_ context.Context, q *Queue[int, int]) error {
			for i := range 100 {
				if i%10 == 0 {
					if err := q.Done(-i); err != nil { // known while reading
						return err
					}
					continue
				}
				if err := q.Work(i); err != nil {
					return err
				}
			}
			return nil
		},
		func(_ context.Context, in int) int { return in * 2 },
		func(_ context.Context, res int) error { got = append(got, res); return nil })
	if err != nil {
		t.Fatal(err)
	}
	var want []int
	for i := range 100 {
		if i%10 == 0 {
			want = append(want, -i)
		} else {
			want = append(want, i*2)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("results %v, want %v", got, want)
	}
}

func TestRunStopsOnError(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	for name, tc := range map[string]struct {
		readErr, writeErr error
	}{
		"read fails":  {readErr: boom},
		"write fails": {writeErr: boom},
	} {
		err := Run(context.Background(), 2,
			func(ctx context.Context, q *Queue[int, int]) error {
				for i := 0; ; i++ {
					if i == 5 && tc.readErr != nil {
						return tc.readErr
					}
					if err := q.Work(i); err != nil {
						return err
					}
				}
			},
			func(_ context.Context, in int) int { return in },
			func(_ context.Context, res int) error {
				if res == 3 {
					return tc.writeErr
				}
				return nil
			})
		if !errors.Is(err, boom) {
			t.Errorf("%s: Run = %v, want %v", name, err, boom)
		}
	}
}
