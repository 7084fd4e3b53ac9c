package bus_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"log/slog"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/jwt/v2"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nkeys"

	"github.com/newsmon/newsmon/internal/testutil"
	"github.com/newsmon/newsmon/pkg/bus"
)

// TestEmbeddedServerRequiresCredentials: the embedded server makes credentials on its first
// start (a 0600 file), reuses them on the next, and refuses every client without them — a
// connection, and so a publish of an article or a write of an alert rule — while newsmon's own
// client, with them, works.
func TestEmbeddedServerRequiresCredentials(t *testing.T) {
	dir := t.TempDir()
	credsFile := filepath.Join(dir, "nats-credentials.env")
	cfg := bus.EmbeddedConfig{StoreDir: filepath.Join(dir, "nats"), CredentialsFile: credsFile}
	srv, err := bus.StartEmbedded(cfg)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(credsFile)
	if err != nil {
		t.Fatalf("no credentials file after the first start: %v", err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("credentials file mode %04o, want 0600", perm)
	}
	creds := srv.Credentials()
	if creds.User == "" || len(creds.Password) < 32 {
		t.Fatalf("weak credentials %q/%d characters", creds.User, len(creds.Password))
	}
	if strings.Contains(srv.URL(), creds.Password) {
		t.Errorf("URL() shows the password: %s", srv.URL())
	}
	checkRefused(t, srv.URL(), creds)

	// Restarted on the same data, the server keeps the credentials: workers keep joining.
	srv.Shutdown()
	if srv, err = bus.StartEmbedded(cfg); err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	if srv.Credentials() != creds {
		t.Fatal("credentials changed across a restart")
	}
	checkRefused(t, srv.URL(), creds)
}

// checkRefused: without credentials, or with a wrong password, the server at url refuses the
// connection, so nothing can be published or written; with creds, newsmon works there.
func checkRefused(t *testing.T, url string, creds bus.Credentials) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for name, opts := range map[string][]nats.Option{
		"no credentials": nil,
		"wrong password": {nats.UserInfo(creds.User, creds.Password+"x")},
	} {
		nc, err := nats.Connect(url, opts...)
		if err == nil {
			// Were it let in, this would be an injected article.
			pubErr := nc.Publish(bus.SubjectFetched, []byte(`{"id":"injected"}`))
			nc.Close()
			t.Fatalf("%s: connected (publish: %v)", name, pubErr)
		}
		if !errors.Is(err, nats.ErrAuthorization) {
			t.Errorf("%s: %v, want an authorization violation", name, err)
		}
	}
	// newsmon's own client without credentials gives up at once, saying why.
	start := time.Now()
	_, err := bus.Connect(ctx, bus.Config{URL: url}, nil)
	t.Logf("without credentials: %v", err)
	if !errors.Is(err, nats.ErrAuthorization) || !strings.Contains(err.Error(), "refused") {
		t.Errorf("Connect without credentials: %v, want a refusal", err)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("Connect without credentials took %s to fail", took)
	}
	// With them, articles and rules go through.
	b, err := bus.Connect(ctx, bus.Config{URL: url, Auth: bus.Auth{User: creds.User, Password: creds.Password}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, err := b.Publish(ctx, bus.SubjectFetched, "a1.fetched", []byte(`{"id":"a1"}`), nil); err != nil {
		t.Fatal(err)
	}
	kv, err := b.KV(ctx, bus.BucketAlertRules, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := kv.Put(ctx, "rule-1", []byte(`{}`)); err != nil {
		t.Fatal(err)
	}
}

// TestCredentialsFileReadableByOthersIsRefused: a credentials file whose mode lets other users
// read it may have leaked; the server does not start on it and says how to fix it.
func TestCredentialsFileReadableByOthersIsRefused(t *testing.T) {
	dir := t.TempDir()
	credsFile := filepath.Join(dir, "creds")
	if err := os.WriteFile(credsFile, []byte(bus.EnvUser+"=newsmon\n"+bus.EnvPassword+"=secret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(credsFile, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := bus.StartEmbedded(bus.EmbeddedConfig{StoreDir: filepath.Join(dir, "nats"), CredentialsFile: credsFile})
	if err == nil || !strings.Contains(err.Error(), "chmod 600 "+credsFile) {
		t.Fatalf("started on a world-readable credentials file: %v", err)
	}
}

func TestLoadCredentialsParsesEnvFile(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       bus.Credentials
		wantErr    bool
	}{
		{name: "plain", text: "# comment\nNEWSMON_NATS_USER=u\nNEWSMON_NATS_PASSWORD=p\n", want: bus.Credentials{User: "u", Password: "p"}},
		{name: "export and quotes", text: "export NEWSMON_NATS_USER=\"u\"\nexport NEWSMON_NATS_PASSWORD='p w'\n", want: bus.Credentials{User: "u", Password: "p w"}},
		{name: "no password", text: "NEWSMON_NATS_USER=u\n", wantErr: true},
		{name: "empty", text: "", wantErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "creds")
			if err := os.WriteFile(path, []byte(tc.text), 0o600); err != nil {
				t.Fatal(err)
			}
			got, err := bus.LoadOrCreateCredentials(path)
			if (err != nil) != tc.wantErr || got != tc.want {
				t.Errorf("got %+v, %v; want %+v (error: %v)", got, err, tc.want, tc.wantErr)
			}
		})
	}
}

// startServer starts a real nats-server with JetStream in this process, configured by edit.
func startServer(t *testing.T, edit func(*server.Options)) *server.Server {
	t.Helper()
	opts := &server.Options{Host: "127.0.0.1", Port: server.RANDOM_PORT, JetStream: true,
		StoreDir: t.TempDir(), NoLog: true, NoSigs: true}
	edit(opts)
	srv, err := server.NewServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats-server not ready")
	}
	t.Cleanup(func() { srv.Shutdown(); srv.WaitForShutdown() })
	return srv
}

// connectOutcome connects newsmon to url with cfg's auth and reports the error, if any.
func connectOutcome(t *testing.T, url string, auth bus.Auth) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	b, err := bus.Connect(ctx, bus.Config{URL: url, Auth: auth}, nil)
	if err != nil {
		return err
	}
	defer b.Close()
	_, err = b.Publish(ctx, bus.SubjectFetched, "a1.fetched", []byte(`{"id":"a1"}`), nil)
	return err
}

