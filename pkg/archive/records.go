package archive

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// setField stores one field's value on an item; values come as strings from CSV and as any
// JSON value from JSONL.
func setField(it *Item, field string, v any) error {
	if v == nil {
		return nil
	}
	if field == "authors" {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
					it.Authors = append(it.Authors, strings.TrimSpace(s))
				}
			}
		case string:
			it.Authors = splitAuthors(x)
		}
		return nil
	}
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case float64:
		s = strconv.FormatFloat(x, 'f', -1, 64)
	case json.Number:
		s = x.String()
	default:
		return fmt.Errorf("field %s: want a string, got %T", field, v)
	}
	if strings.TrimSpace(s) == "" {
		return nil
	}
	switch field {
	case "url":
		it.URL = strings.TrimSpace(s)
	case "title":
		it.Title = strings.TrimSpace(s)
	case "text":
		it.Text = s
	case "html":
		it.HTML = []byte(s)
	case "source":
		it.Source = strings.TrimSpace(s)
	case "language":
		it.Language = strings.TrimSpace(s)
	case "published", "fetched":
		t, err := ParseTime(s)
		if err != nil {
			return fmt.Errorf("field %s: %w", field, err)
		}
		if field == "published" {
			it.Published = &t
		} else {
			it.Fetched = t
		}
	}
	return nil
}

// openMaybeGzip opens a file, decompressing it when it starts with the gzip magic.
func openMaybeGzip(path string) (io.Reader, *countingReader, *os.File, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, nil, 0, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, nil, 0, err
	}
	cr := &countingReader{r: f}
	br := bufio.NewReaderSize(cr, 64<<10)
	var r io.Reader = br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			f.Close()
			return nil, nil, nil, 0, fmt.Errorf("%s: %w", path, err)
		}
		r = zr
	}
	return r, cr, f, st.Size(), nil
}

// JSONLReader reads one JSON object a line (plain or gzip-compressed): the keys named by
// Options.Map or the usual ones (Aliases), e.g. {"url": …, "title": …, "text": …, "published": …}.
type JSONLReader struct {
	path  string
	f     *os.File
	count *countingReader
	size  int64
	br    *bufio.Reader
	max   int64
	keys  map[string][]string // field → keys to look for, mapped first
	next  int64
	off   int64
}

// OpenJSONL opens a JSONL file.
func OpenJSONL(path string, o Options) (*JSONLReader, error) {
	r, cr, f, size, err := openMaybeGzip(path)
	if err != nil {
		return nil, err
	}
	return newJSONL(r, path, o, cr, f, size), nil
}

// NewJSONL reads JSONL from r (e.g. standard input); name labels its items.
func NewJSONL(r io.Reader, name string, o Options) *JSONLReader {
	return newJSONL(r, name, o, nil, nil, 0)
}

func newJSONL(r io.Reader, name string, o Options, count *countingReader, f *os.File, size int64) *JSONLReader {
	keys := map[string][]string{}
	for _, fld := range fields {
		if k, ok := o.Map[fld]; ok {
			keys[fld] = []string{k}
		} else {
			keys[fld] = Aliases[fld]
		}
	}
	return &JSONLReader{path: name, f: f, count: count, size: size, br: bufio.NewReaderSize(r, 256<<10), max: o.maxRecord(), keys: keys}
}

// Next implements Reader. Blank lines are passed over without a number.
func (j *JSONLReader) Next() (*Item, error) {
	for {
		line, tooLong, err := readLine(j.br, j.max)
		start := j.off
		j.off += int64(len(line))
		if len(bytes.TrimSpace(line)) == 0 && !tooLong {
			if err != nil {
				return nil, err
			}
			continue
		}
		ord := j.next
		j.next++
		if tooLong {
			return nil, &BadRecord{Ordinal: ord, Offset: start, Err: fmt.Errorf("line longer than %d bytes", j.max)}
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: %w", j.path, err)
		}
		it, perr := j.parse(line)
		if perr != nil {
			return nil, &BadRecord{Ordinal: ord, Offset: start, Err: perr}
		}
		it.Ordinal, it.Input = ord, j.path
		return it, nil
	}
}

func (j *JSONLReader) parse(line []byte) (*Item, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil {
		return nil, fmt.Errorf("not a JSON object: %w", err)
	}
	lower := make(map[string]any, len(obj))
	for k, v := range obj {
		lower[strings.ToLower(k)] = v
	}
	it := &Item{}
	for _, fld := range fields {
		for _, k := range j.keys[fld] {
			if v, ok := lower[strings.ToLower(k)]; ok && v != nil {
				if err := setField(it, fld, v); err != nil {
					return nil, err
				}
				break
			}
		}
	}
	if it.Text == "" && it.HTML == nil {
		return nil, ErrNoText
	}
	return it, nil
}

// Progress implements Reader.
func (j *JSONLReader) Progress() (int64, int64) {
	if j.count == nil {
		return j.off, 0
	}
	return j.count.n, j.size
}

// Close implements Reader.
func (j *JSONLReader) Close() error {
	if j.f == nil {
		return nil
	}
	return j.f.Close()
}

// readLine reads one line of at most max bytes; a longer one is consumed and reported tooLong.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	for {
		frag, err := br.ReadSlice('\n')
		if int64(len(line)+len(frag)) > max {
			tooLong = true
		} else {
			line = append(line, frag...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return line, tooLong, err
	}
}

