package indextest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

// A generated corpus with a known topic, for significant terms: TopicBackground articles from
// TopicBackgroundSource written from everyday news words, and TopicArticles from TopicSource
// that also speak of an airship. TopicWords[w] is the number of topic articles holding w, and
// TopicStray of the background articles hold "zeppelin" too, so the background is never empty.
const (
	TopicBackground       = 48
	TopicArticles         = 8
	TopicStray            = 2
	TopicSource           = "skyships.example"
	TopicBackgroundSource = "daily.example"
)

// TopicWords are the injected topic's words (stems of themselves under every analyser in use)
// and the number of topic articles each is in.
var TopicWords = map[string]int{"zeppelin": 8, "helium": 8, "hangar": 6, "airship": 7}

// everyday are the background's words: common news vocabulary, no stop words.
var everyday = strings.Fields(`government minister council budget market prices company shares
	investors report police court judge election voters campaign parliament school teachers hospital
	doctors weather storm rain farmers harvest football match coach season festival music museum
	tourists railway station bridge river village county mayor spokesman agency ministry officials
	workers union strike factory contract profits quarter economy inflation exports`)

// TopicCorpus returns the generated corpus, the same on every call.
func TopicCorpus() []*article.Article {
	rng := rand.New(rand.NewPCG(23, 2026))
	base := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	var out []*article.Article
	add := func(n int, source string, extra []string) {
		words := make([]string, 0, 60)
		for range 50 {
			words = append(words, everyday[rng.IntN(len(everyday))])
		}
		for _, w := range extra { // spread through the text, each twice
			words = append(words, w)
			words = append(words, w)
		}
		rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		u := fmt.Sprintf("https://%s/story/%d", source, n)
		pub := base.Add(time.Duration(n) * 7 * time.Hour)
		a := &article.Article{ID: article.IDFor(u), URL: u, CanonicalURL: u, Source: source, Language: "en",
			Title: fmt.Sprintf("Story %d", n), Published: &pub, Fetched: pub,
			Text: strings.Join(words[:len(words)/2], " ") + ".\n\n" + strings.Join(words[len(words)/2:], " ") + "."}
		a.Normalize()
		out = append(out, a)
	}
	for n := range TopicBackground {
		var extra []string
		if n < TopicStray {
			extra = []string{"zeppelin"}
		}
		add(n, TopicBackgroundSource, extra)
	}
	for n := range TopicArticles {
		var extra []string
		for _, w := range []string{"zeppelin", "helium", "hangar", "airship"} {
			if n < TopicWords[w] {
				extra = append(extra, w)
			}
		}
		add(TopicBackground+n, TopicSource, extra)
	}
	return out
}
