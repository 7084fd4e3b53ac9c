package main

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/netguard"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// Issue #20: notify.allow_networks, opened for the operator's own receiver, opened internal
// addresses to every rule created through the API too. API rules now have their own policy.
func TestAPIRuleWebhooksGetTheirOwnNetworkPolicy(t *testing.T) {
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits[r.URL.Path]++ }))
	defer srv.Close()
	loopbackOnly := []string{"127.0.0.0/8", "::1"}
	tests := []struct {
		name    string
		notify  pipeline.NotifySpec
		alerts  []pipeline.AlertSpec
		url     string
		blocked bool
	}{
		{"operator's hook, network opened", pipeline.NotifySpec{AllowNetworks: loopbackOnly, Webhooks: []pipeline.WebhookSpec{{URL: srv.URL + "/ops"}}}, nil, srv.URL + "/ops", false},
		{"pipeline rule's own hook", pipeline.NotifySpec{AllowNetworks: loopbackOnly}, []pipeline.AlertSpec{{Name: "a", Webhook: strings.ToUpper(srv.URL[:7]) + srv.URL[7:] + "/rule"}}, srv.URL + "/rule", false},
		{"API rule's hook on the opened network", pipeline.NotifySpec{AllowNetworks: loopbackOnly, Webhooks: []pipeline.WebhookSpec{{URL: srv.URL + "/ops"}}}, nil, srv.URL + "/internal-admin", true},
		{"API rule's hook, rule networks opened", pipeline.NotifySpec{RuleAllowNetworks: loopbackOnly}, nil, srv.URL + "/api-rule", false},
		{"nothing opened", pipeline.NotifySpec{}, nil, srv.URL + "/x", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := webhookClient(&pipeline.Spec{Notify: tc.notify, Alerts: tc.alerts}, 5*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := c.Post(tc.url, "application/json", strings.NewReader("{}"))
			if err == nil {
				resp.Body.Close()
			}
			if got := errors.Is(err, netguard.ErrBlocked); got != tc.blocked {
				t.Errorf("POST %s: err = %v, want blocked %v", tc.url, err, tc.blocked)
			}
		})
	}
	if hits["/internal-admin"] != 0 || hits["/x"] != 0 || hits["/ops"] != 1 {
		t.Errorf("receiver saw %v", hits)
	}
	if _, err := webhookClient(&pipeline.Spec{Notify: pipeline.NotifySpec{RuleAllowNetworks: []string{"nope"}}}, time.Second); err == nil {
		t.Error("a bad rule_allow_networks entry was accepted")
	}
}
