package article

import (
	"bytes"
	"mime"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// metaScanBytes is how far into the page we look for <meta charset>. The HTML spec says 1024
// bytes, but many real pages put a long <head> comment or scripts first, so we look further.
const metaScanBytes = 8 << 10

// detectSampleBytes bounds how much of an undeclared page the charset detector decodes.
const detectSampleBytes = 64 << 10

// DecodeHTML turns a page body into UTF-8 and names the charset it used. The charset is taken,
// in order, from a byte-order mark, the HTTP Content-Type header, a <meta charset> or
// <meta http-equiv="Content-Type"> near the top of the page, and finally from the bytes
// themselves (UTF-8, then Shift_JIS, EUC-JP, EUC-KR, GB18030 or Big5, else Windows-1252). Bytes that are
// invalid in the chosen charset become U+FFFD; it never panics. The error is reserved for a
// decoder failure and is nil in practice.
func DecodeHTML(body []byte, contentType string) (string, string, error) {
	if len(body) == 0 {
		return "", "utf-8", nil
	}
	enc, name := chooseEncoding(body, contentType)
	if enc == nil || name == "utf-8" {
		b := bytes.TrimPrefix(body, utf8BOM)
		if utf8.Valid(b) {
			return string(b), "utf-8", nil
		}
		return strings.ToValidUTF8(string(b), "\uFFFD"), "utf-8", nil
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		// Decoders from x/text replace bad input rather than fail; keep a safe fallback anyway.
		return strings.ToValidUTF8(string(body), "\uFFFD"), name, nil
	}
	s := strings.TrimPrefix(string(out), "\uFEFF")
	return strings.ToValidUTF8(s, "\uFFFD"), name, nil
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// chooseEncoding applies the precedence documented on DecodeHTML.
func chooseEncoding(body []byte, contentType string) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(body, utf8BOM):
		return nil, "utf-8"
	case bytes.HasPrefix(body, []byte{0xFE, 0xFF}):
		return xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), "utf-16be"
	case bytes.HasPrefix(body, []byte{0xFF, 0xFE}):
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), "utf-16le"
	}
	if enc, name := lookupDeclared(charsetParam(contentType)); name != "" {
		return trustDeclared(body, enc, name)
	}
	if enc, name := lookupDeclared(metaCharset(body)); name != "" {
		// A <meta> can't declare UTF-16: the bytes it is written in would be unreadable (HTML spec).
		if strings.HasPrefix(name, "utf-16") {
			return nil, "utf-8"
		}
		return trustDeclared(body, enc, name)
	}
	return detectEncoding(body)
}

// trustDeclared keeps a declared charset, except for the common mistake of a page that says
// UTF-8 but is written in a legacy charset: when most of its non-ASCII bytes are not valid
// UTF-8 we detect instead.
func trustDeclared(body []byte, enc encoding.Encoding, name string) (encoding.Encoding, string) {
	if name != "utf-8" || utf8.Valid(body) {
		return enc, name
	}
	valid, invalid := utf8Sequences(body)
	if invalid > valid {
		return detectEncoding(body)
	}
	return nil, "utf-8"
}

// lookupDeclared resolves a charset label the WHATWG way ("latin1" is Windows-1252, "gb2312"
// is GBK). It returns a nil encoding for UTF-8, which needs no decoder, and "" for unknown labels.
func lookupDeclared(label string) (encoding.Encoding, string) {
	if label == "" {
		return nil, ""
	}
	enc, name := charset.Lookup(label)
	if enc == nil || name == "replacement" {
		return nil, ""
	}
	if name == "utf-8" {
		return nil, "utf-8"
	}
	return enc, name
}

func charsetParam(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(params["charset"])
}

// metaCharset returns the charset a <meta> tag declares in the first metaScanBytes of the page.
func metaCharset(body []byte) string {
	if len(body) > metaScanBytes {
		body = body[:metaScanBytes]
	}
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, hasAttr := z.TagName()
			if string(tag) == "body" {
				return ""
			}
			if string(tag) != "meta" || !hasAttr {
				continue
			}
			var cs, httpEquiv, content string
			for {
				k, v, more := z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = string(v)
				case "http-equiv":
					httpEquiv = strings.ToLower(string(v))
				case "content":
					content = string(v)
				}
				if !more {
					break
				}
			}
			if cs != "" {
				return strings.TrimSpace(cs)
			}
			if httpEquiv == "content-type" {
				if c := charsetParam(content); c != "" {
					return c
				}
			}
		}
	}
}

// utf8Sequences counts valid multi-byte UTF-8 sequences and invalid bytes.
func utf8Sequences(b []byte) (valid, invalid int) {
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			valid++
		}
		b = b[size:]
	}
	return valid, invalid
}

