package main

import (
	"bytes"
	"errors"
	"flag"
	"strings"
	"testing"
)

// TestLoggerLevelAppliesToAnyWriter checks that --log-level filters what is logged whatever stderr
// is: a test's buffer or a pipe, not only a terminal or a file.
func TestLoggerLevelAppliesToAnyWriter(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		level      string
		wantDebug  bool
		wantInfo   bool
		wantWarn   bool
		wantSecret bool
	}{
		{level: "debug", wantDebug: true, wantInfo: true, wantWarn: true},
		{level: "info", wantInfo: true, wantWarn: true},
		{level: "warn", wantWarn: true},
		{level: "error"},
		{level: "nonsense", wantInfo: true, wantWarn: true}, // unknown: info
	} {
		var buf bytes.Buffer
		o := options{logLevel: tc.level}
		log := o.logger(&buf)
		log.Debug("debug line")
		log.Info("info line")
		log.Warn("warn line", "url", "https://user:hunter2@example.com/")
		out := buf.String()
		for msg, want := range map[string]bool{"debug line": tc.wantDebug, "info line": tc.wantInfo,
			"warn line": tc.wantWarn, "hunter2": tc.wantSecret} {
			if got := strings.Contains(out, msg); got != want {
				t.Errorf("--log-level %s: %q logged = %v, want %v; output:\n%s", tc.level, msg, got, want, out)
			}
		}
	}
}

// TestFlagGroups checks which flags each group adds, and that index's --http is off by default
// (serving is an extra there) while serve's listens on loopback.
func TestFlagGroups(t *testing.T) {
	t.Setenv("NEWSMON_HTTP", "")
	common := []string{"data", "nats-url", "nats-creds", "nats-user", "nats-password", "nats-tls-ca",
		"nats-tls-cert", "nats-tls-key", "nats-replicas", "es-url", "es-index", "es-replicas", "index-period", "index-retain", "ack-wait", "log-level"}
	httpNames := []string{"http", "api-token", "api-read-token", "rate-limit", "trust-proxy"}
	for _, tc := range []struct {
		name     string
		groups   flagGroup
		want     []string
		httpAddr string
	}{
		{"crawl", pipelineFlags, []string{"pipeline", "demo"}, ""},
		{"extract", pipelineFlags | workerFlags, []string{"pipeline", "demo", "workers"}, ""},
		{"index", pipelineFlags | httpOptionalFlags, append([]string{"pipeline", "demo"}, httpNames...), ""},
		{"serve", httpFlags | pipelineFlags, append([]string{"pipeline", "demo"}, httpNames...), "127.0.0.1:8080"},
		{"run", httpFlags | pipelineFlags | workerFlags | listenFlags,
			append([]string{"pipeline", "demo", "workers", "nats-listen"}, httpNames...), "127.0.0.1:8080"},
	} {
		var o options
		fs := newFlagSet(tc.name, &bytes.Buffer{})
		o.register(fs, tc.groups)
		want := map[string]bool{}
		for _, n := range append(common, tc.want...) {
			want[n] = true
			if fs.Lookup(n) == nil {
				t.Errorf("%s: no --%s", tc.name, n)
			}
		}
		fs.VisitAll(func(f *flag.Flag) {
			if !want[f.Name] {
				t.Errorf("%s: unexpected --%s", tc.name, f.Name)
			}
		})
		if f := fs.Lookup("http"); f != nil && f.DefValue != tc.httpAddr {
			t.Errorf("%s: --http defaults to %q, want %q", tc.name, f.DefValue, tc.httpAddr)
		}
	}
}

// TestIndexLayoutFlags: an unknown period, a negative retention and a retention without a period
// are usage errors; the monthly layout with or without retention is accepted.
func TestIndexLayoutFlags(t *testing.T) {
	for _, tc := range []struct {
		period string
		retain int
		ok     bool
	}{{"", 0, true}, {"month", 0, true}, {"month", 12, true}, {"week", 0, false}, {"", 6, false}, {"month", -1, false}} {
		o := options{indexPeriod: tc.period, indexRetain: tc.retain}
		err := o.checkIndexLayout()
		var ue usageError
		if (err == nil) != tc.ok || (err != nil && !errors.As(err, &ue)) {
			t.Errorf("--index-period %q --index-retain %d: %v; want ok %v (else a usage error)", tc.period, tc.retain, err, tc.ok)
		}
	}
}
