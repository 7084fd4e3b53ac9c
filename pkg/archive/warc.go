package archive

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/textproto"
	"os"
	"strconv"
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
)

// WARCReader reads the response, resource and revisit records of a WARC 1.0 or 1.1 file
// (ISO 28500), uncompressed, gzip-compressed per record (the usual .warc.gz, CC-NEWS) or as one
// gzip stream. It keeps going past a bad record where the format lets it find the next one:
//   - a record whose Content-Length is wrong (its end marker is not where the length says) is
//     reported, and reading resumes at the next "WARC/1." line, or at the next gzip member;
//   - a record over the size limit — declared, or found while decompressing (a gzip bomb) — is
//     reported and skipped; a gzip member that inflates past a budget is abandoned and the next
//     member is found by its magic bytes, without inflating the rest of the bomb;
//   - a file that ends inside a record (truncated) ends with an error after every whole record.
//
// No WARC library on the Go module proxy did all of this: the maintained ones read whole-file
// gzip poorly or stop at the first bad record, so this is a careful reader of its own, tested
// on files written by independent tools (Python's warcio, testdata/gen_warc.py; GNU Wget,
// testdata/gen_wget_warc.go).
type WARCReader struct {
	path     string
	f        *os.File
	count    *countingReader
	size     int64
	raw      *bufio.Reader // the file
	gzip     bool
	zr       *gzip.Reader
	inMember bool
	r        *bufio.Reader // the record stream: the file, or the current gzip member inflated
	max      int64
	next     int64
	off      int64 // offset in the record stream, for messages
	// pendingVersion is a "WARC/1.x" line already read while finding the next record.
	pendingVersion string
	done           bool
}

// memberBudget bounds the bytes inflated from one gzip member beyond what its records use
// before it is taken for a gzip bomb and abandoned.
func (w *WARCReader) memberBudget() int64 { return 4 * w.max }

// OpenWARC opens a .warc or .warc.gz file.
func OpenWARC(path string, o Options) (*WARCReader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	w := &WARCReader{path: path, f: f, size: st.Size(), max: o.maxRecord()}
	w.count = &countingReader{r: f}
	w.raw = bufio.NewReaderSize(w.count, 256<<10)
	magic, _ := w.raw.Peek(2)
	w.gzip = len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b
	if !w.gzip {
		w.r = w.raw
	}
	return w, nil
}

// Progress implements Reader: bytes of the file read.
func (w *WARCReader) Progress() (int64, int64) { return w.count.n - int64(w.raw.Buffered()), w.size }

// Close implements Reader.
func (w *WARCReader) Close() error { return w.f.Close() }

// errMemberEnd says the current gzip member has no more records.
var errMemberEnd = errors.New("end of gzip member")

// Next implements Reader.
func (w *WARCReader) Next() (*Item, error) {
	for {
		if w.done {
			return nil, io.EOF
		}
		if w.gzip && !w.inMember {
			if err := w.openMember(); err != nil {
				w.done = true
				return nil, err
			}
		}
		it, err := w.record()
		switch {
		case errors.Is(err, errMemberEnd):
			w.inMember = false
			if !w.gzip {
				w.done = true
				return nil, io.EOF
			}
			continue
		case errors.Is(err, errNotCandidate):
			continue
		}
		return it, err
	}
}

// openMember starts inflating the next gzip member; io.EOF when the file has no more.
func (w *WARCReader) openMember() error {
	magic, err := w.raw.Peek(3)
	if len(magic) == 0 && errors.Is(err, io.EOF) {
		return io.EOF
	}
	if len(magic) < 3 || magic[0] != 0x1f || magic[1] != 0x8b || magic[2] != 8 {
		// Bytes that are no gzip member: junk after a broken member. Look for the next one.
		skipped, ok := w.seekMember()
		if !ok {
			return fmt.Errorf("%s: %d bytes after the last gzip member are not gzip (truncated or corrupt)", w.path, skipped)
		}
	}
	if w.zr == nil {
		w.zr, err = gzip.NewReader(w.raw)
	} else {
		err = w.zr.Reset(w.raw)
	}
	if err != nil {
		return fmt.Errorf("%s: gzip header: %w", w.path, truncated(err))
	}
	w.zr.Multistream(false)
	if w.r == nil {
		w.r = bufio.NewReaderSize(w.zr, 64<<10)
	} else {
		w.r.Reset(w.zr)
	}
	w.inMember = true
	return nil
}

