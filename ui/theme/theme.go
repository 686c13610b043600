// Package theme is Rewire's calm Fyne theme: a soft teal taken from the app
// icon, warm off-white or deep slate backgrounds, and a little more room
// than Fyne's default. It uses Fyne's bundled Noto Sans, which covers Latin
// and Cyrillic, so Swedish and Ukrainian render without embedding a font.
//
// It holds no state and knows nothing about the journal.
package theme

import (
	"image/color"

	"fyne.io/fyne/v2"
	fynetheme "fyne.io/fyne/v2/theme"
)

// Mode is the user's theme choice as stored in the settings record.
type Mode string

// The theme modes.
const (
	System Mode = "system" // follow the operating system's light or dark variant
	Light  Mode = "light"
	Dark   Mode = "dark"
)

// ParseMode returns the mode named s, or [System] for anything else.
func ParseMode(s string) Mode {
	switch Mode(s) {
	case Light, Dark:
		return Mode(s)
	}
	return System
}

// Teal is Rewire's primary colour, from the icon's gradient.
var Teal = color.NRGBA{R: 0x3f, G: 0x8f, B: 0x87, A: 0xff}

// New returns the theme for mode.
func New(mode Mode) fyne.Theme { return &rewire{mode: mode} }

type rewire struct{ mode Mode }

var _ fyne.Theme = (*rewire)(nil)

func (t *rewire) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.mode {
	case Light:
		return fynetheme.VariantLight
	case Dark:
		return fynetheme.VariantDark
	}
	return v
}

func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff}
}

func rgba(hex uint32, a uint8) color.NRGBA {
	c := rgb(hex)
	c.A = a
	return c
}

var light = map[fyne.ThemeColorName]color.Color{
	fynetheme.ColorNameBackground:          rgb(0xf6f4ef),
	fynetheme.ColorNameForeground:          rgb(0x1f2b2a),
	fynetheme.ColorNamePrimary:             rgb(0x2f7d75),
	fynetheme.ColorNameButton:              rgb(0xe6e8e3),
	fynetheme.ColorNameInputBackground:     rgb(0xffffff),
	fynetheme.ColorNameInputBorder:         rgb(0xc9d1cd),
	fynetheme.ColorNameMenuBackground:      rgb(0xfbfaf7),
	fynetheme.ColorNameOverlayBackground:   rgb(0xfbfaf7),
	fynetheme.ColorNameHeaderBackground:    rgb(0xeaece6),
	fynetheme.ColorNameSeparator:           rgb(0xdcdfd9),
	fynetheme.ColorNamePlaceHolder:         rgb(0x6b7775),
	fynetheme.ColorNameDisabled:            rgb(0x9aa3a1),
	fynetheme.ColorNameDisabledButton:      rgb(0xe3e5e0),
	fynetheme.ColorNameHover:               rgba(0x3f8f87, 0x1e),
	fynetheme.ColorNamePressed:             rgba(0x3f8f87, 0x33),
	fynetheme.ColorNameFocus:               rgba(0x3f8f87, 0x80),
	fynetheme.ColorNameSelection:           rgba(0x3f8f87, 0x40),
	fynetheme.ColorNameScrollBar:           rgba(0x1f2b2a, 0x40),
	fynetheme.ColorNameShadow:              rgba(0x000000, 0x22),
	fynetheme.ColorNameHyperlink:           rgb(0x2a6670),
	fynetheme.ColorNameError:               rgb(0xb4534b),
	fynetheme.ColorNameSuccess:             rgb(0x3f8f5f),
	fynetheme.ColorNameWarning:             rgb(0xb7862d),
	fynetheme.ColorNameForegroundOnPrimary: rgb(0xffffff),
}

var dark = map[fyne.ThemeColorName]color.Color{
	fynetheme.ColorNameBackground:          rgb(0x18201f),
	fynetheme.ColorNameForeground:          rgb(0xe4ebe8),
	fynetheme.ColorNamePrimary:             rgb(0x5fb3a9),
	fynetheme.ColorNameButton:              rgb(0x27302f),
	fynetheme.ColorNameInputBackground:     rgb(0x212a29),
	fynetheme.ColorNameInputBorder:         rgb(0x3b4746),
	fynetheme.ColorNameMenuBackground:      rgb(0x1f2827),
	fynetheme.ColorNameOverlayBackground:   rgb(0x1f2827),
	fynetheme.ColorNameHeaderBackground:    rgb(0x222b2a),
	fynetheme.ColorNameSeparator:           rgb(0x2e3837),
	fynetheme.ColorNamePlaceHolder:         rgb(0x92a09d),
	fynetheme.ColorNameDisabled:            rgb(0x67726f),
	fynetheme.ColorNameDisabledButton:      rgb(0x222a29),
	fynetheme.ColorNameHover:               rgba(0x5fb3a9, 0x1e),
	fynetheme.ColorNamePressed:             rgba(0x5fb3a9, 0x33),
	fynetheme.ColorNameFocus:               rgba(0x5fb3a9, 0x80),
	fynetheme.ColorNameSelection:           rgba(0x5fb3a9, 0x40),
	fynetheme.ColorNameScrollBar:           rgba(0xe4ebe8, 0x40),
	fynetheme.ColorNameShadow:              rgba(0x000000, 0x55),
	fynetheme.ColorNameHyperlink:           rgb(0x7cc7bd),
	fynetheme.ColorNameError:               rgb(0xe08a80),
	fynetheme.ColorNameSuccess:             rgb(0x7cc79a),
	fynetheme.ColorNameWarning:             rgb(0xe5bb6a),
	fynetheme.ColorNameForegroundOnPrimary: rgb(0x10201e),
}

func (t *rewire) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.variant(v)
	palette := light
	if v == fynetheme.VariantDark {
		palette = dark
	}
	if c, ok := palette[n]; ok {
		return c
	}
	return fynetheme.DefaultTheme().Color(n, v)
}

func (t *rewire) Font(s fyne.TextStyle) fyne.Resource { return fynetheme.DefaultTheme().Font(s) }

func (t *rewire) Icon(n fyne.ThemeIconName) fyne.Resource { return fynetheme.DefaultTheme().Icon(n) }

func (t *rewire) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case fynetheme.SizeNamePadding:
		return 6
	case fynetheme.SizeNameInnerPadding:
		return 10
	case fynetheme.SizeNameText:
		return 15
	case fynetheme.SizeNameHeadingText:
		return 26
	case fynetheme.SizeNameSubHeadingText:
		return 19
	case fynetheme.SizeNameInputRadius, fynetheme.SizeNameSelectionRadius:
		return 8
	}
	return fynetheme.DefaultTheme().Size(n)
}
