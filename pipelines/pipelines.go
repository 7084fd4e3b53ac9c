// Package pipelines embeds the pipeline files shipped with newsmon, so the binary can run the
// demo and the world-news pipeline from anywhere. The files are data: edit the YAML, not this.
package pipelines

import "embed"

// Files holds every *.yaml pipeline in this folder.
//
//go:embed *.yaml
var Files embed.FS
