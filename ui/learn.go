package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/assets"
)

// learnCard is one card's text in one language.
type learnCard struct {
	Title   string
	Summary string // the first paragraph, shown in the list
	Body    string // Markdown after the title
}

var errLearnCard = errors.New("learn card")

// loadLearnCard reads card id in language code, falling back to English.
func loadLearnCard(code, id string) (learnCard, error) {
	data, err := fs.ReadFile(assets.Learn, "learn/"+code+"/"+id+".md")
	if err != nil && code != "en" {
		data, err = fs.ReadFile(assets.Learn, "learn/en/"+id+".md")
	}
	if err != nil {
		return learnCard{}, fmt.Errorf("%w %q: %w", errLearnCard, id, err)
	}
	return parseLearnCard(string(data))
}

// parseLearnCard splits a card file into its title, summary and body.
func parseLearnCard(text string) (learnCard, error) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	first, rest, _ := strings.Cut(text, "\n")
	title, ok := strings.CutPrefix(first, "# ")
	if !ok || strings.TrimSpace(title) == "" {
		return learnCard{}, fmt.Errorf("%w: no \"# Title\" line", errLearnCard)
	}
	body := strings.TrimSpace(rest)
	summary, _, _ := strings.Cut(body, "\n\n")
	if body == "" {
		return learnCard{}, fmt.Errorf("%w %q: no text", errLearnCard, title)
	}
	return learnCard{Title: strings.TrimSpace(title), Summary: strings.Join(strings.Fields(summary), " "), Body: body}, nil
}

// learnDisclaimer is said on the Learn screen and under every card.
func learnDisclaimer() string {
	return lang.X("learn.disclaimer", "Rewire is a self-help tool. It does not replace treatment, a doctor or a counsellor, and it gives no advice about medication: talk to your doctor before you start, stop or change any medicine. If you are in danger, call your local emergency number.")
}

// learnCardView draws card id in the current language with its sources
// and the note that the app is no treatment.
func learnCardView(id string) fyne.CanvasObject {
	t, _ := findLearnTopic(id)
	c, err := loadLearnCard(CurrentLanguage(), id)
	if err != nil {
		fyne.LogError("learn card", err)
		return wrapped(lang.X("learn.missing", "This card could not be read."))
	}
	title := widget.NewLabelWithStyle(c.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	title.Wrapping = fyne.TextWrapWord
	body := widget.NewRichTextFromMarkdown(c.Body)
	body.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{title, body, subheading(lang.X("learn.sources", "Sources"))}
	for _, s := range t.Sources {
		objs = append(objs, caption(s.Ref))
	}
	note := wrapped(learnDisclaimer())
	note.Importance = widget.LowImportance
	objs = append(objs, widget.NewSeparator(), note)
	return container.NewVBox(objs...)
}

// learnLink is a small button that opens learn card topic over whatever is
// on screen, so a running practice is not left. Practice screens put it
// beside their intro.
func learnLink(topic string) fyne.CanvasObject {
	var b *widget.Button
	b = widget.NewButtonWithIcon(lang.X("learn.why", "Why this helps"), theme.InfoIcon(), func() { openLearnCard(b, topic) })
	b.Importance = widget.LowImportance
	return container.NewHBox(b)
}

// openLearnCard shows card topic in a dialog on the window holding from.
func openLearnCard(from fyne.CanvasObject, topic string) {
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	c := app.Driver().CanvasForObject(from)
	var win fyne.Window
	for _, w := range app.Driver().AllWindows() {
		if win == nil || w.Canvas() == c {
			win = w
		}
	}
	if win == nil {
		return
	}
	view := container.NewVScroll(container.NewPadded(learnCardView(topic)))
	d := dialog.NewCustom(lang.X("learn.title", "Learn"), lang.X("learn.close", "Close"), view, win)
	size := win.Canvas().Size()
	d.Resize(fyne.NewSize(min(680, size.Width*0.9), min(560, size.Height*0.9)))
	d.Show()
}

// learnScreen lists the learn cards and shows one.
type learnScreen struct {
	a       *App
	list    *widget.List
	cards   []learnCard
	shown   *fyne.Container
	scroll  *container.Scroll
	current string
}

func newLearnScreen(a *App) screen { return &learnScreen{a: a} }

func (s *learnScreen) Title() string       { return lang.X("learn.title", "Learn") }
func (s *learnScreen) Icon() fyne.Resource { return theme.InfoIcon() }
func (s *learnScreen) Refresh()            {}
func (s *learnScreen) Leave()              {}

func (s *learnScreen) Content() fyne.CanvasObject {
	s.cards = make([]learnCard, len(learnTopics))
	for i, t := range learnTopics {
		c, err := loadLearnCard(CurrentLanguage(), t.ID)
		if err != nil {
			fyne.LogError("learn card", err)
			c.Title = t.ID
		}
		s.cards[i] = c
	}
	s.list = widget.NewList(
		func() int { return len(s.cards) },
		func() fyne.CanvasObject {
			t := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			t.Truncation = fyne.TextTruncateEllipsis
			sum := widget.NewLabel("")
			sum.Truncation = fyne.TextTruncateEllipsis
			sum.SizeName = theme.SizeNameCaptionText
			return container.NewVBox(t, sum)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(s.cards) {
				return
			}
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(s.cards[i].Title)
			box.Objects[1].(*widget.Label).SetText(s.cards[i].Summary)
		})
	s.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(learnTopics) {
			s.open(learnTopics[i].ID)
		}
	}
	s.shown = container.NewVBox()
	s.scroll = container.NewVScroll(container.NewPadded(s.shown))
	intro := caption(learnDisclaimer())
	intro.Importance = widget.MediumImportance
	head := container.NewVBox(screenHeading(s.Title()),
		wrapped(lang.X("learn.intro", "Short cards on why the daily practices help, each with the studies behind it.")), intro)
	split := container.NewHSplit(s.list, s.scroll)
	split.Offset = 0.36
	s.list.Select(0)
	return container.NewPadded(container.NewBorder(head, nil, nil, nil, split))
}

// open shows card id.
func (s *learnScreen) open(id string) {
	if s.shown == nil || id == s.current {
		return
	}
	s.current = id
	s.shown.Objects = []fyne.CanvasObject{learnCardView(id)}
	s.shown.Refresh()
	s.scroll.ScrollToTop()
	for i, t := range learnTopics {
		if t.ID == id {
			s.list.Select(i)
		}
	}
}
