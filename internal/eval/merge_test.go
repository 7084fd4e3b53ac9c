package eval

import (
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// entityArticle is an article with the people named, each with its mention strings.
func entityArticle(people map[string][]string) *article.Article {
	a := &article.Article{}
	for name, mentions := range people {
		e := article.Entity{Type: article.TypePerson, Name: name}
		for _, m := range mentions {
			e.Mentions = append(e.Mentions, article.Mention{Text: m})
		}
		a.Entities = append(a.Entities, e)
	}
	return a
}

func TestScoreMergeSplit(t *testing.T) {
	golds := []MergeGold{
		{Doc: "d1", Split: "tune", Mentions: []MergeMention{
			{Text: "Donald Trump", Type: "PERSON", ID: "Donald Trump"}, {Text: "Trump", Type: "PERSON", ID: "Donald Trump"},
			{Text: "Hillary Clinton", Type: "PERSON", ID: "Hillary Clinton"}}},
		{Doc: "d2", Split: "tune", Mentions: []MergeMention{
			{Text: "Trump", Type: "PERSON", ID: "Donald Trump"}, {Text: "Hillary Clinton", Type: "PERSON", ID: "Hillary Clinton"}}},
		{Doc: "d3", Split: "tune", Mentions: []MergeMention{
			{Text: "Smith", Type: "PERSON", ID: "Doug Smith"}, {Text: "Nobody", Type: "PERSON", ID: "Nobody"}}},
		{Doc: "d4", Split: "aside", Mentions: []MergeMention{{Text: "Trump", Type: "PERSON", ID: "Donald Trump"}}},
	}
	arts := []*article.Article{
		entityArticle(map[string][]string{"Donald Trump": {"Donald Trump", "Trump"}, "Hillary Clinton": {"Hillary Clinton"}}),
		entityArticle(map[string][]string{"Trump": {"Trump"}, "Hillary Clinton": {"Hillary Clinton"}}),
		entityArticle(map[string][]string{"Smith": {"Smith"}}),
		entityArticle(map[string][]string{"Trump": {"Trump"}}),
	}
	c := scoreMergeSplit(golds, arts, "tune")
	// Gold pairs: the three Trumps (3), the two Clintons (1). Merged: all of them, nothing else;
	// "Nobody" is found in no entity.
	if c.mentions != 7 || c.found != 6 {
		t.Errorf("mentions %d found %d; want 7, 6", c.mentions, c.found)
	}
	if c.merged != (PRF{TP: 4}) {
		t.Errorf("merged pairs %+v; want 4 right, none wrong or missed", c.merged)
	}
	// Without merging, d2's "Trump" stays apart from d1's two mentions.
	if c.plain != (PRF{TP: 2, FN: 2}) {
		t.Errorf("plain pairs %+v; want 2 right, 2 missed", c.plain)
	}
}
