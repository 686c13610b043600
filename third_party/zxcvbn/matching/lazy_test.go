package matching

import "testing"

// TestDictionariesBuiltOnFirstUse is Rewire's: nothing is built at init,
// and the first match builds every frequency list.
func TestDictionariesBuiltOnFirstUse(t *testing.T) {
	if dicts.rankedDictionaries != nil {
		t.Fatal("the ranked dictionaries were built before any match")
	}
	if len(Omnimatch("password", nil)) == 0 {
		t.Fatal(`no match for "password"`)
	}
	for _, name := range []string{"passwords", "english_wikipedia", "female_names", "male_names", "surnames", "us_tv_and_film"} {
		if len(dicts.rankedDictionaries[name]) == 0 {
			t.Errorf("dictionary %s is empty after the first match", name)
		}
	}
}
