// Command measure counts the annotated speakers of an attribution corpus (PolNeAR's JSON lines:
// one article a line with attributions[].source.text) that the quote extractor's plausibility check
// would reject as things (quote.ThingHeaded), and lists the most frequent heads of those rejected.
// From the repository root:
//
//	go run ./tools/speakerlex/measure ../shared/data/quotes/polnear/dev.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/newsmon/newsmon/pkg/extract/quote"
)

type article struct {
	Attributions []struct {
		Source *struct {
			Text string `json:"text"`
		} `json:"source"`
	} `json:"attributions"`
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: measure FILE.jsonl ...")
		os.Exit(2)
	}
	for _, path := range os.Args[1:] {
		if err := measure(path); err != nil {
			fmt.Fprintf(os.Stderr, "measure %s: %v\n", path, err)
			os.Exit(1)
		}
	}
}

func measure(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sources, rejected := 0, map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<24), 1<<24)
	for sc.Scan() {
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return fmt.Errorf("decode: %w", err)
		}
		for _, at := range a.Attributions {
			if at.Source == nil || strings.TrimSpace(at.Source.Text) == "" {
				continue
			}
			sources++
			if src := strings.Join(strings.Fields(at.Source.Text), " "); quote.ThingHeaded(src) {
				rejected[src]++
			}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	n := 0
	type kv struct {
		k string
		v int
	}
	var all []kv
	for k, v := range rejected {
		n += v
		all = append(all, kv{k, v})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].v > all[j].v || all[i].v == all[j].v && all[i].k < all[j].k })
	fmt.Printf("%s: sources=%d rejected=%d (%.2f%%)\n", path, sources, n, 100*float64(n)/float64(max(sources, 1)))
	for _, e := range all {
		fmt.Printf("  %d\t%s\n", e.v, e.k)
	}
	return nil
}
