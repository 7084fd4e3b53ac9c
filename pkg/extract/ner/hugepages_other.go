//go:build !linux

package ner

// allocTable returns zeroed memory for a stage's weight table (see the Linux version).
func allocTable(_ *stage, n int) []byte { return make([]byte, n) }
