package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
)

// StampLexicon copies the model file read from r to w with the lexicon checksum of res
// (Resources.LexiconChecksum) added to its header; the rest of the file, the transitions and
// weights, is copied byte for byte. It is for models trained before headers carried the checksum:
// they were trained with the lists the features read today, which dropping lists nothing read and
// duplicate words leaves as they were. A header that already records another checksum means a
// model trained with other lists, and is refused: that model must be retrained, not stamped.
// tools/stamplexicon is the command that runs it over model files.
func StampLexicon(w io.Writer, r io.Reader, res *Resources) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("stamp model: %w", err)
	}
	defer zr.Close()
	br := bufio.NewReaderSize(zr, 1<<16)
	line, err := br.ReadBytes('\n')
	if err != nil {
		return fmt.Errorf("stamp model header: %w", err)
	}
	var hdr modelHeader
	if err := json.Unmarshal(line, &hdr); err != nil {
		return fmt.Errorf("stamp model header: %w", err)
	}
	if hdr.Format != modelFormat {
		return fmt.Errorf("stamp model: format %q, want %q", hdr.Format, modelFormat)
	}
	if sum := res.LexiconChecksum(); hdr.Lexicon != "" && hdr.Lexicon != sum {
		return fmt.Errorf("stamp model: trained with word lists %q, not %q: retrain it", hdr.Lexicon, sum)
	}
	hdr.Lexicon = res.LexiconChecksum()
	out, err := json.Marshal(hdr) // as Model.Write writes it
	if err != nil {
		return fmt.Errorf("stamp model header: %w", err)
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("stamp model: %w", err)
	}
	zw.Write(append(out, '\n'))
	if _, err := io.Copy(zw, br); err != nil {
		return fmt.Errorf("stamp model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("stamp model: %w", err)
	}
	return nil
}
