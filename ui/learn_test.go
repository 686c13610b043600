package ui

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/assets"
)

// citeParts returns the first author's surname and the year of a source's
// short citation ("Bowen, Chawla & Marlatt 2011" → "Bowen", "2011").
func citeParts(cite string) (surname, year string) {
	f := strings.Fields(cite)
	return strings.TrimRight(f[0], ","), f[len(f)-1]
}

func TestEveryLearnCardExistsInEveryLanguageAndNamesItsSources(t *testing.T) {
	for _, l := range Languages {
		for _, topic := range learnTopics {
			t.Run(l.Code+"/"+topic.ID, func(t *testing.T) {
				// Read the language's own file: the English fallback must not hide a missing one.
				data, err := fs.ReadFile(assets.Learn, "learn/"+l.Code+"/"+topic.ID+".md")
				if err != nil {
					t.Fatal(err)
				}
				c, err := parseLearnCard(string(data))
				if err != nil {
					t.Fatal(err)
				}
				if c.Summary == "" || len(strings.Fields(c.Body)) < 80 {
					t.Errorf("card %q is too thin: %d words", c.Title, len(strings.Fields(c.Body)))
				}
				if len(topic.Sources) == 0 {
					t.Fatal("no sources")
				}
				for _, s := range topic.Sources {
					name, year := citeParts(s.Cite)
					if !strings.Contains(s.Ref, name) || !strings.Contains(s.Ref, "("+year) {
						t.Errorf("reference %q does not match its citation %q", s.Ref, s.Cite)
					}
					if !strings.Contains(c.Body, name) || !strings.Contains(c.Body, year) {
						t.Errorf("the text does not name its source %q", s.Cite)
					}
				}
			})
		}
		t.Run(l.Code+" has no card that is not listed", func(t *testing.T) {
			files, err := fs.Glob(assets.Learn, "learn/"+l.Code+"/*.md")
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				id := strings.TrimSuffix(path.Base(f), ".md")
				if _, ok := findLearnTopic(id); !ok {
					t.Errorf("%s is not a topic", f)
				}
			}
			if len(files) != len(learnTopics) {
				t.Errorf("%d cards, want %d", len(files), len(learnTopics))
			}
		})
	}
}

func TestLearnCardTitlesDifferByLanguage(t *testing.T) {
	for _, topic := range learnTopics {
		en, _ := loadLearnCard("en", topic.ID)
		for _, code := range []string{"sv", "uk"} {
			c, err := loadLearnCard(code, topic.ID)
			if err != nil {
				t.Fatal(err)
			}
			if c.Title == en.Title || c.Body == en.Body {
				t.Errorf("%s/%s reads like the English card: not translated", code, topic.ID)
			}
		}
	}
}

func TestParseLearnCard(t *testing.T) {
	tests := []struct {
		name, in string
		want     learnCard
		wantErr  bool
	}{
		{"title, summary and body", "# Sleep\n\nFirst  line\nwraps.\n\nMore.\n",
			learnCard{Title: "Sleep", Summary: "First line wraps.", Body: "First  line\nwraps.\n\nMore."}, false},
		{"Windows line ends", "# Sleep\r\n\r\nText.\r\n", learnCard{Title: "Sleep", Summary: "Text.", Body: "Text."}, false},
		{"no title line", "Sleep\n\nText.", learnCard{}, true},
		{"no text", "# Sleep\n\n", learnCard{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseLearnCard(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("got %+v, %v; want %+v, error %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestLearnCardViewShowsSourcesAndTheTreatmentNote(t *testing.T) {
	for _, l := range Languages {
		t.Run(l.Name, func(t *testing.T) {
			test.NewTempApp(t)
			SetLanguage(l.Code)
			t.Cleanup(func() { SetLanguage("en") })
			tr := translation(t, l.Code)
			for _, topic := range learnTopics {
				// Size the window first: wrapping text in a tiny window is slow.
				w := test.NewWindow(widget.NewLabel(""))
				w.Resize(fyne.NewSize(600, 900))
				w.SetContent(learnCardView(topic.ID))
				var got []string
				for _, o := range test.LaidOutObjects(w.Content()) {
					switch x := o.(type) {
					case *widget.Label:
						got = append(got, x.Text)
					case *widget.RichText:
						got = append(got, x.String())
					}
				}
				w.Close()
				for _, want := range append([]string{tr["learn.sources"], tr["learn.disclaimer"]}, refs(topic)...) {
					if !slices.Contains(got, want) {
						t.Errorf("%s: the card does not show %q", topic.ID, want)
					}
				}
			}
		})
	}
}

func refs(t learnTopic) []string {
	var out []string
	for _, s := range t.Sources {
		out = append(out, s.Ref)
	}
	return out
}

func TestLearnScreenListsEveryCardAndOpensOne(t *testing.T) {
	a, _, _ := unlockedTestApp(t)
	a.ShowScreen(screenLearn)
	s := a.shell.screens[screenLearn].(*learnScreen)
	if s.list.Length() != len(learnTopics) {
		t.Errorf("the list has %d cards, want %d", s.list.Length(), len(learnTopics))
	}
	if !showsText(a, "Your brain can change") {
		t.Error("the first card is not shown when the screen opens")
	}
	s.list.Select(1)
	if s.current != learnUrges || !showsText(a, "Bowen & Marlatt 2009") {
		t.Errorf("selecting the second card shows %q", s.current)
	}
	if !showsText(a, "does not replace treatment") {
		t.Error("the Learn screen does not say the app is no treatment")
	}
}

func TestLearnLinkOpensItsCardOverTheScreen(t *testing.T) {
	a, _, _ := unlockedTestApp(t)
	a.ShowScreen(screenGratitude)
	var link *widget.Button
	for _, o := range objects(a) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Why this helps" {
			link = b
		}
	}
	if link == nil {
		t.Fatal("the gratitude screen has no learn link")
	}
	test.Tap(link)
	top := a.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no card opened")
	}
	found := false
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && l.Text == "Why three good things" {
			found = true
		}
	}
	if !found {
		t.Error("the open card is not the gratitude card")
	}
	if a.shell.current != screenGratitude {
		t.Error("the link left the screen")
	}
}

func TestLockClosesAnOpenLearnCard(t *testing.T) {
	a, _, _ := unlockedTestApp(t)
	openLearnCard(a.win.Content(), learnSleep)
	if a.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the card did not open")
	}
	a.Lock()
	if a.win.Canvas().Overlays().Top() != nil {
		t.Error("a dialog stayed open over the unlock screen after lock")
	}
}
