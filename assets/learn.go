package assets

import "embed"

// Learn holds the learn cards: learn/<lang>/<topic>.md, one short
// plain-language Markdown card per topic and language. The first line is
// the card's "# Title", the first paragraph its summary; the sources are
// kept with the topics in the ui package, since citations are not
// translated. A ui test checks every topic exists in every language.
//
//go:embed learn/*/*.md
var Learn embed.FS
