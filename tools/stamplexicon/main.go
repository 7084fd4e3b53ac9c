// Command stamplexicon adds the checksum of the NER word lists (ner.Resources.LexiconChecksum) to
// the header of model files trained before headers carried it, leaving their weights byte for
// byte as they were; see ner.StampLexicon. From the repository root:
//
//	go run ./tools/stamplexicon pkg/extract/ner/model/*.model.gz
//
// It rewrites each file in place and refuses a model whose header records other lists.
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/newsmon/newsmon/pkg/extract/ner"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: stamplexicon MODEL.model.gz ...")
		os.Exit(2)
	}
	res, err := ner.NewResources(nil) // the word lists do not depend on the cluster table
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, path := range os.Args[1:] {
		if err := stamp(path, res); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", path, err)
			os.Exit(1)
		}
		fmt.Printf("%s: lexicon %s\n", path, res.LexiconChecksum())
	}
}

func stamp(path string, res *ner.Resources) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if err := ner.StampLexicon(&out, bytes.NewReader(data), res); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, out.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
