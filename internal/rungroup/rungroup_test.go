package rungroup

import (
	"context"
	"errors"
	"slices"
	"testing"
)

func TestRunEndsOthersOnFirstError(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	var g Group
	ended := make(chan struct{})
	g.Add(Actor{Run: func(ctx context.Context) error {
		<-ctx.Done()
		close(ended)
		return nil
	}})
	g.Add(Actor{}) // holds nothing, runs nothing
	g.Add(Actor{Run: func(context.Context) error { return boom }})
	if err := g.Run(context.Background()); !errors.Is(err, boom) {
		t.Fatalf("Run = %v, want %v", err, boom)
	}
	select {
	case <-ended:
	default:
		t.Fatal("the other actor's context did not end")
	}
}

func TestRunEndsWithContext(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	var g Group
	g.Add(Actor{Run: func(ctx context.Context) error { <-ctx.Done(); return nil }})
	cancel()
	if err := g.Run(ctx); err != nil {
		t.Fatalf("Run = %v, want nil", err)
	}
}

func TestStopLastAddedFirstOnce(t *testing.T) {
	t.Parallel()
	var got []string
	var g Group
	for _, name := range []string{"lock", "bus", "index"} {
		g.Add(Actor{Stop: func() { got = append(got, name) }})
	}
	g.Add(Actor{Run: func(context.Context) error { return nil }})
	g.Stop()
	g.Stop()
	if want := []string{"index", "bus", "lock"}; !slices.Equal(got, want) {
		t.Errorf("stops ran %v, want %v", got, want)
	}
}

func TestAll(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	run := All(
		func(ctx context.Context) error { <-ctx.Done(); return nil },
		func(context.Context) error { return boom },
	)
	if err := run(context.Background()); !errors.Is(err, boom) {
		t.Fatalf("All(...) = %v, want %v", err, boom)
	}
	if err := All()(context.Background()); err != nil {
		t.Fatalf("All() = %v, want nil", err)
	}
}
