// Package article owns the enriched-article document that every stage passes, indexes and returns
// (docs/contracts.md §1), the stable article id, how its values read (DateInterval, SummarizeMoney: what
// the index and the API need, so they import no extractor), and FromPage: turning a fetched HTML
// page into an Article with title, authors, dates, language and body text. It imports nothing else
// of newsmon's.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Article is the enriched article of docs/contracts.md §1. Extractors fill only their own fields.
// Offsets in every Span are Unicode code-point offsets into Text, end exclusive.
type Article struct {
	ID           string     `json:"id"`
	URL          string     `json:"url"`
	CanonicalURL string     `json:"canonical_url"`
	Source       string     `json:"source"`
	Feed         string     `json:"feed,omitempty"`
	SourceTags   []string   `json:"source_tags,omitempty"` // the source's collections: "country:CN", "kind:wire" (pipeline file)
	Title        string     `json:"title"`
	Authors      []string   `json:"authors"`
	Published    *time.Time `json:"published,omitempty"`
	Updated      *time.Time `json:"updated,omitempty"`
	Fetched      time.Time  `json:"fetched"`
	Language     string     `json:"language"`
	SiteName     string     `json:"site_name,omitempty"`
	Image        string     `json:"image,omitempty"`
	Text         string     `json:"text"`

	Entities []Entity `json:"entities"`
	Places   []Place  `json:"places"`
	Events   []Event  `json:"events"`
	Money    []Money  `json:"money"`
	Dates    []Date   `json:"dates"`
	Quotes   []Quote  `json:"quotes"`
}

// Entity types of docs/contracts.md §1.
const (
	TypePerson = "PERSON"
	TypeOrg    = "ORG"
	TypePlace  = "PLACE"
	TypeEvent  = "EVENT"
	TypeMisc   = "MISC"
)

// Span is a code-point range into Article.Text, end exclusive.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Mention is one occurrence of a name in the text.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Entity is a person, organisation, place, event or other name, with all its mentions.
type Entity struct {
	Type     string    `json:"type"`
	Name     string    `json:"name"`
	Mentions []Mention `json:"mentions"`
	Count    int       `json:"count"`
	Role     string    `json:"role,omitempty"`
}

// Place is a PLACE mention resolved to a gazetteer entry.
type Place struct {
	Name        string    `json:"name"`
	GeonameID   int       `json:"geonameid"`
	Feature     string    `json:"feature"` // country|admin1|admin2|city|other
	CountryCode string    `json:"country_code"`
	Country     string    `json:"country"`
	Admin1Code  string    `json:"admin1_code"`
	Admin1      string    `json:"admin1"`
	Lat         float64   `json:"lat"`
	Lon         float64   `json:"lon"`
	Mentions    []Mention `json:"mentions"`
}

// Event is something that happened, with its optional date and place. Two kinds share the type:
// a named event (an EVENT name such as "IoT Solutions World Congress": Name set, Trigger nil) and an
// event mention ("protesters clashed with police": Trigger set, Name only when it refers to a named
// event). Date is an ISO date ("2023-10-23", "2023-10", "2023") or an ISO interval
// ("2023-10-20/2023-10-23", then DateEnd is its last day).
type Event struct {
	Name     string    `json:"name"`
	Mentions []Mention `json:"mentions"`
	Date     string    `json:"date,omitempty"`
	Place    string    `json:"place,omitempty"`

	Type         string        `json:"type,omitempty"` // see pkg/extract/event for the type set
	Trigger      *Mention      `json:"trigger,omitempty"`
	Participants []Participant `json:"participants,omitempty"`
	Confidence   float64       `json:"confidence,omitempty"`
	DateEnd      string        `json:"date_end,omitempty"`
	Recurring    bool          `json:"recurring,omitempty"`
	Recurrence   string        `json:"recurrence,omitempty"` // yearly|biennial|monthly|weekly|…
	Since        string        `json:"since,omitempty"`      // first edition of a recurring event
	Organiser    string        `json:"organiser,omitempty"`
	GeonameID    int           `json:"geonameid,omitempty"` // the resolved Place, as in Article.Places
	CountryCode  string        `json:"country_code,omitempty"`
	Country      string        `json:"country,omitempty"`
	Admin1       string        `json:"admin1,omitempty"`
	Money        []int         `json:"money,omitempty"`      // indexes into Article.Money stated with the event
	Background   bool          `json:"background,omitempty"` // recalled in passing, before the article's time frame
}