// TestConnectWithNkeySeedFile: --nats-creds takes a file holding an nkey user seed, for a
// server that authenticates nkeys (the secret never crosses the network).
func TestConnectWithNkeySeedFile(t *testing.T) {
	user, err := nkeys.CreateUser()
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := user.PublicKey()
	seed, _ := user.Seed()
	seedFile := filepath.Join(t.TempDir(), "user.nk")
	if err := os.WriteFile(seedFile, append(seed, '\n'), 0o600); err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, func(o *server.Options) { o.Nkeys = []*server.NkeyUser{{Nkey: pub}} })
	if err := connectOutcome(t, srv.ClientURL(), bus.Auth{CredsFile: seedFile}); err != nil {
		t.Fatalf("with the seed: %v", err)
	}
	if err := connectOutcome(t, srv.ClientURL(), bus.Auth{}); !errors.Is(err, nats.ErrAuthorization) {
		t.Errorf("without the seed: %v, want an authorization violation", err)
	}
	notCreds := filepath.Join(t.TempDir(), "x")
	_ = os.WriteFile(notCreds, []byte("hello"), 0o600)
	if err := connectOutcome(t, srv.ClientURL(), bus.Auth{CredsFile: notCreds}); err == nil || !strings.Contains(err.Error(), "neither") {
		t.Errorf("a file that is no credentials: %v", err)
	}
}

