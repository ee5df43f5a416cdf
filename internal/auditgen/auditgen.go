// Package auditgen makes large, valid ARRS audit input documents for benchmarks of the audit
// command: PCNs × 5 members of staff × 12 months of 2023/24 claims, with a mix of roles, part-time and
// subcontracted staff, a WTE change and a mid-year starter (the shape of the workforce package's
// benchmarks). The command in cmd/auditgen writes one:
//
//	go run ./internal/auditgen/cmd/auditgen -claims 150000 > claims-150k.json
package auditgen

import (
	"bufio"
	"encoding/json"
	"fmt"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/workforce"
)

// Write writes in as JSON with one PCN, member of staff or claim a line, as a spreadsheet or
// database export would.
func Write(w *bufio.Writer, in workforce.Input) error {
	arrays := []struct {
		key string
		n   int
		at  func(int) any
	}{
		{"pcns", len(in.PCNs), func(i int) any { return in.PCNs[i] }},
		{"staff", len(in.Staff), func(i int) any { return in.Staff[i] }},
		{"claims", len(in.Claims), func(i int) any { return in.Claims[i] }},
	}
	w.WriteString("{")
	for k, a := range arrays {
		if k > 0 {
			w.WriteString(",")
		}
		w.WriteString("\n\"" + a.key + "\": [")
		for i := range a.n {
			b, err := json.Marshal(a.at(i))
			if err != nil {
				return err
			}
			if i > 0 {
				w.WriteString(",")
			}
			w.WriteString("\n  ")
			w.Write(b)
		}
		w.WriteString("\n]")
	}
	_, err := w.WriteString("\n}\n")
	return err
}

// Input returns n PCNs × 5 staff × 12 months of claims (60 claims per PCN).
func Input(n int) workforce.Input {
	day := sp.MustParseDate
	money := workforce.MustParseMoney
	in := workforce.Input{PCNs: []workforce.PCN{}, Staff: []workforce.StaffMember{}, Claims: []workforce.Claim{}}
	for p := range n {
		pid := fmt.Sprintf("U%05d", p)
		in.PCNs = append(in.PCNs, workforce.PCN{ID: pid, ListSize: 40000, Years: []workforce.PCNYear{{
			Year: workforce.MustParseFinancialYear("2023/24"), WeightedPopulation: workforce.MustParseWeightedPopulation("45123.25"),
			SnapshotDate: day("2023-01-01"), OtherRolesClaimed: money("900000.00")}}})
		for s := range 5 {
			st := workforce.StaffMember{ID: fmt.Sprintf("%s-E%d", pid, s), PCN: pid, Role: sp.RoleLinkWorker,
				Employment: workforce.EmploymentDirect, Start: day("2022-01-01"),
				WTE: []workforce.WTEPeriod{{From: day("2022-01-01"), WTE: workforce.MustParseWTE("1")}}}
			switch s {
			case 1:
				st.Role = sp.RoleCareCoordinator
				st.WTE[0].WTE = workforce.MustParseWTE("0.8")
			case 2:
				st.Employment = workforce.EmploymentSubcontracted
				st.WTE[0].WTE = workforce.MustParseWTE("0.6")
			case 3:
				st.WTE = append(st.WTE, workforce.WTEPeriod{From: day("2023-09-15"), WTE: workforce.MustParseWTE("0.5")})
			case 4:
				st.Start, st.WTE[0].From = day("2023-04-10"), day("2023-04-10")
			}
			in.Staff = append(in.Staff, st)
			for m := range 12 {
				c := workforce.Claim{PCN: pid, Staff: st.ID, Month: day("2023-04-01").AddMonths(m),
					Salary: money("2650.00"), EmployerNationalInsurance: money("290.50"), EmployerPension: money("380.25")}
				if s == 2 {
					c.SubcontractContribution = money("120.00")
				}
				in.Claims = append(in.Claims, c)
			}
		}
	}
	return in
}
