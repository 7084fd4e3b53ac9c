package crawl

import (
	"context"
	"sync"
)

// articleQueue holds the articles that polls have listed and that wait for a fetch slot, as data
// rather than as parked goroutines. At most `slots` fetches are under way at once (from taking
// the politeness slot to the sink's return), and at most `perHost` of them for one host, so that
// one site's backlog cannot take every slot while other hosts' articles wait. Hosts with articles
// waiting take turns, each host's articles in the order they were listed.
//
// Before, each poll kept a goroutine until its articles had been handed over: at 20,000 feeds,
// with the pipeline behind, thousands of polls waited for a slot, and scanning their stacks at
// each garbage collection took more CPU than the crawl.
type articleQueue struct {
	slots, perHost int
	start          func(articleJob) // runs the job in a goroutine of its own; it ends with done

	mu     sync.Mutex
	busy   int // jobs started and not done
	queued int // jobs waiting
	hosts  map[string]*hostArticles
	ready  []*hostArticles // hosts with articles waiting and a fetch free, oldest turn first
}

// articleJob is one listed article to fetch and hand over for a poll.
type articleJob struct {
	ctx  context.Context
	poll *pollRun
	it   item
	host string
}

// hostArticles are one host's waiting articles and its fetches under way.
type hostArticles struct {
	name    string
	jobs    []articleJob
	active  int
	inReady bool
}

func newArticleQueue(slots, perHost int, start func(articleJob)) *articleQueue {
	return &articleQueue{slots: slots, perHost: perHost, start: start, hosts: map[string]*hostArticles{}}
}

// push queues j and starts whatever may start now.
func (q *articleQueue) push(j articleJob) {
	q.mu.Lock()
	h := q.hosts[j.host]
	if h == nil {
		h = &hostArticles{name: j.host}
		q.hosts[j.host] = h
	}
	h.jobs = append(h.jobs, j)
	q.queued++
	q.placeLocked(h)
	run := q.dispatchLocked()
	q.mu.Unlock()
	q.launch(run)
}

// done gives back the slot of a job of host that has ended, and starts the next ones.
func (q *articleQueue) done(host string) {
	q.mu.Lock()
	q.busy--
	h := q.hosts[host]
	h.active--
	q.placeLocked(h)
	run := q.dispatchLocked()
	q.mu.Unlock()
	q.launch(run)
}

// placeLocked puts h in the ready list if it has a job that may start, and forgets an idle host.
func (q *articleQueue) placeLocked(h *hostArticles) {
	switch {
	case len(h.jobs) == 0 && h.active == 0 && !h.inReady:
		delete(q.hosts, h.name)
	case len(h.jobs) > 0 && h.active < q.perHost && !h.inReady:
		h.inReady = true
		q.ready = append(q.ready, h)
	}
}

// dispatchLocked takes the jobs that may start now: one per host in turn while slots are free.
func (q *articleQueue) dispatchLocked() (run []articleJob) {
	for q.busy < q.slots && len(q.ready) > 0 {
		h := q.ready[0]
		q.ready[0] = nil
		q.ready = q.ready[1:]
		h.inReady = false
		if len(h.jobs) == 0 || h.active >= q.perHost {
			q.placeLocked(h)
			continue
		}
		j := h.jobs[0]
		h.jobs[0] = articleJob{}
		h.jobs = h.jobs[1:]
		if cap(h.jobs) >= 1024 && len(h.jobs) < cap(h.jobs)/4 {
			// A big listing (a sitemap's first crawl) drains from the front: give back the
			// array it filled rather than hold it until the host is idle.
			h.jobs = append([]articleJob(nil), h.jobs...)
		}
		h.active++
		q.busy++
		q.queued--
		run = append(run, j)
		q.placeLocked(h) // to the back of the turn, if it has more
	}
	return run
}

func (q *articleQueue) launch(run []articleJob) {
	for _, j := range run {
		q.start(j)
	}
}

// waiting is the number of jobs queued and not started.
func (q *articleQueue) waiting() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.queued
}
