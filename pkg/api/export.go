package api

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

const (
	exportPageSize = 200 // articles per Search page when the index cannot Scan, and per flush
	exportMax      = 100000
)

// export streams the whole result set as CSV or JSON Lines. An index that can walk its results
// (index.Scanner) is read page by page with a cursor, in time linear in the hits and with one page
// in memory; any other is paged through Search. Either way each article is written as it comes,
// flushed every exportPageSize articles, and a client that goes away ends the walk.
//
// Order: as Search orders q, and newest first unless the query has text (then by relevance, or
// by date with sort=date); ties by article id.
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
	q.FacetSize = -1
	if q.Sort == "" && q.Text == "" {
		q.Sort = "date"
	}
	out := &exportWriter{w: w, rc: http.NewResponseController(w), format: format, withText: q.WithText}
	written := 0
	emit := func(a *article.Article) error {
		if err := out.write(a); err != nil {
			return err // client gone
		}
		written++
		if written%exportPageSize == 0 {
			if err := out.flush(); err != nil {
				return err
			}
		}
		if written >= limit {
			return index.StopScan
		}
		return nil
	}
	var err error
	if sc, ok := s.cfg.Searcher.(index.Scanner); ok {
		q.Size = min(limit, index.ScanPageSize)
		err = sc.Scan(r.Context(), q, emit)
	} else {
		err = s.exportBySearch(r, q, emit)
	}
	switch {
	case err != nil && !out.started:
		// Nothing is written yet, so a failing index still gets a 500.
		s.log.Warn("search failed", "query", q.Text, "err", err)
		writeError(w, http.StatusInternalServerError, "search failed: "+err.Error())
	case err != nil:
		// Headers are out: all we can do is stop; the client sees a short file.
		s.log.Warn("export stopped", "written", written, "err", err)
	default:
		out.start()
		_ = out.flush()
	}
}

// exportBySearch pages through Search for an index that cannot Scan, calling emit with each
// article until emit returns index.StopScan.
func (s *server) exportBySearch(r *http.Request, q index.Query, emit func(*article.Article) error) error {
	q.Size = exportPageSize
	for q.Page = 1; ; q.Page++ {
		res, err := s.cfg.Searcher.Search(r.Context(), q)
		if err != nil {
			return fmt.Errorf("export page %d: %w", q.Page, err)
		}
		if res == nil {
			return nil
		}
		for _, hit := range res.Hits {
			if hit.Article == nil {
				continue
			}
			if err := emit(hit.Article); err != nil {
				if errors.Is(err, index.StopScan) {
					return nil
				}
				return err
			}
		}
		if len(res.Hits) < q.Size || q.Page*q.Size >= res.Total {
			return nil
		}
		if err := r.Context().Err(); err != nil {
			return err
		}
	}
}

// exportWriter writes exported articles as CSV rows or JSON lines, sending the headers (and the
// CSV header row) with the first article, or at the end if there is none.
type exportWriter struct {
	w        http.ResponseWriter
	rc       *http.ResponseController
	format   string
	withText bool
	started  bool
	csv      *csv.Writer
	json     *json.Encoder
}

func (e *exportWriter) start() {
	if e.started {
		return
	}
	e.started = true
	name := "newsmon-export-" + time.Now().UTC().Format("20060102-150405")
	h := e.w.Header()
	if e.format == "csv" {
		h.Set("Content-Type", "text/csv; charset=utf-8")
		h.Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
	} else {
		h.Set("Content-Type", "application/x-ndjson")
		h.Set("Content-Disposition", `attachment; filename="`+name+`.jsonl"`)
	}
	h.Set("X-Content-Type-Options", "nosniff")
	e.w.WriteHeader(http.StatusOK)
	_ = e.rc.SetWriteDeadline(time.Time{}) // a large export may outlast the server's write timeout
	if e.format != "csv" {
		e.json = json.NewEncoder(e.w)
		return
	}
	e.csv = csv.NewWriter(e.w)
	header := []string{"id", "published", "source", "language", "title", "url", "authors",
		"persons", "orgs", "places", "regions", "events", "money", "quotes"}
	if e.withText {
		header = append(header, "text")
	}
	_ = e.csv.Write(header)
}

// write writes one article (a copy: the caller's is left as it is).
func (e *exportWriter) write(hit *article.Article) error {
	e.start()
	a := *hit
	a.Normalize()
	if e.csv != nil {
		return e.csv.Write(csvRow(&a, e.withText))
	}
	if !e.withText {
		a.Text = ""
	}
	return e.json.Encode(&a)
}

// flush sends what is buffered to the client.
func (e *exportWriter) flush() error {
	if e.csv != nil {
		e.csv.Flush()
		if err := e.csv.Error(); err != nil {
			return err
		}
	}
	_ = e.rc.Flush() // a writer that cannot flush still gets everything, at the end
	return nil
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
