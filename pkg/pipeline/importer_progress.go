package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsmon/newsmon/pkg/bus"
)

// progressRecord is what an import remembers of a file between runs.
type progressRecord struct {
	Path string `json:"path"`
	Next int64  `json:"next"` // records before this ordinal are handed on
	Done bool   `json:"done"`
}

// recorded is how far an earlier run handed the file of key on, unless the import restarts.
func (imp *Importer) recorded(ctx context.Context, progress *bus.KV, key string) (progressRecord, error) {
	var rec progressRecord
	if imp.cfg.Restart {
		return rec, nil
	}
	data, ok, err := progress.Get(ctx, key)
	if ok && err == nil {
		_ = json.Unmarshal(data, &rec)
	}
	return rec, err
}

// progressKey names a file's progress record: its absolute path, size and modification time,
// so a file changed since is imported anew.
func progressKey(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d\x00%d", abs, st.Size(), st.ModTime().UnixNano())))
	return "file." + hex.EncodeToString(sum[:16]), nil
}

func saveProgress(ctx context.Context, kv *bus.KV, key string, rec progressRecord) error {
	data, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	if err := kv.Put(ctx, key, data); err != nil {
		return fmt.Errorf("save import progress of %s: %w", rec.Path, err)
	}
	return nil
}

// inputSize is the bytes of a file, or of the files under a folder.
func inputSize(path string) int64 {
	var n int64
	_ = filepath.WalkDir(path, func(_ string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}
