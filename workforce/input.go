package workforce

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
)

// maxClaimPence bounds each amount of a claim (£10,000,000.00 for one person-month), so the engine's
// integer arithmetic stays exact.
const maxClaimPence = 1_000_000_000

// Dates this package accepts lie from 1 January 1900 to 31 December 2999 (rule "date-range"), so
// that calendar arithmetic near the ends of the supported range never fails.
var (
	minDate = sp.MustDate(1900, 1, 1)
	maxDate = sp.MustDate(2999, 12, 31)
)

// checkDate reports a date outside the accepted range.
func checkDate(c *validation.Errors, path string, d sp.Date) {
	if d.IsValid() && (d.Before(minDate) || d.After(maxDate)) {
		c.Add(path, "date-range", fmt.Errorf("workforce: date must be from 1900-01-01 to 2999-12-31: %w", sp.ErrInvalid))
	}
}

// PCN is a primary care network as the reimbursement engine needs it.
type PCN struct {
	// ID identifies the PCN (its ODS code, for example).
	ID string `json:"id" validate:"required,max=64,nocontrol"`
	// ListSize is the PCN's registered list size. Above 100,000 the 2019/20 link worker
	// entitlement is more than one WTE by an amount no source gives: see SPLWEntitlement2019.
	ListSize int `json:"listSize" validate:"required,min=1"`
	// Years holds, per financial year, the contractor weighted population the ARRS sum is
	// calculated on and what the PCN claimed that year for roles this package does not model.
	Years []PCNYear `json:"years,omitempty" validate:"dive"`
	// Baseline is the PCN's workforce at 31 March 2019, in WTE per role; only WTE above it is
	// claimable. A role not listed has a baseline of zero.
	Baseline []BaselineWTE `json:"baseline,omitempty" validate:"dive"`
	// SPLWEntitlement2019 is the number of WTE link workers the PCN could claim in 2019/20 when
	// its list size is more than 100,000. The sources give one WTE for a PCN up to 100,000 and
	// "more" above, without a number, so the caller supplies it; without it the 2019/20
	// entitlement of a larger PCN is reported as unknown.
	SPLWEntitlement2019 WTETotal `json:"splwEntitlement2019,omitzero"`
}

// PCNYear is a PCN's figures for one financial year.
type PCNYear struct {
	// Year is the financial year.
	Year FinancialYear `json:"year" validate:"required"`
	// WeightedPopulation is the PCN's contractor weighted population at SnapshotDate.
	WeightedPopulation WeightedPopulation `json:"weightedPopulation" validate:"required"`
	// SnapshotDate is the date of the weighted population (1 January before the year, from
	// 2023/24).
	SnapshotDate sp.Date `json:"snapshotDate" validate:"required"`
	// OtherRolesClaimed is what the PCN claimed from the sum in the year for roles this package
	// does not model (pharmacists, physiotherapists, …); it is counted against the sum first.
	OtherRolesClaimed Money `json:"otherRolesClaimed,omitzero"`
}

// BaselineWTE is a PCN's WTE in one role at 31 March 2019.
type BaselineWTE struct {
	// Role is the role.
	Role sp.Role `json:"role" validate:"required,enum,oneof=social-prescribing-link-worker health-and-wellbeing-coach care-coordinator"`
	// WTE is the PCN's workforce in the role at 31 March 2019.
	WTE WTETotal `json:"wte"`
}

// Validate checks the PCN's fields and that no year or baseline role is given twice
// ("duplicate-year", "duplicate-role"), and that other-roles claims are not negative
// ("money-range").
func (p PCN) Validate() error {
	c := validation.Struct("workforce.PCN", &p)
	p.check(c, "")
	return c.Err()
}

func (p PCN) check(c *validation.Errors, base string) {
	for i, y := range p.Years {
		for j := range i {
			if p.Years[j].Year == y.Year && y.Year.IsValid() {
				c.Add(base+"/years/"+validation.Itoa(i)+"/year", "duplicate-year", fmt.Errorf("workforce: year given twice: %w", sp.ErrInvalid))
				break
			}
		}
		checkDate(c, base+"/years/"+validation.Itoa(i)+"/snapshotDate", y.SnapshotDate)
		if y.Year.IsValid() && (y.Year.StartYear() < 1900 || y.Year.StartYear() > 2998) {
			c.Add(base+"/years/"+validation.Itoa(i)+"/year", "date-range", fmt.Errorf("workforce: year must be from 1900/01 to 2998/99: %w", sp.ErrInvalid))
		}
		if y.OtherRolesClaimed.Pence() < 0 || y.OtherRolesClaimed.Pence() > maxMoneyPence/100 {
			c.Add(base+"/years/"+validation.Itoa(i)+"/otherRolesClaimed", "money-range", fmt.Errorf("workforce: amount must be from 0.00 to 99999999999.99: %w", sp.ErrInvalid))
		}
	}
	for i, b := range p.Baseline {
		for j := range i {
			if p.Baseline[j].Role == b.Role {
				c.Add(base+"/baseline/"+validation.Itoa(i)+"/role", "duplicate-role", fmt.Errorf("workforce: role given twice: %w", sp.ErrInvalid))
				break
			}
		}
	}
}

