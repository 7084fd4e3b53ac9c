package bench

import (
	"runtime"
	"testing"
)

func TestWatchMemorySeesTheResidentSet(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc/self/status")
	}
	stop := watchMemory()
	garbage := make([][]byte, 0, 64)
	for range 64 {
		garbage = append(garbage, make([]byte, 1<<20))
	}
	runtime.GC()
	m := stop()
	if m.PeakAnonMB <= 0 || m.PeakFileMB <= 0 {
		t.Errorf("peaks = %.1f MB anonymous, %.1f MB file-backed; want both > 0", m.PeakAnonMB, m.PeakFileMB)
	}
	if m.GCShare < 0 || m.GCShare > 1 {
		t.Errorf("GC share = %v; want within [0, 1]", m.GCShare)
	}
	runtime.KeepAlive(garbage)
}
