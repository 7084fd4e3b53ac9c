package dates

import (
	"testing"
	"time"
)

// TestChineseRelativeMonthDay: a day after a relative month ("本月15日") is that month's day, one
// date, not the month and a bare "15日" read apart (issue #22, fresh dev batch).
func TestChineseRelativeMonthDay(t *testing.T) {
	ref := time.Date(2026, 11, 19, 0, 0, 0, 0, time.UTC)
	for in, want := range map[string]string{
		"日本政府本月15日通过计划": "本月15日 2026-11-15 day",
		"上个月3号发布":       "上个月3号 2026-10-03 day",
		"下月1日起实施":       "下月1日 2026-12-01 day",
	} {
		got := New().FindIn(in, ref, "", "zh")
		if len(got) != 1 || got[0].Text+" "+got[0].Value+" "+got[0].Grain != want {
			t.Errorf("%q = %+v; want %s", in, got, want)
		}
	}
}