// StaffMember is a member of a PCN's staff in a reimbursable role. List every member of staff in a
// role, including those the PCN does not claim for: the engine needs them to tell which WTE is
// additional to the PCN's 31 March 2019 baseline. ID is an identifier, never a name.
type StaffMember struct {
	// ID identifies the member of staff within the audit (an employee number, not a name).
	ID string `json:"id" validate:"required,max=64,nocontrol"`
	// PCN is the ID of the PCN the person works for.
	PCN string `json:"pcn" validate:"required,max=64,nocontrol"`
	// Role is the person's role.
	Role sp.Role `json:"role" validate:"required,enum,oneof=social-prescribing-link-worker health-and-wellbeing-coach care-coordinator"`
	// Employment says whether the PCN employs the person or a subcontractor supplies them.
	Employment Employment `json:"employment" validate:"required,enum"`
	// Start is the first day in post.
	Start sp.Date `json:"start" validate:"required"`
	// End is the last day in post, if the person has left.
	End sp.Date `json:"end,omitzero"`
	// WTE holds the person's WTE over time: each period applies from its From date until the
	// next period's. The first period starts on Start; each WTE is in (0, 1].
	WTE []WTEPeriod `json:"wte" validate:"required,min=1,dive"`
	// Cover, if set, says the person covers another's absence and is claimable only for the
	// absent WTE.
	Cover *Cover `json:"cover,omitempty"`
}

// WTEPeriod is a WTE that applies from a date.
type WTEPeriod struct {
	// From is the first day the WTE applies.
	From sp.Date `json:"from" validate:"required"`
	// WTE is the WTE from that day.
	WTE WTE `json:"wte" validate:"required"`
}

// Cover describes staff covering an absence (parental or sickness leave, for example).
type Cover struct {
	// AbsentWTE is the WTE that is absent; the cover is claimable for at most this WTE.
	AbsentWTE WTE `json:"absentWte" validate:"required"`
	// AbsentStaff is the ID of the absent member of staff, where known.
	AbsentStaff string `json:"absentStaff,omitempty" validate:"max=64,nocontrol"`
}

// Validate checks the member of staff: the fields; End not before Start ("date-order"); WTE
// periods in order of date with the first starting on Start ("wte-order", "wte-start"); every WTE,
// and the absent WTE of Cover, in (0, 1] ("wte").
func (s StaffMember) Validate() error {
	c := validation.Struct("workforce.StaffMember", &s)
	s.check(c, "")
	return c.Err()
}

func (s StaffMember) check(c *validation.Errors, base string) {
	checkDate(c, base+"/start", s.Start)
	checkDate(c, base+"/end", s.End)
	if s.Start.IsValid() && s.End.IsValid() && s.End.Before(s.Start) {
		c.Add(base+"/end", "date-order", fmt.Errorf("workforce: last day in post before the first: %w", sp.ErrInvalid))
	}
	for i, p := range s.WTE {
		pp := base + "/wte/" + validation.Itoa(i)
		checkDate(c, pp+"/from", p.From)
		if !p.WTE.IsValid() {
			c.Add(pp+"/wte", "wte", fmt.Errorf("workforce: wte: not in (0, 1]: %w", sp.ErrInvalid))
		}
		if i == 0 && p.From.IsValid() && s.Start.IsValid() && p.From != s.Start {
			c.Add(pp+"/from", "wte-start", fmt.Errorf("workforce: the first WTE period must start on the first day in post: %w", sp.ErrInvalid))
		}
		if i > 0 && p.From.IsValid() && s.WTE[i-1].From.IsValid() && !p.From.After(s.WTE[i-1].From) {
			c.Add(pp+"/from", "wte-order", fmt.Errorf("workforce: WTE periods must be in order of date: %w", sp.ErrInvalid))
		}
	}
	if s.Cover != nil && !s.Cover.AbsentWTE.IsValid() {
		c.Add(base+"/cover/absentWte", "wte", fmt.Errorf("workforce: wte: not in (0, 1]: %w", sp.ErrInvalid))
	}
}

