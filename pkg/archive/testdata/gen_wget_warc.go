//go:build ignore

// gen_wget_warc writes wget-demo.warc.gz: GNU Wget's own WARC of a recursive crawl of the bundled
// demo site (internal/demo), so the WARC reader is tested on records written by an independent
// tool. It serves demo.Handler on a loopback port and points wget at it as an HTTP proxy, so the
// recorded addresses are http://demo.newsmon.test/… whatever port was used: the file is the same
// (but for dates and record ids) on every rebuild, and the tests can serve the same pages under the
// same host to compare ids with a live crawl.
//
// Run from the repository root (needs wget on PATH; the committed file was written by 1.21.3):
//
//	go run pkg/archive/testdata/gen_wget_warc.go
package main

import (
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/newsmon/newsmon/internal/demo"
)

const (
	host = "demo.newsmon.test"
	out  = "pkg/archive/testdata/wget-demo" // wget adds .warc.gz
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	go func() { _ = http.Serve(ln, demo.Handler()) }()
	scratch, err := os.MkdirTemp("", "wget-demo")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(scratch)
	abs, err := filepath.Abs(out)
	if err != nil {
		log.Fatal(err)
	}
	// --level=2: home → outlet front pages → stories (and the feeds the pages link).
	// --delete-after: only the WARC is kept. --no-warc-compression is not given: one gzip member a
	// record, as wget (and Common Crawl) write by default.
	cmd := exec.Command("wget", "--recursive", "--level=2", "--no-parent", "--delete-after", "--no-verbose",
		"--directory-prefix", scratch, "--warc-file", abs,
		"-e", "use_proxy=on", "-e", "http_proxy=http://"+ln.Addr().String(),
		"http://"+host+"/")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	// wget exits 8 when some page answered an error status (the demo's poison links): expected.
	if err := cmd.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 8 {
			log.Fatalf("wget: %v", err)
		}
	}
	fmt.Println("wrote", out+".warc.gz")
}
