// Package assets embeds the files the app ships with: the icon (SVG source
// and the PNG rendered from it with `rsvg-convert -w 512 -h 512 icon.svg`)
// and the translations (translations/en.json, sv.json, uk.json: flat
// key → text maps in go-i18n's JSON format, loaded by the ui package with
// lang.AddTranslationsFS). There are no sound files: the bells and
// breathing cues are synthesized by the sound package, so there is no
// recording whose licence or origin needs tracking.
package assets

import (
	"embed"
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

//go:embed icon.svg
var iconSVG []byte

// Icon is the application icon (512×512 PNG).
var Icon = fyne.NewStaticResource("rewire.png", iconPNG)

// IconSVG is the icon's vector source.
var IconSVG = fyne.NewStaticResource("rewire.svg", iconSVG)

// Translations holds translations/<lang>.json for every language the app
// speaks, and translations/<feature>.<lang>.json for features that keep
// their strings apart. Every language has the same keys; a ui test checks it.
//
//go:embed translations/*.json
var Translations embed.FS