// String returns the staff ID and role; a StaffMember holds no personal data beyond its ID, which
// callers are asked not to make a name.
func (s StaffMember) String() string {
	return "workforce.StaffMember{" + s.ID + " " + string(s.Role) + "}"
}

// Claim is a PCN's monthly claim for one member of staff.
type Claim struct {
	// PCN is the ID of the claiming PCN.
	PCN string `json:"pcn" validate:"required,max=64,nocontrol"`
	// Staff is the ID of the member of staff.
	Staff string `json:"staff" validate:"required,max=64,nocontrol"`
	// Month is the first day of the month claimed for.
	Month sp.Date `json:"month" validate:"required"`
	// Salary is the salary actually paid for the month (reduced pay during leave is simply the
	// pay).
	Salary Money `json:"salary" validate:"required"`
	// EmployerNationalInsurance is the employer's National Insurance contribution for the month.
	EmployerNationalInsurance Money `json:"employerNationalInsurance" validate:"required"`
	// EmployerPension is the employer's pension contribution for the month.
	EmployerPension Money `json:"employerPension" validate:"required"`
	// SubcontractContribution is the flat contribution to a subcontractor's costs claimed for a
	// subcontracted member of staff (at most £200 × WTE for a full month in post).
	SubcontractContribution Money `json:"subcontractContribution,omitzero"`
}

// Validate checks the claim: the fields, Month on the first of a month ("first-of-month"), and
// each amount from 0.00 to 10000000.00 ("money-range").
func (c Claim) Validate() error {
	v := validation.Struct("workforce.Claim", &c)
	c.check(v, "")
	return v.Err()
}

func (c Claim) check(v *validation.Errors, base string) {
	checkDate(v, base+"/month", c.Month)
	if c.Month.IsValid() && c.Month.Day() != 1 {
		v.Add(base+"/month", "first-of-month", fmt.Errorf("workforce: month must be the first day of the month: %w", sp.ErrInvalid))
	}
	for _, f := range [...]struct {
		name string
		m    Money
	}{{"salary", c.Salary}, {"employerNationalInsurance", c.EmployerNationalInsurance}, {"employerPension", c.EmployerPension}, {"subcontractContribution", c.SubcontractContribution}} {
		if f.m.Pence() < 0 || f.m.Pence() > maxClaimPence {
			v.Add(base+"/"+f.name, "money-range", fmt.Errorf("workforce: amount must be from 0.00 to 10000000.00: %w", sp.ErrInvalid))
		}
	}
}

// checksHold reports whether check would add nothing, without building paths.
func (c *Claim) checksHold() bool {
	ok := func(m Money) bool { return m.pence >= 0 && m.pence <= maxClaimPence }
	return (!c.Month.IsValid() || (c.Month.Day() == 1 && !c.Month.Before(minDate) && !c.Month.After(maxDate))) &&
		ok(c.Salary) && ok(c.EmployerNationalInsurance) && ok(c.EmployerPension) && ok(c.SubcontractContribution)
}

// costs returns salary + employer NI + employer pension in pence.
func (c *Claim) costs() int64 {
	return c.Salary.pence + c.EmployerNationalInsurance.pence + c.EmployerPension.pence
}

// LogValue logs the claim's identifiers and month only.
func (c Claim) LogValue() slog.Value {
	return slog.GroupValue(slog.String("pcn", c.PCN), slog.String("staff", c.Staff), slog.String("month", c.Month.String()))
}

// Input is everything an audit reads: the PCNs, their staff and their claims.
type Input struct {
	// PCNs are the networks claiming.
	PCNs []PCN `json:"pcns" validate:"dive"`
	// Staff are every member of staff in a modelled role, claimed for or not.
	Staff []StaffMember `json:"staff" validate:"dive"`
	// Claims are the monthly claims to audit.
	Claims []Claim `json:"claims" validate:"dive"`

	// undecoded records the items ParseInput could not decode, if any.
	undecoded *undecoded
}

// undecoded records the PCNs, staff and claims of a document that did not decode: each is a zero
// value in the Input, kept so that indices still match the document.
type undecoded struct {
	errs   []*sp.FieldError // the problems, with paths from the document's root
	pcns   map[int]string   // index → the item's ID where it could be read, else ""
	staff  map[int]string
	claims map[int]bool
}

// skip reports whether the item at index i of the collection kind did not decode.
func (u *undecoded) skip(kind string, i int) bool {
	if u == nil {
		return false
	}
	switch kind {
	case "pcns":
		_, ok := u.pcns[i]
		return ok
	case "staff":
		_, ok := u.staff[i]
		return ok
	}
	return u.claims[i]
}

