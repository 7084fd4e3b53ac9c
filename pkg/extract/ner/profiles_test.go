package ner

import (
	"bytes"
	"context"
	"reflect"
	"slices"
	"testing"
)

func TestProfileCode(t *testing.T) {
	t.Parallel()
	// counts: O, then the CoNLL types PER, LOC, ORG, MISC (type index + 1).
	for _, tc := range []struct {
		name   string
		counts []uint32
		want   uint32
	}{
		{"seen once", []uint32{0, 1, 0, 0, 0}, 0},
		{"always a place", []uint32{0, 0, 40, 0, 0},
			profilePresent | 2<<4 | 0<<2 | 2 | (entityPresent|2<<3|5)<<16},
		{"mostly O, sometimes a person", []uint32{7, 3, 0, 0, 0},
			profilePresent | 0<<4 | 1<<2 | 1 | (entityPresent|1<<3|2)<<16},
		{"never an entity", []uint32{3, 0, 0, 0, 0}, profilePresent | 0<<4 | 0<<2 | 0},
		{"half LOC, half ORG", []uint32{0, 0, 2, 2, 0},
			profilePresent | 2<<4 | 2<<2 | 0 | (entityPresent|2<<3|5)<<16},
	} {
		if got := profileCode(tc.counts); got != tc.want {
			t.Errorf("%s: profileCode(%v) = %#x; want %#x", tc.name, tc.counts, got, tc.want)
		}
	}
}

func TestProfilesRoundTripAndModelCheck(t *testing.T) {
	t.Parallel()
	none, err := NewResources(nil)
	if err != nil {
		t.Fatal(err)
	}
	base, err := ReadModel(bytes.NewReader(trainTiny(t, none)), none)
	if err != nil {
		t.Fatal(err)
	}
	c := NewProfileCounter(base, places)
	for range 3 {
		c.AddText([]string{"Amina Okafor flew to Lagos on Monday.", "She met officials in Lagos."})
	}
	var buf bytes.Buffer
	if err := c.Write(&buf); err != nil {
		t.Fatal(err)
	}
	res, err := none.WithProfiles(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if res.ProfilesChecksum() == "none" || none.ProfilesChecksum() != "none" {
		t.Errorf("checksums: with profiles %q, without %q", res.ProfilesChecksum(), none.ProfilesChecksum())
	}
	lagos := res.profiles[exactHash("Lagos")]
	if lagos&profilePresent == 0 || int(lagos>>4&31) != 2 {
		t.Errorf("Lagos' profile = %#x; want LOC (2) as its majority label", lagos)
	}
	if res.profiles[exactHash("Okafor")]>>16 == 0 {
		t.Error("Okafor's profile says it was never inside an entity")
	}
	if _, ok := res.profiles[exactHash("officials")]; !ok {
		t.Error("no profile for a word seen six times")
	}

	// A model records the profile table it was trained with and refuses to load with another.
	withProfiles := trainTiny(t, res)
	if _, err := ReadModel(bytes.NewReader(withProfiles), res); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadModel(bytes.NewReader(withProfiles), none); err == nil {
		t.Error("ReadModel without the profiles the model was trained with: want an error")
	}
}

func TestCrossValidatedCountsRoundTrip(t *testing.T) {
	t.Parallel()
	res, err := NewResources(nil)
	if err != nil {
		t.Fatal(err)
	}
	docs := readTiny(t)
	cv := NewProfileCounter(nil, nil)
	if _, err := Train(context.Background(), TrainConfig{Scheme: "conll2003", MaxEpochs: 4, Seed: 7, Bits: 14,
		Places: places, Resources: res, CrossValidated: cv}, append(slices.Clone(docs), docs...), docs, nil); err != nil {
		t.Fatal(err)
	}
	tokens := 0
	for _, d := range docs {
		for _, s := range d {
			tokens += len(s.Tokens)
		}
	}
	var counted uint32
	for _, c := range cv.counts {
		for _, v := range c {
			counted += v
		}
	}
	if int(counted) != 2*tokens {
		t.Errorf("%d labels counted; want one per training token, %d", counted, 2*tokens)
	}

	var buf bytes.Buffer
	if err := cv.WriteCounts(&buf); err != nil {
		t.Fatal(err)
	}
	back := NewProfileCounter(nil, nil)
	if err := back.ReadCounts(bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.counts, cv.counts) {
		t.Error("label counts changed in a round trip")
	}
	// Counts of another scheme (another number of labels per word) do not add up.
	other := NewProfileCounter(nil, nil)
	for w := range cv.counts {
		other.counts[w] = make([]uint32, 19)
		break
	}
	buf.Reset()
	if err := other.WriteCounts(&buf); err != nil {
		t.Fatal(err)
	}
	if err := back.ReadCounts(bytes.NewReader(buf.Bytes())); err == nil {
		t.Error("ReadCounts of another scheme's counts: want an error")
	}
}
