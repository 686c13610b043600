package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/trustelem/zxcvbn"
)

// minScore is the weakest zxcvbn score (0–4) a passphrase may have.
const minScore = 3

// strengthInputs are words zxcvbn should treat as easy to guess here.
var strengthInputs = []string{"rewire", "journal", "recovery", "passphrase", "password", "sober", "diary"}

// passphraseScore estimates how hard p is to guess, 0 (very easy) to 4.
func passphraseScore(p string) int {
	if p == "" {
		return 0
	}
	return zxcvbn.PasswordStrength(p, strengthInputs).Score
}

// strengthAdvice is plain advice for a score; empty passphrases get the
// general advice.
func strengthAdvice(p string, score int) string {
	switch {
	case p == "":
		return lang.X("strength.empty", "Use four or more unrelated words, like a short odd sentence. Avoid names, dates and quotes.")
	case score <= 1:
		return lang.X("strength.weak", "Too easy to guess. Use four or more unrelated words.")
	case score == 2:
		return lang.X("strength.fair", "Getting there. Add another unrelated word or two.")
	case score == 3:
		return lang.X("strength.good", "Good. Make sure you can remember it.")
	}
	return lang.X("strength.strong", "Strong. Make sure you can remember it.")
}

// strengthMeter shows a thin bar and advice for a passphrase as it is typed.
type strengthMeter struct {
	score  int // 0–4, and 0 for an empty passphrase
	track  *canvas.Rectangle
	fill   *canvas.Rectangle
	bar    *fyne.Container
	advice *widget.Label
	box    *fyne.Container
}

func newStrengthMeter() *strengthMeter {
	m := &strengthMeter{
		track:  canvas.NewRectangle(theme.Color(theme.ColorNameInputBorder)),
		fill:   canvas.NewRectangle(theme.Color(theme.ColorNamePrimary)),
		advice: widget.NewLabel(""),
	}
	m.track.CornerRadius, m.fill.CornerRadius = 3, 3
	m.bar = container.New(m, m.track, m.fill)
	m.advice.Wrapping = fyne.TextWrapWord
	m.box = container.NewVBox(container.NewPadded(m.bar), m.advice)
	m.update("")
	return m
}

// MinSize and Layout make the meter the layout of its bar: a thin track
// with a fill for the score.
func (m *strengthMeter) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(40, 6) }

func (m *strengthMeter) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	m.track.Resize(size)
	m.fill.Resize(fyne.NewSize(size.Width*float32(m.score)/4, size.Height))
}

// update re-scores p and returns the score.
func (m *strengthMeter) update(p string) int {
	score := passphraseScore(p)
	m.score = score
	color := theme.ColorNamePrimary
	if score < minScore {
		color = theme.ColorNameWarning
	}
	m.track.FillColor = theme.Color(theme.ColorNameInputBorder)
	m.fill.FillColor = theme.Color(color)
	m.Layout(nil, m.bar.Size())
	m.bar.Refresh()
	m.advice.SetText(strengthAdvice(p, score))
	if p != "" && score < minScore {
		m.advice.Importance = widget.WarningImportance
	} else {
		m.advice.Importance = widget.MediumImportance
	}
	m.advice.Refresh()
	return score
}

// passphrasePair is a new passphrase typed twice, with the meter.
type passphrasePair struct {
	first, second *widget.Entry
	meter         *strengthMeter
	box           *fyne.Container
}

func newPassphrasePair(touch func()) *passphrasePair {
	p := &passphrasePair{first: widget.NewPasswordEntry(), second: widget.NewPasswordEntry(), meter: newStrengthMeter()}
	p.first.SetPlaceHolder(lang.X("pass.new", "New passphrase"))
	p.second.SetPlaceHolder(lang.X("pass.repeat", "The same passphrase again"))
	p.first.OnChanged = func(s string) { p.meter.update(s); touch() }
	p.second.OnChanged = func(string) { touch() }
	p.box = container.NewVBox(p.first, p.meter.box, p.second)
	return p
}

// check returns the passphrase, or a kind message why it cannot be used.
func (p *passphrasePair) check() ([]byte, string) {
	switch {
	case p.first.Text == "":
		return nil, lang.X("pass.missing", "Please choose a passphrase.")
	case passphraseScore(p.first.Text) < minScore:
		return nil, lang.X("pass.tooweak", "This passphrase would be too easy to guess. Try adding more unrelated words; it only needs to be memorable to you.")
	case p.first.Text != p.second.Text:
		return nil, lang.X("pass.mismatch", "The two passphrases are not the same. Please type them again.")
	}
	return []byte(p.first.Text), ""
}

// clear empties both fields.
func (p *passphrasePair) clear() {
	p.first.SetText("")
	p.second.SetText("")
}