// seekMember discards raw bytes up to the start of the next gzip member whose first inflated
// bytes are a WARC record header ("WARC/"): a member boundary found without inflating the
// bytes in between.
func (w *WARCReader) seekMember() (skipped int64, ok bool) {
	for {
		buf, err := w.raw.Peek(4096)
		i := bytes.Index(buf, []byte{0x1f, 0x8b, 8})
		if i < 0 {
			if len(buf) < 3 && err != nil { // end of file
				n, _ := w.raw.Discard(len(buf))
				return skipped + int64(n), false
			}
			n, _ := w.raw.Discard(len(buf) - 2)
			skipped += int64(n)
			continue
		}
		n, _ := w.raw.Discard(i)
		skipped += int64(n)
		if w.startsRecord() {
			return skipped, true
		}
		n, _ = w.raw.Discard(1)
		skipped += int64(n)
	}
}

// startsRecord tries to inflate the start of a gzip member at the reader's position.
func (w *WARCReader) startsRecord() bool {
	buf, _ := w.raw.Peek(4096)
	zr, err := gzip.NewReader(bytes.NewReader(buf))
	if err != nil {
		return false
	}
	head := make([]byte, 5)
	n, _ := io.ReadFull(zr, head)
	return n == 5 && string(head) == "WARC/"
}

// abandonMember leaves the current gzip member: inflating the rest to find its end while it
// stays within the budget, else by looking for the next member's magic bytes.
func (w *WARCReader) abandonMember() {
	if !w.gzip {
		return
	}
	w.inMember = false
	n, err := io.CopyN(io.Discard, w.r, w.memberBudget())
	if err == nil && n == w.memberBudget() {
		w.seekMember()
	}
}

// truncated names an unexpected end of the input for what it is.
func truncated(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("file truncated: %w", err)
	}
	return err
}

// errNotCandidate marks a record that is no article candidate (warcinfo, request, metadata):
// passed over without a number.
var errNotCandidate = errors.New("not a candidate record")

// candidates are the record types numbered and reported; the others are passed over.
var candidates = map[string]bool{"response": true, "resource": true, "revisit": true, "conversion": true}

// record reads one record from the record stream.
func (w *WARCReader) record() (*Item, error) {
	start := w.off
	version, err := w.versionLine()
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(version, "WARC/1.") {
		ord := w.next
		w.next++
		w.resync()
		return nil, &BadRecord{Ordinal: ord, Offset: start, Err: fmt.Errorf("%s: expected a WARC/1.0 or WARC/1.1 record, found %.40q", w.path, version)}
	}
	tp := textproto.NewReader(w.r)
	hdr, err := tp.ReadMIMEHeader()
	for k, vs := range hdr {
		for _, v := range vs {
			w.off += int64(len(k) + len(v) + 4)
		}
	}
	w.off += 2
	if err != nil {
		ord := w.next
		w.next++
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, w.endOfInput(ord, start, err)
		}
		w.resync()
		return nil, &BadRecord{Ordinal: ord, Offset: start, Err: fmt.Errorf("record header: %w", err)}
	}
	typ := strings.ToLower(strings.TrimSpace(hdr.Get("WARC-Type")))
	candidate := candidates[typ]
	ord := w.next
	if candidate {
		w.next++
	}
	bad := func(err error) error {
		if !candidate {
			return errNotCandidate
		}
		return &BadRecord{Ordinal: ord, Offset: start, Err: err}
	}
	length, err := strconv.ParseInt(strings.TrimSpace(hdr.Get("Content-Length")), 10, 64)
	if err != nil || length < 0 {
		w.resync()
		return nil, bad(fmt.Errorf("Content-Length %q is not a length", hdr.Get("Content-Length")))
	}
	// The block: kept whole up to the limit; past it, its start only (for the HTTP headers).
	keep := min(length, w.max)
	block := make([]byte, keep)
	n, err := io.ReadFull(w.r, block)
	w.off += int64(n)
	if err != nil {
		return nil, w.shortBlock(bad, ord, start, length, block[:n], err)
	}
	tooBig := length > keep
	if tooBig {
		rest := length - keep
		if w.gzip && rest > w.memberBudget() {
			w.abandonMember() // a gzip bomb, or a huge video: do not inflate it all
			return nil, w.oversize(bad, candidate, ord, typ, hdr, block, length)
		}
		d, err := io.CopyN(io.Discard, w.r, rest)
		w.off += d
		if err != nil {
			return nil, w.shortBlock(bad, ord, start, length, block[:0], err)
		}
	}
	if err := w.recordEnd(); err != nil {
		// The length lied. If it was too long, the next record's start is inside the block.
		if !w.gzip && !tooBig {
			if i := bytes.Index(block, []byte("\r\nWARC/1.")); i >= 0 {
				w.pushBack(block[i+2:])
			} else {
				w.resync()
			}
		} else {
			w.abandonMember()
		}
		return nil, bad(fmt.Errorf("Content-Length %d does not end at the record's end (%v)", length, err))
	}
	if !candidate {
		return nil, errNotCandidate
	}
	if tooBig {
		return nil, w.oversize(bad, candidate, ord, typ, hdr, block, length)
	}
	return w.item(ord, start, typ, hdr, block)
}

