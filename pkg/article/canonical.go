package article

import (
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"
)

// trackingParams are query parameters that identify a campaign or a click, never the content;
// two URLs that differ only in them are the same article.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "mc_cid": true, "mc_eid": true,
	"igshid": true, "yclid": true, "_ga": true, "_gl": true, "ocid": true, "cmpid": true,
	"ref": true, "ref_src": true, "referrer": true, "smid": true, "sr_share": true, "share": true,
	"src": true, "ito": true, "ns_mchannel": true, "ns_source": true, "ns_campaign": true,
	"ns_linkname": true, "ns_fee": true, "cid": true, "rss": true, "feed": true, "at_medium": true,
	"at_campaign": true, "outputType": true, "spm": true, "mkt_tok": true, "__twitter_impression": true,
}

// Canonicalize returns the form of a URL used for identity and dedup: scheme and host lower-cased,
// default port, fragment and tracking parameters (utm_*, fbclid, …) removed, remaining query
// parameters sorted, dot segments resolved and an empty path made "/". It rejects anything that is
// not an absolute http(s) URL.
func Canonicalize(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canonicalize %q: %w", raw, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("canonicalize %q: not an http(s) URL", raw)
	}
	if u.Host == "" {
		return "", fmt.Errorf("canonicalize %q: no host", raw)
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimSuffix(host, ".")
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if port != "" {
		if strings.Contains(host, ":") {
			host = "[" + host + "]"
		}
		u.Host = host + ":" + port
	} else if strings.Contains(host, ":") {
		u.Host = "[" + host + "]"
	} else {
		u.Host = host
	}
	u.User = nil
	u.Fragment = ""
	u.RawFragment = ""
	if u.Path == "" {
		u.Path = "/"
	} else {
		trailing := strings.HasSuffix(u.Path, "/")
		u.Path = path.Clean(u.Path)
		if trailing && u.Path != "/" {
			u.Path += "/"
		}
	}
	u.RawPath = ""
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			lk := strings.ToLower(k)
			if strings.HasPrefix(lk, "utm_") || trackingParams[k] || trackingParams[lk] {
				q.Del(k)
			}
		}
		keys := make([]string, 0, len(q))
		for k := range q {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		for _, k := range keys {
			vals := q[k]
			sort.Strings(vals)
			for _, v := range vals {
				if b.Len() > 0 {
					b.WriteByte('&')
				}
				b.WriteString(url.QueryEscape(k))
				b.WriteByte('=')
				b.WriteString(url.QueryEscape(v))
			}
		}
		u.RawQuery = b.String()
	}
	u.ForceQuery = false
	return u.String(), nil
}
