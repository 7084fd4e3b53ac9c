package bench

import (
	"bytes"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestPctDuration(t *testing.T) {
	t.Parallel()
	ms := func(ns ...int) []time.Duration {
		out := make([]time.Duration, len(ns))
		for i, n := range ns {
			out[i] = time.Duration(n) * time.Millisecond
		}
		return out
	}
	tests := []struct {
		ds   []time.Duration
		p    int
		want time.Duration
	}{
		{nil, 50, 0},
		{ms(7), 99, 7 * time.Millisecond},
		{ms(5, 1, 4, 2, 3), 50, 3 * time.Millisecond},
		{ms(5, 1, 4, 2, 3), 100, 5 * time.Millisecond},
		{ms(5, 1, 4, 2, 3), 0, 1 * time.Millisecond},
		{ms(10, 9, 8, 7, 6, 5, 4, 3, 2, 1), 99, 10 * time.Millisecond},
	}
	for _, tt := range tests {
		if got := pctDuration(tt.ds, tt.p); got != tt.want {
			t.Errorf("pctDuration(%v, %d) = %v; want %v", tt.ds, tt.p, got, tt.want)
		}
	}
	if got := pct(nil, 50); got != "n/a" {
		t.Errorf("pct of nothing = %q; want n/a", got)
	}
}

func TestSteadyRate(t *testing.T) {
	t.Parallel()
	t0 := time.Unix(0, 0)
	// every returns n times, d apart; slowStart makes the first 10 of them a second apart.
	every := func(n int, d time.Duration, slowStart bool) []time.Time {
		out := make([]time.Time, n)
		for i := range out {
			out[i] = t0.Add(time.Duration(i) * d)
			if slowStart {
				out[i] = t0.Add(time.Duration(min(i, 10))*time.Second + time.Duration(max(i-10, 0))*d)
			}
		}
		return out
	}
	tests := []struct {
		name      string
		indexedAt []time.Time
		want      float64
	}{
		{"too few articles", every(2, time.Second, false), 0},
		{"one every 10 ms", every(100, 10*time.Millisecond, false), 100},
		{"a slow start does not count", every(100, 10*time.Millisecond, true), 100},
	}
	for _, tt := range tests {
		if got := (Result{IndexedAt: tt.indexedAt}).SteadyRate(); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: SteadyRate = %v; want %v", tt.name, got, tt.want)
		}
	}
}

// The report's lines are read by people, by BENCHMARKS.md's tables and by benchstat: their shape
// is a contract.
func TestPrintLines(t *testing.T) {
	t.Parallel()
	r := Result{Articles: 4, Rate: 100, Elapsed: 2 * time.Second, CPU: 400 * time.Millisecond,
		Searchable: []time.Duration{10 * time.Millisecond, 20 * time.Millisecond, 30 * time.Millisecond, 40 * time.Millisecond},
		Alerted:    []time.Duration{50 * time.Millisecond},
		Memory:     &MemoryReport{PeakAnonMB: 300.4, PeakFileMB: 120, GCShare: 0.125}}
	var b bytes.Buffer
	r.Print(&b)
	want := []string{
		`^bench: 4 articles in 2.00s: 2.0 articles/s; steady state \(10th–90th percentile article\) 0.0 articles/s$`,
		`^bench: CPU 0.40s \(100.00 ms/article\): 10.0 articles per CPU-second, ~\d+ articles/s on \d+ cores if not shared$`,
		`^bench: fetch→searchable p50=20ms p99=40ms max=40ms$`,
		`^bench: fetch→alert p50=50ms p99=50ms \(1 alerts\)$`,
		`^bench: peak RSS (unknown|\d+ MB.*)$`,
		`^bench: during the run: peak 300 MB anonymous, peak 120 MB file-backed; garbage collector 12.5% of the busy CPU$`,
		`^BenchmarkPipeline/articles=4/rate=100 1 2000000000 ns/op 2.0 articles/s 0.0 steady-articles/s 100.000 cpu-ms/article 20 p50-ms 40 p99-ms$`,
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("Print wrote %d lines; want %d:\n%s", len(lines), len(want), b.String())
	}
	for i, w := range want {
		if !regexp.MustCompile(w).MatchString(lines[i]) {
			t.Errorf("line %d = %q; want it to match %s", i+1, lines[i], w)
		}
	}
}

func TestPrintLinearity(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	printLinearity(&b, []Result{
		{Articles: 100, Elapsed: time.Second, CPU: 500 * time.Millisecond},
		{Articles: 200, Elapsed: 3 * time.Second, CPU: time.Second},
	})
	want := "bench linearity: 100 articles 1.00s wall 10.000 ms/article (x1.00 of 100) | 0.50s CPU 5.000 CPU-ms/article (x1.00)\n" +
		"bench linearity: 200 articles 3.00s wall 15.000 ms/article (x1.50 of 100) | 1.00s CPU 5.000 CPU-ms/article (x1.00)\n"
	if b.String() != want {
		t.Errorf("printLinearity wrote\n%s\nwant\n%s", b.String(), want)
	}
}

// A run over a mixed-language site reports the language each indexed article got; an English
// run prints no such line.
func TestPrintLanguagesDetected(t *testing.T) {
	t.Parallel()
	r := Result{Articles: 4, Elapsed: time.Second, Languages: map[string]int{"zh": 1, "en": 2, "": 1}}
	var out bytes.Buffer
	r.Print(&out)
	if want := "bench: languages detected: en=2 und=1 zh=1\n"; !strings.Contains(out.String(), want) {
		t.Errorf("report lacks %q:\n%s", want, out.String())
	}
	out.Reset()
	r.Languages = nil
	r.Print(&out)
	if strings.Contains(out.String(), "languages detected") {
		t.Errorf("an English run reports languages:\n%s", out.String())
	}
}
