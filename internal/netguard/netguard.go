// Package netguard keeps newsmon's outgoing requests (crawling, webhooks) away from addresses they
// must never reach: loopback, private, link-local (cloud metadata at 169.254.169.254 included),
// unique-local, multicast and unspecified addresses. The check runs on the resolved IP at connect
// time, so DNS tricks and redirects to internal hosts are caught too. An explicit allow-list opens
// chosen networks (the demo and tests allow 127.0.0.0/8).
package netguard

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// ErrBlocked is returned (wrapped) when a connection would reach a forbidden address.
var ErrBlocked = errors.New("netguard: address not allowed")

// Policy decides which addresses may be dialled.
type Policy struct {
	// Allow lists networks that may be reached even though they are private or loopback.
	Allow []netip.Prefix
	// AllowAll turns the guard off (trusted sources only).
	AllowAll bool
}

// ParseAllow turns CIDR strings ("127.0.0.0/8", "10.1.2.3") into prefixes.
func ParseAllow(cidrs []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	var errs []error
	for _, c := range cidrs {
		if p, err := netip.ParsePrefix(c); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(c)
		if err != nil {
			errs = append(errs, fmt.Errorf("allow %q: not an IP or CIDR", c))
			continue
		}
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, errors.Join(errs...)
}

// Allowed reports whether ip may be dialled under the policy.
func (p Policy) Allowed(ip netip.Addr) bool {
	ip = ip.Unmap()
	if p.AllowAll {
		return true
	}
	for _, pre := range p.Allow {
		if pre.Contains(ip) {
			return true
		}
	}
	return !forbidden(ip)
}

var extraForbidden = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),         // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),     // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),      // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),     // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),       // reserved
	netip.MustParsePrefix("64:ff9b::/96"),      // NAT64 can map to anything inside
	netip.MustParsePrefix("fec0::/10"),         // deprecated site-local
	netip.MustParsePrefix("2001:db8::/32"),     // documentation
	netip.MustParsePrefix("fd00:ec2::254/128"), // AWS metadata over IPv6
}

func forbidden(ip netip.Addr) bool {
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return true
	}
	for _, p := range extraForbidden {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// Control is a net.Dialer Control function enforcing the policy on the address actually dialled.
func (p Policy) Control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrBlocked, address, err)
	}
	if !p.Allowed(ap.Addr()) {
		return fmt.Errorf("%w: %s is %s", ErrBlocked, address, describe(ap.Addr()))
	}
	return nil
}

func describe(ip netip.Addr) string {
	switch {
	case ip.IsLoopback():
		return "loopback"
	case ip.IsPrivate():
		return "a private address"
	case ip.IsLinkLocalUnicast():
		return "link-local (cloud metadata lives here)"
	case ip.IsMulticast():
		return "multicast"
	case ip.IsUnspecified():
		return "unspecified"
	}
	return "a reserved address"
}

// Transport returns an HTTP transport whose every connection, including those made while
// following redirects, is checked against the policy. Proxies are not used: a proxy would hide
// the real destination from the check.
func (p Policy) Transport() *http.Transport {
	d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, Control: p.Control}
	return &http.Transport{
		Proxy:                 nil,
		DialContext:           d.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 30 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
}

// Client returns an *http.Client using Transport, with a timeout and a redirect limit.
func (p Policy) Client(timeout time.Duration, maxRedirects int) *http.Client {
	return &http.Client{
		Transport: p.Transport(),
		Timeout:   timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			return nil
		},
	}
}

// DialContext exposes the guarded dialer, e.g. for an SMTP client.
func (p Policy) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	d := &net.Dialer{Timeout: 10 * time.Second, Control: p.Control}
	return d.DialContext(ctx, network, addr)
}
