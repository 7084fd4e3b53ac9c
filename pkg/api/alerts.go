package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/newsmon/newsmon/pkg/alert"
	"github.com/newsmon/newsmon/pkg/index"
)

func (s *server) listAlerts(w http.ResponseWriter, r *http.Request) {
	rules, err := s.cfg.Rules.List(r.Context())
	if err != nil {
		s.log.Warn("list alert rules failed", "err", err)
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": len(rules), "alerts": rules})
}

// decodeRule reads a rule from the body; a rule that does not say otherwise is enabled.
func decodeRule(w http.ResponseWriter, r *http.Request) (alert.Rule, error) {
	rule := alert.Rule{Enabled: true}
	if err := decodeBody(w, r, &rule); err != nil {
		return rule, err
	}
	return rule, rule.Validate()
}

// readRule decodes and checks a rule, answering 400 itself when it is not acceptable: invalid, or
// naming places or event types nothing can match ({"error", "suggestions"}).
func (s *server) readRule(w http.ResponseWriter, r *http.Request) (alert.Rule, bool) {
	rule, err := decodeRule(w, r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return rule, false
	}
	if err := s.checkNames(r.Context(), rule); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": err.Error(), "suggestions": err.Suggestions()})
		return rule, false
	}
	return rule, true
}

// checkNames refuses a rule's unknown places, regions and event types. A place the gazetteer does
// not know still passes when indexed articles carry it: names the resolver leaves unresolved
// ("Middle East") match by name, and those rules do fire.
func (s *server) checkNames(ctx context.Context, rule alert.Rule) *alert.UnknownNamesError {
	if s.cfg.Vocabulary == nil {
		return nil
	}
	var unknown *alert.UnknownNamesError
	if !errors.As(rule.CheckNames(*s.cfg.Vocabulary), &unknown) {
		return nil
	}
	kept := unknown.Names[:0]
	for _, n := range unknown.Names {
		if n.Field == "place" || n.Field == "region" {
			q := index.Query{Size: 1, FacetSize: -1}
			if n.Field == "place" {
				q.Place = []string{n.Value}
			} else {
				q.Region = []string{n.Value}
			}
			if res, err := s.cfg.Searcher.Search(ctx, q); err == nil && res.Total > 0 {
				continue
			}
		}
		kept = append(kept, n)
	}
	if len(kept) == 0 {
		return nil
	}
	return &alert.UnknownNamesError{Names: kept}
}

func (s *server) createAlert(w http.ResponseWriter, r *http.Request) {
	rule, ok := s.readRule(w, r)
	if !ok {
		return
	}
	if rule.ID != "" {
		if _, err := s.cfg.Rules.Get(r.Context(), rule.ID); err == nil {
			writeError(w, http.StatusConflict, "alert rule "+rule.ID+" exists; use PUT /api/alerts/"+rule.ID)
			return
		}
	}
	rule.Created = time.Time{}
	s.saveRule(w, r, rule, http.StatusCreated)
}

func (s *server) putAlert(w http.ResponseWriter, r *http.Request) {
	rule, ok := s.readRule(w, r)
	if !ok {
		return
	}
	id := r.PathValue("id")
	if rule.ID != "" && rule.ID != id {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("rule id %q differs from the path's %q", rule.ID, id))
		return
	}
	rule.ID = id
	if err := rule.Validate(); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	code := http.StatusCreated
	if old, err := s.cfg.Rules.Get(r.Context(), id); err == nil {
		rule.Created, code = old.Created, http.StatusOK
	}
	s.saveRule(w, r, rule, code)
}

func (s *server) saveRule(w http.ResponseWriter, r *http.Request, rule alert.Rule, code int) {
	saved, err := s.cfg.Rules.Put(r.Context(), rule)
	if err != nil {
		s.log.Warn("save alert rule failed", "rule_id", rule.ID, "err", err)
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	if code == http.StatusCreated {
		w.Header().Set("Location", "/api/alerts/"+saved.ID)
	}
	writeJSON(w, code, saved)
}

func (s *server) getAlert(w http.ResponseWriter, r *http.Request) {
	rule, err := s.cfg.Rules.Get(r.Context(), r.PathValue("id"))
	if s.ruleError(w, err) {
		return
	}
	writeJSON(w, http.StatusOK, rule)
}

func (s *server) deleteAlert(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if id == "" {
		id = r.URL.Query().Get("id")
	}
	if id == "" {
		writeError(w, http.StatusBadRequest, "which rule? give /api/alerts/{id} or ?id=")
		return
	}
	if s.ruleError(w, s.cfg.Rules.Delete(r.Context(), id)) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"deleted": id})
}