// versionLine reads the line that opens a record, past blank lines; errMemberEnd at the end of
// the stream (or the gzip member).
func (w *WARCReader) versionLine() (string, error) {
	if v := w.pendingVersion; v != "" {
		w.pendingVersion = ""
		return v, nil
	}
	for {
		line, err := w.r.ReadString('\n')
		w.off += int64(len(line))
		if strings.TrimSpace(line) != "" {
			return strings.TrimRight(line, "\r\n"), nil
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				return "", errMemberEnd
			}
			if _, perr := w.raw.Peek(1); w.gzip && perr == nil && !errors.Is(err, io.ErrUnexpectedEOF) {
				// A corrupt member with more of the file after it: go on at the next member.
				w.inMember = false
				w.seekMember()
				ord := w.next
				w.next++
				return "", &BadRecord{Ordinal: ord, Offset: w.off, Err: fmt.Errorf("corrupt gzip member: %w", err)}
			}
			w.done = true
			return "", fmt.Errorf("%s: %w", w.path, truncated(err))
		}
	}
}

// recordEnd reads the two CRLFs that close a record (bare LFs accepted).
func (w *WARCReader) recordEnd() error {
	for i := 0; i < 2; i++ {
		b, err := w.r.ReadByte()
		if err != nil {
			if errors.Is(err, io.EOF) && i == 0 {
				return errors.New("no end-of-record marker")
			}
			return err
		}
		w.off++
		if b == '\r' {
			if b, err = w.r.ReadByte(); err != nil {
				return err
			}
			w.off++
		}
		if b != '\n' {
			_ = w.r.UnreadByte()
			w.off--
			return errors.New("no end-of-record marker")
		}
	}
	return nil
}

// shortBlock reports a block that ended before its Content-Length. Inside a gzip member
// followed by more of the file, the length lied (or the member is corrupt) and the next member
// goes on; in an uncompressed file, a record start inside the block is where reading resumes;
// otherwise the file is truncated.
func (w *WARCReader) shortBlock(bad func(error) error, ord, start, length int64, block []byte, err error) error {
	lying := fmt.Errorf("Content-Length %d but the record ends after %d bytes", length, len(block))
	eof := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
	if w.gzip {
		if _, perr := w.raw.Peek(1); perr == nil { // more of the file follows
			w.inMember = false
			if !eof {
				w.seekMember()
				return bad(fmt.Errorf("corrupt gzip member: %w", err))
			}
			return bad(lying)
		}
	} else if i := bytes.Index(block, []byte("\r\nWARC/1.")); i >= 0 {
		w.pushBack(block[i+2:])
		return bad(lying)
	}
	w.done = true
	return &BadRecord{Ordinal: ord, Offset: start, Err: fmt.Errorf("%s: file truncated: Content-Length %d but the file ends after %d bytes of it", w.path, length, len(block))}
}

// endOfInput reports a file that ends inside a record header.
func (w *WARCReader) endOfInput(ord, start int64, err error) error {
	w.done = true
	return &BadRecord{Ordinal: ord, Offset: start, Err: fmt.Errorf("%s: file truncated inside a record header: %w", w.path, err)}
}

// resync moves the uncompressed stream to the next line that starts a record; in a gzip file,
// to the next member.
func (w *WARCReader) resync() {
	if w.gzip {
		w.abandonMember()
		return
	}
	for {
		line, err := w.r.ReadString('\n')
		w.off += int64(len(line))
		if strings.HasPrefix(line, "WARC/1.") {
			w.pendingVersion = strings.TrimRight(line, "\r\n")
			return
		}
		if err != nil {
			return
		}
	}
}

// pushBack puts bytes already read back in front of the record stream.
func (w *WARCReader) pushBack(b []byte) {
	rest := append([]byte(nil), b...)
	w.off -= int64(len(rest))
	w.r = bufio.NewReaderSize(io.MultiReader(bytes.NewReader(rest), w.r), 256<<10)
}

// oversize reports a record over the size limit: skipped if its payload is no HTML anyway.
func (w *WARCReader) oversize(bad func(error) error, candidate bool, ord int64, typ string, hdr textproto.MIMEHeader, head []byte, length int64) error {
	if !candidate {
		return errNotCandidate
	}
	if typ == "response" {
		if resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(head)), nil); err == nil {
			if ct := resp.Header.Get("Content-Type"); ct != "" && !isHTMLType(ct) {
				return &Skip{Ordinal: ord, Reason: "not html: " + mediaType(ct)}
			}
		}
	}
	return bad(fmt.Errorf("record of %d bytes is over the %d-byte limit", length, w.max))
}

