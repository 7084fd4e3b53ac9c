// Package rungroup runs the long-lived parts of one process together and stops them together, as
// Prometheus' main does with oklog/run: each part is an Actor, a Run that works until its context
// ends and a Stop that releases what the part holds. It owns no part itself and does no I/O.
package rungroup

import (
	"context"

	"golang.org/x/sync/errgroup"
)

// Actor is one part of a process.
type Actor struct {
	// Run works until ctx ends, then returns nil; an error ends the context of every other actor.
	// nil: the actor only holds something (a listener, a connection, a lock).
	Run func(ctx context.Context) error
	// Stop releases what the actor holds, once every Run has returned (or setup failed). nil:
	// nothing to release.
	Stop func()
}

// Group is the actors of one process, in the order they were set up. The zero Group is empty and
// ready to use.
type Group struct {
	actors []Actor
}

// Add appends an actor; its Run starts with the others in Run, its Stop runs in Stop.
func (g *Group) Add(a Actor) {
	g.actors = append(g.actors, a)
}

// Run runs every actor's Run at once and waits for all of them. The first error ends the context
// the others run with, and is returned.
func (g *Group) Run(ctx context.Context) error {
	runs := make([]func(context.Context) error, 0, len(g.actors))
	for _, a := range g.actors {
		if a.Run != nil {
			runs = append(runs, a.Run)
		}
	}
	return All(runs...)(ctx)
}

// Stop calls the actors' Stops, the last added first (what a part holds may depend on what an
// earlier one holds, as a deferred call would release it), and forgets them: a second Stop does
// nothing.
func (g *Group) Stop() {
	for i := len(g.actors) - 1; i >= 0; i-- {
		if stop := g.actors[i].Stop; stop != nil {
			stop()
		}
	}
	g.actors = nil
}

// All is one Run made of several, for a part that runs more than one loop: they run at once, the
// first error ends the context of the others and is returned once all have returned.
func All(runs ...func(ctx context.Context) error) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		g, gctx := errgroup.WithContext(ctx)
		for _, run := range runs {
			g.Go(func() error { return run(gctx) })
		}
		return g.Wait()
	}
}
