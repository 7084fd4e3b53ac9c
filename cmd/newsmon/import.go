package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/newsmon/newsmon/pkg/archive"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// cmdImport feeds archives (WARC, JSONL, CSV, folders of .html/.txt) through the same extract and
// index stages as crawled pages, then exits once every record is indexed, skipped or
// dead-lettered (or, with --http, keeps serving the API on the result).
func cmdImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	// stdout gets the service's notices (embedded NATS address, serving address) first and the
	// summary line last.
	s := service{stdout: stdout, extract: true, index: true, embedded: true}
	fs := newFlagSet("import", stderr)
	s.o.register(fs, pipelineFlags|workerFlags)
	fs.StringVar(&s.o.httpAddr, "http", "", "after the import, serve the search API and web page on this address until stopped")
	alerts := fs.String("alerts", "off", "run the alert rules on imported articles: on or off (a back-fill would fire on old news)")
	mapping := fs.String("map", "", "FIELD=COLUMN pairs naming the CSV columns or JSONL keys of url, title, text, html, published, source, language, authors (e.g. text=body,published=date)")
	asText := fs.Bool("text", false, "treat the files of folders as plain text, whatever their extension")
	restart := fs.Bool("restart", false, "import files again from their start, ignoring what earlier runs recorded")
	maxRecord := fs.Int64("max-record-bytes", archive.DefaultMaxRecordBytes, "largest record payload read; bigger ones are reported and skipped")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsmon import [--data DIR] [--pipeline FILE] [--http ADDR] [--alerts on|off] [--map FIELD=COLUMN,...] FILE|FOLDER...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{errors.New("no input: give WARC (.warc, .warc.gz), JSONL, CSV files or folders of .html/.txt")}
	}
	if s.o.demo {
		return usageError{errors.New("--demo crawls the demo site; import reads files")}
	}
	if *alerts != "on" && *alerts != "off" {
		return usageError{fmt.Errorf("--alerts %q: want on or off", *alerts)}
	}
	m, err := archive.ParseMap(*mapping)
	if err != nil {
		return usageError{err}
	}
	for _, in := range fs.Args() {
		if _, err := archive.KindOf(in); err != nil {
			return usageError{err}
		}
	}
	explicitLog := false
	fs.Visit(func(f *flag.Flag) { explicitLog = explicitLog || f.Name == "log-level" })
	if !explicitLog && os.Getenv("NEWSMON_LOG_LEVEL") == "" {
		s.o.logLevel = "warn" // progress lines say what info logs would
	}
	s.log = s.o.logger(stderr)
	// On a shared NATS the import reads and publishes, as `crawl` does: the extract and index
	// workers already there share the work (an index stage here would write a bleve index of its
	// own that the deployment does not search).
	s.extract, s.index = s.o.natsURL == "", s.o.natsURL == ""
	s.serve = s.o.httpAddr != ""
	s.o.apiToken, s.o.readToken, s.o.rateLimit = envDefault("NEWSMON_API_TOKEN", ""), envDefault("NEWSMON_API_READ_TOKEN", ""), 50
	s.noAlerts = *alerts == "off"
	imp := pipeline.NewImporter(pipeline.ImportConfig{Inputs: fs.Args(),
		Options: archive.Options{Map: m, Text: *asText, MaxRecordBytes: *maxRecord}, Restart: *restart,
		Workers: runtime.GOMAXPROCS(0), Stdout: stdout, Stderr: stderr, OwnBus: s.o.natsURL == ""})
	s.onIndexed = imp.Indexed
	s.job = imp.Run
	return s.run(ctx)
}