// Validate checks every PCN, member of staff and claim as their own Validate methods do, and that
// IDs are unique ("duplicate-id"). For an Input from [ParseInput] it also reports every problem of
// the items that did not decode, with their JSON Pointers. Duplicate claims are not a validation
// error: [Audit] reports them.
func (in Input) Validate() error {
	if in.undecoded != nil {
		return in.validateForAudit()
	}
	c := validation.Struct("workforce.Input", &in)
	in.check(c)
	return c.Err()
}

func (in Input) check(c *validation.Errors) {
	u := in.undecoded
	if u != nil {
		for _, fe := range u.errs {
			c.Add(fe.Path, fe.Rule, fe.Err)
		}
	}
	pcns := make(map[string]bool, len(in.PCNs))
	for i, p := range in.PCNs {
		if u.skip("pcns", i) {
			continue
		}
		base := "/pcns/" + validation.Itoa(i)
		p.check(c, base)
		if pcns[p.ID] {
			c.Add(base+"/id", "duplicate-id", fmt.Errorf("workforce: PCN ID given twice: %w", sp.ErrInvalid))
		}
		pcns[p.ID] = true
	}
	staff := make(map[string]bool, len(in.Staff))
	for i, s := range in.Staff {
		if u.skip("staff", i) {
			continue
		}
		base := "/staff/" + validation.Itoa(i)
		s.check(c, base)
		if staff[s.ID] {
			c.Add(base+"/id", "duplicate-id", fmt.Errorf("workforce: staff ID given twice: %w", sp.ErrInvalid))
		}
		staff[s.ID] = true
	}
	// The report's totals must stay within Money's range: every claim is capped, but their number is
	// not, so the sum of what is claimed is checked too (in int64, which cannot overflow here: each
	// claim is at most four capped amounts).
	var total int64
	for i := range in.Claims {
		cl := &in.Claims[i]
		if u.skip("claims", i) {
			continue
		}
		if !cl.checksHold() {
			cl.check(c, "/claims/"+validation.Itoa(i))
		}
		total += cl.Salary.pence + cl.EmployerNationalInsurance.pence + cl.EmployerPension.pence + cl.SubcontractContribution.pence
	}
	if total > maxMoneyPence || total < -maxMoneyPence {
		c.Add("/claims", "total-range", fmt.Errorf("workforce: the claims add up to more than a report can total (under ten trillion pounds): %w", sp.ErrInvalid))
	}
}

// validateForAudit returns what Validate returns. It is what an audit of many thousands of claims
// runs: the generated tag checks pass a valid claim without the validator's reflection or an
// allocation.
func (in *Input) validateForAudit() error {
	c := validation.New("workforce.Input")
	for i := range in.PCNs {
		if !in.undecoded.skip("pcns", i) && !validation.Holds(&in.PCNs[i]) {
			c.Merge("/pcns/"+validation.Itoa(i), validation.Struct("workforce.PCN", &in.PCNs[i]).Err())
		}
	}
	// The generated checks say a value holds before any path or collector is built for it.
	for i := range in.Staff {
		if !in.undecoded.skip("staff", i) && !validation.Holds(&in.Staff[i]) {
			c.Merge("/staff/"+validation.Itoa(i), validation.Struct("workforce.StaffMember", &in.Staff[i]).Err())
		}
	}
	for i := range in.Claims {
		if !in.undecoded.skip("claims", i) && !validation.Holds(&in.Claims[i]) {
			c.Merge("/claims/"+validation.Itoa(i), validation.Struct("workforce.Claim", &in.Claims[i]).Err())
		}
	}
	in.check(c)
	return c.Err()
}

