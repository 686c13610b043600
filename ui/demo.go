package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// DemoPassphrase opens the demo vault [NewDemo] makes.
const DemoPassphrase = screenshotPassphrase

// NewDemo fills a new vault through vaults with a few weeks of made-up
// records (for `rewire --demo`) and returns the app on it, not yet shown.
// The unlock screen tells the passphrase. The caller removes the vault.
func NewDemo(fa fyne.App, vaults Vaults, opts Options) (*App, error) {
	if err := makeDemoVault(vaults); err != nil {
		return nil, err
	}
	a := New(fa, vaults, opts)
	if opts.Language != "" {
		SetLanguage(opts.Language)
	}
	a.unlockNotice = lang.X("desktop.demo.notice",
		"This is a demo journal with made-up entries, deleted when you quit. Its passphrase is: {{.Passphrase}}",
		map[string]any{"Passphrase": DemoPassphrase})
	return a, nil
}
