package dates

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Chinese dates, read character by character (each Han character is a token): "2024年3月16日",
// "3月16日", "16日" (a day of the month nearest to publication), "2024年", "今天", "明天", "周二",
// "星期二", "上周二" (Tuesday of last week), "下周", "去年", "本月".

// hanDays are the day words; hanWeekPrefixes the words that name a week before a weekday.
var (
	hanDays = map[string]int{"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "明天": 1, "明日": 1, "前天": -2,
		"后天": 2, "後天": 2}
	hanWeekdayWords = []string{"星期", "礼拜", "禮拜", "周", "週"}
	hanWeekdayNames = map[rune]time.Weekday{'一': time.Monday, '二': time.Tuesday, '三': time.Wednesday,
		'四': time.Thursday, '五': time.Friday, '六': time.Saturday, '日': time.Sunday, '天': time.Sunday}
	hanRel = []struct {
		text string
		rel  int
	}{{"上个", -1}, {"上個", -1}, {"下个", 1}, {"下個", 1}, {"这个", 0}, {"這個", 0}, {"上", -1}, {"下", 1},
		{"本", 0}, {"这", 0}, {"這", 0}}
	hanPeriods = map[string]int{"周": pWeek, "週": pWeek, "星期": pWeek, "月": pMonth}
	hanYears   = map[string]int{"前年": -2, "去年": -1, "今年": 0, "明年": 1, "后年": 2, "後年": 2}
	// hanFuture and hanPast are the words that point a clause forward or back.
	hanFuture = []string{"即将", "即將", "计划", "計劃", "预计", "預計", "准备", "準備", "将", "將", "会", "會", "拟", "擬", "要"}
	hanPast   = []string{"宣布", "表示", "发布", "發布", "了", "已", "曾", "称", "稱"}
)

// hanAt reads the Chinese date expression at token i.
func (p *parser) hanAt(i int) (hit, bool) {
	if p.t[i].kind == kNum {
		return p.hanNumber(i)
	}
	if p.t[i].kind != kWord || p.ref.IsZero() {
		return hit{}, false
	}
	for w, off := range hanDays {
		if next, ok := p.hanMatch(i, w); ok {
			return hit{from: i, to: next, value: dayValue(p.spokenDay(i).AddDate(0, 0, off)), grain: "day"}, true
		}
	}
	if n, half, next, ok := p.hanPart(i); ok {
		return partHit(hit{from: i, to: next}, p.periodYear(i, n, half), n, half)
	}
	for w, rel := range hanYears {
		if next, ok := p.hanMatch(i, w); ok {
			return hit{from: i, to: next, value: itoa(p.ref.Year() + rel), grain: "year"}, true
		}
	}
	rel, hasRel, k := 0, false, i
	for _, r := range hanRel {
		if next, ok := p.hanMatch(i, r.text); ok {
			rel, hasRel, k = r.rel, true, next
			break
		}
	}
	if w, next, ok := p.hanWeekday(k); ok {
		var t time.Time
		if hasRel {
			t = weekStart(p.ref).AddDate(0, 0, 7*rel+(int(w)+6)%7) // "上周二": Tuesday of last week
		} else {
			t = p.weekdayDate(w, 0, false, i, next)
		}
		return hit{from: i, to: next, value: dayValue(t), grain: "day"}, true
	}
	if hasRel {
		if next, ok := p.hanMatch(k, "月"); ok {
			if h, ok := p.hanMonthDay(i, next, rel); ok {
				return h, true // "本月15日", "上个月3号"
			}
		}
		for w, per := range hanPeriods {
			if next, ok := p.hanMatch(k, w); ok {
				return p.periodHit(hit{from: i, to: next}, per, rel)
			}
		}
	}
	return hit{}, false
}

// hanMonthDay reads the day after a relative month ("本月" + "15日") at k: that day of the month
// rel months from publication's, not a bare "15日" nearest to publication.
func (p *parser) hanMonthDay(from, k, rel int) (hit, bool) {
	d, l := p.num(k)
	if l < 1 || l > 2 || !p.glued(k) || !(p.is(k+1, "日") || p.is(k+1, "号") || p.is(k+1, "號")) {
		return hit{}, false
	}
	first := civil(p.ref.Year(), int(p.ref.Month())+rel, 1)
	t, ok := validDate(first.Year(), int(first.Month()), d)
	if !ok {
		return hit{}, false
	}
	return hit{from: from, to: k + 2, value: dayValue(t), grain: "day"}, true
}

// hanWeekday reads "周二", "星期二", "礼拜天" at k.
func (p *parser) hanWeekday(k int) (time.Weekday, int, bool) {
	for _, w := range hanWeekdayWords {
		next, ok := p.hanMatch(k, w)
		if !ok || next >= len(p.t) || !p.glued(next) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(p.text(next))
		if wd, ok := hanWeekdayNames[r]; ok && utf8.RuneLen(r) == len(p.text(next)) {
			if w == "周" || w == "週" {
				if r == '天' || next+1 < len(p.t) && p.glued(next+1) && (p.is(next+1, "年") || p.is(next+1, "岁")) {
					return 0, 0, false // "周天" is rare, "周二年" no weekday
				}
			}
			return wd, next + 1, true
		}
	}
	return 0, 0, false
}

// hanMatch reports whether the characters of w stand at token k, and the index after them.
func (p *parser) hanMatch(k int, w string) (int, bool) {
	if k >= len(p.t) {
		return 0, false
	}
	start := int(p.t[k].start)
	if !strings.HasPrefix(p.s[start:], w) {
		return 0, false
	}
	end, j := start+len(w), k
	for j < len(p.t) && int(p.t[j].end) <= end {
		j++
	}
	return j, int(p.t[j-1].end) == end
}

