package cli

import (
	"encoding/csv"
	"io"
	"sort"
	"strings"

	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/output"
	"github.com/personakit/persona/pkg/textsafe"
	"github.com/personakit/persona/pkg/workspace"
	"github.com/spf13/cobra"
)

type listRow struct {
	Kind     string `json:"kind"`
	ID       string `json:"id"`
	Name     string `json:"name"`
	Status   string `json:"status"`
	ICP      string `json:"icp"`
	Reviewed string `json:"reviewed"`
	Path     string `json:"path"`
	// Coverage is a persona's evidence coverage; absent for other kinds.
	Coverage *coverage `json:"evidence_coverage,omitempty"`
}

type coverage struct {
	Claims          int `json:"claims"`
	SupportedClaims int `json:"supported_claims"`
}

// listColumns are the columns of persona list, in their fixed order.
func listColumns() []string {
	return []string{"kind", "id", "name", "status", "icp", "reviewed", "path"}
}

func (r listRow) field(name string) string {
	switch name {
	case "kind":
		return r.Kind
	case "id":
		return r.ID
	case "name":
		return r.Name
	case "status":
		return r.Status
	case "icp":
		return r.ICP
	case "reviewed":
		return r.Reviewed
	}
	return r.Path
}

type listOptions struct {
	kind   string
	icp    string
	status string
	format string
	sortBy string
}

func newListCmd(g *globalOptions) *cobra.Command {
	o := &listOptions{}
	cmd := &cobra.Command{
		Use:   "list [PATH]",
		Short: "List entities, filtered and sorted",
		Long: `List the ICPs, personas and interviews of the workspace. Columns, always in
this order: kind, id, name (an ICP's title; an interview's interviewee role),
status, icp, reviewed (an interview's date), path. Rows are sorted by kind
(icp, persona, interview) and id unless --sort names a column.`,
		Example: `  persona list --kind persona --icp mid-market-saas
  persona list --status draft --format csv > drafts.csv`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error { return runList(g, o, args) },
	}
	f := cmd.Flags()
	choiceVar(cmd, &o.kind, "kind", "", "only this `KIND`: icp, persona or interview", "icp", "persona", "interview")
	f.StringVar(&o.icp, "icp", "", "only this ICP and the personas and interviews that name it")
	completeWith(cmd, "icp", g.idsOf(model.KindICP))
	choiceVar(cmd, &o.status, "status", "", "only this `STATUS`: draft, proto, active or retired", "draft", "proto", "active", "retired")
	choiceVar(cmd, &o.format, "format", "table", "`FORMAT`: table, json or csv", "table", "json", "csv")
	choiceVar(cmd, &o.sortBy, "sort", "", "sort by `COLUMN`: "+strings.Join(listColumns(), ", "), listColumns()...)
	return cmd
}

func runList(g *globalOptions, o *listOptions, args []string) error {
	p, ws, err := g.loadFor(args, workspace.Options{}, false)
	if err != nil {
		return err
	}
	if err := requireICP(ws, o.icp); err != nil {
		return err
	}
	rows := []listRow{}
	for _, d := range ws.Docs {
		if d.Kind == "" || (o.kind != "" && string(d.Kind) != o.kind) || (o.status != "" && string(d.Status) != o.status) {
			continue
		}
		if row := rowOf(ws, p, d); o.icp == "" || row.ICP == o.icp {
			rows = append(rows, row)
		}
	}
	sortRows(rows, o.sortBy)
	return writeList(g, o.format, rows)
}

// rowOf is the entity d as a row of the list.
func rowOf(ws *workspace.Workspace, p *project, d *model.Document) listRow {
	row := listRow{Kind: string(d.Kind), ID: d.ID, Status: string(d.Status), Path: p.ShowRel(d.Path)}
	if d.Reviewed.Valid {
		row.Reviewed = d.Reviewed.Time.Format("2006-01-02")
	}
	switch d.Kind {
	case model.KindICP:
		row.Name, row.ICP = d.ICP.Title.Value, d.ID
	case model.KindPersona:
		row.Name, row.ICP = d.Persona.Name.Value, d.Persona.ICP.Value
		supported, claims := ws.EvidenceCoverage(d)
		row.Coverage = &coverage{Claims: claims, SupportedClaims: supported}
	case model.KindInterview:
		row.Name, row.ICP = d.Interview.Interviewee.Role.Value, d.Interview.ICP.Value
		if d.Interview.Date.Valid {
			row.Reviewed = d.Interview.Date.Time.Format("2006-01-02")
		}
	}
	return row
}

// sortRows orders rows by the field sortBy ("" for none), then by kind,
// id and path.
func sortRows(rows []listRow, sortBy string) {
	order := map[string]int{"icp": 0, "persona": 1, "interview": 2}
	sort.SliceStable(rows, func(i, j int) bool {
		if sortBy != "" && rows[i].field(sortBy) != rows[j].field(sortBy) {
			return rows[i].field(sortBy) < rows[j].field(sortBy)
		}
		if rows[i].Kind != rows[j].Kind {
			return order[rows[i].Kind] < order[rows[j].Kind]
		}
		if rows[i].ID != rows[j].ID {
			return rows[i].ID < rows[j].ID
		}
		return rows[i].Path < rows[j].Path
	})
}

func writeList(g *globalOptions, format string, rows []listRow) error {
	out := g.streams.Out
	cols := listColumns()
	switch format {
	case "json":
		return output.WriteJSON(out, rows)
	case "csv":
		w := csv.NewWriter(out)
		if err := w.Write(cols); err != nil {
			return err
		}
		for _, r := range rows {
			rec := make([]string, len(cols))
			for i, c := range cols {
				rec[i] = textsafe.CSVCell(r.field(c))
			}
			if err := w.Write(rec); err != nil {
				return err
			}
		}
		w.Flush()
		return w.Error()
	}
	// Columns line up by display width: a CJK name is two columns a
	// character, which tabwriter's rune count gets wrong.
	table := [][]string{strings.Split(strings.ToUpper(strings.Join(cols, "\t")), "\t")}
	for _, r := range rows {
		cells := make([]string, len(cols))
		for i, c := range cols {
			cells[i] = orDashCell(oneLine(r.field(c)))
		}
		table = append(table, cells)
	}
	_, err := io.WriteString(out, textsafe.Columns(table, 2))
	return err
}

// oneLine keeps a table row on one line whatever the user wrote, with
// control characters spelled out.
func oneLine(s string) string { return textsafe.Line(strings.Join(strings.Fields(s), " ")) }

func orDashCell(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
