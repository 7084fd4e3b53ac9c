package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// lockFileName is the file in the data folder that a running newsmon holds locked (and writes its
// process id into): two processes on one embedded NATS store and one bleve index would corrupt or
// block each other.
const lockFileName = "newsmon.lock"

// errDataInUse is returned, wrapped, when another process holds the data folder.
var errDataInUse = errors.New("data folder in use")

// prepareDataDir makes sure dir exists, is a folder and can be written, and locks it for this
// process; release unlocks it. It runs before NATS starts, so that the user reads which path is
// wrong and why rather than a timeout of the embedded server.
func prepareDataDir(dir string) (release func(), err error) {
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return nil, fmt.Errorf("data folder %s is a file, not a folder: choose another with --data", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("data folder %s cannot be created: %w", dir, unwrapPathError(err))
	}
	probe, err := os.CreateTemp(dir, ".write-check-*")
	if err != nil {
		return nil, fmt.Errorf("data folder %s is not writable: %w", dir, unwrapPathError(err))
	}
	name := probe.Name()
	_ = probe.Close()
	_ = os.Remove(name)
	release, err = lockDataDir(filepath.Join(dir, lockFileName))
	if errors.Is(err, errDataInUse) {
		return nil, fmt.Errorf("%s is in use by %s: stop it first, or give this one another --data", dir, strings.TrimPrefix(err.Error(), errDataInUse.Error()+": "))
	}
	if err != nil {
		return nil, fmt.Errorf("lock data folder %s: %w", dir, err)
	}
	return release, nil
}

// holder describes the process named in a lock file ("process 1234"), as far as it can be read.
func holder(content []byte) string {
	if pid, err := strconv.Atoi(strings.TrimSpace(string(content))); err == nil && pid > 0 {
		return "process " + strconv.Itoa(pid)
	}
	return "another process"
}

// unwrapPathError drops the *os.PathError's repetition of the path the message already names.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// checkListen reports, before anything starts, that addr (an --http or --nats-listen address)
// cannot be listened on; the caller keeps the returned listener (--http) or closes it.
func checkListen(flagName, addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("cannot listen on %s (--%s): %w", addr, flagName, unwrapOpError(err))
	}
	return ln, nil
}

// unwrapOpError keeps the cause of a *net.OpError ("bind: address already in use").
func unwrapOpError(err error) error {
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Err != nil {
		return fmt.Errorf("%s: %w", oe.Op, oe.Err)
	}
	return err
}
