package article

import (
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/testutil"
)

// TestBodyRules pins the body extractor's rules on small pages written for each of them.
func TestBodyRules(t *testing.T) {
	t.Parallel()
	prose := func(n int) string {
		return strings.Repeat("The council met on Monday, and members argued about the budget for hours. ", n)
	}
	tests := []struct {
		name    string
		html    string
		want    []string // substrings of the text, in this order
		wantNot []string
	}{
		{
			name: "embedded tweet in a social wrapper is part of the story",
			html: `<article><div class="story-body"><p>` + prose(3) + `</p>
<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">Yes this is real and the state spent half a million on it: <a href="https://t.co/x">https://t.co/x</a></p>— Dianna Anderson (@dianna) <a href="https://twitter.com/d/status/1">November 18, 2019</a></blockquote></div>
<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">on. meth. dot. com.<br><br>we’re. on. it. <a href="https://t.co/HO1ZRs9T1P">https://t.co/HO1ZRs9T1P</a></p>— tall glass (@_o) <a href="https://twitter.com/o/status/2">November 19, 2019</a></blockquote></div>
<p>` + prose(2) + `</p></div>
<div class="social-share"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div></article>`,
			want:    []string{"Yes this is real and the state spent half a million on it", "— Dianna Anderson (@dianna) November 18, 2019", "we’re. on. it. https://t.co/HO1ZRs9T1P"},
			wantNot: []string{"Share on Facebook"},
		},
		{
			name: "a reader appeal between paragraphs goes, with or without a class that says so",
			html: `<div class="entry-content"><p>` + prose(2) + `</p>
<div class="lp-donate-inline"><p><strong>The Post is free to read.</strong> If you value our reporting, please consider becoming a member.</p></div>
<p>` + prose(2) + `</p><div class="box"><p>Support our journalism: become a member from $3 a month.</p></div>
<p>Union members were urged to become a member of the new pension fund, the minister said.</p><p>` + prose(1) + `</p></div>`,
			want:    []string{"members argued", "Union members were urged to become a member of the new pension fund"},
			wantNot: []string{"free to read", "Support our journalism"},
		},
		{
			name: "hover card inside a paragraph goes, the linked name stays",
			html: `<div class="field-item"><p>A New York man pleaded guilty to threatening Rep. <span class="rollover-people"><a href="/people/omar">Ilhan Omar</a><span class="rollover-people-block"><img src="o.jpg"><a href="/p">Ilhan Omar</a><a href="/a1">Hillicon Valley: Progressives oppose funding bill</a> <a href="/a2">Omar asks court for compassion</a><a href="/p">MORE</a></span></span> (D-Minn.), prosecutors announced Monday.</p>
<p>` + prose(3) + `</p></div>`,
			want:    []string{"threatening Rep. Ilhan Omar (D-Minn.), prosecutors announced Monday."},
			wantNot: []string{"Hillicon", "MORE"},
		},
		{
			name: "a data table reads one row per line",
			html: `<div class="articleBody"><p>` + prose(3) + `</p><table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>
<tr><td>6</td><td>Ryan Blaney</td><td>2339</td><td>1</td><td>1</td></tr><tr><td>7</td><td>Kyle Larson</td><td>2339</td><td>1</td><td>1</td></tr></table></div>`,
			want: []string{"Pos. Driver Points", "6 Ryan Blaney 2339 1 1\n\n7 Kyle Larson 2339 1 1"},
		},
		{
			name: "list items that link a sentence and explain it are prose; a link list is not",
			html: `<div class="post-content"><p>` + prose(2) + `</p><ul>
<li><strong><a href="/1">Google has bought CloudSimple, a startup once key to Microsoft's cloud.</a></strong> CloudSimple helps companies run VMware software on public clouds.</li>
<li><strong><a href="/2">T-Mobile's chief executive is stepping down in May.</a></strong> He will hand over to the operating chief, the company said.</li></ul>
<ul><li><a href="/a">Politics</a></li><li><a href="/b">Business news and analysis from around the world</a></li></ul></div>`,
			want:    []string{"Google has bought CloudSimple", "He will hand over to the operating chief"},
			wantNot: []string{"Business news and analysis"},
		},
		{
			name: "time stamps, photo credits and contact lines are not text; wire separators are",
			html: `<div class="article-body"><p>sexta-feira, 22 de outubro de 2010 às 20:13</p><p>Photo: John Locher, AP</p><p>` + prose(3) + `</p>
<p>___</p><p>Associated Press writers contributed to this report from Washington and New York.</p>
<p>Published in 1998, the report found the river was clean.</p><p>Updated at 1:23 p.m.</p><p>Have a tip? Amy Reporter may be reached at amy@example.com. Follow her on Twitter @amy.</p></div>`,
			want:    []string{"members argued", "___\n\nAssociated Press writers contributed", "Published in 1998, the report"},
			wantNot: []string{"outubro", "Photo:", "Updated at", "may be reached"},
		},
		{
			name: "one-line furniture inside the article container goes",
			html: `<div class="entry-content"><h1>Viera defeats Rockledge</h1><p>Tempo de leitura: 1 minuto</p><p>` + prose(3) + `</p>
<p>Iklan</p><p>DON'T MISS</p><p>1 of 6</p><p>Getty Images</p><p>Jewels, installation views, photos © Inexhibit, 2018</p>
<p>` + prose(2) + `</p><p>Follow AP's full coverage of Brexit at https://apnews.com/Brexit</p><p>Filed under: Politics |</p><p>More:</p></div>`,
			want:    []string{"The council met"},
			wantNot: []string{"Viera", "Tempo", "Iklan", "MISS", "1 of 6", "Getty", "©", "coverage", "Filed under", "More:"},
		},
		{
			name: "inline elements keep their words whatever their class; captions inside paragraphs go",
			html: `<div class="article-body"><p>The <a id="auto-tag_doobie-brothers" href="/t/doobie">Doobie Brothers</a> will tour with <span class="tag">Michael McDonald</span> next year, the band said on Tuesday.
<span class="image-container"><img src="a.jpg"><span class="caption">The band on stage in 1978. Reuters</span></span></p><p>` + prose(3) + `</p></div>`,
			want:    []string{"The Doobie Brothers will tour with Michael McDonald next year"},
			wantNot: []string{"on stage in 1978"},
		},
		{
			name: "a dateline bar beside the story body is not the story",
			html: `<div class="col-left"><div class="story-title"><h1>Wuxi signs chip deal</h1></div>
<div class="story-info"><span class="story-source">Asia Pacific Wire</span> <span class="story-date">17 Nov 2026 10:05 HKT</span> <span class="font-size">Font: <a href="#">A+</a> <a href="#">A-</a></span></div>
<div class="story-body"><div class="story-para">` + prose(3) + `</div><div class="story-para">` + prose(2) + `</div></div>
<div class="story-editor">[Editor: Ho Ka-wai]</div></div>`,
			want:    []string{"The council met"},
			wantNot: []string{"Asia Pacific Wire", "Font:", "HKT"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := FromPage(Page{URL: "https://news.example/story", ContentType: "text/html; charset=utf-8",
				Body: []byte("<!DOCTYPE html><html><head><title>T</title></head><body>" + tt.html + "</body></html>")})
			if err != nil {
				t.Fatal(err)
			}
			rest := a.Text
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Errorf("text lacks %q (in order); text:\n%s", w, a.Text)
					continue
				}
				rest = rest[i+len(w):]
			}
			for _, w := range tt.wantNot {
				if strings.Contains(a.Text, w) {
					t.Errorf("text contains %q; text:\n%s", w, a.Text)
				}
			}
		})
	}
}

