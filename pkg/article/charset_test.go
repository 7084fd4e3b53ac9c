package article

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

func mustURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func mustEncode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

// Sentences long enough for detection, as a page's text would be.
const (
	zhText = "一家中国电池制造商周一表示，将在江苏省无锡市投资建设新工厂，以满足电动汽车不断增长的需求。该工厂预计明年投产，将雇用约三千名员工。"
	jaText = "政府は月曜日、燃料税を引き上げると発表した。批判者はこの計画が家族にとって不公平だと警告し、野党は国会で説明を求めている。"
	twText = "一家中國電池製造商週一表示，將在江蘇省無錫市投資建設新工廠，以滿足電動汽車不斷增長的需求。該工廠預計明年投產，將僱用約三千名員工。"
	koText = "정부는 월요일 연료세를 인상하겠다고 발표했다. 비판론자들은 이 계획이 가족들에게 불공평하다고 경고했으며 야당은 국회에서 설명을 요구했다."
	frText = "La SNCF prévoit un trafic très perturbé mardi — « une question de respect », selon les syndicats de cheminots. Déjà vu, où ça ?"
)

func TestDecodeHTML(t *testing.T) {
	t.Parallel()
	page := func(head, text string) string {
		return "<html><head>" + head + "<title>t</title></head><body><p>" + text + "</p></body></html>"
	}
	tests := []struct {
		name        string
		body        []byte
		contentType string
		wantName    string
		wantText    string
	}{
		{"utf-8 undeclared", []byte(page("", zhText)), "", "utf-8", zhText},
		{"utf-8 BOM beats header", append([]byte{0xEF, 0xBB, 0xBF}, page("", frText)...), "text/html; charset=gbk", "utf-8", frText},
		{"utf-16le BOM", mustEncode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), page("", jaText)), "", "utf-16le", jaText},
		{"gbk from header", mustEncode(t, simplifiedchinese.GBK, page("", zhText)), "text/html; charset=GBK", "gbk", zhText},
		{"gb2312 label from meta", mustEncode(t, simplifiedchinese.GBK, page(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, zhText)), "", "gbk", zhText},
		{"gb18030 detected", mustEncode(t, simplifiedchinese.GB18030, page("", zhText)), "", "gb18030", zhText},
		{"shift_jis from meta", mustEncode(t, japanese.ShiftJIS, page(`<meta charset="Shift_JIS">`, jaText)), "text/html", "shift_jis", jaText},
		{"shift_jis detected", mustEncode(t, japanese.ShiftJIS, page("", jaText)), "", "shift_jis", jaText},
		{"euc-jp detected", mustEncode(t, japanese.EUCJP, page("", jaText)), "", "euc-jp", jaText},
		{"euc-jp from meta", mustEncode(t, japanese.EUCJP, page(`<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">`, jaText)), "", "euc-jp", jaText},
		{"big5 detected", mustEncode(t, traditionalchinese.Big5, page("", twText)), "", "big5", twText},
		{"big5 detected, other text", mustEncode(t, traditionalchinese.Big5, page("", "台北市政府今天宣布，明年起將提高公共運輸補貼，市長表示這項政策可以減輕通勤族的負擔。")), "", "big5", "減輕通勤族的負擔"},
		{"gbk detected, other text", mustEncode(t, simplifiedchinese.GBK, page("", "北京市政府今天宣布，明年起将提高公共交通补贴，市长表示这项政策可以减轻通勤族的负担。")), "", "gb18030", "减轻通勤族的负担"},
		{"big5 from header", mustEncode(t, traditionalchinese.Big5, page("", twText)), "text/html; charset=big5", "big5", twText},
		{"gbk traditional text detected", mustEncode(t, simplifiedchinese.GBK, page("", twText)), "", "gb18030", twText},
		{"euc-kr from header", mustEncode(t, korean.EUCKR, page("", koText)), "text/html;charset=euc-kr", "euc-kr", koText},
		{"euc-kr detected", mustEncode(t, korean.EUCKR, page("", koText)), "", "euc-kr", koText},
		{"latin-1 label means windows-1252", mustEncode(t, charmap.Windows1252, page("", frText)), "text/html; charset=iso-8859-1", "windows-1252", frText},
		{"windows-1252 detected", mustEncode(t, charmap.Windows1252, page("", frText)), "", "windows-1252", frText},
		{"meta after a long head comment", mustEncode(t, simplifiedchinese.GBK, page("<!--"+strings.Repeat("x", 2000)+"--><meta charset=gbk>", zhText)), "", "gbk", zhText},
		{"declared utf-8 but really windows-1252", mustEncode(t, charmap.Windows1252, page(`<meta charset="utf-8">`, frText)), "", "windows-1252", frText},
		{"unknown label falls through to detection", mustEncode(t, simplifiedchinese.GBK, page("", zhText)), "text/html; charset=x-klingon", "gb18030", zhText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, name, err := DecodeHTML(tt.body, tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if name != tt.wantName {
				t.Errorf("charset = %q; want %q", name, tt.wantName)
			}
			if !strings.Contains(got, tt.wantText) {
				t.Errorf("decoded text lacks %q:\n%s", tt.wantText, got)
			}
			if strings.HasPrefix(got, "\uFEFF") {
				t.Errorf("BOM kept in output")
			}
		})
	}
}

func TestDecodeHTMLInvalidUTF8(t *testing.T) {
	body := []byte("<p>caf\xc3\xa9 ok, \xff\xfe broken \xc3 here, and more caf\xc3\xa9 caf\xc3\xa9 caf\xc3\xa9</p>")
	got, name, err := DecodeHTML(body, "text/html; charset=utf-8")
	if err != nil || name != "utf-8" {
		t.Fatalf("DecodeHTML = _, %q, %v", name, err)
	}
	if !strings.Contains(got, "café ok, \uFFFD") || strings.Count(got, "café") != 4 {
		t.Errorf("invalid bytes not replaced cleanly: %q", got)
	}
}