// TestConnectOverTLS: with --nats-tls-ca newsmon trusts a server certified by that authority,
// and with --nats-tls-cert/--nats-tls-key it proves itself to a server that verifies clients;
// without the CA, or without the client certificate, the connection is refused at once.
func TestConnectOverTLS(t *testing.T) {
	dir := t.TempDir()
	pki := newTestPKI(t, dir)
	srv := startServer(t, func(o *server.Options) {
		cfg, err := server.GenTLSConfig(&server.TLSConfigOpts{CertFile: pki.serverCert, KeyFile: pki.serverKey,
			CaFile: pki.ca, Verify: true})
		if err != nil {
			t.Fatal(err)
		}
		o.TLSConfig, o.TLSVerify, o.TLSTimeout = cfg, true, 2
		o.Users = []*server.User{{Username: "newsmon", Password: "s3cret"}}
	})
	url := srv.ClientURL()
	full := bus.Auth{User: "newsmon", Password: "s3cret", TLSCA: pki.ca, TLSCert: pki.clientCert, TLSKey: pki.clientKey}
	if err := connectOutcome(t, url, full); err != nil {
		t.Fatalf("with CA, client certificate and password: %v", err)
	}
	noCA := full
	noCA.TLSCA = ""
	noCert := full
	noCert.TLSCert, noCert.TLSKey = "", ""
	for name, auth := range map[string]bus.Auth{"without the CA": noCA, "without the client certificate": noCert} {
		start := time.Now()
		err := connectOutcome(t, url, auth)
		t.Logf("%s: %v", name, err)
		if err == nil || !strings.Contains(err.Error(), "refused") {
			t.Errorf("%s: %v, want a refusal", name, err)
		}
		if took := time.Since(start); took > 10*time.Second {
			t.Errorf("%s: took %s to fail", name, took)
		}
	}
	if err := connectOutcome(t, url, bus.Auth{TLSCert: pki.clientCert}); err == nil || !strings.Contains(err.Error(), "needs its key") {
		t.Errorf("certificate without key: %v", err)
	}
	if err := connectOutcome(t, url, bus.Auth{TLSCA: filepath.Join(dir, "missing.pem")}); err == nil || !strings.Contains(err.Error(), "missing.pem") {
		t.Errorf("missing CA file: %v", err)
	}
}

type testPKI struct{ ca, serverCert, serverKey, clientCert, clientKey string }

// newTestPKI makes a self-signed certificate authority and, signed by it, a certificate for a
// server on 127.0.0.1 and one for a client, as PEM files in dir.
func newTestPKI(t *testing.T, dir string) testPKI {
	t.Helper()
	newKey := func() *ecdsa.PrivateKey {
		k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	writePEM := func(name, typ string, der []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	writeKey := func(name string, k *ecdsa.PrivateKey) string {
		der, err := x509.MarshalPKCS8PrivateKey(k)
		if err != nil {
			t.Fatal(err)
		}
		return writePEM(name, "PRIVATE KEY", der)
	}
	now := time.Now()
	caKey := newKey()
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "newsmon test CA"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caCert, err := x509.ParseCertificate(caDER)
	if err != nil {
		t.Fatal(err)
	}
	leaf := func(serial int64, name string, usage x509.ExtKeyUsage, ips []net.IP) ([]byte, *ecdsa.PrivateKey) {
		k := newKey()
		tmpl := &x509.Certificate{SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: name},
			NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour), KeyUsage: x509.KeyUsageDigitalSignature,
			ExtKeyUsage: []x509.ExtKeyUsage{usage}, IPAddresses: ips}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, caCert, &k.PublicKey, caKey)
		if err != nil {
			t.Fatal(err)
		}
		return der, k
	}
	srvDER, srvKey := leaf(2, "nats", x509.ExtKeyUsageServerAuth, []net.IP{net.ParseIP("127.0.0.1")})
	cliDER, cliKey := leaf(3, "newsmon", x509.ExtKeyUsageClientAuth, nil)
	return testPKI{
		ca:         writePEM("ca.pem", "CERTIFICATE", caDER),
		serverCert: writePEM("server.pem", "CERTIFICATE", srvDER), serverKey: writeKey("server-key.pem", srvKey),
		clientCert: writePEM("client.pem", "CERTIFICATE", cliDER), clientKey: writeKey("client-key.pem", cliKey),
	}
}

