package main

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/newsmon/newsmon/internal/netguard"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// webhookClient sends alert webhooks under two network policies. The URLs the operator wrote in
// the pipeline file (notify.webhooks and the alerts' own webhooks) may reach the networks
// notify.allow_networks opens; every other URL — the webhooks of rules created through the API —
// gets notify.rule_allow_networks, by default public addresses only. Opening a private network for
// the operator's own receiver must not open it to anyone who can create a rule.
func webhookClient(spec *pipeline.Spec, timeout time.Duration) (*http.Client, error) {
	var operatorNets, ruleNets []string
	trusted := map[string]bool{}
	if spec != nil {
		operatorNets, ruleNets = spec.Notify.AllowNetworks, spec.Notify.RuleAllowNetworks
		for _, w := range spec.Notify.Webhooks {
			trusted[webhookKey(w.URL)] = true
		}
		for _, a := range spec.Alerts {
			if a.Webhook != "" {
				trusted[webhookKey(a.Webhook)] = true
			}
		}
	}
	operatorAllow, err := netguard.ParseAllow(operatorNets)
	if err != nil {
		return nil, fmt.Errorf("notify.allow_networks: %w", err)
	}
	ruleAllow, err := netguard.ParseAllow(ruleNets)
	if err != nil {
		return nil, fmt.Errorf("notify.rule_allow_networks: %w", err)
	}
	// Redirects are not followed (netguard's Client with 0 redirects), so the URL a request is
	// routed by is the URL it reaches.
	client := netguard.Policy{Allow: ruleAllow}.Client(timeout, 0)
	client.Transport = policyRouter{
		trusted:  trusted,
		operator: netguard.Policy{Allow: operatorAllow}.Transport(),
		rules:    netguard.Policy{Allow: ruleAllow}.Transport(),
	}
	return client, nil
}

// webhookKey compares webhook URLs: the scheme and host are case-insensitive.
func webhookKey(u string) string {
	scheme, rest, ok := strings.Cut(strings.TrimSpace(u), "://")
	if !ok {
		return u
	}
	host, path, _ := strings.Cut(rest, "/")
	return strings.ToLower(scheme) + "://" + strings.ToLower(host) + "/" + path
}

// policyRouter sends a request through the operator's transport when its URL is one the operator
// configured, and through the rules' transport otherwise.
type policyRouter struct {
	trusted         map[string]bool
	operator, rules http.RoundTripper
}

func (p policyRouter) RoundTrip(r *http.Request) (*http.Response, error) {
	if p.trusted[webhookKey(r.URL.String())] {
		return p.operator.RoundTrip(r)
	}
	return p.rules.RoundTrip(r)
}
