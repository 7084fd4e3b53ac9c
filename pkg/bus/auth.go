package bus

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/nats-io/nats.go"

	"github.com/newsmon/newsmon/internal/redact"
)

// options turns the settings into nats.go options, checking first that the files can be read and
// the settings go together, so that a mistake is reported with the file's name at start-up.
// Over TLS without a client certificate, certRequested records that a server asked for one: one
// that requires it ends the connection after the handshake, and the error seen then is sometimes
// only a reset connection.
func (a Auth) options(tlsURL bool, certRequested *atomic.Bool) ([]nats.Option, error) {
	var opts []nats.Option
	if a.CredsFile != "" && (a.User != "" || a.Password != "") {
		return nil, errors.New("nats: give a credentials file or a user and password, not both")
	}
	if (a.User == "") != (a.Password == "") {
		return nil, errors.New("nats: a user needs a password and a password a user")
	}
	if a.User != "" {
		opts = append(opts, nats.UserInfo(a.User, a.Password))
	}
	if a.CredsFile != "" {
		data, err := os.ReadFile(a.CredsFile)
		if err != nil {
			return nil, fmt.Errorf("nats credentials file: %w", err)
		}
		switch {
		case bytes.Contains(data, []byte("BEGIN NATS USER JWT")):
			opts = append(opts, nats.UserCredentials(a.CredsFile))
		case nkeySeed(data):
			o, err := nats.NkeyOptionFromSeed(a.CredsFile)
			if err != nil {
				return nil, fmt.Errorf("nats nkey seed file %s: %w", a.CredsFile, err)
			}
			opts = append(opts, o)
		default:
			return nil, fmt.Errorf("nats credentials file %s holds neither a user JWT (.creds) nor an nkey user seed (SU…)", a.CredsFile)
		}
	}
	if (a.TLSCert == "") != (a.TLSKey == "") {
		return nil, errors.New("nats: a TLS client certificate needs its key, and a key its certificate")
	}
	if a.TLSCA != "" {
		pem, err := os.ReadFile(a.TLSCA)
		if err != nil {
			return nil, fmt.Errorf("nats TLS CA file: %w", err)
		}
		if !x509.NewCertPool().AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("nats TLS CA file %s holds no PEM certificate", a.TLSCA)
		}
		opts = append(opts, nats.RootCAs(a.TLSCA))
	}
	if a.TLSCert != "" {
		if _, err := tls.LoadX509KeyPair(a.TLSCert, a.TLSKey); err != nil {
			return nil, fmt.Errorf("nats TLS client certificate %s, key %s: %w", a.TLSCert, a.TLSKey, err)
		}
		opts = append(opts, nats.ClientCert(a.TLSCert, a.TLSKey))
	}
	if (tlsURL || a.TLSCA != "") && a.TLSCert == "" {
		opts = append(opts, func(o *nats.Options) error {
			if o.TLSConfig == nil {
				o.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
			}
			o.TLSConfig.GetClientCertificate = func(*tls.CertificateRequestInfo) (*tls.Certificate, error) {
				certRequested.Store(true)
				return &tls.Certificate{}, nil // none, as without this callback
			}
			return nil
		})
	}
	return opts, nil
}

// nkeySeed reports whether data holds an nkey user seed, alone or among other lines.
func nkeySeed(data []byte) bool {
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "SU") {
			return true
		}
	}
	return false
}

// isRefusal reports whether a connection attempt failed for a reason that retrying cannot fix:
// the server refused the credentials, or one side refused the other's TLS (an unknown authority,
// a wrong host name, a missing client certificate, TLS wanted on one side only).
func isRefusal(err error) bool {
	if err == nil {
		return false
	}
	var verify *tls.CertificateVerificationError
	var unknownCA x509.UnknownAuthorityError
	var host x509.HostnameError
	var invalid x509.CertificateInvalidError
	switch {
	case errors.Is(err, nats.ErrAuthorization), errors.Is(err, nats.ErrAuthExpired),
		errors.Is(err, nats.ErrAuthRevoked), errors.Is(err, nats.ErrAccountAuthExpired),
		errors.Is(err, nats.ErrSecureConnRequired), errors.Is(err, nats.ErrSecureConnWanted),
		errors.As(err, &verify), errors.As(err, &unknownCA), errors.As(err, &host), errors.As(err, &invalid):
		return true
	}
	// TLS alerts from the other side ("remote error: tls: certificate required") have no
	// exported type.
	return strings.Contains(err.Error(), "tls: ")
}

// refusedError is what Connect returns when the server refused the connection.
type refusedError struct {
	url string
	err error
}

func (e *refusedError) Error() string {
	return fmt.Sprintf("NATS at %s refused the connection: %v (check the NATS credentials and TLS settings)",
		redact.URL(e.url), redact.Error(e.err))
}

func (e *refusedError) Unwrap() error { return e.err }

// refusalLog remembers the last refusal logged, so that a connection retrying every 250 ms
// logs each reason once rather than four times a second.
type refusalLog struct {
	mu   sync.Mutex
	last string
}

func (r *refusalLog) changed(err error) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err.Error() == r.last {
		return false
	}
	r.last = err.Error()
	return true
}

func (r *refusalLog) clear() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.last = ""
}