// TestConnectWithJWTCredsFile: --nats-creds takes the .creds file of a server in operator mode
// (decentralised JWT auth, as `nsc` sets it up), with JetStream enabled for the user's account.
func TestConnectWithJWTCredsFile(t *testing.T) {
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	operator, err := nkeys.CreateOperator()
	must(err)
	opPub, _ := operator.PublicKey()
	opClaims := jwt.NewOperatorClaims(opPub)
	opJWT, err := opClaims.Encode(operator)
	must(err)
	opDecoded, err := jwt.DecodeOperatorClaims(opJWT)
	must(err)
	newAccount := func(jetStream bool) (nkeys.KeyPair, string, string) {
		kp, err := nkeys.CreateAccount()
		must(err)
		pub, _ := kp.PublicKey()
		c := jwt.NewAccountClaims(pub)
		if jetStream {
			c.Limits.JetStreamLimits = jwt.JetStreamLimits{MemoryStorage: -1, DiskStorage: -1, Streams: -1, Consumer: -1}
		}
		token, err := c.Encode(operator)
		must(err)
		return kp, pub, token
	}
	_, sysPub, sysJWT := newAccount(false)
	account, accPub, accJWT := newAccount(true)
	user, err := nkeys.CreateUser()
	must(err)
	userPub, _ := user.PublicKey()
	userJWT, err := jwt.NewUserClaims(userPub).Encode(account)
	must(err)
	seed, _ := user.Seed()
	creds, err := jwt.FormatUserConfig(userJWT, seed)
	must(err)
	credsFile := filepath.Join(t.TempDir(), "newsmon.creds")
	must(os.WriteFile(credsFile, creds, 0o600))

	resolver := &server.MemAccResolver{}
	must(resolver.Store(sysPub, sysJWT))
	must(resolver.Store(accPub, accJWT))
	srv := startServer(t, func(o *server.Options) {
		o.TrustedOperators = []*jwt.OperatorClaims{opDecoded}
		o.SystemAccount = sysPub
		o.AccountResolver = resolver
	})
	if err := connectOutcome(t, srv.ClientURL(), bus.Auth{CredsFile: credsFile}); err != nil {
		t.Fatalf("with the creds file: %v", err)
	}
	if err := connectOutcome(t, srv.ClientURL(), bus.Auth{}); !errors.Is(err, nats.ErrAuthorization) {
		t.Errorf("without it: %v, want an authorization violation", err)
	}
}

// TestRunningClientLogsRefusalAndRecovers: when the server comes back refusing the credentials a
// running client holds, the client says so in the log (once per reason, not at every retry) and
// keeps trying, so that it rejoins once the server accepts them again.
func TestRunningClientLogsRefusalAndRecovers(t *testing.T) {
	dir := t.TempDir()
	credsFile := filepath.Join(dir, "creds")
	writeCreds := func(password string) {
		t.Helper()
		if err := os.WriteFile(credsFile, []byte(bus.EnvUser+"=newsmon\n"+bus.EnvPassword+"="+password+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	writeCreds("first-pass")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	_ = ln.Close()
	cfg := bus.EmbeddedConfig{StoreDir: filepath.Join(dir, "nats"), Port: port, CredentialsFile: credsFile}
	srv, err := bus.StartEmbedded(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	ctx := context.Background()
	b, err := bus.Connect(ctx, bus.Config{URL: srv.URL(), Auth: bus.Auth{User: "newsmon", Password: "first-pass"}},
		slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		srv.Shutdown()
		t.Fatal(err)
	}
	defer b.Close()
	srv.Shutdown()
	writeCreds("second-pass")
	if srv, err = bus.StartEmbedded(cfg); err != nil {
		t.Fatal(err)
	}
	testutil.Eventually(t, 15*time.Second, func() error {
		if !strings.Contains(logs.String(), "nats refused the connection") {
			return errors.New("refusal not logged")
		}
		return nil
	})
	srv.Shutdown()
	writeCreds("first-pass")
	if srv, err = bus.StartEmbedded(cfg); err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	testutil.Eventually(t, 15*time.Second, func() error {
		if !b.Connected() {
			return errors.New("not reconnected")
		}
		return nil
	})
	out := logs.String()
	if n := strings.Count(out, "nats refused the connection"); n != 1 {
		t.Errorf("refusal logged %d times, want once:\n%s", n, out)
	}
	if strings.Contains(out, "first-pass") {
		t.Errorf("log shows the password:\n%s", out)
	}
}
