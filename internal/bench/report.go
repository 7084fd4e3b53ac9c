package bench

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Result is what one run measured.
type Result struct {
	Articles   int
	Rate       float64         // the site's release rate (Options.Rate)
	Elapsed    time.Duration   // first fetch request → last article searchable
	CPU        time.Duration   // process user+system CPU time spent in the run; 0 if unknown
	Searchable []time.Duration // fetch → searchable, per article, in the order they became searchable
	Alerted    []time.Duration // fetch → alert, per alert
	IndexedAt  []time.Time     // when each article became searchable, in that order
	Start      time.Time       // when the crawl started
	Feeds      *FeedsReport    // a feeds run's crawl figures; nil for a one-site run
	// Languages counts the language each indexed article was given ("" when undecided); nil
	// unless the site was written in several (Options.Languages).
	Languages map[string]int
	Memory    *MemoryReport // nil when not watched
}

// SteadyRate is the indexing rate between the 10th and the 90th percentile article: what the
// pipeline sustains, without the ramp-up and the drain at the ends of a run. When the site
// releases articles at a fixed rate, it equals that rate if the pipeline keeps up.
func (r Result) SteadyRate() float64 {
	n := len(r.IndexedAt)
	lo, hi := n/10, n*9/10
	if hi <= lo+1 {
		return 0
	}
	return float64(hi-lo) / r.IndexedAt[hi].Sub(r.IndexedAt[lo]).Seconds()
}

// printSetup prints what a run is about to measure; startup is the time the embedded services and
// the extractors took to start.
func printSetup(w io.Writer, opts Options, startup time.Duration) {
	mode := "flood: every article available at once"
	if opts.Rate > 0 {
		mode = fmt.Sprintf("site releases %.0f articles/s", opts.Rate)
	}
	if len(opts.Languages) > 0 {
		mode += ", in " + strings.Join(opts.Languages, ",")
	}
	if opts.Feeds > 0 {
		mode = fmt.Sprintf("%d feeds of %d on %d hosts, default politeness, polled every %s", opts.Feeds, opts.FeedItems, opts.Feeds, opts.Poll)
	}
	cpu := "default"
	if opts.ExtractCPU > 0 {
		cpu = strconv.Itoa(opts.ExtractCPU)
	}
	fmt.Fprintf(w, "bench: %d generated articles (%s), %d extract workers (chains at once: %s), index batch %d, GOMAXPROCS %d; start-up %.2fs\n",
		opts.Articles, mode, opts.Workers, cpu, opts.Batch, runtime.GOMAXPROCS(0), startup.Seconds())
}

// Print writes the run's report: throughput, CPU, latencies, memory, and the same figures as one
// Go benchmark line.
func (r Result) Print(w io.Writer) {
	fmt.Fprintf(w, "bench: %d articles in %.2fs: %.1f articles/s; steady state (10th–90th percentile article) %.1f articles/s\n",
		r.Articles, r.Elapsed.Seconds(), float64(r.Articles)/r.Elapsed.Seconds(), r.SteadyRate())
	if r.CPU > 0 {
		// On a shared machine wall time measures the neighbours too; CPU time is what this
		// process spent. GOMAXPROCS cores could sustain about cores/(CPU time per article).
		per := r.CPU.Seconds() / float64(r.Articles)
		fmt.Fprintf(w, "bench: CPU %.2fs (%.2f ms/article): %.1f articles per CPU-second, ~%.0f articles/s on %d cores if not shared\n",
			r.CPU.Seconds(), 1000*per, 1/per, float64(runtime.GOMAXPROCS(0))/per, runtime.GOMAXPROCS(0))
	}
	fmt.Fprintf(w, "bench: fetch→searchable p50=%s p99=%s max=%s\n", pct(r.Searchable, 50), pct(r.Searchable, 99), pct(r.Searchable, 100))
	fmt.Fprintf(w, "bench: fetch→alert p50=%s p99=%s (%d alerts)\n", pct(r.Alerted, 50), pct(r.Alerted, 99), len(r.Alerted))
	fmt.Fprintf(w, "bench: peak RSS %s\n", peakRSS())
	if m := r.Memory; m != nil {
		fmt.Fprintf(w, "bench: during the run: peak %.0f MB anonymous, peak %.0f MB file-backed; garbage collector %.1f%% of the busy CPU\n",
			m.PeakAnonMB, m.PeakFileMB, 100*m.GCShare)
	}
	if r.Languages != nil {
		fmt.Fprintf(w, "bench: languages detected: %s\n", languageCounts(r.Languages))
	}
	if r.Feeds != nil {
		fmt.Fprintf(w, "bench: articles/s per 10 s: %s\n", r.ratesOverTime(10*time.Second))
		r.Feeds.print(w)
	}
	// The same figures in Go benchmark format, so that runs can be compared with benchstat.
	name := fmt.Sprintf("BenchmarkPipeline/articles=%d", r.Articles)
	if r.Feeds != nil {
		name = fmt.Sprintf("BenchmarkPipeline/feeds=%d/articles=%d", r.Feeds.Feeds, r.Articles)
	}
	if r.Rate > 0 {
		name += fmt.Sprintf("/rate=%g", r.Rate)
	}
	fmt.Fprintf(w, "%s 1 %d ns/op %.1f articles/s %.1f steady-articles/s %.3f cpu-ms/article %d p50-ms %d p99-ms\n", name, r.Elapsed.Nanoseconds(),
		float64(r.Articles)/r.Elapsed.Seconds(), r.SteadyRate(), 1000*r.CPU.Seconds()/float64(r.Articles),
		pctDuration(r.Searchable, 50).Milliseconds(), pctDuration(r.Searchable, 99).Milliseconds())
}

