package api

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

const (
	exportPageSize = 200
	exportMax      = 100000
)

// export streams the whole result set as CSV or JSON Lines, one index page at a time, flushing
// after each, so memory stays bounded whatever the result size.
func (s *server) export(w http.ResponseWriter, r *http.Request) {
	p := params{v: withoutPaging(r.URL.Query())}
	format := p.choice("format", "jsonl", "csv", "jsonl")
	if format == "jsonl" && p.v.Get("text") == "" {
		p.v.Set("text", "1") // an export of enriched articles carries the body unless told otherwise
	}
	limit := p.int("limit", exportMax, 1, exportMax)
	q := p.filters()
	if p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	q.Size, q.FacetSize, q.Page = exportPageSize, -1, 1
	if q.Sort == "" && q.Text == "" {
		q.Sort = "date"
	}
	// The first page is fetched before any byte is written, so a failing index still gets a 500.
	res, ok := s.run(w, r, q)
	if !ok {
		return
	}
	name := "newsmon-export-" + time.Now().UTC().Format("20060102-150405")
	h := w.Header()
	if format == "csv" {
		h.Set("Content-Type", "text/csv; charset=utf-8")
		h.Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
	} else {
		h.Set("Content-Type", "application/x-ndjson")
		h.Set("Content-Disposition", `attachment; filename="`+name+`.jsonl"`)
	}
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	_ = rc.SetWriteDeadline(time.Time{}) // a large export may outlast the server's write timeout

	var cw *csv.Writer
	enc := json.NewEncoder(w)
	if format == "csv" {
		cw = csv.NewWriter(w)
		header := []string{"id", "published", "source", "language", "title", "url", "authors",
			"persons", "orgs", "places", "regions", "events", "money", "quotes"}
		if q.WithText {
			header = append(header, "text")
		}
		_ = cw.Write(header)
	}
	written := 0
	for {
		for _, hit := range res.Hits {
			if written >= limit || hit.Article == nil {
				continue
			}
			written++
			a := *hit.Article
			a.Normalize()
			if format == "csv" {
				_ = cw.Write(csvRow(&a, q.WithText))
				continue
			}
			if !q.WithText {
				a.Text = ""
			}
			if err := enc.Encode(&a); err != nil {
				return // client gone
			}
		}
		if cw != nil {
			cw.Flush()
			if cw.Error() != nil {
				return
			}
		}
		_ = rc.Flush()
		if written >= limit || len(res.Hits) < q.Size || q.Page*q.Size >= res.Total || r.Context().Err() != nil {
			return
		}
		q.Page++
		var err error
		if res, err = s.cfg.Searcher.Search(r.Context(), q); err != nil {
			// Headers are out: all we can do is stop; the client sees a short file.
			s.log.Warn("export page failed", "page", q.Page, "err", err)
			return
		}
	}
}

func csvRow(a *article.Article, withText bool) []string {
	k := index.KeysOf(a)
	published := ""
	if a.Published != nil {
		published = a.Published.Format(time.RFC3339)
	}
	money := make([]string, 0, len(a.Money))
	for _, m := range a.Money {
		money = append(money, fmt.Sprintf("%s (%s %s)", m.Text, strconv.FormatFloat(m.Amount, 'f', -1, 64), m.Currency))
	}
	row := []string{a.ID, published, a.Source, a.Language, a.Title, a.URL, join(a.Authors),
		join(k.Persons), join(k.Orgs), join(k.Places), join(k.Region), join(k.Events), join(money),
		strconv.Itoa(len(a.Quotes))}
	if withText {
		row = append(row, a.Text)
	}
	for i, c := range row {
		row[i] = defuse(c)
	}
	return row
}

func join(v []string) string { return strings.Join(v, "; ") }

// defuse keeps spreadsheet programs from running a cell as a formula (CSV injection).
func defuse(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