// item turns a whole candidate record into an Item, or says why it holds no article.
func (w *WARCReader) item(ord, start int64, typ string, hdr textproto.MIMEHeader, block []byte) (*Item, error) {
	it := &Item{Ordinal: ord, Input: w.path, URL: strings.Trim(strings.TrimSpace(hdr.Get("WARC-Target-URI")), "<>")}
	if d := hdr.Get("WARC-Date"); d != "" {
		if t, err := ParseTime(d); err == nil {
			it.Fetched = t
		}
	}
	if !strings.HasPrefix(it.URL, "http://") && !strings.HasPrefix(it.URL, "https://") && it.URL != "" {
		// e.g. the command line and log wget keeps as metadata:// resources
		return nil, &Skip{Ordinal: ord, Reason: "not an http(s) address"}
	}
	switch typ {
	case "revisit":
		return nil, &Skip{Ordinal: ord, Reason: "revisit"}
	case "resource", "conversion":
		ct := hdr.Get("Content-Type")
		return w.payload(it, ct, block)
	}
	// response: an HTTP response (or, rarely, another protocol's: skipped).
	if !bytes.HasPrefix(block, []byte("HTTP/")) {
		return nil, &Skip{Ordinal: ord, Reason: "not an http response"}
	}
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(block)), nil)
	if err != nil {
		return nil, &BadRecord{Ordinal: ord, Offset: start, Err: fmt.Errorf("http response: %w", err)}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusNonAuthoritativeInfo {
		return nil, &Skip{Ordinal: ord, Reason: fmt.Sprintf("http status %d", resp.StatusCode)}
	}
	// Plain text a web server sends is robots.txt, ads.txt, security.txt: not news. (A text
	// article kept on purpose is a resource record, read above.)
	ct := resp.Header.Get("Content-Type")
	if ct != "" && !isHTMLType(ct) {
		return nil, &Skip{Ordinal: ord, Reason: "not html: " + mediaType(ct)}
	}
	body, err := decodeContent(resp.Body, resp.Header.Get("Content-Encoding"), w.max)
	if err != nil {
		return nil, &BadRecord{Ordinal: ord, Offset: start, Err: err}
	}
	if lm := resp.Header.Get("Last-Modified"); lm != "" && it.Fetched.IsZero() {
		if t, err := http.ParseTime(lm); err == nil {
			it.Fetched = t.UTC()
		}
	}
	return w.payload(it, ct, body)
}

// payload sets the item's body from a record payload of content type ct.
func (w *WARCReader) payload(it *Item, ct string, body []byte) (*Item, error) {
	switch {
	case ct == "" || isHTMLType(ct):
		it.HTML, it.ContentType = body, ct
	case mediaType(ct) == "text/plain":
		text, _, err := decodeText(body, ct)
		if err != nil {
			return nil, &BadRecord{Ordinal: it.Ordinal, Err: err}
		}
		it.Text = text
	default:
		return nil, &Skip{Ordinal: it.Ordinal, Reason: "not html: " + mediaType(ct)}
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, &Skip{Ordinal: it.Ordinal, Reason: "empty payload"}
	}
	return it, nil
}

func mediaType(ct string) string {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt, _, _ = strings.Cut(strings.ToLower(ct), ";")
		mt = strings.TrimSpace(mt)
	}
	return mt
}

func isHTMLType(ct string) bool {
	mt := mediaType(ct)
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// decodeContent undoes an HTTP Content-Encoding (gzip, deflate) within max bytes: a payload
// that inflates past it is a gzip bomb, reported, never held in memory.
func decodeContent(body io.Reader, encoding string, max int64) ([]byte, error) {
	var r io.Reader = body
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return nil, fmt.Errorf("content-encoding gzip: %w", err)
		}
		defer zr.Close()
		r = zr
	case "deflate":
		r = flate.NewReader(body)
	default:
		return nil, fmt.Errorf("content-encoding %q not supported", encoding)
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("content-encoding %s: %w", encoding, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("payload inflates past the %d-byte limit (content-encoding %s)", max, encoding)
	}
	return data, nil
}

// decodeText decodes a text/plain payload by its declared charset, else as UTF-8 (or the
// encoding its bytes show), as HTML pages are.
func decodeText(body []byte, ct string) (string, string, error) {
	return article.DecodeHTML(body, ct)
}
