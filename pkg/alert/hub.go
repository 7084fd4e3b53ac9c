package alert

import (
	"context"
	"sync"
	"sync/atomic"
)

// Hub fans events out to in-process subscribers (the SSE endpoint) and remembers the most recent
// ones. Publish never blocks: a subscriber whose buffer is full misses the event, counted in Drops.
type Hub struct {
	buffer int

	mu     sync.Mutex
	subs   map[chan Event]struct{}
	ring   []Event // the last len(ring) events, oldest at next when full
	next   int
	filled bool

	drops atomic.Uint64
}

// NewHub returns a hub whose subscribers each buffer up to buffer events and which remembers the
// last buffer events (at least 1).
func NewHub(buffer int) *Hub {
	if buffer < 1 {
		buffer = 1
	}
	return &Hub{buffer: buffer, subs: map[chan Event]struct{}{}, ring: make([]Event, buffer)}
}

// Publish records ev and hands it to every subscriber that has room.
func (h *Hub) Publish(ev Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.ring[h.next] = ev
	h.next = (h.next + 1) % len(h.ring)
	if h.next == 0 {
		h.filled = true
	}
	for ch := range h.subs {
		select {
		case ch <- ev:
		default:
			h.drops.Add(1)
		}
	}
}

// Subscribe returns a channel of events published from now on; it is closed when ctx ends.
func (h *Hub) Subscribe(ctx context.Context) <-chan Event {
	ch := make(chan Event, h.buffer)
	h.mu.Lock()
	h.subs[ch] = struct{}{}
	h.mu.Unlock()
	go func() {
		<-ctx.Done()
		h.mu.Lock()
		delete(h.subs, ch)
		close(ch)
		h.mu.Unlock()
	}()
	return ch
}

// Recent returns up to n of the most recent events, oldest first.
func (h *Hub) Recent(n int) []Event {
	h.mu.Lock()
	defer h.mu.Unlock()
	size := h.next
	if h.filled {
		size = len(h.ring)
	}
	if n > size {
		n = size
	}
	if n <= 0 {
		return []Event{}
	}
	out := make([]Event, 0, n)
	start := (h.next - n + len(h.ring)) % len(h.ring)
	for i := 0; i < n; i++ {
		out = append(out, h.ring[(start+i)%len(h.ring)])
	}
	return out
}

// Drops returns how many deliveries to slow subscribers were skipped.
func (h *Hub) Drops() uint64 { return h.drops.Load() }

// Subscribers returns the number of current subscribers.
func (h *Hub) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}
