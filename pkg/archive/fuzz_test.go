package archive

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzWARC: whatever the bytes, the reader ends (no endless resync), never panics, and numbers
// records in increasing order.
func FuzzWARC(f *testing.F) {
	for _, name := range []string{"good.warc", "good.warc.gz", "lying.warc", "lying.warc.gz", "truncated.warc.gz"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.warc")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := OpenWARC(path, Options{MaxRecordBytes: 1 << 16})
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		last := int64(-1)
		for i := 0; ; i++ {
			if i > len(data)+10 {
				t.Fatalf("more than %d results from %d bytes", i, len(data))
			}
			it, err := r.Next()
			var ord int64 = -1
			var s *Skip
			var b *BadRecord
			switch {
			case errors.Is(err, io.EOF):
				return
			case errors.As(err, &s):
				ord = s.Ordinal
			case errors.As(err, &b):
				ord = b.Ordinal
			case err != nil:
				return
			default:
				ord = it.Ordinal
			}
			if ord < last {
				t.Fatalf("ordinal %d after %d", ord, last)
			}
			last = ord
		}
	})
}

// TestWARCMutations: damaged copies of the fixtures (bytes changed, cut, removed) are read to
// the end promptly, each within a deadline: no resync loops forever.
func TestWARCMutations(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	dir := t.TempDir()
	for _, name := range []string{"good.warc", "good.warc.gz", "lying.warc", "lying.warc.gz", "whole.warc.gz"} {
		seed, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		for n := range 100 {
			data := append([]byte(nil), seed...)
			for range 1 + rng.IntN(5) {
				if len(data) < 2 {
					break
				}
				switch rng.IntN(3) {
				case 0:
					data[rng.IntN(len(data))] = byte(rng.IntN(256))
				case 1:
					data = data[:rng.IntN(len(data))+1]
				case 2:
					i := rng.IntN(len(data))
					data = append(data[:i], data[min(len(data), i+rng.IntN(50)):]...)
				}
			}
			path := filepath.Join(dir, fmt.Sprintf("%s-%d", name, n))
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() {
				r, err := OpenWARC(path, Options{MaxRecordBytes: 1 << 16})
				if err != nil {
					done <- err
					return
				}
				defer r.Close()
				for {
					_, err := r.Next()
					var s *Skip
					var b *BadRecord
					if err != nil && !errors.As(err, &s) && !errors.As(err, &b) {
						done <- nil
						return
					}
				}
			}()
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("%s mutation %d: still reading after 10 s", name, n)
			}
		}
	}
}