// ruleError answers 404 or 500 for a store error and reports whether it did.
func (s *server) ruleError(w http.ResponseWriter, err error) bool {
	switch {
	case err == nil:
		return false
	case errors.Is(err, alert.ErrNoRule):
		writeError(w, http.StatusNotFound, "alert rule not found")
	default:
		s.log.Warn("alert rule store failed", "err", err)
		writeError(w, http.StatusInternalServerError, err.Error())
	}
	return true
}

// testAlert runs a rule (not necessarily saved) against the current index and lists the
// articles it matches now, each with the reasons the matcher would give; for a surge rule also
// its counts now ("surge": alert.SurgeStatus), for a first_mention rule the entities each article
// mentions first ("new_entities").
func (s *server) testAlert(w http.ResponseWriter, r *http.Request) {
	rule, ok := s.readRule(w, r)
	if !ok {
		return
	}
	size, err := intParam(r.URL.Query(), "size", 20, 1, 100)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	q := rule.Query()
	q.Size, q.Page, q.FacetSize, q.WithText = size, 1, -1, true
	res, ok := s.run(w, r, q)
	if !ok {
		return
	}
	type testHit struct {
		hitJSON
		Matches bool     `json:"matches"` // what the live matcher would decide for this article
		Reasons []string `json:"reasons"`
		// NewEntities, for a first_mention rule, are the entities this article mentions first
		// among the articles the rule matches (what its event would announce).
		NewEntities []alert.NewEntity `json:"new_entities,omitempty"`
	}
	hits := make([]testHit, 0, len(res.Hits))
	for _, h := range res.Hits {
		th := testHit{hitJSON: toHit(h, false)}
		if h.Article != nil {
			th.Matches, th.Reasons = rule.Match(h.Article)
			if th.NewEntities, err = rule.FirstMentionsIn(r.Context(), h.Article, s.cfg.Searcher); err != nil {
				s.log.Warn("first-mention preview failed", "err", err)
				writeError(w, http.StatusInternalServerError, err.Error())
				return
			}
		}
		if th.Reasons == nil {
			th.Reasons = []string{}
		}
		hits = append(hits, th)
	}
	out := map[string]any{"total": res.Total, "hits": hits}
	if rule.Kind == alert.KindSurge {
		st, err := rule.SurgeNow(r.Context(), s.cfg.Searcher, time.Now())
		if err != nil {
			s.log.Warn("surge counts failed", "err", err)
			writeError(w, http.StatusInternalServerError, err.Error())
			return
		}
		out["surge"] = st
	}
	writeJSON(w, http.StatusOK, out)
}

// alertEvents streams fired alerts as Server-Sent Events: "event: alert" with the event JSON,
// the recent ones first when ?recent=N, a comment every heartbeat, until the client goes away.
func (s *server) alertEvents(w http.ResponseWriter, r *http.Request) {
	recent, err := intParam(r.URL.Query(), "recent", 0, 0, 1000)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	rc := http.NewResponseController(w)
	_ = rc.SetWriteDeadline(time.Time{}) // the stream outlives any server write timeout
	ctx := r.Context()
	events := s.cfg.Hub.Subscribe(ctx) // before reading Recent, so nothing falls between the two
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if _, err := fmt.Fprint(w, ": connected\nretry: 3000\n\n"); err != nil {
		return
	}
	sent := map[string]bool{}
	send := func(ev alert.Event) error {
		b, err := json.Marshal(ev)
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintf(w, "id: %s\nevent: alert\ndata: %s\n\n", ev.ID, b); err != nil {
			return err
		}
		return rc.Flush()
	}
	if recent > 0 {
		for _, ev := range s.cfg.Hub.Recent(recent) {
			sent[ev.ID] = true
			if send(ev) != nil {
				return
			}
		}
	}
	if rc.Flush() != nil {
		return
	}
	tick := time.NewTicker(s.heartbeat)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, open := <-events:
			if !open {
				return
			}
			if sent[ev.ID] { // already sent as a recent event
				delete(sent, ev.ID)
				continue
			}
			if send(ev) != nil {
				return
			}
		case t := <-tick.C:
			if _, err := fmt.Fprintf(w, ": heartbeat %s\n\n", strconv.FormatInt(t.Unix(), 10)); err != nil {
				return
			}
			if rc.Flush() != nil {
				return
			}
		}
	}
}
