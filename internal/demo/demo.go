// Package demo owns the bundled offline news site that `newsmon run --demo`, the end-to-end tests
// and the benchmark crawl: five fictional outlets with their own layouts, RSS/Atom feeds, sitemaps,
// robots.txt, two pages in legacy charsets and one poison page, all served from embedded files. It
// also generates large synthetic sites for benchmarks. It never reaches the network: every URL it
// serves is built from the Host of the request it answers.
package demo

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"sort"
	"time"
)

// Outlet is one publication on the demo site.
type Outlet struct {
	Name     string // "The Daily Ledger"
	Slug     string // first path segment, "daily-ledger"
	FeedPath string // its RSS 2.0 feed, "/daily-ledger/rss.xml"
	Language string // main language, ISO 639-1
}

// Entry describes one article page of the demo site, for tests that check what was crawled.
type Entry struct {
	Outlet    string    // Outlet.Name
	Path      string    // "/daily-ledger/2026/11/18/slug.html", the canonical path without query
	Title     string    // the headline as the page and its feed give it
	Language  string    // ISO 639-1 of the article text
	Published time.Time // publication instant
	Places    []string  // the main places the story names (city, region, country …)
}

const (
	poisonPath     = "/poison/broken.html"
	poisonFeedPath = "/poison/rss.xml"
	atomFeedPath   = "/euro-chronicle/atom.xml"
)

// Outlets lists the five publications in a fixed order.
func Outlets() []Outlet {
	out := make([]Outlet, 0, len(outletDefs))
	for _, d := range outletDefs {
		out = append(out, d.Outlet)
	}
	return out
}

// Articles lists every article page of the site, oldest first. The poison page is not among them.
func Articles() []Entry {
	s := mustSite()
	out := make([]Entry, 0, len(s.stories))
	for _, st := range s.stories {
		out = append(out, Entry{
			Outlet:    st.outlet.Name,
			Path:      st.Path(),
			Title:     st.Title,
			Language:  st.Language,
			Published: st.Published,
			Places:    append([]string(nil), st.Places...),
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Published.Before(out[j].Published) })
	return out
}

// PoisonPath is the page whose HTML holds no article text at all (only a script), so article
// extraction must fail on it and the pipeline must dead-letter it.
func PoisonPath() string { return poisonPath }

// PoisonFeedPath is the RSS feed "Poison Test Feed" whose only item is PoisonPath.
func PoisonFeedPath() string { return poisonFeedPath }

// FeedPaths lists every feed on the site: each outlet's RSS feed, the Euro Chronicle Atom feed (the
// same stories as its RSS feed, so a crawler must dedup them) and, last, PoisonFeedPath.
func FeedPaths() []string {
	var out []string
	for _, o := range Outlets() {
		out = append(out, o.FeedPath)
	}
	return append(out, atomFeedPath, poisonFeedPath)
}

// Server is the demo site listening on a real socket.
type Server struct {
	ln   net.Listener
	srv  *http.Server
	done chan error
}

// Start serves Handler on addr ("127.0.0.1:0" picks a free port) until Close.
func Start(addr string) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("demo site listen %s: %w", addr, err)
	}
	s := &Server{
		ln:   ln,
		srv:  &http.Server{Handler: Handler(), ReadHeaderTimeout: 10 * time.Second},
		done: make(chan error, 1),
	}
	go func() { s.done <- s.srv.Serve(ln) }()
	return s, nil
}

// URL is the base URL of the running site, e.g. "http://127.0.0.1:41234", without a trailing slash.
func (s *Server) URL() string { return "http://" + s.ln.Addr().String() }

// Close stops the listener and waits for the serve loop to end.
func (s *Server) Close() error {
	err := s.srv.Close()
	if serr := <-s.done; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	if err != nil {
		return fmt.Errorf("demo site close: %w", err)
	}
	return nil
}
