//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// lockDataDir creates path exclusively and writes this process's id into it; release removes it.
// Without flock a crash leaves the file behind: a lock file naming a process that no longer runs
// is taken over.
func lockDataDir(path string) (release func(), err error) {
	for attempt := 0; attempt < 2; attempt++ {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, _ = f.WriteString(strconv.Itoa(os.Getpid()) + "\n")
			_ = f.Close()
			return func() { _ = os.Remove(path) }, nil
		}
		if !os.IsExist(err) {
			return nil, err
		}
		content, _ := os.ReadFile(path)
		pid, perr := strconv.Atoi(strings.TrimSpace(string(content)))
		if perr == nil && pid > 0 && pid != os.Getpid() && running(pid) {
			// Where a process id cannot be checked, a crash leaves this file: say how to clear it.
			return nil, fmt.Errorf("%w: %s (if it no longer runs, remove %s)", errDataInUse, holder(content), path)
		}
		_ = os.Remove(path) // stale: its process is gone
	}
	return nil, fmt.Errorf("%w: %s", errDataInUse, "another process")
}

// running reports whether a process with this id exists (on Windows FindProcess opens it, and
// fails for one that has exited).
func running(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}