// hanNumber reads "2024年3月16日", "2024年3月", "2024年", "3月16日", "3月", "16日" at i.
func (p *parser) hanNumber(i int) (hit, bool) {
	n, ln := p.num(i)
	if n < 0 || !p.glued(i+1) {
		return hit{}, false
	}
	y, mo, k := 0, 0, i
	if p.is(k+1, "年") && ln == 4 && plausibleYear(n) {
		y, k = n, k+2
		if q, half, next, ok := p.hanPart(k); ok {
			return partHit(hit{from: i, to: next}, y, q, half) // "2028年下半年"
		}
		if m, l := p.num(k); l >= 1 && l <= 2 && m >= 1 && m <= 12 && p.is(k+1, "月") {
			mo, k = m, k+2
		} else {
			return hit{from: i, to: k, value: itoa(y), grain: "year"}, true
		}
	} else if p.is(k+1, "月") && ln <= 2 && n >= 1 && n <= 12 {
		mo, k = n, k+2
	}
	if d, l := p.num(k); l >= 1 && l <= 2 && d >= 1 && d <= 31 && (p.is(k+1, "日") || p.is(k+1, "号") || p.is(k+1, "號")) {
		switch {
		case mo != 0:
			return p.dayHit(hit{from: i, to: k + 2, grain: "day"}, y, mo, d, mo, 0)
		case !p.ref.IsZero():
			return p.hanDay(i, k+2, d)
		}
		return hit{}, false
	}
	switch {
	case mo == 0:
		return hit{}, false
	case y != 0:
		return p.monthHit(i, k, y, mo)
	case p.ref.IsZero():
		return hit{}, false
	}
	return p.monthHit(i, k, p.bareMonthYear(mo, 0, false, i, k), mo)
}

// hanDay resolves "16日", a day without its month, over tokens [from, to): the month nearest to
// publication where that day exists, moved a month by the clause's tense.
func (p *parser) hanDay(from, to, d int) (hit, bool) {
	var best time.Time
	for dm := -1; dm <= 1; dm++ {
		first := civil(p.ref.Year(), int(p.ref.Month())+dm, 1)
		if t, ok := validDate(first.Year(), int(first.Month()), d); ok && (best.IsZero() || absDays(t.Sub(p.ref)) < absDays(best.Sub(p.ref))) {
			best = t
		}
	}
	if best.IsZero() {
		return hit{}, false
	}
	switch tense := p.tenseAround(from, to); {
	case tense > 0 && best.Before(p.ref):
		best = best.AddDate(0, 1, 0)
	case tense < 0 && best.After(p.ref):
		best = best.AddDate(0, -1, 0)
	}
	if best.Day() != d {
		return hit{}, false
	}
	return hit{from: from, to: to, value: dayValue(best), grain: "day"}, true
}

// hanTense reads the cue nearest to tokens [from, to) in the sentence: before them, else after.
func (p *parser) hanTense(from, to int) int {
	start := int(p.t[from].start)
	before := p.s[max(0, start-90):start]
	if k := strings.LastIndexAny(before, "。！？；\n"); k >= 0 {
		before = before[k+1:]
	}
	for b := before; b != ""; {
		if t := hanCue(b, strings.HasSuffix); t != 0 {
			return t
		}
		_, size := utf8.DecodeLastRuneInString(b)
		b = b[:len(b)-size]
	}
	end := int(p.t[to-1].end)
	after := p.s[end:min(len(p.s), end+60)]
	if k := strings.IndexAny(after, "，,。！？；\n"); k >= 0 {
		after = after[:k]
	}
	for a := after; a != ""; {
		if t := hanCue(a, strings.HasPrefix); t != 0 {
			return t
		}
		_, size := utf8.DecodeRuneInString(a)
		a = a[size:]
	}
	return 0
}

// hanCue is the tense of a cue at the edge of s that has tests (a suffix or a prefix).
func hanCue(s string, has func(s, w string) bool) int {
	for _, w := range hanFuture {
		if has(s, w) {
			return 1
		}
	}
	for _, w := range hanPast {
		if has(s, w) {
			return -1
		}
	}
	return 0
}

func itoa(n int) string { return strconv.Itoa(n) }

// hanParts are the halves of a year; hanOrdinals the numbers of its quarters ("第三季度", "三季度").
var (
	hanHalves   = map[string]int{"上半年": 1, "下半年": 2}
	hanOrdinals = map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4}
)

// hanPart reads a half ("上半年") or a quarter ("第三季度", "三季度", "第3季度") at k.
func (p *parser) hanPart(k int) (n int, half bool, next int, ok bool) {
	for w, h := range hanHalves {
		if next, ok := p.hanMatch(k, w); ok {
			return h, true, next, true
		}
	}
	j := k
	if p.is(j, "第") {
		j++
	}
	if j >= len(p.t) || p.is(k-1, "前") {
		return 0, false, 0, false // "前三季度" is the first three quarters, not the third
	}
	r, _ := utf8.DecodeRuneInString(p.text(j))
	if q, isOrd := hanOrdinals[r]; isOrd && utf8.RuneLen(r) == len(p.text(j)) {
		n = q
	} else if v, l := p.num(j); l == 1 && v >= 1 && v <= 4 && j > k {
		n = v
	} else {
		return 0, false, 0, false
	}
	next, ok = p.hanMatch(j+1, "季度")
	return n, false, next, ok
}
