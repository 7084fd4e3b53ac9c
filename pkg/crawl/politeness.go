package crawl

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// scheduler enforces politeness: at most perHost tasks in flight per host, at least the host's interval
// between two request starts and between the end of one request and the start of the next, and at
// most `free` tasks in flight overall. Tasks wait in per-host queues without holding a worker, so a
// host that must wait never blocks the others.
type scheduler struct {
	mu        sync.Mutex
	hosts     map[string]*hostQueue
	delays    map[string]time.Duration // robots Crawl-delay per host, when above the default interval
	free      int                      // global slots left
	perHost   int
	interval  time.Duration
	timer     *time.Timer
	timerAt   time.Time
	cancelled bool // some queued task's context ended: sweep the queues
	gauge     *prometheus.GaugeVec
}

type hostQueue struct {
	queue     []*task
	active    int
	interval  time.Duration
	startNext time.Time // earliest next start: last start + interval
	doneFloor time.Time // earliest next start: last request's end + interval
	seq       uint64    // dispatch counter, to undo the start spacing of a task that sent nothing
}

// task is one unit of work against a host; run reports whether it actually sent a request (a task
// that found its URL already claimed did not, and gives its politeness slot back).
type task struct {
	ctx      context.Context
	run      func(ctx context.Context) (requested bool)
	started  func()         // optional, called when the task leaves the queue to run
	finished func(ran bool) // called exactly once; ran=false if ctx ended while it was queued

	stopWatch     func() bool
	seq           uint64
	prevStartNext time.Time
}

func newScheduler(concurrency, perHost int, interval time.Duration, gauge *prometheus.GaugeVec) *scheduler {
	return &scheduler{
		hosts:    map[string]*hostQueue{},
		delays:   map[string]time.Duration{},
		free:     concurrency,
		perHost:  perHost,
		interval: interval,
		gauge:    gauge,
	}
}

// do runs fn for host under the politeness rules and blocks until it has run. front puts it at the
// head of the host's queue (a task re-queued after fetching robots.txt). It returns ctx.Err() if ctx
// ended before fn could start.
func (s *scheduler) do(ctx context.Context, host string, front bool, started func(), fn func(ctx context.Context) bool) error {
	done := make(chan bool, 1)
	s.submit(host, front, &task{ctx: ctx, run: fn, started: started, finished: func(ran bool) { done <- ran }})
	if !<-done {
		return ctx.Err()
	}
	return nil
}

func (s *scheduler) submit(host string, front bool, t *task) {
	t.stopWatch = context.AfterFunc(t.ctx, s.onCancel)
	s.mu.Lock()
	h := s.hosts[host]
	if h == nil {
		h = &hostQueue{interval: max(s.interval, s.delays[host])}
		s.hosts[host] = h
	}
	if front {
		h.queue = slices.Insert(h.queue, 0, t)
	} else {
		h.queue = append(h.queue, t)
	}
	run, dropped := s.dispatchLocked()
	s.mu.Unlock()
	s.launch(run, dropped)
}

// setDelay raises host's interval to d (robots.txt Crawl-delay); d below the default is ignored.
func (s *scheduler) setDelay(host string, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d <= s.interval {
		delete(s.delays, host)
		d = s.interval
	} else {
		s.delays[host] = d
	}
	if h := s.hosts[host]; h != nil {
		h.interval = d
	}
}

// queued is the number of tasks waiting in all host queues.
func (s *scheduler) queued() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, h := range s.hosts {
		n += len(h.queue)
	}
	return n
}

func (s *scheduler) onCancel() {
	s.mu.Lock()
	s.cancelled = true
	run, dropped := s.dispatchLocked()
	s.mu.Unlock()
	s.launch(run, dropped)
}

func (s *scheduler) onTimer() {
	s.mu.Lock()
	s.timerAt = time.Time{}
	run, dropped := s.dispatchLocked()
	s.mu.Unlock()
	s.launch(run, dropped)
}

type dispatched struct {
	t    *task
	host *hostQueue
}

// dispatchLocked takes every task that may start now off its queue, drops tasks whose context ended,
// and arms the timer for the earliest host that is only waiting for its interval.
func (s *scheduler) dispatchLocked() (run []dispatched, dropped []*task) {
	now := time.Now()
	var earliest time.Time
	for name, h := range s.hosts {
		if s.cancelled {
			h.queue = slices.DeleteFunc(h.queue, func(t *task) bool {
				if t.ctx.Err() != nil {
					dropped = append(dropped, t)
					return true
				}
				return false
			})
		}
		for len(h.queue) > 0 && s.free > 0 && h.active < s.perHost {
			at := later(h.startNext, h.doneFloor)
			if now.Before(at) {
				if earliest.IsZero() || at.Before(earliest) {
					earliest = at
				}
				break
			}
			t := h.queue[0]
			h.queue[0] = nil
			h.queue = h.queue[1:]
			if t.ctx.Err() != nil {
				dropped = append(dropped, t)
				continue
			}
			h.active++
			s.free--
			h.seq++
			t.seq, t.prevStartNext = h.seq, h.startNext
			h.startNext = now.Add(h.interval)
			run = append(run, dispatched{t, h})
		}
		if len(h.queue) == 0 && h.active == 0 && !now.Before(later(h.startNext, h.doneFloor)) {
			delete(s.hosts, name)
			s.gauge.DeleteLabelValues(name)
			continue
		}
		s.gauge.WithLabelValues(name).Set(float64(len(h.queue)))
	}
	s.cancelled = false
	if !earliest.IsZero() && (s.timerAt.IsZero() || earliest.Before(s.timerAt)) {
		if s.timer != nil {
			s.timer.Stop()
		}
		s.timerAt = earliest
		s.timer = time.AfterFunc(earliest.Sub(now), s.onTimer)
	}
	return run, dropped
}

func (s *scheduler) launch(run []dispatched, dropped []*task) {
	for _, t := range dropped {
		t.stopWatch()
		t.finished(false)
	}
	for _, d := range run {
		go s.exec(d.t, d.host)
	}
}

func (s *scheduler) exec(t *task, h *hostQueue) {
	t.stopWatch()
	if t.started != nil {
		t.started()
	}
	requested := t.run(t.ctx)
	s.mu.Lock()
	h.active--
	s.free++
	if requested {
		h.doneFloor = later(h.doneFloor, time.Now().Add(h.interval))
	} else if h.seq == t.seq { // nothing was sent and nobody started since: give the slot back
		h.startNext = t.prevStartNext
	}
	run, dropped := s.dispatchLocked()
	s.mu.Unlock()
	s.launch(run, dropped)
	t.finished(true)
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
