package money

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/extract/dates"
)

// newsText joins the golden article and every sentence of both own test sets into one text of
// paragraphs (~60 KB), a realistic mix of prose, figures and dates.
func newsText(tb testing.TB) string {
	tb.Helper()
	var b strings.Builder
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		tb.Fatal(err)
	}
	b.Write(raw)
	for _, path := range []string{"testdata/news_money.txt", "../dates/testdata/news_dates.txt"} {
		raw, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(raw), "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			sentence := line[strings.LastIndexByte(line, '\t')+1:]
			sentence = strings.NewReplacer("[[", "", "]]", "").Replace(sentence)
			if k := strings.IndexByte(sentence, '|'); k >= 0 { // drop the markup's values
				var clean strings.Builder
				for _, part := range strings.Split(sentence, " ") {
					if i := strings.IndexByte(part, '|'); i >= 0 {
						part = part[:i]
					}
					clean.WriteString(part + " ")
				}
				sentence = clean.String()
			}
			b.WriteString("\n\n" + sentence)
		}
	}
	return b.String()
}

// BenchmarkMoneyAndDates is the speed measure: both extractors over the same text, one
// after the other, as the pipeline runs them (go test -bench MoneyAndDates -cpu 1).
func BenchmarkMoneyAndDates(b *testing.B) {
	s := newsText(b)
	d := dates.New()
	ref := time.Date(2023, 10, 25, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(s)))
	start := cpuTime()
	for b.Loop() {
		Find(s, "")
		d.FindFrom(s, ref, "")
	}
	reportCPURate(b, len(s), cpuTime()-start)
}

// reportCPURate adds "cpu-MB/s": bytes per second of CPU time (GC included), the figure that
// holds on a machine other processes keep busy. It needs -cpu 1 (GOMAXPROCS=1) to mean one core.
func reportCPURate(b *testing.B, size int, cpu time.Duration) {
	if cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "cpu-MB/s")
	}
}
