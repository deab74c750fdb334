package catalog

import "strings"

// Messages say what was built, where, why and the fix in one sentence;
// the numbers behind every rule and the Python pre-fork detail are said
// once, after the findings of the text output (design.md, "Output").

// footerWhy is the numbers every finding rests on.
const footerWhy = "SNAT ports: Azure App Service preallocates 128 per instance and destination, " +
	"and a closed connection keeps its port about 4 minutes, so about 0.5 new connections " +
	"per second can be sustained; build each client once and reuse it."

// footerPreFork is the Python detail of every fix.
const footerPreFork = "Python with a pre-fork server (gunicorn --preload): create the client " +
	"lazily after the fork, on first use."

// Footer is the text that follows the findings of the text output: the
// numbers, the pre-fork note when a Python finding was reported, and the
// page of each rule reported (ids, in order, without duplicates).
func Footer(ids []string, python bool) string {
	if len(ids) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(footerWhy)
	b.WriteByte('\n')
	if python {
		b.WriteString(footerPreFork)
		b.WriteByte('\n')
	}
	for _, id := range ids {
		if r, ok := Lookup(id); ok {
			b.WriteString(r.ID + " " + r.Name + ": " + r.HelpURI() + "\n")
		}
	}
	return b.String()
}