func TestNormalizeSpace(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"":                           "",
		"plain text":                 "plain text",
		"  lead and trail  ":         "lead and trail",
		"a\n\tb\u00a0c\u200bd\ufeff": "a b c d",
		"double  space":              "double space",
		"ends with space ":           "ends with space",
		"\u3000全角\u3000スペース":         "全角 スペース",
		" ":                          "",
	} {
		if got := normalizeSpace(in); got != want {
			t.Errorf("normalizeSpace(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestStripRawText(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"<p>a</p>": "<p>a</p>",
		`<script>var x = "<p>not text</p>";</script><p>a</p>`:                 `<script></script><p>a</p>`,
		`<SCRIPT type="text/javascript">x()</Script ><style>p{}</STYLE><p>a`:  `<SCRIPT type="text/javascript"></Script ><style></STYLE><p>a`,
		`<script type="application/LD+JSON">{"@type":"NewsArticle"}</script>`: `<script type="application/LD+JSON">{"@type":"NewsArticle"}</script>`,
		`<!-- <script> --><p>kept</p><script>x</script>`:                      `<!-- <script> --><p>kept</p><script></script>`,
		`<scripts>text</scripts><stylesheet>`:                                 `<scripts>text</scripts><stylesheet>`,
		`<script>unterminated <p>text`:                                        `<script>unterminated <p>text`,
	} {
		if got := stripRawText(in); got != want {
			t.Errorf("stripRawText(%q) = %q; want %q", in, got, want)
		}
	}
}

// TestFromPageDeepParagraph guards against quadratic work on pathological paragraphs.
func TestFromPageDeepParagraph(t *testing.T) {
	page := "<html><body><div><p>" + strings.Repeat("<span>word, ", 400) + strings.Repeat("</span>", 400) +
		"</p>" + strings.Repeat("<p><b><i><span><a href=/x>link</a> text, more text.</span></i></b></p>", 3000) + "</div></body></html>"
	start := time.Now()
	if _, err := FromPage(Page{URL: "https://example.com/deep", ContentType: "text/html", Body: []byte(page)}); err != nil {
		t.Fatal(err)
	}
	// It takes 0.3 s; quadratic work takes minutes. The race detector slows it tenfold.
	if took, limit := time.Since(start), 2*time.Second*time.Duration(testutil.SlowFactor()); took > limit {
		t.Errorf("FromPage took %v on a deep page; want under %v", took, limit)
	}
}
