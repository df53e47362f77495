package runwhere

import (
	"fmt"
	"strings"

	"github.com/runwhere/runwhere/internal/markdown"
)

// writeComparison renders the comparison as the deck's tables: a row per
// limit or feature, a column per platform, each cell's source numbered
// below the table, then the deck's claims with what the sources say.
func writeComparison(b *strings.Builder, m markdown.Writer, c Comparison, names map[string]string) {
	if len(c.Rows) == 0 {
		return
	}
	fmt.Fprintf(b, "\n## Limits and features (%s)\n\n", c.Snapshot)
	b.WriteString("Each figure links to the page it was read in; a limit is hard, a tested envelope, or an adjustable quota. A blank cell: no such limit is published, or it does not apply.\n\n|  |")
	for _, id := range c.Platforms {
		fmt.Fprintf(b, " %s |", names[string(id)])
	}
	b.WriteString("\n|---|")
	b.WriteString(strings.Repeat("---|", len(c.Platforms)))
	b.WriteString("\n")
	var claims []string
	for _, row := range c.Rows {
		fmt.Fprintf(b, "| %s |", m.Text(row.Label))
		for _, id := range c.Platforms {
			cell, ok := row.Cells[id]
			if !ok {
				b.WriteString("  |")
				continue
			}
			text := m.Text(cell.Text)
			if cell.Enforcement != "" {
				text += " (" + cell.Enforcement + ")"
			}
			// A cell that holds only the deck's claim (a limit nobody
			// publishes) links nothing: its source is the deck's.
			if cell.Value != "" && m.Linkable[cell.Source] {
				text = "[" + text + "](" + cell.Source + ")"
			}
			if cell.DeckClaim != "" {
				text += " ‡"
				verdict := "corrected"
				if cell.ClaimHolds != nil && *cell.ClaimHolds {
					verdict = "holds"
				}
				claims = append(claims, fmt.Sprintf("- %s, %s: the deck said “%s” — %s: %s.", names[string(id)], m.Text(strings.ToLower(row.Label)), m.Text(cell.DeckClaim), verdict, m.Text(cell.Verdict)))
			}
			fmt.Fprintf(b, " %s |", text)
		}
		b.WriteString("\n")
	}
	if len(claims) > 0 {
		b.WriteString("\n‡ The 2017 deck's claims (\"Containers and Serverless Computing\", Logicworks, 2017), against the sources:\n\n")
		b.WriteString(strings.Join(claims, "\n"))
		b.WriteString("\n")
	}
}