// ParseInput decodes an Input strictly (see [socialprescribing.Decode]), item by item: a PCN, member
// of staff or claim that does not decode (a bad amount or date, an unknown key or role, a null, a
// value of the wrong JSON type) does not stop the others. It is kept in the Input as a zero value,
// so that indices still match the document, and its problems, with JSON Pointers such as
// "/claims/3/salary" and never a value, are reported by [Audit] as [CodeInvalidInput] findings (and
// a claim as [CodeNotAudited]) and returned by Validate.
//
// ParseInput fails, with a [*socialprescribing.ValidationError], only when the document cannot be
// read at all: malformed JSON, or a top level that is not an object with the arrays "pcns", "staff"
// and "claims" (and no other key). It does not validate: pass the result to [Audit], which reports
// what is wrong as findings, or call Validate.
func ParseInput(data []byte) (Input, error) {
	var top struct {
		PCNs   []rawItem `json:"pcns"`
		Staff  []rawItem `json:"staff"`
		Claims []rawItem `json:"claims"`
	}
	if err := sp.Decode(data, &top); err != nil {
		var ve *sp.ValidationError
		if !errors.As(err, &ve) {
			return Input{}, err
		}
		ve.Type = "workforce.Input"
		if !onlyNullItems(ve) {
			return Input{}, err
		}
		// An item that is null is an item that does not decode, reported as such below; the
		// strict decoder has found nothing else wrong with the top level.
		var loose struct {
			PCNs   []json.RawMessage `json:"pcns"`
			Staff  []json.RawMessage `json:"staff"`
			Claims []json.RawMessage `json:"claims"`
		}
		if json.Unmarshal(data, &loose) != nil {
			return Input{}, err
		}
		for _, p := range [...]struct {
			dst *[]rawItem
			src []json.RawMessage
		}{{&top.PCNs, loose.PCNs}, {&top.Staff, loose.Staff}, {&top.Claims, loose.Claims}} {
			*p.dst = make([]rawItem, len(p.src))
			for i, r := range p.src {
				(*p.dst)[i] = rawItem(r)
			}
		}
	}
	var in Input
	u := &undecoded{}
	in.PCNs = decodeItems[PCN](top.PCNs, "/pcns/", u, func(i int, raw []byte) { u.pcnsAdd(i, raw) })
	in.Staff = decodeItems[StaffMember](top.Staff, "/staff/", u, func(i int, raw []byte) { u.staffAdd(i, raw) })
	in.Claims = decodeItems[Claim](top.Claims, "/claims/", u, func(i int, _ []byte) {
		if u.claims == nil {
			u.claims = map[int]bool{}
		}
		u.claims[i] = true
	})
	if len(u.errs) > 0 {
		in.undecoded = u
	}
	return in, nil
}

// onlyNullItems reports whether every problem of ve is an item of pcns, staff or claims that is null.
func onlyNullItems(ve *sp.ValidationError) bool {
	if len(ve.Errors) == 0 {
		return false
	}
	for _, fe := range ve.Errors {
		parts := strings.Split(fe.Path, "/")
		if fe.Rule != "null" || len(parts) != 3 || parts[0] != "" || (parts[1] != "pcns" && parts[1] != "staff" && parts[1] != "claims") {
			return false
		}
		if _, err := strconv.Atoi(parts[2]); err != nil {
			return false
		}
	}
	return true
}

// rawItem holds one item of an array of the document, as a slice of the document's bytes (the
// strict decoder passes them without copying; ParseInput uses them before it returns).
type rawItem []byte

// UnmarshalJSON keeps the item's bytes.
func (r *rawItem) UnmarshalJSON(b []byte) error {
	*r = b
	return nil
}

// decodeItems decodes each item strictly into a T; an item that fails is left zero, its problems are
// added to u with base (such as "/claims/") and its index before their paths, and bad is called.
func decodeItems[T any](items []rawItem, base string, u *undecoded, bad func(int, []byte)) []T {
	if items == nil {
		return nil
	}
	out := make([]T, len(items))
	for i, raw := range items {
		if err := sp.Decode(raw, &out[i]); err != nil {
			prefix := base + validation.Itoa(i)
			var ve *sp.ValidationError
			if errors.As(err, &ve) {
				for _, fe := range ve.Errors {
					u.errs = append(u.errs, &sp.FieldError{Path: prefix + fe.Path, Rule: fe.Rule, Err: fe.Err})
				}
			} else {
				u.errs = append(u.errs, &sp.FieldError{Path: prefix, Rule: "type", Err: fmt.Errorf("workforce: the item cannot be decoded: %w", sp.ErrInvalid)})
			}
			bad(i, raw)
		}
	}
	return out
}

// idOf returns the "id" of an item that did not decode, if it is a string that could be an ID;
// claims that name it are then reported as naming an invalid item rather than an unknown one.
func idOf(raw []byte) string {
	var v struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(raw, &v) != nil || v.ID == "" || len(v.ID) > 256 || !validation.NoControl(v.ID) {
		return ""
	}
	return v.ID
}

func (u *undecoded) pcnsAdd(i int, raw []byte) {
	if u.pcns == nil {
		u.pcns = map[int]string{}
	}
	u.pcns[i] = idOf(raw)
}

func (u *undecoded) staffAdd(i int, raw []byte) {
	if u.staff == nil {
		u.staff = map[int]string{}
	}
	u.staff[i] = idOf(raw)
}
