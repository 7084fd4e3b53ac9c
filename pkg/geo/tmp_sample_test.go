package geo_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/ner"
	"github.com/newsmon/newsmon/pkg/geo"
)

func TestTmpSample(t *testing.T) {
	gaz, _ := geo.Default()
	tagger, res := ner.New(gaz), geo.NewResolver(gaz)
	f, err := os.Open("/tmp/geo-sample.jsonl")
	if err != nil {
		t.Skip()
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	out, _ := os.Create(os.Getenv("GEO_OUT"))
	for sc.Scan() {
		var d struct{ ID, Text string }
		json.Unmarshal(sc.Bytes(), &d)
		a := &article.Article{ID: d.ID, Text: d.Text}
		tagger.Extract(context.Background(), a)
		res.Extract(context.Background(), a)
		var ps []string
		for _, p := range a.Places {
			ps = append(ps, fmt.Sprintf("%s→%s/%s/%s", p.Mentions[0].Text, p.Name, p.Admin1, p.CountryCode))
		}
		var un []string
		for _, e := range a.Entities {
			if e.Type == "PLACE" {
				un = append(un, e.Name)
			}
		}
		fmt.Fprintf(out, "%s | %s\n    ents: %s\n", d.ID, strings.Join(ps, "; "), strings.Join(un, ", "))
	}
}
