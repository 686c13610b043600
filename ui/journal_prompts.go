package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"
)

// journalPrompts are the recovery-oriented prompts a new entry can start
// from. Each is a lang.X call with a literal key so the translation test
// sees it.
func journalPrompts() []string {
	return []string{
		lang.X("journal.prompt.trigger", "What triggered me today, and what did I do instead?"),
		lang.X("journal.prompt.proud", "One thing I'm proud of today:"),
		lang.X("journal.prompt.need", "What do I need right now?"),
		lang.X("journal.prompt.reach", "Who could I reach out to, and what would I say?"),
		lang.X("journal.prompt.body", "What did my body tell me today?"),
		lang.X("journal.prompt.calm", "A moment I felt calm today:"),
		lang.X("journal.prompt.grateful", "Something small that helped today:"),
		lang.X("journal.prompt.tomorrow", "One kind thing I can do for myself tomorrow:"),
	}
}

// parseTags splits the tags field: commas separate tags, a leading # is
// dropped, and a tag given twice (in any case) is kept once.
func parseTags(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range strings.Split(s, ",") {
		t = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(t), "#"))
		if t == "" || seen[strings.ToLower(t)] {
			continue
		}
		seen[strings.ToLower(t)] = true
		out = append(out, t)
	}
	return out
}

// splitLastTag splits the tags field into the tags before the last comma
// and the last, perhaps partly typed, tag (lower case, without #).
func splitLastTag(field string) (done, partial string) {
	done, partial = "", field
	if i := strings.LastIndex(field, ","); i >= 0 {
		done, partial = field[:i], field[i+1:]
	}
	return done, strings.ToLower(strings.TrimLeft(strings.TrimSpace(partial), "#"))
}

// tagSuggestions offers up to max known tags (most used first) that
// complete the last, partly typed tag of field, or, when that tag is
// complete, that could come next. Tags already given are not offered.
func tagSuggestions(field string, known []string, max int) []string {
	done, partial := splitLastTag(field)
	have := map[string]bool{}
	for _, t := range parseTags(done) {
		have[strings.ToLower(t)] = true
	}
	if slices.ContainsFunc(known, func(t string) bool { return strings.ToLower(t) == partial }) {
		have[partial], partial = true, ""
	}
	var out []string
	for _, t := range known {
		k := strings.ToLower(t)
		if have[k] || !strings.HasPrefix(k, partial) {
			continue
		}
		out = append(out, t)
		if len(out) == max {
			break
		}
	}
	return out
}

// completeTag puts tag into field: in place of the last tag if tag
// completes it, else after it.
func completeTag(field, tag string) string {
	done, partial := splitLastTag(field)
	if partial == "" || !strings.HasPrefix(strings.ToLower(tag), partial) {
		done = field
	}
	tags := append(parseTags(done), tag)
	return strings.Join(tags, ", ") + ", "
}
