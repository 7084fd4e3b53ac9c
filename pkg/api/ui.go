package api

import "embed"

// uiFS holds the researcher's web page: plain HTML, CSS and JavaScript, no build step.
//
//go:embed ui
var uiFS embed.FS
