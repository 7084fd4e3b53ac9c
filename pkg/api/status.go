package api

import "fmt"

// Status paging: at 10,000 sources the whole list was 1.9 MB per refresh of the status view, so
// /api/status answers the sources a page at a time (?page=&size=&state=), with the figures over all
// sources beside the page.
const (
	defaultSourcesPageSize = 100
	maxSourcesPageSize     = 1000
)

// SourcesQuery is the page of sources /api/status asks for: Page from 1, Size at most 1000, State
// "" (any) or a state the crawler names (ok, error, never_polled).
type SourcesQuery struct {
	Page, Size int
	State      string
}

// SourcesPage is one page of sources: the page's entries, how many sources match the query, and
// the summary over every source (counts by state, totals), shown as "sources_summary".
type SourcesPage struct {
	Sources  any
	Matching int
	Summary  any
}

// sourcesPageInfo is /api/status's "sources_page".
type sourcesPageInfo struct {
	Page     int    `json:"page"`
	Size     int    `json:"size"`
	Pages    int    `json:"pages"`    // pages of Matching sources; 0 when none match
	Matching int    `json:"matching"` // sources in State (all sources when State is "")
	State    string `json:"state,omitempty"`
}

// sourcesQuery reads /api/status's paging parameters.
func sourcesQuery(p *params) (SourcesQuery, error) {
	q := SourcesQuery{
		Page:  p.int("page", 1, 1, 1_000_000),
		Size:  p.int("size", defaultSourcesPageSize, 1, maxSourcesPageSize),
		State: p.choice("state", "", "ok", "error", "never_polled"),
	}
	return q, p.err
}

// addSources sets "sources", "sources_page" and "sources_summary" in v from cfg.Sources; without
// it v is left as Status made it.
func (s *server) addSources(q SourcesQuery, v map[string]any) error {
	if s.cfg.Sources == nil {
		return nil
	}
	page, err := s.cfg.Sources(q)
	if err != nil {
		return fmt.Errorf("sources: %w", err)
	}
	v["sources"] = page.Sources
	v["sources_page"] = sourcesPageInfo{Page: q.Page, Size: q.Size, Pages: (page.Matching + q.Size - 1) / q.Size,
		Matching: page.Matching, State: q.State}
	v["sources_summary"] = page.Summary
	return nil
}