// Participant is a PERSON or ORG taking part in an event, in a role: agent (who acts), target (who
// or what is acted upon).
type Participant struct {
	Name  string `json:"name"`
	Type  string `json:"type"` // PERSON|ORG
	Role  string `json:"role"` // agent|target
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Money is a sum of money found in the text.
type Money struct {
	Text         string  `json:"text"`
	Start        int     `json:"start"`
	End          int     `json:"end"`
	Amount       float64 `json:"amount"`
	AmountMax    float64 `json:"amount_max,omitempty"` // upper end of a range ("$3-4 billion")
	Currency     string  `json:"currency"`
	Approximate  bool    `json:"approximate"`
	EquivalentOf *int    `json:"equivalent_of"`
}

// Date is a date expression resolved against the publication date.
type Date struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Value string `json:"value"`
	Grain string `json:"grain"` // day|week|month|quarter|year|...
}

// Quote is a direct or reported statement and who made it.
type Quote struct {
	Text           string   `json:"text"`
	Start          int      `json:"start"`
	End            int      `json:"end"`
	Direct         bool     `json:"direct"`
	Speaker        *string  `json:"speaker"`
	SpeakerType    *string  `json:"speaker_type"`
	SpeakerMention *Mention `json:"speaker_mention,omitempty"`
	Cue            string   `json:"cue,omitempty"`
	CueSpan        *Span    `json:"cue_span,omitempty"`
	Role           string   `json:"role,omitempty"`
	// SpeakerKind says how the cue's subject refers to the speaker: "named" (a name), "nominal" (a
	// description such as "the agency", resolved to a named entity when the article names it),
	// "pronoun" (he/she/they/it) or "anonymous" (a description that names nobody: "analysts", "a
	// person familiar with the matter"). Empty when there is no speaker.
	SpeakerKind string `json:"speaker_kind,omitempty"`
}

// Page is a fetched web page as the crawler hands it to FromPage.
type Page struct {
	URL         string    // the address that was requested
	FinalURL    string    // the address after redirects
	ContentType string    // the HTTP Content-Type header, used for the charset
	Body        []byte    // raw bytes as received (already size-limited by the fetcher)
	Fetched     time.Time // when the response arrived
	Source      string    // publisher or feed name from the pipeline, if known
	Feed        string    // feed URL the page was discovered in, if any
	SourceTags  []string  // the source's collection tags, copied to Article.SourceTags; not modified
	Hints       Hints     // what the feed or sitemap said about the page
}

// Hints are metadata a feed or sitemap gave for a page; FromPage uses them when the page lacks its own.
type Hints struct {
	Title     string
	Authors   []string
	Published *time.Time
	Language  string
}

// IDFor returns the stable article id: the first 32 hex characters of the SHA-256 of the canonical URL.
// The same id is the NATS Msg-Id stem, the bleve doc id and the Elasticsearch _id, which makes every
// stage idempotent.
func IDFor(canonicalURL string) string {
	sum := sha256.Sum256([]byte(canonicalURL))
	return hex.EncodeToString(sum[:16])
}

// Normalize replaces nil slices by empty ones so the JSON always carries every contract field.
func (a *Article) Normalize() {
	if a.Authors == nil {
		a.Authors = []string{}
	}
	if a.Entities == nil {
		a.Entities = []Entity{}
	}
	if a.Places == nil {
		a.Places = []Place{}
	}
	if a.Events == nil {
		a.Events = []Event{}
	}
	if a.Money == nil {
		a.Money = []Money{}
	}
	if a.Dates == nil {
		a.Dates = []Date{}
	}
	if a.Quotes == nil {
		a.Quotes = []Quote{}
	}
}
