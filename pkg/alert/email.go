package alert

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/mail"
	"net/smtp"
	"net/textproto"
	"strings"
	"time"
)

// SMTPConfig says how alert e-mail is sent.
type SMTPConfig struct {
	Addr     string   `yaml:"addr"` // host:port of the SMTP server
	From     string   `yaml:"from"`
	To       []string `yaml:"to"` // recipients of every alert, besides each rule's Email
	Username string   `yaml:"username"`
	Password string   `yaml:"password"` // PLAIN auth; net/smtp sends it only over TLS or to localhost
	// Dial opens the connection; nil: a net.Dialer. Tests and SSRF guards replace it.
	Dial func(ctx context.Context, network, addr string) (net.Conn, error) `yaml:"-"`
}

// Validate reports every problem with the configuration.
func (c SMTPConfig) Validate() error {
	var errs []error
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		errs = append(errs, fmt.Errorf("addr %q: want host:port", c.Addr))
	}
	if _, err := mail.ParseAddress(c.From); err != nil {
		errs = append(errs, fmt.Errorf("from %q: %w", c.From, err))
	}
	for _, to := range c.To {
		if _, err := mail.ParseAddress(to); err != nil {
			errs = append(errs, fmt.Errorf("to %q: %w", to, err))
		}
	}
	return errors.Join(errs...)
}

// send mails ev to the recipients, upgrading to TLS when the server offers STARTTLS.
func (c *SMTPConfig) send(ctx context.Context, to []string, ev Event) error {
	host, _, _ := net.SplitHostPort(c.Addr)
	dial := c.Dial
	if dial == nil {
		dial = (&net.Dialer{}).DialContext
	}
	conn, err := dial(ctx, "tcp", c.Addr)
	if err != nil {
		return fmt.Errorf("smtp dial %s: %w", c.Addr, err)
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	cl, err := smtp.NewClient(conn, host)
	if err != nil {
		return fmt.Errorf("smtp %s: %w", c.Addr, err)
	}
	defer cl.Close()
	if ok, _ := cl.Extension("STARTTLS"); ok {
		if err := cl.StartTLS(&tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}); err != nil {
			return fmt.Errorf("smtp starttls %s: %w", c.Addr, err)
		}
	}
	if c.Username != "" {
		if err := cl.Auth(smtp.PlainAuth("", c.Username, c.Password, host)); err != nil {
			return &permanentError{fmt.Errorf("smtp auth %s: %w", c.Addr, err)}
		}
	}
	if err := cl.Mail(c.From); err != nil {
		return smtpReply(fmt.Errorf("smtp MAIL FROM: %w", err))
	}
	for _, rcpt := range to {
		if err := cl.Rcpt(rcpt); err != nil {
			return smtpReply(fmt.Errorf("smtp RCPT TO %s: %w", rcpt, err))
		}
	}
	w, err := cl.Data()
	if err != nil {
		return smtpReply(fmt.Errorf("smtp DATA: %w", err))
	}
	if _, err := w.Write(c.message(to, ev)); err != nil {
		return fmt.Errorf("smtp write message: %w", err)
	}
	if err := w.Close(); err != nil {
		return smtpReply(fmt.Errorf("smtp end message: %w", err))
	}
	return cl.Quit()
}

// smtpReply marks a 5xx reply (no such mailbox, message refused) as permanent: the server has
// said no for good, and retrying until the maximum age would only repeat it. 4xx replies (try
// later) and network errors stay retryable.
func smtpReply(err error) error {
	var te *textproto.Error
	if errors.As(err, &te) && te.Code >= 500 {
		return &permanentError{err}
	}
	return err
}

// message renders ev as a plain-text mail (CRLF line ends, headers encoded as RFC 2047).
func (c *SMTPConfig) message(to []string, ev Event) []byte {
	var b strings.Builder
	header := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	header("From", c.From)
	header("To", strings.Join(to, ", "))
	header("Subject", mime.QEncoding.Encode("utf-8", oneLine(mailSubject(ev))))
	header("Date", ev.Fired.Format(time.RFC1123Z))
	header("Message-ID", "<"+ev.ID+"@newsmon>")
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=utf-8")
	header("Content-Transfer-Encoding", "8bit")
	b.WriteString("\r\n")
	line := func(s string) {
		b.WriteString(strings.ReplaceAll(s, "\n", "\r\n"))
		b.WriteString("\r\n")
	}
	writeStory := func(title, url, source, snippet string, reasons []string) {
		line(oneLine(title))
		if source != "" {
			line(source + " · " + url)
		} else {
			line(url)
		}
		if len(reasons) > 0 {
			line("Matched: " + strings.Join(reasons, "; "))
		}
		if snippet != "" {
			line(snippet)
		}
		line("")
	}
	switch {
	case ev.Surge != nil:
		line(strings.Join(ev.Reasons, "; "))
		line("")
		for _, it := range ev.Surge.Stories {
			writeStory(it.Title, it.URL, it.Source, "", nil)
		}
	case len(ev.Digest) > 0 || ev.Dropped > 0:
		for _, it := range ev.Digest {
			writeStory(it.Title, it.URL, it.Source, it.Snippet, it.Reasons)
		}
		if ev.Dropped > 0 {
			line(fmt.Sprintf("… and %d more stories.", ev.Dropped))
		}
	default:
		writeStory(ev.Title, ev.URL, ev.Source, ev.Snippet, ev.Reasons)
	}
	line("-- ")
	line("newsmon rule " + ev.RuleID)
	return []byte(b.String()) // net/smtp's DATA writer dot-stuffs
}

// mailSubject names the rule and what fired: the story's title (with the entities it mentions
// first, for a first_mention rule), the digest's or the surge's size.
func mailSubject(ev Event) string {
	switch {
	case ev.Surge != nil:
		return fmt.Sprintf("newsmon surge: %s (%d articles in %s)", ev.RuleName, ev.Surge.Recent, ev.Surge.Window)
	case len(ev.Digest) > 0 || ev.Dropped > 0:
		return fmt.Sprintf("newsmon digest: %s (%d stories)", ev.RuleName, len(ev.Digest)+ev.Dropped)
	case len(ev.NewEntities) > 0:
		names := make([]string, len(ev.NewEntities))
		for i, e := range ev.NewEntities {
			names[i] = e.Name
		}
		return fmt.Sprintf("newsmon first mention: %s: %s — %s", ev.RuleName, strings.Join(names, ", "), ev.Title)
	case ev.Title != "":
		return "newsmon alert: " + ev.RuleName + ": " + ev.Title
	}
	return "newsmon alert: " + ev.RuleName
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
