package crawl

import (
	"container/heap"
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
//
// Every operation costs O(log hosts), never a walk over all hosts (at 10,000 feed hosts such walks,
// one per dispatch, were the crawler's main cost): a host with queued tasks is either ready (in a
// heap ordered by its oldest task, so the work queued first starts first, whatever the host), waiting
// for its interval (in a heap ordered by when it may start again, behind one timer), or blocked by
// its in-flight limit (in neither heap; the end of one of its tasks looks at it again).
type scheduler struct {
	mu       sync.Mutex
	hosts    map[string]*hostQueue
	delays   map[string]time.Duration // robots Crawl-delay per host, when above the default interval
	free     int                      // global slots left
	perHost  int
	interval time.Duration
	ready    hostHeap // hosts that may start their head task now, oldest task first
	waiting  hostHeap // hosts whose next start is in the future (or idle ones, to forget them then)
	timer    *time.Timer
	timerAt  time.Time
	order    uint64 // submission counter: the ready heap's key
	queuedN  int    // tasks waiting in all host queues
	gauges   *schedulerGauges
}

// schedulerGauges are the scheduler's totals: no label per host, so the series stay few however
// many hosts are crawled (per-source queue figures are in Crawler.Status).
type schedulerGauges struct {
	queued prometheus.Gauge // tasks waiting for a politeness slot
	hosts  prometheus.Gauge // hosts with tasks queued or running
}

type hostQueue struct {
	name      string
	queue     []*task
	active    int
	interval  time.Duration
	startNext time.Time // earliest next start: last start + interval
	doneFloor time.Time // earliest next start: last request's end + interval
	seq       uint64    // dispatch counter, to undo the start spacing of a task that sent nothing

	heap *hostHeap // the heap the host is in, nil if none
	pos  int       // its index there
	at   time.Time // its key in the waiting heap
}

// task is one unit of work against a host; run reports whether it actually sent a request (a task
// that found its URL already claimed did not, and gives its politeness slot back).
type task struct {
	ctx      context.Context
	run      func(ctx context.Context) (requested bool)
	started  func()         // optional, called when the task leaves the queue to run
	finished func(ran bool) // called exactly once; ran=false if ctx ended while it was queued

	host          *hostQueue
	order         uint64 // submission order: the ready heap's key
	stopWatch     func() bool
	seq           uint64
	prevStartNext time.Time
}

func newScheduler(concurrency, perHost int, interval time.Duration, gauges *schedulerGauges) *scheduler {
	return &scheduler{
		hosts:    map[string]*hostQueue{},
		delays:   map[string]time.Duration{},
		free:     concurrency,
		perHost:  perHost,
		interval: interval,
		ready:    hostHeap{less: func(a, b *hostQueue) bool { return a.queue[0].order < b.queue[0].order }},
		waiting:  hostHeap{less: func(a, b *hostQueue) bool { return a.at.Before(b.at) }},
		gauges:   gauges,
	}
}

// do runs fn for host under the politeness rules and blocks until it has run. front puts it at the
// head of the host's queue (a listing, or a task re-queued after fetching robots.txt), so that a
// poll is not held back by its host's backlog of articles. It returns
// ctx.Err() if ctx ended before fn could start.
//
// order keeps a task's place among all hosts' work across retries: 0 on the first call, which sets
// it to the next submission number; a retry passes it back, so a task re-queued after robots.txt
// goes before everything queued after it first was.
func (s *scheduler) do(ctx context.Context, host string, front bool, order *uint64, started func(), fn func(ctx context.Context) bool) error {
	done := make(chan bool, 1)
	s.submit(host, front, order, &task{ctx: ctx, run: fn, started: started, finished: func(ran bool) { done <- ran }})
	if !<-done {
		return ctx.Err()
	}
	return nil
}

func (s *scheduler) submit(host string, front bool, order *uint64, t *task) {
	// The watch may fire before t is queued: cancel then finds nothing, and the check below drops t.
	t.stopWatch = context.AfterFunc(t.ctx, func() { s.cancel(t) })
	s.mu.Lock()
	if t.ctx.Err() != nil {
		s.mu.Unlock()
		s.launch(nil, []*task{t})
		return
	}
	h := s.hosts[host]
	if h == nil {
		h = &hostQueue{name: host, interval: max(s.interval, s.delays[host])}
		s.hosts[host] = h
	}
	t.host = h
	if *order == 0 {
		s.order++
		*order = s.order
	}
	t.order = *order
	if front {
		h.queue = slices.Insert(h.queue, 0, t)
	} else {
		h.queue = append(h.queue, t)
	}
	s.queuedN++
	now := time.Now()
	s.place(h, now)
	run, dropped := s.dispatchLocked(now)
	s.mu.Unlock()
	s.launch(run, dropped)
}

// cancel takes t off its host's queue if it is still waiting there, and tells its caller.
func (s *scheduler) cancel(t *task) {
	s.mu.Lock()
	h := t.host
	i := -1
	if h != nil {
		i = slices.Index(h.queue, t)
	}
	if i < 0 { // not queued yet, already started, or dropped
		s.mu.Unlock()
		return
	}
	h.queue = slices.Delete(h.queue, i, i+1)
	s.queuedN--
	now := time.Now()
	s.place(h, now)
	run, dropped := s.dispatchLocked(now)
	s.mu.Unlock()
	s.launch(run, append(dropped, t))
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
	return s.queuedN
}

// place puts h where its state says: the ready heap, the waiting heap, or neither (blocked by its
// in-flight limit, or idle and forgotten once its interval has passed).
func (s *scheduler) place(h *hostQueue, now time.Time) {
	if h.heap != nil {
		h.heap.remove(h)
	}
	at := later(h.startNext, h.doneFloor)
	switch {
	case len(h.queue) == 0 && h.active == 0:
		if !now.Before(at) {
			delete(s.hosts, h.name) // nothing to remember: its next request may start any time
			return
		}
		h.at = at // forget it then
		s.waiting.push(h)
	case len(h.queue) == 0 || h.active >= s.perHost:
		// idle with requests in flight, or blocked: the end of one of them places it again
	case now.Before(at):
		h.at = at
		s.waiting.push(h)
	default:
		s.ready.push(h)
	}
}

func (s *scheduler) onTimer() {
	s.mu.Lock()
	s.timerAt = time.Time{}
	run, dropped := s.dispatchLocked(time.Now())
	s.mu.Unlock()
	s.launch(run, dropped)
}

type dispatched struct {
	t    *task
	host *hostQueue
}

// dispatchLocked moves the hosts whose interval has passed to the ready heap, starts the oldest
// ready tasks while global slots are free, drops tasks whose context ended, and arms the timer for
// the earliest waiting host.
func (s *scheduler) dispatchLocked(now time.Time) (run []dispatched, dropped []*task) {
	for s.waiting.len() > 0 && !now.Before(s.waiting.top().at) {
		s.place(s.waiting.top(), now)
	}
	for s.free > 0 && s.ready.len() > 0 {
		h := s.ready.top()
		t := h.queue[0]
		h.queue[0] = nil
		h.queue = h.queue[1:]
		s.queuedN--
		if t.ctx.Err() != nil {
			dropped = append(dropped, t)
			s.place(h, now)
			continue
		}
		h.active++
		s.free--
		h.seq++
		t.seq, t.prevStartNext = h.seq, h.startNext
		h.startNext = now.Add(h.interval)
		run = append(run, dispatched{t, h})
		s.place(h, now)
	}
	if s.waiting.len() > 0 {
		if earliest := s.waiting.top().at; s.timerAt.IsZero() || earliest.Before(s.timerAt) {
			s.timerAt = earliest
			if s.timer == nil {
				s.timer = time.AfterFunc(earliest.Sub(now), s.onTimer)
			} else {
				s.timer.Reset(earliest.Sub(now))
			}
		}
	}
	s.gauges.queued.Set(float64(s.queuedN))
	s.gauges.hosts.Set(float64(len(s.hosts)))
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
	now := time.Now()
	if requested {
		h.doneFloor = later(h.doneFloor, now.Add(h.interval))
	} else if h.seq == t.seq { // nothing was sent and nobody started since: give the slot back
		h.startNext = t.prevStartNext
	}
	s.place(h, now)
	run, dropped := s.dispatchLocked(now)
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

// hostHeap is a binary heap of hosts that knows each host's position, so a host can leave it from
// anywhere in O(log n).
type hostHeap struct {
	hs   []*hostQueue
	less func(a, b *hostQueue) bool
}

func (hh *hostHeap) Len() int           { return len(hh.hs) }
func (hh *hostHeap) Less(i, j int) bool { return hh.less(hh.hs[i], hh.hs[j]) }
func (hh *hostHeap) Swap(i, j int) {
	hh.hs[i], hh.hs[j] = hh.hs[j], hh.hs[i]
	hh.hs[i].pos, hh.hs[j].pos = i, j
}
func (hh *hostHeap) Push(x any) {
	h := x.(*hostQueue)
	h.pos, h.heap = len(hh.hs), hh
	hh.hs = append(hh.hs, h)
}
func (hh *hostHeap) Pop() any {
	h := hh.hs[len(hh.hs)-1]
	hh.hs[len(hh.hs)-1] = nil
	hh.hs = hh.hs[:len(hh.hs)-1]
	h.heap = nil
	return h
}

func (hh *hostHeap) len() int            { return len(hh.hs) }
func (hh *hostHeap) top() *hostQueue     { return hh.hs[0] }
func (hh *hostHeap) push(h *hostQueue)   { heap.Push(hh, h) }
func (hh *hostHeap) remove(h *hostQueue) { heap.Remove(hh, h.pos) }
