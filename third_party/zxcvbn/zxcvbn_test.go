package zxcvbn

// Rewire's copy replaces upstream's tests (which need testify) with this
// one: every password of upstream's reference output (testdata/output.json,
// from the coffeescript zxcvbn 4.4.2) must get the same score, guesses and
// match sequence from the lazily built dictionaries.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/trustelem/zxcvbn/match"
	"github.com/trustelem/zxcvbn/scoring"
)

func TestPasswordStrengthMatchesReference(t *testing.T) {
	var cases []struct {
		Password string         `json:"password"`
		Guesses  float64        `json:"guesses"`
		Score    int            `json:"score"`
		Sequence []*match.Match `json:"sequence"`
	}
	b, err := os.ReadFile(filepath.Join("testdata", "output.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	// The reference was made in 2019; dates are scored by their distance
	// from the current year.
	defer func(y int) { scoring.ReferenceYear = y }(scoring.ReferenceYear)
	scoring.ReferenceYear = 2019
	if len(cases) < 50 {
		t.Fatalf("only %d reference cases", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Password, func(t *testing.T) {
			// The reference counts positions in characters, Go in bytes.
			runeAt := make(map[int]int, len(c.Password)+1)
			n := 0
			for i := range c.Password {
				runeAt[i] = n
				n++
			}
			runeAt[len(c.Password)] = n

			got := PasswordStrength(c.Password, nil)
			if got.Score != c.Score || got.Guesses != c.Guesses {
				t.Errorf("score %d, guesses %g; want %d, %g", got.Score, got.Guesses, c.Score, c.Guesses)
			}
			if len(got.Sequence) != len(c.Sequence) {
				t.Fatalf("%d matches, want %d: %s", len(got.Sequence), len(c.Sequence), match.ToString(got.Sequence))
			}
			for j, want := range c.Sequence {
				g := got.Sequence[j]
				if runeAt[g.I] != want.I || runeAt[g.J+1]-1 != want.J || g.Pattern != want.Pattern || g.Token != want.Token || g.Guesses != want.Guesses {
					t.Errorf("match %d: got %d-%d %s %q %g, want %d-%d %s %q %g", j,
						runeAt[g.I], runeAt[g.J+1]-1, g.Pattern, g.Token, g.Guesses,
						want.I, want.J, want.Pattern, want.Token, want.Guesses)
				}
			}
		})
	}
}

// TestScores: the app's own examples of a weak and a strong passphrase.
func TestScores(t *testing.T) {
	for _, tc := range []struct {
		password string
		score    int
	}{
		{"password", 0},
		{"quiet river morning lantern", 4},
	} {
		if got := PasswordStrength(tc.password, nil).Score; got != tc.score {
			t.Errorf("%q: score %d, want %d", tc.password, got, tc.score)
		}
	}
}
