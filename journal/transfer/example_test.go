package transfer_test

import (
	"fmt"
	"time"

	"github.com/rewirejournal/rewire/journal/transfer"
)

// A note from any Markdown app becomes an entry: the date from the front
// matter (or the file name), the title from the first heading.
func ExampleParseMarkdownFile() {
	note := []byte("---\ndate: 2026-03-07 08:15\ntags: [morgon, kaffe]\nmood: 4\n---\n# Morgon\n\nSvart kaffe på balkongen.\n")
	p := transfer.ParseMarkdownFile("morgon.md", note, time.UTC)
	for _, r := range p.Records {
		fmt.Println(r.Date, r.Created.Format("15:04"), r.Entry.Title, r.Entry.Tags, r.Entry.Mood)
		fmt.Println(r.Entry.Body)
	}
	// Output:
	// 2026-03-07 08:15 Morgon [morgon kaffe] 4
	// Svart kaffe på balkongen.
}
