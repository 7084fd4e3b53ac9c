package main

import (
	"bytes"
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
