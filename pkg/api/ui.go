package api

import (
	"embed"
	"net/http"
)

// uiFS holds the researcher's web page: plain HTML, CSS and JavaScript, no build step, and the
// world map (ui/world.svg, built once by tools/worldmap).
//
//go:embed ui
var uiFS embed.FS

// uiPolicy lets the page load only its own scripts, styles, images and API: article text that
// slipped past the page's text-only rendering still could not run or load anything.
const uiPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// uiHeaders adds the page's security headers and asks browsers to revalidate assets, so a new
// build of the page is picked up without a hard reload.
func uiHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", uiPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-cache")
		next.ServeHTTP(w, r)
	})
}
