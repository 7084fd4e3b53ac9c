// Package redact hides the credentials that users put in service URLs (nats://user:password@host,
// https://elastic:secret@es:9200, nats://TOKEN@host) before those URLs reach a log line or an
// error message.
package redact

import (
	"context"
	"log/slog"
	"regexp"
	"strings"
)

// userinfo matches the userinfo of a URL anywhere in a text: scheme "://", then everything up to
// the last "@" before the host ends. A password may itself hold "@" or ":"; userinfo and host
// cannot hold "/", "?", "#", whitespace or a quote, so those end the match.
var userinfo = regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.\-]*://)([^/?#\s"'<>@]*(?:@[^/?#\s"'<>@]*)*)@`)

// URL returns s with the userinfo of every URL in it masked: "user:***@" when there is a
// password, "***@" when there is only one part (it may be a token). s may be one URL, a
// comma-separated list or any text (an error message).
func URL(s string) string {
	if !strings.Contains(s, "@") || !strings.Contains(s, "://") {
		return s
	}
	return userinfo.ReplaceAllStringFunc(s, func(m string) string {
		sub := userinfo.FindStringSubmatch(m)
		scheme, info := sub[1], sub[2]
		if user, _, ok := strings.Cut(info, ":"); ok && user != "" {
			return scheme + user + ":***@"
		}
		return scheme + "***@"
	})
}

// Error returns err with its message redacted by URL, still unwrapping to err (errors.Is and
// errors.As see the original). A nil or clean error is returned as is.
func Error(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if clean := URL(msg); clean != msg {
		return &redacted{err: err, msg: clean}
	}
	return err
}

type redacted struct {
	err error
	msg string
}

func (r *redacted) Error() string { return r.msg }
func (r *redacted) Unwrap() error { return r.err }

// Handler wraps h so that every record's message and attribute values (strings, errors, anything
// printed as text) pass through URL: one place that keeps credentials out of every log line.
func Handler(h slog.Handler) slog.Handler { return handler{h} }

type handler struct{ next slog.Handler }

func (h handler) Enabled(ctx context.Context, l slog.Level) bool { return h.next.Enabled(ctx, l) }

func (h handler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, URL(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(attr(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

func (h handler) WithAttrs(as []slog.Attr) slog.Handler {
	clean := make([]slog.Attr, len(as))
	for i, a := range as {
		clean[i] = attr(a)
	}
	return handler{h.next.WithAttrs(clean)}
}

func (h handler) WithGroup(name string) slog.Handler { return handler{h.next.WithGroup(name)} }

// attr redacts one attribute's value, groups included.
func attr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		if s := v.String(); strings.Contains(s, "@") {
			return slog.String(a.Key, URL(s))
		}
	case slog.KindGroup:
		g := v.Group()
		clean := make([]slog.Attr, len(g))
		for i, ga := range g {
			clean[i] = attr(ga)
		}
		return slog.Attr{Key: a.Key, Value: slog.GroupValue(clean...)}
	case slog.KindAny:
		switch x := v.Any().(type) {
		case error:
			if err := Error(x); err != x {
				return slog.Any(a.Key, err)
			}
		case interface{ String() string }:
			if s := x.String(); strings.Contains(s, "@") {
				return slog.String(a.Key, URL(s))
			}
		}
	}
	return slog.Attr{Key: a.Key, Value: v}
}
