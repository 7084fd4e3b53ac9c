package bench

import (
	"runtime/metrics"
	"sync"
	"time"
)

// MemoryReport is what a run's memory did while it ran, beside the end-of-process figures of
// peakRSS: the high-water marks of the anonymous (heap, stacks, model tables) and file-backed
// (memory-mapped index segments, state files) parts of the resident set, which peak at different
// moments — one high-water mark for both hides which one a change moved — and the share of the
// run's busy CPU time the garbage collector took, which rises when the live heap nears the soft limit.
type MemoryReport struct {
	PeakAnonMB, PeakFileMB float64
	GCShare                float64 // 0..1; 0 when the runtime does not tell
}

// memWatchEvery is how often the watcher samples /proc: short enough to catch an index merge's
// rise, which lasts seconds, and cheap (one small file read).
const memWatchEvery = 500 * time.Millisecond

// watchMemory samples the resident set until stop is called, which returns the report.
func watchMemory() (stop func() *MemoryReport) {
	gcStart, busyStart := gcCPUSeconds()
	var (
		mu         sync.Mutex
		anon, file int
	)
	sample := func() {
		kb := procStatusKB("RssAnon", "RssFile")
		mu.Lock()
		anon, file = max(anon, kb[0]), max(file, kb[1])
		mu.Unlock()
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(memWatchEvery)
		defer t.Stop()
		for {
			sample()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() *MemoryReport {
		close(done)
		<-finished
		sample()
		gcEnd, busyEnd := gcCPUSeconds()
		mu.Lock()
		defer mu.Unlock()
		r := &MemoryReport{PeakAnonMB: float64(anon) / 1024, PeakFileMB: float64(file) / 1024}
		if busy := busyEnd - busyStart; busy > 0 {
			r.GCShare = (gcEnd - gcStart) / busy
		}
		return r
	}
}

// gcCPUSeconds reads the runtime's estimates, since the process started, of the CPU time its
// collector used and of the time its Ps were busy at all (available less idle): the share of
// busy time, unlike a share of all available time, does not shrink when the machine is shared
// or the pipeline waits.
func gcCPUSeconds() (gc, busy float64) {
	s := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}, {Name: "/cpu/classes/total:cpu-seconds"},
		{Name: "/cpu/classes/idle:cpu-seconds"}}
	metrics.Read(s)
	for _, v := range s {
		if v.Value.Kind() != metrics.KindFloat64 {
			return 0, 0
		}
	}
	return s[0].Value.Float64(), s[1].Value.Float64() - s[2].Value.Float64()
}