// CSVReader reads a CSV (or, for .tsv, tab-separated) export with a header row; columns are found
// by Options.Map or the usual names (Aliases).
type CSVReader struct {
	path  string
	f     *os.File
	count *countingReader
	size  int64
	r     *csv.Reader
	cols  map[string]int
	max   int64
	next  int64
}

// OpenCSV opens a CSV file and reads its header row.
func OpenCSV(path string, o Options) (*CSVReader, error) {
	r, cr, f, size, err := openMaybeGzip(path)
	if err != nil {
		return nil, err
	}
	cr2 := csv.NewReader(r)
	cr2.ReuseRecord = true
	cr2.FieldsPerRecord = -1
	cr2.LazyQuotes = true
	if strings.HasSuffix(strings.TrimSuffix(strings.ToLower(path), ".gz"), ".tsv") {
		cr2.Comma = '\t'
	}
	header, err := cr2.Read()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: header row: %w", path, err)
	}
	if len(header) > 0 { // a byte-order mark would hide the first column's name
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	cols, err := resolveColumns(header, o.Map)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	_, hasText := cols["text"]
	_, hasHTML := cols["html"]
	if !hasText && !hasHTML {
		f.Close()
		return nil, fmt.Errorf("%s: no text column (have: %s); name one with --map text=COLUMN", path, strings.Join(header, ", "))
	}
	return &CSVReader{path: path, f: f, count: cr, size: size, r: cr2, cols: cols, max: o.maxRecord()}, nil
}

// Next implements Reader.
func (c *CSVReader) Next() (*Item, error) {
	row, err := c.r.Read()
	if errors.Is(err, io.EOF) {
		return nil, io.EOF
	}
	ord := c.next
	c.next++
	line, _ := c.r.FieldPos(0)
	if err != nil {
		var perr *csv.ParseError
		if errors.As(err, &perr) && !errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, &BadRecord{Ordinal: ord, Offset: c.r.InputOffset(), Err: fmt.Errorf("line %d: %w", line, err)}
		}
		return nil, fmt.Errorf("%s: %w", c.path, err)
	}
	it := &Item{Ordinal: ord, Input: c.path}
	size := 0
	for fld, i := range c.cols {
		if i < len(row) {
			size += len(row[i])
			if err := setField(it, fld, row[i]); err != nil {
				return nil, &BadRecord{Ordinal: ord, Offset: c.r.InputOffset(), Err: fmt.Errorf("line %d: %w", line, err)}
			}
		}
	}
	if int64(size) > c.max {
		return nil, &BadRecord{Ordinal: ord, Offset: c.r.InputOffset(), Err: fmt.Errorf("line %d: row longer than %d bytes", line, c.max)}
	}
	if it.Text == "" && it.HTML == nil {
		return nil, &BadRecord{Ordinal: ord, Offset: c.r.InputOffset(), Err: fmt.Errorf("line %d: %w", line, ErrNoText)}
	}
	return it, nil
}

// Progress implements Reader.
func (c *CSVReader) Progress() (int64, int64) { return c.count.n, c.size }

// Close implements Reader.
func (c *CSVReader) Close() error { return c.f.Close() }

// FolderReader reads the .html/.htm and .txt files under a folder, in lexical path order, each
// file one record. HTML files without a web address take their id from their canonical link or
// their text.
type FolderReader struct {
	root  string
	files []string
	sizes []int64
	total int64
	done  int64
	next  int
	max   int64
	text  bool
}

// OpenFolder lists the files of a folder (or takes a single file).
func OpenFolder(root string, o Options) (*FolderReader, error) {
	fr := &FolderReader{root: root, max: o.maxRecord(), text: o.Text}
	st, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	add := func(path string, size int64) {
		fr.files = append(fr.files, path)
		fr.sizes = append(fr.sizes, size)
		fr.total += size
	}
	if !st.IsDir() {
		add(root, st.Size())
		return fr, nil
	}
	err = walkSorted(root, func(path string, size int64) {
		if k, err := kindByName(path); err == nil && (k == KindHTML || k == KindText) {
			add(path, size)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", root, err)
	}
	return fr, nil
}

// Next implements Reader.
func (fr *FolderReader) Next() (*Item, error) {
	if fr.next >= len(fr.files) {
		return nil, io.EOF
	}
	i := fr.next
	fr.next++
	fr.done += fr.sizes[i]
	path := fr.files[i]
	if fr.sizes[i] > fr.max {
		return nil, &BadRecord{Ordinal: int64(i), Err: fmt.Errorf("%s: file larger than %d bytes", path, fr.max)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &BadRecord{Ordinal: int64(i), Err: err}
	}
	it := &Item{Ordinal: int64(i), Input: path}
	if st, err := os.Stat(path); err == nil {
		it.Fetched = st.ModTime().UTC().Truncate(time.Second)
	}
	if k, _ := kindByName(path); k == KindText || fr.text {
		it.Text = string(data)
	} else {
		it.HTML = data
	}
	return it, nil
}

// Progress implements Reader.
func (fr *FolderReader) Progress() (int64, int64) { return fr.done, fr.total }

// Close implements Reader.
func (fr *FolderReader) Close() error { return nil }
