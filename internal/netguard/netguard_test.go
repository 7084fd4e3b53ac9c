package netguard

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
	"time"
)

func TestAllowed(t *testing.T) {
	t.Parallel()
	allowLoop, err := ParseAllow([]string{"127.0.0.0/8"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		ip     string
		policy Policy
		want   bool
	}{
		{"93.184.216.34", Policy{}, true},
		{"2606:2800:220:1::1", Policy{}, true},
		{"127.0.0.1", Policy{}, false},
		{"::1", Policy{}, false},
		{"10.0.0.5", Policy{}, false},
		{"172.16.3.4", Policy{}, false},
		{"192.168.1.1", Policy{}, false},
		{"169.254.169.254", Policy{}, false},
		{"fe80::1", Policy{}, false},
		{"fd12::1", Policy{}, false},
		{"0.0.0.0", Policy{}, false},
		{"100.64.1.1", Policy{}, false},
		{"::ffff:127.0.0.1", Policy{}, false},
		{"224.0.0.1", Policy{}, false},
		{"127.0.0.1", Policy{Allow: allowLoop}, true},
		{"10.0.0.5", Policy{Allow: allowLoop}, false},
		{"10.0.0.5", Policy{AllowAll: true}, true},
	}
	for _, tc := range tests {
		if got := tc.policy.Allowed(netip.MustParseAddr(tc.ip)); got != tc.want {
			t.Errorf("Allowed(%s) with %+v = %v, want %v", tc.ip, tc.policy, got, tc.want)
		}
	}
}

func TestParseAllowRejectsGarbage(t *testing.T) {
	if _, err := ParseAllow([]string{"10.0.0.0/8", "not-an-ip"}); err == nil {
		t.Fatal("want an error for not-an-ip")
	}
}

// The guard stops a request to loopback (the check runs per connection, so a redirect there is
// stopped the same way) unless the allow-list opens it.
func TestClientBlocksLoopbackUnlessAllowed(t *testing.T) {
	internal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("secret"))
	}))
	defer internal.Close()
	c := Policy{}.Client(5*time.Second, 5)
	_, err := c.Get(internal.URL)
	if !errors.Is(err, ErrBlocked) {
		t.Fatalf("GET loopback: err = %v, want ErrBlocked", err)
	}
	allow, _ := ParseAllow([]string{"127.0.0.1"})
	ok := Policy{Allow: allow}.Client(5*time.Second, 5)
	resp, err := ok.Get(internal.URL)
	if err != nil {
		t.Fatalf("GET loopback with allow-list: %v", err)
	}
	resp.Body.Close()
}
