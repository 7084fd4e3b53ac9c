package alert

import (
	"bufio"
	"context"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// smtpServer is a tiny in-process SMTP server: it accepts every command of one plain session and
// keeps each message's envelope and data.
type smtpServer struct {
	ln net.Listener
	// reject answers 550 to RCPT TO of these addresses; the first tempFail RCPTs get 451.
	reject   map[string]bool
	tempFail atomic.Int32

	mu   sync.Mutex
	mail []smtpMessage
}

type smtpMessage struct {
	from string
	to   []string
	data string
}

func startSMTP(t testing.TB) *smtpServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &smtpServer{ln: ln}
	t.Cleanup(func() { _ = ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go s.session(c)
		}
	}()
	return s
}

func (s *smtpServer) session(c net.Conn) {
	defer c.Close()
	r, w := bufio.NewReader(c), bufio.NewWriter(c)
	reply := func(line string) {
		_, _ = w.WriteString(line + "\r\n")
		_ = w.Flush()
	}
	reply("220 test ESMTP")
	var msg smtpMessage
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.TrimRight(line, "\r\n")
		upper := strings.ToUpper(cmd)
		switch {
		case strings.HasPrefix(upper, "EHLO"), strings.HasPrefix(upper, "HELO"):
			reply("250 test")
		case strings.HasPrefix(upper, "MAIL FROM:"):
			msg = smtpMessage{from: strings.Trim(cmd[len("MAIL FROM:"):], "<> ")}
			reply("250 ok")
		case strings.HasPrefix(upper, "RCPT TO:"):
			rcpt := strings.Trim(cmd[len("RCPT TO:"):], "<> ")
			switch {
			case s.reject[rcpt]:
				reply("550 no such mailbox")
				continue
			case s.tempFail.Add(-1) >= 0:
				reply("451 try again later")
				continue
			}
			msg.to = append(msg.to, rcpt)
			reply("250 ok")
		case upper == "DATA":
			reply("354 go on")
			var b strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				b.WriteString(strings.TrimPrefix(l, "."))
			}
			msg.data = b.String()
			s.mu.Lock()
			s.mail = append(s.mail, msg)
			s.mu.Unlock()
			reply("250 queued")
		case upper == "QUIT":
			reply("221 bye")
			return
		default:
			reply("250 ok")
		}
	}
}

func (s *smtpServer) messages() []smtpMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]smtpMessage(nil), s.mail...)
}

func TestEmailDelivery(t *testing.T) {
	srv := startSMTP(t)
	ctx := context.Background()
	store := NewStore(NewMemoryKV())
	r, err := store.Put(ctx, Rule{Name: "Jiangsu watch", Region: []string{"Jiangsu"}, Email: []string{"desk@example.org"}, Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	b := startAlertBus(t, t.TempDir())
	d := startDeliverer(t, DelivererConfig{Bus: b.Bus, Rules: store,
		SMTP: &SMTPConfig{Addr: srv.ln.Addr().String(), From: "newsmon@example.org", To: []string{"all@example.org"}}})
	b.publish(t, Event{ID: r.ID + ".a1", RuleID: r.ID, RuleName: r.Name, Title: "Wuxi lands chip plant",
		URL: "https://x.example/1", Source: "x.example", Snippet: "… plant in Wuxi, Jiangsu …\n.", Reasons: []string{"region Jiangsu via Wuxi"}})
	waitFor(t, "mail", func() bool { return len(srv.messages()) == 1 })
	m := srv.messages()[0]
	if m.from != "newsmon@example.org" || strings.Join(m.to, ",") != "all@example.org,desk@example.org" {
		t.Errorf("envelope %s → %v", m.from, m.to)
	}
	for _, want := range []string{"Subject: newsmon alert: Jiangsu watch: Wuxi lands chip plant\r\n", "https://x.example/1",
		"Matched: region Jiangsu via Wuxi", "plant in Wuxi, Jiangsu"} {
		if !strings.Contains(m.data, want) {
			t.Errorf("message lacks %q:\n%s", want, m.data)
		}
	}
	// The receiver has the message before the deliverer has its answer and counts it.
	waitFor(t, "delivery counted", func() bool { return d.Stats()["email"].Delivered == 1 })
}

// TestEmailRetriesAndRefusals: a 4xx reply is retried until the mail goes out; a 5xx reply (no
// such mailbox) is dead-lettered at once with the server's answer.
func TestEmailRetriesAndRefusals(t *testing.T) {
	srv := startSMTP(t)
	srv.reject = map[string]bool{"gone@example.org": true}
	srv.tempFail.Store(2)
	ctx := context.Background()
	store := NewStore(NewMemoryKV())
	ok, err := store.Put(ctx, Rule{Name: "ok", Text: "chips", Email: []string{"desk@example.org"}, Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	gone, err := store.Put(ctx, Rule{Name: "gone", Text: "chips", Email: []string{"gone@example.org"}, Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	b := startAlertBus(t, t.TempDir())
	d := startDeliverer(t, DelivererConfig{Bus: b.Bus, Rules: store,
		SMTP: &SMTPConfig{Addr: srv.ln.Addr().String(), From: "newsmon@example.org"}})
	b.publish(t, Event{ID: ok.ID + ".a1", RuleID: ok.ID, RuleName: ok.Name})
	waitFor(t, "mail after two 451s", func() bool { return d.Stats()["email"].Delivered == 1 })
	b.publish(t, Event{ID: gone.ID + ".a1", RuleID: gone.ID, RuleName: gone.Name})
	waitFor(t, "dead letter", func() bool { return d.Stats()["email"].DeadLettered == 1 })
	if s := d.Stats()["email"]; s.Failed != 3 {
		t.Errorf("stats = %+v; want 3 failed attempts (two 451, one 550)", s)
	}
	dls := b.deadLetters(t)
	if len(dls) != 1 || !strings.Contains(dls[0].Reason, "550") || dls[0].Subject != "newsmon.dead.notify.email" {
		t.Errorf("dead letters = %+v; want one on notify.email with the 550", dls)
	}
}