// ratesOverTime is the indexing rate in each period since Start, as "r1 r2 …" (articles/s).
func (r Result) ratesOverTime(period time.Duration) string {
	var counts []int
	for _, at := range r.IndexedAt {
		i := max(int(at.Sub(r.Start)/period), 0)
		for len(counts) <= i {
			counts = append(counts, 0)
		}
		counts[i]++
	}
	out := make([]string, len(counts))
	for i, n := range counts {
		out[i] = strconv.FormatFloat(float64(n)/period.Seconds(), 'f', 1, 64)
	}
	return strings.Join(out, " ")
}

// printLinearity compares the time per article of each run with the first's: a pipeline whose
// cost per article grows with the size of the run shows it here.
func printLinearity(w io.Writer, results []Result) {
	base := results[0]
	perBase := base.Elapsed.Seconds() / float64(base.Articles)
	cpuBase := base.CPU.Seconds() / float64(base.Articles)
	for _, r := range results {
		per := r.Elapsed.Seconds() / float64(r.Articles)
		cpuPer := r.CPU.Seconds() / float64(r.Articles)
		fmt.Fprintf(w, "bench linearity: %d articles %.2fs wall %.3f ms/article (x%.2f of %d) | %.2fs CPU %.3f CPU-ms/article (x%.2f)\n",
			r.Articles, r.Elapsed.Seconds(), 1000*per, per/perBase, base.Articles, r.CPU.Seconds(), 1000*cpuPer, cpuPer/cpuBase)
	}
}

// pct returns the p-th percentile (nearest rank) of ds, rounded for printing.
func pct(ds []time.Duration, p int) string {
	if len(ds) == 0 {
		return "n/a"
	}
	return pctDuration(ds, p).Round(time.Millisecond).String()
}

// pctDuration returns the p-th percentile (nearest rank) of ds, 0 if empty.
func pctDuration(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (p*len(s) + 99) / 100
	i = min(max(i-1, 0), len(s)-1)
	return s[i]
}

// peakRSS reads the process's high-water resident set size from /proc (Linux).
func peakRSS() string {
	kb := procStatusKB("VmHWM", "RssAnon", "RssFile")
	if kb[0] < 0 {
		return "unknown"
	}
	out := fmt.Sprintf("%.0f MB", float64(kb[0])/1024)
	if kb[1] >= 0 && kb[2] >= 0 {
		// File-backed pages are mostly the index's memory-mapped segments: page cache that the
		// kernel reclaims under pressure, unlike the anonymous (heap) part.
		out += fmt.Sprintf(" (now %.0f MB anonymous, %.0f MB file-backed)", float64(kb[1])/1024, float64(kb[2])/1024)
	}
	return out
}

// procStatusKB reads the named kB fields of /proc/self/status; -1 for each one it cannot read.
func procStatusKB(names ...string) []int {
	out := make([]int, len(names))
	for i := range out {
		out[i] = -1
	}
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return out
	}
	for line := range strings.Lines(string(data)) {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		for i, name := range names {
			if f[0] == name+":" {
				if kb, err := strconv.Atoi(f[1]); err == nil {
					out[i] = kb
				}
			}
		}
	}
	return out
}

// languageCounts writes counts as "de=12 en=30 es=11 …" in code order; articles no language was
// given for count as "und" (undetermined).
func languageCounts(counts map[string]int) string {
	out := make([]string, 0, len(counts))
	for lang, n := range counts {
		if lang == "" {
			lang = "und"
		}
		out = append(out, lang+"="+strconv.Itoa(n))
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}