// detectEncoding guesses the charset of a page that doesn't declare one. Valid UTF-8 wins.
// Otherwise each East Asian legacy charset is tried on a sample and accepted only when it decodes
// almost without errors into the script that charset is for; Windows-1252 (which every byte
// sequence decodes in) is the fallback, as browsers do.
func detectEncoding(body []byte) (encoding.Encoding, string) {
	sample := body
	if len(sample) > detectSampleBytes {
		sample = sample[:detectSampleBytes]
		// Don't count a multi-byte character cut in half by the sample limit as invalid.
		for i := 0; i < 3 && len(sample) > 0 && !utf8.Valid(sample); i++ {
			sample = sample[:len(sample)-1]
		}
	}
	if valid, invalid := utf8Sequences(sample); invalid == 0 || (valid > 0 && invalid*50 < valid) {
		return nil, "utf-8"
	}
	// Order matters: Japanese first (its kana are unmistakable), then Korean (Hangul-only text),
	// then Chinese, which decodes most double-byte input without errors and so must come last.
	candidates := []struct {
		enc  encoding.Encoding
		name string
		fits func(s scriptCounts) bool
	}{
		{japanese.ShiftJIS, "shift_jis", func(s scriptCounts) bool {
			return s.kana*5 >= s.wide && s.halfKana*20 < s.wide+1
		}},
		{japanese.EUCJP, "euc-jp", func(s scriptCounts) bool {
			return s.kana*5 >= s.wide && s.halfKana*20 < s.wide+1 && s.hangul == 0
		}},
		{korean.EUCKR, "euc-kr", func(s scriptCounts) bool { return s.hangul*10 >= s.wide*8 }},
	}
	for _, c := range candidates {
		out, err := c.enc.NewDecoder().Bytes(sample)
		if err != nil {
			continue
		}
		s := countScripts(string(out))
		// At most 1% decoding errors, and enough wide characters to judge by.
		if s.wide >= 4 && s.errors*100 <= s.wide && c.fits(s) {
			return c.enc, c.name
		}
	}
	// GB18030 and Big5 both decode most double-byte input without an error, into Han
	// characters either way; the right one gives the characters Chinese text is made of.
	var best encoding.Encoding
	bestName, bestScore := "", 0.0
	for _, c := range []struct {
		enc  encoding.Encoding
		name string
	}{{simplifiedchinese.GB18030, "gb18030"}, {traditionalchinese.Big5, "big5"}} {
		out, err := c.enc.NewDecoder().Bytes(sample)
		if err != nil {
			continue
		}
		s := countScripts(string(out))
		if s.wide < 4 || s.errors*100 > s.wide || s.han*10 < s.wide*8 || s.kana*10 >= s.wide {
			continue
		}
		if score := float64(s.commonHan) / float64(s.han); score > bestScore {
			best, bestName, bestScore = c.enc, c.name, score
		}
	}
	if best != nil {
		return best, bestName
	}
	return charmap.Windows1252, "windows-1252"
}

// commonHan are the most frequent characters of Chinese text, in simplified and traditional
// forms. Text decoded with the wrong Chinese charset is made of rare characters instead.
var commonHan = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range "的一是不了在人有我他这這中大来來上国國个個到说說们們为為子和你地出道也时時年得就那要下以生会會自着著去之过過家学學对對可她里裡后後小么麼心多天而能好都然没沒日于於起还還发發成事只作当當想看文无無开開手十用主行方又如前所本见見经經头頭面公同三已老从從动動两兩长長" +
		"政府表示将將在这這年月日记記者报報新闻聞网網部会會国國市" {
		m[r] = true
	}
	return m
}()

// scriptCounts tallies the non-ASCII runes of a decoded sample by script.
type scriptCounts struct {
	wide     int // non-ASCII letters (punctuation and symbols are not counted)
	han      int
	kana     int // hiragana and full-width katakana
	halfKana int // half-width katakana: rare in real text, common in mis-decoded Chinese/Korean
	hangul   int
	errors   int // U+FFFD from invalid input

	commonHan int // Han characters among the most frequent of Chinese text
}

func countScripts(s string) scriptCounts {
	var c scriptCounts
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		switch {
		case r == utf8.RuneError:
			c.errors++
			continue
		case r >= 0xFF61 && r <= 0xFF9F:
			c.halfKana++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			c.kana++
		case unicode.Is(unicode.Hangul, r):
			c.hangul++
		case unicode.Is(unicode.Han, r):
			c.han++
			if commonHan[r] {
				c.commonHan++
			}
		case !unicode.IsLetter(r):
			continue
		}
		c.wide++
	}
	return c
}
