package bus

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// Embedded is a NATS server with JetStream running inside this process, storing under a folder,
// for the single-machine default. Other newsmon processes can join it at URL with its
// Credentials. It never accepts a client without them: anyone who can open a connection to it
// could otherwise rewrite the alert rules (a webhook of theirs on every alert) or inject articles.
type Embedded struct {
	srv   *server.Server
	creds Credentials
}

// EmbeddedConfig configures StartEmbedded.
type EmbeddedConfig struct {
	StoreDir string // JetStream storage; must persist across restarts to resume
	Host     string // default 127.0.0.1: never listen beyond the machine unless asked
	Port     int    // 0 picks a free port
	// CredentialsFile keeps the user and password every client must present (see
	// LoadOrCreateCredentials): made with a random password on the first start, read back on
	// later ones, so workers in other processes keep joining across restarts. Empty: a random
	// password for this server's life only, known to this process alone (tests, benchmarks).
	CredentialsFile string
}

// Credentials are a NATS user name and password.
type Credentials struct {
	User     string
	Password string
}

// Environment variable names in a credentials file; the same ones configure a worker, so that
// a worker started with the file in its environment joins the server (see README).
const (
	EnvUser     = "NEWSMON_NATS_USER"
	EnvPassword = "NEWSMON_NATS_PASSWORD"
)

// embeddedUser is the user name of generated credentials.
const embeddedUser = "newsmon"

// StartEmbedded starts the server and waits until it accepts connections.
func StartEmbedded(cfg EmbeddedConfig) (*Embedded, error) {
	if cfg.StoreDir == "" {
		return nil, errors.New("embedded nats: StoreDir is required")
	}
	if cfg.Host == "" {
		cfg.Host = "127.0.0.1"
	}
	port := cfg.Port
	if port == 0 {
		port = server.RANDOM_PORT
	}
	var creds Credentials
	if cfg.CredentialsFile != "" {
		c, err := LoadOrCreateCredentials(cfg.CredentialsFile)
		if err != nil {
			return nil, fmt.Errorf("embedded nats: %w", err)
		}
		creds = c
	} else {
		c, err := newCredentials()
		if err != nil {
			return nil, fmt.Errorf("embedded nats: %w", err)
		}
		creds = c
	}
	opts := &server.Options{
		ServerName: "newsmon-embedded",
		Host:       cfg.Host,
		Port:       port,
		JetStream:  true,
		StoreDir:   cfg.StoreDir,
		NoLog:      true,
		NoSigs:     true,
		// Articles are a few hundred KiB at most; leave headroom for big pages.
		MaxPayload: 8 << 20,
		// One user, in the global account (where JetStream and the KV buckets live), for every
		// client, in-process ones included.
		Users: []*server.User{{Username: creds.User, Password: creds.Password}},
	}
	srv, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("embedded nats: %w", err)
	}
	srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		srv.Shutdown()
		return nil, errors.New("embedded nats: not ready after 10s")
	}
	return &Embedded{srv: srv, creds: creds}, nil
}

// URL is the server's address, without credentials: what to show and log.
func (e *Embedded) URL() string { return e.srv.ClientURL() }

// Credentials are what a client must present.
func (e *Embedded) Credentials() Credentials { return e.creds }

// ClientURL is URL with the credentials in it (nats://user:password@host:port), ready for a
// client in this process to dial. It holds the password: never log or print it.
func (e *Embedded) ClientURL() string {
	u, err := url.Parse(e.srv.ClientURL())
	if err != nil { // the server formats its own URL; cannot happen
		return e.srv.ClientURL()
	}
	u.User = url.UserPassword(e.creds.User, e.creds.Password)
	return u.String()
}

// Shutdown stops the server and waits for it to finish writing.
func (e *Embedded) Shutdown() {
	e.srv.Shutdown()
	e.srv.WaitForShutdown()
}

// newCredentials makes a user with a random 192-bit password, hex so that it needs no escaping
// in a URL, a shell or a config file.
func newCredentials() (Credentials, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return Credentials{}, fmt.Errorf("random password: %w", err)
	}
	return Credentials{User: embeddedUser, Password: hex.EncodeToString(b)}, nil
}

// LoadOrCreateCredentials reads the credentials kept in path, or, when there is no such file,
// makes new ones and writes them there, readable by the owner only (mode 0600). The file is in
// environment-file form,
//
//	NEWSMON_NATS_USER=newsmon
//	NEWSMON_NATS_PASSWORD=…
//
// so that a worker can be given it as is (`set -a; . FILE`, docker's env_file). A file that other
// users may read is refused, as ssh refuses a private key: the password may have leaked, and
// `chmod 600` (or deleting the file, which makes new credentials) is the user's decision.
func LoadOrCreateCredentials(path string) (Credentials, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		c, err := newCredentials()
		if err != nil {
			return Credentials{}, err
		}
		if err := writeCredentials(path, c); err != nil {
			return Credentials{}, err
		}
		return c, nil
	}
	if err != nil {
		return Credentials{}, fmt.Errorf("credentials file: %w", err)
	}
	if runtime.GOOS != "windows" { // no group and other permission bits there
		info, err := os.Stat(path)
		if err != nil {
			return Credentials{}, fmt.Errorf("credentials file: %w", err)
		}
		if perm := info.Mode().Perm(); perm&0o077 != 0 {
			return Credentials{}, fmt.Errorf("credentials file %s may be read by other users (mode %04o): run chmod 600 %s, or delete it to make new credentials", path, perm, path)
		}
	}
	c, err := parseCredentials(data)
	if err != nil {
		return Credentials{}, fmt.Errorf("credentials file %s: %w (delete it to make new credentials)", path, err)
	}
	return c, nil
}

func writeCredentials(path string, c Credentials) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Credentials of newsmon's embedded NATS server, made on its first start (%s).\n", time.Now().UTC().Format(time.DateOnly))
	fmt.Fprintf(&b, "# Every client must present them. A worker in another process joins with them in its\n")
	fmt.Fprintf(&b, "# environment: set -a; . %s; set +a; newsmon extract --nats-url nats://HOST:PORT\n", filepath.Base(path))
	fmt.Fprintf(&b, "%s=%s\n%s=%s\n", EnvUser, c.User, EnvPassword, c.Password)
	// Written under a temporary name (created with mode 0600) and renamed, so that a crash
	// leaves either no file or a whole one.
	tmp, err := os.CreateTemp(filepath.Dir(path), ".nats-credentials-*")
	if err != nil {
		return fmt.Errorf("write credentials: %w", err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if err := tmp.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		_ = tmp.Close()
		return fmt.Errorf("write credentials: %w", err)
	}
	if _, err := tmp.Write(b.Bytes()); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("write credentials: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("write credentials: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write credentials: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write credentials: %w", err)
	}
	return nil
}

// parseCredentials reads KEY=VALUE lines (comments, blank lines and optional quotes allowed).
func parseCredentials(data []byte) (Credentials, error) {
	var c Credentials
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, ok := strings.Cut(strings.TrimPrefix(line, "export "), "=")
		if !ok {
			continue
		}
		value = strings.Trim(strings.TrimSpace(value), `"'`)
		switch strings.TrimSpace(key) {
		case EnvUser:
			c.User = value
		case EnvPassword:
			c.Password = value
		}
	}
	if c.User == "" || c.Password == "" {
		return Credentials{}, fmt.Errorf("no %s and %s in it", EnvUser, EnvPassword)
	}
	return c, nil
}
