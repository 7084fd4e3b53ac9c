package alert

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Webhook is a receiver of alert events. The body is the event as JSON (see Payload). Headers:
//
//	X-Newsmon-Event-Id: the event id. Delivery is at least once (a receiver slow to answer, or a
//	  newsmon killed between the answer and its acknowledgement, gets the event again): receivers
//	  drop an id they already processed. X-Newsmon-Event carries the same id (older name).
//	X-Newsmon-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>"> under Secret
//	  (omitted when Secret is empty); check it with VerifySignature, which also rejects a
//	  timestamp too far from now, so a captured request cannot be replayed later.
//	X-Newsmon-Signature-256: sha256=<hex HMAC-SHA256 of the body>, the signature before timestamps
//	  (it was sent as X-Newsmon-Signature), kept for receivers not yet moved to the new header.
type Webhook struct {
	URL    string   `json:"url" yaml:"url"`
	Secret string   `json:"-" yaml:"secret"`
	Rules  []string `json:"rules,omitempty" yaml:"rules"` // rule ids; empty: every rule
}

// Webhook request headers.
const (
	SignatureHeader       = "X-Newsmon-Signature"
	LegacySignatureHeader = "X-Newsmon-Signature-256"
	EventIDHeader         = "X-Newsmon-Event-Id"
)

// DefaultSignatureTolerance is how far a signature's timestamp may be from the receiver's clock.
const DefaultSignatureTolerance = 5 * time.Minute

// Sign returns the X-Newsmon-Signature value of body sent at t under secret:
// "t=<unix>,v1=<hex HMAC-SHA256 of "<unix>.<body>">".
func Sign(secret []byte, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	return "t=" + ts + ",v1=" + hex.EncodeToString(mac(secret, []byte(ts+"."), body))
}

// SignBody returns the X-Newsmon-Signature-256 value of body under secret: "sha256=<hex HMAC>".
func SignBody(secret, body []byte) string {
	return "sha256=" + hex.EncodeToString(mac(secret, body))
}

func mac(secret []byte, parts ...[]byte) []byte {
	h := hmac.New(sha256.New, secret)
	for _, p := range parts {
		h.Write(p)
	}
	return h.Sum(nil)
}

// VerifySignature checks an X-Newsmon-Signature header against body under secret (constant time):
// one of its v1 values must be the HMAC, and its timestamp within tolerance of now (0:
// DefaultSignatureTolerance). A nil error means the request is authentic and fresh.
func VerifySignature(secret, body []byte, header string, now time.Time, tolerance time.Duration) error {
	if tolerance <= 0 {
		tolerance = DefaultSignatureTolerance
	}
	var ts string
	var sigs [][]byte
	for _, part := range strings.Split(header, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			if b, err := hex.DecodeString(v); err == nil {
				sigs = append(sigs, b)
			}
		}
	}
	unix, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || len(sigs) == 0 {
		return errors.New("webhook signature: want t=<unix>,v1=<hex>")
	}
	if skew := now.Sub(time.Unix(unix, 0)).Abs(); skew > tolerance {
		return fmt.Errorf("webhook signature: timestamp %s off the clock (more than %s)", skew.Round(time.Second), tolerance)
	}
	want := mac(secret, []byte(ts+"."), body)
	for _, s := range sigs {
		if hmac.Equal(s, want) {
			return nil
		}
	}
	return errors.New("webhook signature: does not match the body")
}

// Payload is what a webhook receives.
type Payload struct {
	Type  string `json:"type"` // "alert", "digest" or "surge"
	Event Event  `json:"event"`
}

// permanentError marks a failure that retrying cannot fix (a 4xx answer other than 408 and 429).
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// maxResponseBody is how much of a webhook's answer is read (to reuse the connection).
const maxResponseBody = 64 << 10

// post sends ev to the webhook once. Errors name the target by label, not by URL: URLs may carry
// tokens, and errors end up in logs and dead letters.
func post(ctx context.Context, client *http.Client, label string, w Webhook, ev Event, now time.Time) error {
	typ := "alert"
	if ev.Mode == ModeDigest && ev.Digest != nil {
		typ = "digest"
	}
	if ev.Kind == KindSurge {
		typ = KindSurge
	}
	body, err := json.Marshal(Payload{Type: typ, Event: ev})
	if err != nil {
		return &permanentError{fmt.Errorf("encode webhook payload: %w", err)}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL, bytes.NewReader(body))
	if err != nil {
		return &permanentError{fmt.Errorf("webhook %s request: %w", label, err)}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "newsmon-alerts")
	req.Header.Set(EventIDHeader, ev.ID)
	req.Header.Set("X-Newsmon-Event", ev.ID)
	if w.Secret != "" {
		req.Header.Set(SignatureHeader, Sign([]byte(w.Secret), now, body))
		req.Header.Set(LegacySignatureHeader, SignBody([]byte(w.Secret), body))
	}
	resp, err := client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // its message repeats the URL
		}
		return fmt.Errorf("post webhook %s: %w", label, err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxResponseBody))
	_ = resp.Body.Close()
	switch c := resp.StatusCode; {
	case c >= 200 && c < 300:
		return nil
	case c == http.StatusRequestTimeout || c == http.StatusTooManyRequests || c >= 500:
		return fmt.Errorf("post webhook %s: status %d", label, c)
	default:
		return &permanentError{fmt.Errorf("post webhook %s: status %d", label, c)}
	}
}
