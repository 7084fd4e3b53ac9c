package event

import "testing"

// TestLegalEvidence: legal triggers with no arrest, charge or trial that happened (issue #19,
// audit of unseen stories): a duty, a fee, a test, a right, a power, a measure debated.
func TestLegalEvidence(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"a duty", fixture{text: "The chairman is charged with ensuring order in the chamber."}, nil},
		{"a duty given", fixture{text: "The unit was charged with drawing up new plans for the networks."}, nil},
		{"a fee", fixture{text: "The firm also charges a monthly subscription fee."}, nil},
		{"a test of a service", fixture{text: "The operator is set to trial a faster service in the summer."}, nil},
		{"a player on trial", fixture{text: "The midfielder has been on trial with several clubs."}, nil},
		{"a trial scheme", fixture{text: "The trial scheme could start in weeks."}, nil},
		{"a fair trial", fixture{text: "Everyone has the right to a fair trial."}, nil},
		{"without trial", fixture{text: "Imprisonment without charge or trial is wrong, the judge said."}, nil},
		{"a power", fixture{text: "Officers will have the power to detain suspects for 30 minutes."}, nil},
		{"arrest powers", fixture{text: "The minister said the house arrest powers would be renewed annually."}, nil},
		{"house arrest debated", fixture{text: "The opposition says it will not back house arrest for suspects."}, nil},
		// still legal
		{"charged with a crime", fixture{text: "Police said the man was charged with stealing a car."}, []string{"legal|"}},
		{"cleared of the charges", fixture{text: "He was eventually cleared of the charges."}, []string{"legal|"}},
		{"under house arrest", fixture{text: "The opposition leader was placed under house arrest.",
			entities: [][2]string{{"PERSON", "opposition leader"}}}, []string{"legal|"}},
		{"on trial for fraud", fixture{text: "The banker is on trial for fraud."}, []string{"legal|"}},
	})
}
