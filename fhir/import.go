package fhir

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// Imported is what [Import] read from a FHIR document.
type Imported struct {
	// Referral is the referral, valid.
	Referral referral.Referral
	// NHSNumberVerification is UK Core's NHS number verification status code on the Patient's NHS
	// number ("01" to "08"), or "" when there is none.
	NHSNumberVerification string
	// Owner is the name of the organisation the Task's owner names (see [Options.Owner]), or "" when
	// the Task has no owner or names it only by a reference that does not resolve in the document.
	Owner string
	// Ignored lists, in document order, what the document holds that the import did not read:
	// extensions it does not know, elements and resources it has no use for, identifiers of other
	// systems. Nothing is ignored silently.
	Ignored []Ignored
}

// Ignored is one part of a FHIR document that [Import] did not read.
type Ignored struct {
	// Path is a JSON Pointer into the FHIR document.
	Path string `json:"path"`
	// What says what it is ("extension <url>", "element name", "resource Observation") and, where
	// needed, why it was not read. It never holds a value from the document.
	What string `json:"what"`
}

// Import reads a FHIR R4 JSON document into a referral: a Bundle holding one ServiceRequest and one
// Patient (and, when present, the Task whose focus is the ServiceRequest, the Consents and
// Conditions it references), or a ServiceRequest with its Patient (and those resources) contained.
// It reads the elements [ExportReferral] writes, so that Import of an exported referral gives the
// same referral, and reads a document from another system as far as it can:
//
//   - the episode id is the ServiceRequest's identifier of system [SystemEpisodeID], else its first
//     identifier, else its id;
//   - the source is UK Core's SourceOfServiceRequest extension in this project's code system, or self
//     when the requester is the Patient; a need is a Condition (reasonReference) or a reasonCode, in
//     this project's need code system or else "other" with the concept's text as its description;
//   - a missing priority is routine (FHIR's meaning when missing); a missing Consent is "not-asked";
//   - the history is the Task's referral-event extensions and the state is what it replays to; a
//     Task status that disagrees with that state is an error; without the history the referral is
//     received, and a Task status other than requested is an error;
//   - what changes the meaning of the request is refused, never ignored: a modifierExtension at any
//     depth, a ServiceRequest status other than the one the state gives (so on-hold, completed,
//     revoked and draft need the history that says so), entered-in-error, an intent other than order
//     or original-order, doNotPerform true.
//
// The referral is validated as any referral is. Every problem is a *socialprescribing.FieldError in
// a *socialprescribing.ValidationError, its Path a JSON Pointer into the FHIR document; a rule of the
// referral keeps its name and points at the element the field was read from. A Bundle with two
// Patients, two ServiceRequests or two Tasks for the ServiceRequest is an error at the second naming
// the first. No error holds a value from the document.
func Import(data []byte) (Imported, error) {
	m := &importer{errs: validation.New("fhir.Import"), where: map[string]string{}}
	r, ok := m.read(data)
	if !ok {
		return Imported{}, m.errs.Err()
	}
	if err := r.Validate(); err != nil {
		var ve *sp.ValidationError
		if errors.As(err, &ve) {
			for _, fe := range ve.Errors {
				if p := m.locate(fe.Path); !m.covered(p) {
					m.errs.Add(p, fe.Rule, &fieldCause{describe(fe.Path) + " (referral field " + pointerOrRoot(fe.Path) + ")", fe.Err})
				}
			}
		}
	}
	if err := m.errs.Err(); err != nil {
		return Imported{}, err
	}
	return Imported{Referral: r, NHSNumberVerification: m.verification, Owner: m.owner, Ignored: m.ignored}, nil
}

// importer holds the state of one Import.
type importer struct {
	errs         *validation.Errors
	failed       map[string]bool
	ignored      []Ignored
	where        map[string]string // a referral's JSON Pointer → the FHIR pointer it was read from
	verification string
	owner        string
	entries      []entry
	srPtr        string
}

// entry is one resource of the document.
type entry struct {
	ptr     string
	fullURL string
	typ     string
	id      string
	raw     json.RawMessage
	keys    map[string]json.RawMessage // the resource's top-level elements
	used    bool
}

func (m *importer) fail(path, rule string, err error) {
	if m.failed == nil {
		m.failed = map[string]bool{}
	}
	m.failed[path] = true
	m.errs.Add(path, rule, err)
}

// covered reports whether the import already reported an error at p or inside it, so that the
// referral's rule adds nothing.
func (m *importer) covered(p string) bool {
	for f := range m.failed {
		if f == p || strings.HasPrefix(f, p+"/") {
			return true
		}
	}
	return false
}

func (m *importer) ignore(path, what string) { m.ignored = append(m.ignored, Ignored{path, what}) }

func errf(format string, cat error) error { return fmt.Errorf("fhir: import: "+format+": %w", cat) }

// locate returns the FHIR pointer a referral pointer was read from: the longest prefix recorded,
// else the ServiceRequest.
func (m *importer) locate(p string) string {
	for {
		if w, ok := m.where[p]; ok {
			return w
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 {
			return m.srPtr
		}
		p = p[:i]
	}
}

// decode unmarshals an entry into v, reporting a JSON type mismatch at the entry.
func (m *importer) decode(e *entry, v any) bool {
	e.used = true
	if err := json.Unmarshal(e.raw, v); err != nil {
		var te *json.UnmarshalTypeError
		path := e.ptr
		if errors.As(err, &te) && te.Field != "" {
			m.fail(path, "type", errf("element "+te.Field+" has the wrong JSON type", sp.ErrSyntax))
		} else {
			m.fail(path, "type", errf("resource "+e.typ+" has the wrong JSON shape", sp.ErrSyntax))
		}
		return false
	}
	return true
}

// elements reports the top-level elements of an entry that the import does not read, and rejects a
// modifierExtension, which a reader must not ignore.
func (m *importer) elements(e *entry, known ...string) {
	names := make([]string, 0, len(e.keys))
	for k := range e.keys {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		switch {
		case k == "modifierExtension":
			// Reported by modifiers, at whatever depth it appears.
		case k == "resourceType" || k == "id" || k == "extension" || k == "contained" && e.ptr == "":
		case !slices.Contains(known, k) && nameLike(k):
			m.ignore(sp.JoinPointer(e.ptr, k), "element "+k+" of "+e.typ+" (not read)")
		case !slices.Contains(known, k):
			// A key that is no element name could hold anything: it is reported at its resource,
			// not shown.
			m.ignore(e.ptr, "an element of "+e.typ+" whose name is not a FHIR element name (not read, not shown)")
		}
	}
}

// nameLike reports whether k has the shape of a FHIR element name, and so can be shown.
func nameLike(k string) bool {
	if k == "" || len(k) > 64 {
		return false
	}
	for i, c := range k {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '_'):
		default:
			return false
		}
	}
	return true
}

// extensionWhat describes an ignored extension by its URL when the URL has the shape of one (an
// absolute http, https or urn URL of printable ASCII, or an element-like name within a complex
// extension), and without it otherwise, so that no stray text of the document is shown.
func extensionWhat(url string) string {
	ok := len(url) <= 256 && (strings.HasPrefix(url, "http://") || strings.HasPrefix(url, "https://") || strings.HasPrefix(url, "urn:") || nameLike(url))
	for _, c := range url {
		if c <= ' ' || c > '~' {
			ok = false
		}
	}
	if !ok {
		return "extension whose url is not a URL (not read, not shown)"
	}
	return "extension " + url
}

// lastElement returns the element name a pointer ends with ("valueCode"), which the importer wrote.
func lastElement(p string) string { return p[strings.LastIndexByte(p, '/')+1:] }

// resolve returns the entry a reference names, or nil: a Bundle full URL, "Type/id", or "#id" of a
// contained resource.
func (m *importer) resolve(ref string) *entry {
	if ref == "" {
		return nil
	}
	for i := range m.entries {
		e := &m.entries[i]
		switch {
		case e.fullURL != "" && e.fullURL == ref:
			return e
		case e.id != "" && (ref == e.typ+"/"+e.id || strings.HasSuffix(ref, "/"+e.typ+"/"+e.id) || ref == "#"+e.id && e.fullURL == ""):
			return e
		}
	}
	return nil
}

// read parses the document and builds the referral; ok is false when nothing can be built.
func (m *importer) read(data []byte) (r referral.Referral, ok bool) {
	var top struct {
		ResourceType string `json:"resourceType"`
		Entry        []struct {
			FullURL  string          `json:"fullUrl"`
			Resource json.RawMessage `json:"resource"`
		} `json:"entry"`
		Contained []json.RawMessage `json:"contained"`
	}
	if err := json.Unmarshal(data, &top); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			m.fail("", "type", errf("not a FHIR Bundle or ServiceRequest", sp.ErrSyntax))
		} else {
			m.fail("", "syntax", errf("not a JSON document", sp.ErrSyntax))
		}
		return r, false
	}
	m.modifiers(data)
	addEntry := func(ptr, fullURL string, raw json.RawMessage) {
		var keys map[string]json.RawMessage
		var typ, id string
		if json.Unmarshal(raw, &keys) != nil || json.Unmarshal(keys["resourceType"], &typ) != nil || typ == "" {
			m.fail(ptr, "resource", errf("not a FHIR resource", sp.ErrSyntax))
			return
		}
		if v, ok := keys["id"]; ok && json.Unmarshal(v, &id) != nil {
			m.fail(ptr+"/id", "type", errf("element id has the wrong JSON type", sp.ErrSyntax))
			return
		}
		m.entries = append(m.entries, entry{ptr: ptr, fullURL: fullURL, typ: typ, id: id, raw: raw, keys: keys})
	}
	switch top.ResourceType {
	case "Bundle":
		for i, e := range top.Entry {
			addEntry("/entry/"+strconv.Itoa(i)+"/resource", e.FullURL, e.Resource)
		}
	case "ServiceRequest":
		addEntry("", "", data)
		for i, c := range top.Contained {
			addEntry("/contained/"+strconv.Itoa(i), "", c)
		}
	default:
		m.fail("/resourceType", "resource", errf("the document is neither a Bundle nor a ServiceRequest", sp.ErrInvalid))
		return r, false
	}
	one := func(typ string) *entry {
		var first *entry
		for i := range m.entries {
			e := &m.entries[i]
			if e.typ != typ {
				continue
			}
			if first != nil {
				m.fail(e.ptr, "one-"+strings.ToLower(typ), errf("a second "+typ+"; the first is at "+pointerOrRoot(first.ptr), sp.ErrInvalid))
				continue
			}
			first = e
		}
		return first
	}
	srE, patE := one("ServiceRequest"), one("Patient")
	if srE == nil {
		m.fail("", "required", errf("no ServiceRequest", sp.ErrRequired))
		return r, false
	}
	m.srPtr = srE.ptr
	var sr ServiceRequest
	if !m.decode(srE, &sr) {
		return r, false
	}
	m.elements(srE, "identifier", "status", "intent", "doNotPerform", "priority", "code", "subject", "authoredOn", "requester", "reasonCode", "reasonReference", "supportingInfo")
	if got := m.resolve(sr.Subject.Reference); patE == nil || got != patE {
		m.fail(srE.ptr+"/subject", "reference", errf("the subject is not the document's one Patient", sp.ErrInvalid))
		return r, false
	}
	var pat Patient
	if !m.decode(patE, &pat) {
		return r, false
	}
	m.elements(patE, "identifier", "birthDate", "communication")
	m.patient(&r, patE.ptr, pat)
	m.serviceRequest(&r, srE.ptr, sr)
	m.task(&r, srE)
	m.requestStatus(r, srE.ptr, sr)
	for i := range m.entries {
		if e := &m.entries[i]; !e.used {
			m.ignore(e.ptr, "resource "+e.typ+" (not part of the referral)")
		}
	}
	return r, true
}

// requestStatus checks the ServiceRequest's modifier elements against what was read. Its status must
// be the one the referral's state gives (active while the referral is open, on-hold, completed,
// revoked), the state being what the Task's history replays to: a request on hold, completed, revoked
// or still a draft without that history cannot be read truthfully as a referral, and one entered in
// error is none. Its intent must be an order (order or original-order): a proposal or plan is not a
// referral. A request not to perform the service (doNotPerform true) is refused. A code other than
// 871731000000106 is reported as not read.
func (m *importer) requestStatus(r referral.Referral, ptr string, sr ServiceRequest) {
	switch {
	case sr.Status == "":
		m.fail(ptr+"/status", "required", errf("ServiceRequest.status is missing", sp.ErrRequired))
	case sr.Status == "entered-in-error":
		m.fail(ptr+"/status", "entered-in-error", errf("the ServiceRequest was entered in error", sp.ErrInvalid))
	case sr.Status != serviceRequestStatus(r.State) && len(r.History) == 0:
		m.fail(ptr+"/status", "request-status", errf("the ServiceRequest status is not active, and without the Task's referral-event history the referral's lifecycle cannot say what happened to it", sp.ErrInvalid))
	case sr.Status != serviceRequestStatus(r.State):
		m.fail(ptr+"/status", "request-status", errf("the ServiceRequest status is not the one the state its Task's history leads to gives", sp.ErrInvalid))
	}
	switch sr.Intent {
	case "order", "original-order":
	case "":
		m.fail(ptr+"/intent", "required", errf("ServiceRequest.intent is missing", sp.ErrRequired))
	default:
		m.fail(ptr+"/intent", "intent", errf("the ServiceRequest intent is not order or original-order: a proposal, plan or other request is not a referral", sp.ErrInvalid))
	}
	if sr.DoNotPerform != nil && *sr.DoNotPerform {
		m.fail(ptr+"/doNotPerform", "do-not-perform", errf("the ServiceRequest asks for the service not to be performed", sp.ErrInvalid))
	}
	if sr.Code == nil {
		return
	}
	for _, c := range sr.Code.Coding {
		if c.System == codeReferral.System && c.Code == codeReferral.Code {
			return
		}
	}
	m.ignore(ptr+"/code", "ServiceRequest code other than SNOMED CT 871731000000106 (read as a referral to social prescribing)")
}

// modifiers refuses every modifierExtension in the document, at any depth (a resource, a Bundle
// entry, a backbone element, a data type): a modifier extension changes the meaning of what holds it,
// and a reader that does not understand it must not read on as if it were absent.
func (m *importer) modifiers(data []byte) {
	if !bytes.Contains(data, []byte("modifierExtension")) && !bytes.Contains(data, []byte(`\u`)) {
		return
	}
	var doc any
	if json.Unmarshal(data, &doc) != nil {
		return
	}
	var walk func(ptr string, v any)
	walk = func(ptr string, v any) {
		switch x := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				if k == "modifierExtension" {
					m.fail(ptr+"/modifierExtension", "modifier-extension", errf("a modifier extension changes the meaning of the element that holds it and is not understood", sp.ErrInvalid))
					continue
				}
				if nameLike(k) {
					walk(ptr+"/"+k, x[k])
				} else {
					walk(ptr, x[k]) // a key that is no element name is not shown: reported at its parent
				}
			}
		case []any:
			for i, y := range x {
				walk(ptr+"/"+strconv.Itoa(i), y)
			}
		}
	}
	walk("", doc)
}

// fieldCause is a referral rule's error named by the field it concerns.
type fieldCause struct {
	what string
	err  error
}

// Error returns what, then the cause without its package prefix ("referral: ").
func (e *fieldCause) Error() string {
	msg := e.err.Error()
	if i := strings.Index(msg, ": "); i > 0 && !strings.Contains(msg[:i], " ") {
		msg = msg[i+2:]
	}
	return e.what + ": " + msg
}

// Unwrap returns the cause.
func (e *fieldCause) Unwrap() error { return e.err }

// fieldNames says, for a referral field, what it is and which FHIR element or extension carries it,
// so that an error of the referral's rules names what is missing, not only where it would be.
var fieldNames = [...]struct{ field, what string }{
	{"/id", "the episode id, ServiceRequest.identifier"},
	{"/received", "the received date, ServiceRequest.authoredOn"},
	{"/urgency", "the urgency, ServiceRequest.priority"},
	{"/state", "the state, Task.status"},
	{"/person", "the person, the Patient"},
	{"/person/dateOfBirth", "the person's date of birth, Patient.birthDate"},
	{"/person/nhsNumber", "the NHS number, Patient.identifier of system " + SystemNHSNumber},
	{"/person/language", "the person's language, Patient.communication.language"},
	{"/person/accessNeeds", "the access needs, Patient extension " + ExtAccessNeed},
	{"/person/accessNotes", "the access notes, Patient extension " + ExtAccessNotes},
	{"/referrer", "the referrer, ServiceRequest.requester and extensions"},
	{"/referrer/source", "the referral source, ServiceRequest extension " + ExtSourceOfServiceRequest},
	{"/referrer/organisation", "the referrer's organisation, ServiceRequest.requester"},
	{"/referrer/role", "the referrer's job title, ServiceRequest extension " + ExtReferrerRole},
	{"/referrer/contact", "the referrer's contact route, ServiceRequest extension " + ExtReferrerContact},
	{"/needs", "the needs, ServiceRequest.reasonReference (Conditions) or reasonCode"},
	{"/consent", "the consents, Consents in ServiceRequest.supportingInfo"},
	{"/whatMattersToMe", "what matters to the person, ServiceRequest extension " + ExtWhatMattersToMe},
	{"/safeguarding", "safeguarding, ServiceRequest extension " + ExtSafeguarding},
	{"/history", "the history, Task extensions " + ExtReferralEvent},
}

// describe returns what the referral field at p is and where FHIR carries it: the entry of the
// longest field prefix of p, or "the referral" for a field without one.
func describe(p string) string {
	best, what := -1, "the referral, the ServiceRequest"
	for _, f := range fieldNames {
		if (p == f.field || strings.HasPrefix(p, f.field+"/")) && len(f.field) > best {
			best, what = len(f.field), f.what
		}
	}
	return what
}

func pointerOrRoot(p string) string {
	if p == "" {
		return "the document root"
	}
	return p
}

// parseText fills v (an enum or value type) from a code, reporting rule at path.
func (m *importer) parseText(path, rule string, s *string, v encoding.TextUnmarshaler) bool {
	if s == nil {
		m.fail(path, "required", errf(lastElement(path)+" is missing", sp.ErrRequired))
		return false
	}
	if err := v.UnmarshalText([]byte(*s)); err != nil {
		m.fail(path, rule, errf("the code or value cannot be read", err))
		return false
	}
	return true
}

// date reads a FHIR date or the date part of a dateTime, as written.
func (m *importer) date(path, s string) (sp.Date, bool) {
	if len(s) > 10 && s[10] == 'T' {
		s = s[:10]
	}
	d, err := sp.ParseDate(s)
	if err != nil {
		m.fail(path, "date", errf("a full date (YYYY-MM-DD) is required", err))
		return sp.Date{}, false
	}
	return d, true
}

func (m *importer) patient(r *referral.Referral, ptr string, p Patient) {
	m.where["/person"] = ptr
	m.where["/person/dateOfBirth"] = ptr + "/birthDate"
	m.where["/person/nhsNumber"] = ptr + "/identifier"
	if p.BirthDate != "" {
		if len(p.BirthDate) != 10 {
			m.fail(ptr+"/birthDate", "date", errf("a full date of birth (YYYY-MM-DD) is required", sp.ErrInvalid))
		} else {
			r.Person.DateOfBirth, _ = m.date(ptr+"/birthDate", p.BirthDate)
		}
	}
	seen := ""
	for j, id := range p.Identifier {
		ip := ptr + "/identifier/" + strconv.Itoa(j)
		if id.System != SystemNHSNumber {
			m.ignore(ip, "identifier of another system than the NHS number")
			continue
		}
		if seen != "" {
			m.fail(ip, "one-nhs-number", errf("a second NHS number; the first is at "+seen, sp.ErrInvalid))
			continue
		}
		seen = ip
		m.where["/person/nhsNumber"] = ip + "/value"
		v := id.Value
		m.parseText(ip+"/value", "nhsnumber", &v, &r.Person.NHSNumber)
		for k, x := range id.Extension {
			xp := ip + "/extension/" + strconv.Itoa(k)
			if x.URL != ExtNHSNumberVerificationStatus {
				m.ignore(xp, extensionWhat(x.URL))
				continue
			}
			ok := false
			if cc := x.ValueCodeableConcept; cc != nil {
				for _, c := range cc.Coding {
					if c.System == SystemNHSNumberVerificationStatus {
						if _, known := verificationStatus(c.Code); known {
							m.verification, ok = c.Code, true
						}
					}
				}
			}
			if !ok {
				m.fail(xp, "verification-status", errf("the NHS number verification status is not a UK Core code 01 to 08", sp.ErrInvalid))
			}
		}
	}
	for j, c := range p.Communication {
		cp := ptr + "/communication/" + strconv.Itoa(j)
		if j > 0 {
			m.ignore(cp, "a further language (one is read)")
			continue
		}
		m.where["/person/language"] = cp + "/language"
		switch l := c.Language; {
		case l.Text != "":
			r.Person.Language = l.Text
		case len(l.Coding) > 0 && l.Coding[0].Display != "":
			r.Person.Language = l.Coding[0].Display
		case len(l.Coding) > 0:
			r.Person.Language = l.Coding[0].Code
		}
	}
	for k, x := range p.Extension {
		xp := ptr + "/extension/" + strconv.Itoa(k)
		switch x.URL {
		case ExtAccessNeed:
			var a referral.AccessNeed
			m.where["/person/accessNeeds/"+strconv.Itoa(len(r.Person.AccessNeeds))] = xp + "/valueCode"
			if m.parseText(xp+"/valueCode", "enum", x.ValueCode, &a) {
				r.Person.AccessNeeds = append(r.Person.AccessNeeds, a)
			}
		case ExtAccessNotes:
			m.where["/person/accessNotes"] = xp + "/valueString"
			m.str(xp+"/valueString", x.ValueString, &r.Person.AccessNotes)
		default:
			m.ignore(xp, extensionWhat(x.URL))
		}
	}
	if len(r.Person.AccessNeeds) > 0 {
		m.where["/person/accessNeeds"] = ptr + "/extension"
	}
}

func (m *importer) str(path string, s *string, dst *string) {
	if s == nil {
		m.fail(path, "required", errf(lastElement(path)+" is missing", sp.ErrRequired))
		return
	}
	*dst = *s
}

func (m *importer) serviceRequest(r *referral.Referral, ptr string, sr ServiceRequest) {
	m.where[""] = ptr
	// The episode id.
	switch {
	case firstIdentifier(sr.Identifier, SystemEpisodeID) >= 0:
		j := firstIdentifier(sr.Identifier, SystemEpisodeID)
		r.EpisodeID = sr.Identifier[j].Value
		m.where["/id"] = ptr + "/identifier/" + strconv.Itoa(j) + "/value"
	case len(sr.Identifier) > 0:
		r.EpisodeID = sr.Identifier[0].Value
		m.where["/id"] = ptr + "/identifier/0/value"
	default:
		r.EpisodeID = sr.ID
		m.where["/id"] = ptr + "/id"
	}
	for j := range sr.Identifier {
		if "/identifier/"+strconv.Itoa(j)+"/value" != strings.TrimPrefix(m.where["/id"], ptr) {
			m.ignore(ptr+"/identifier/"+strconv.Itoa(j), "a further identifier (the episode id is read from one)")
		}
	}
	m.where["/received"] = ptr + "/authoredOn"
	if sr.AuthoredOn != "" {
		r.Received, _ = m.date(ptr+"/authoredOn", sr.AuthoredOn)
	}
	m.where["/urgency"] = ptr + "/priority"
	r.Urgency = referral.UrgencyRoutine
	if sr.Priority != "" {
		r.Urgency = ""
		for _, x := range priorities {
			if x.p == sr.Priority {
				r.Urgency = x.u
			}
		}
		if sr.Priority == "stat" {
			r.Urgency = referral.UrgencyUrgent
		}
		if r.Urgency == "" {
			m.fail(ptr+"/priority", "enum", errf("priority is not a FHIR request priority", sp.ErrInvalid))
		}
	}
	// The referrer.
	m.where["/referrer"] = ptr
	selfRequested := false
	if rq := sr.Requester; rq != nil {
		m.where["/referrer/organisation"] = ptr + "/requester"
		target := m.resolve(rq.Reference)
		switch {
		case target != nil && target.typ == "Patient":
			selfRequested = true
		case target != nil && target.typ == "Organization":
			var org struct {
				Name string `json:"name"`
			}
			if m.decode(target, &org) {
				r.Referrer.Organisation = org.Name
			}
		case rq.Reference != "":
			m.ignore(ptr+"/requester/reference", "requester reference that does not resolve to the Patient or an Organization in the document")
		}
		if rq.Display != "" {
			r.Referrer.Organisation = rq.Display
		}
	}
	m.where["/referrer/source"] = ptr + "/extension"
	m.where["/referrer/contact"] = ptr + "/extension"
	sourceRead := false
	for k, x := range sr.Extension {
		xp := ptr + "/extension/" + strconv.Itoa(k)
		switch x.URL {
		case ExtSourceOfServiceRequest:
			m.where["/referrer/source"] = xp + "/valueCodeableConcept"
			if x.ValueCodeableConcept == nil {
				m.fail(xp, "required", errf("the referral source extension "+ExtSourceOfServiceRequest+" has no valueCodeableConcept", sp.ErrRequired))
				sourceRead = true // reported: no fallback to the requester
				continue
			}
			sourceRead = m.source(r, xp+"/valueCodeableConcept", x.ValueCodeableConcept)
		case ExtReferrerRole:
			m.where["/referrer/role"] = xp + "/valueString"
			m.str(xp+"/valueString", x.ValueString, &r.Referrer.JobTitle)
		case ExtReferrerContact:
			m.where["/referrer/contact"] = xp + "/valueCode"
			m.parseText(xp+"/valueCode", "enum", x.ValueCode, &r.Referrer.Contact)
		case ExtWhatMattersToMe:
			m.where["/whatMattersToMe"] = xp + "/valueString"
			m.str(xp+"/valueString", x.ValueString, &r.WhatMattersToMe)
		case ExtSafeguarding:
			m.safeguarding(r, xp, x)
		default:
			m.ignore(xp, extensionWhat(x.URL))
		}
	}
	if !sourceRead && selfRequested {
		r.Referrer.Source = referral.SourceSelf
	}
	// The needs.
	m.where["/needs"] = ptr + "/reasonReference"
	for j, ref := range sr.ReasonReference {
		rp := ptr + "/reasonReference/" + strconv.Itoa(j)
		e := m.resolve(ref.Reference)
		if e == nil || e.typ != "Condition" {
			m.fail(rp, "reference", errf("a reason does not resolve to a Condition in the document", sp.ErrInvalid))
			continue
		}
		var c Condition
		if !m.decode(e, &c) {
			continue
		}
		m.elements(e, "clinicalStatus", "category", "code", "subject", "note")
		m.need(r, e.ptr, c.Code, c.Note)
	}
	for j := range sr.ReasonCode {
		m.need(r, ptr+"/reasonCode/"+strconv.Itoa(j), &sr.ReasonCode[j], nil)
	}
	// The consents.
	r.Consent = referral.Consent{Referral: referral.ConsentStatusNotAsked, ShareOutcomes: referral.ConsentStatusNotAsked}
	m.where["/consent"] = ptr + "/supportingInfo"
	for j, ref := range sr.SupportingInfo {
		rp := ptr + "/supportingInfo/" + strconv.Itoa(j)
		e := m.resolve(ref.Reference)
		if e == nil || e.typ != "Consent" {
			m.ignore(rp, "supporting information that is not a Consent in the document")
			continue
		}
		var c Consent
		if !m.decode(e, &c) {
			continue
		}
		m.elements(e, "status", "scope", "category", "patient", "policyRule", "provision")
		question := ""
		for _, cat := range c.Category {
			for _, cd := range cat.Coding {
				if cd.System == SystemConsentQuestion {
					question = cd.Code
				}
			}
		}
		var dst *referral.ConsentStatus
		switch question {
		case "referral":
			dst = &r.Consent.Referral
			m.where["/consent/referral"] = e.ptr + "/status"
		case "share-outcomes":
			dst = &r.Consent.ShareOutcomes
			m.where["/consent/shareOutcomes"] = e.ptr + "/status"
		default:
			m.ignore(e.ptr, "Consent to another question than the referral or sharing outcomes")
			continue
		}
		m.consent(e, c, dst)
	}
}

// source reads the referral source from UK Core's SourceOfServiceRequest concept at ptr: this
// project's referral-source code, else a SNOMED CT code of UK Core's value set that names one of the
// library's sources (see [Codes]). A SNOMED CT code that disagrees with the project's code, a SNOMED
// CT code the library does not map, and a concept with neither are errors saying so. It reports
// whether the source was read or an error reported.
func (m *importer) source(r *referral.Referral, ptr string, cc *CodeableConcept) bool {
	own, known, unknown, agreed := -1, -1, -1, true
	var fromSNOMED referral.Source
	for c, cd := range cc.Coding {
		switch cd.System {
		case SystemReferralSource:
			own = c
		case SystemSNOMED:
			if s, ok := sourceOf(cd.Code); ok {
				if known >= 0 && s != fromSNOMED {
					agreed = false
				}
				known, fromSNOMED = c, s
			} else if unknown < 0 {
				unknown = c
			}
		}
	}
	switch {
	case own >= 0:
		code := cc.Coding[own].Code
		cp := ptr + "/coding/" + strconv.Itoa(own) + "/code"
		m.where["/referrer/source"] = cp
		if m.parseText(cp, "enum", &code, &r.Referrer.Source) && known >= 0 && (!agreed || fromSNOMED != r.Referrer.Source) {
			m.fail(ptr+"/coding/"+strconv.Itoa(known)+"/code", "source-code", errf("the SNOMED CT referral source code names another source than this project's code beside it", sp.ErrInvalid))
		}
	case known >= 0 && !agreed:
		m.fail(ptr+"/coding", "source-code", errf("the SNOMED CT referral source codes name different sources", sp.ErrInvalid))
	case known >= 0:
		m.where["/referrer/source"] = ptr + "/coding/" + strconv.Itoa(known) + "/code"
		r.Referrer.Source = fromSNOMED
	case unknown >= 0:
		m.fail(ptr+"/coding/"+strconv.Itoa(unknown)+"/code", "source-code", errf("the SNOMED CT referral source code is not one the library reads as a source (self-referral, general practitioner, pharmacist, social worker, physiotherapist; see fhir.Codes)", sp.ErrInvalid))
	default:
		m.fail(ptr, "source-code", errf("the referral source has no code of this project's referral-source system or of SNOMED CT", sp.ErrInvalid))
	}
	return true
}

// consent reads one consent answer: active is given, unless its provision denies or its policy rule
// is opt-out, which is a refusal (and both together must agree); rejected (the person, executing
// the consent, rejected it) is refused; proposed is not asked. A provision with anything but its
// type (periods, actors, nested exceptions) narrows the answer in a way the library cannot hold,
// and is an error.
func (m *importer) consent(e *entry, c Consent, dst *referral.ConsentStatus) {
	var prov map[string]json.RawMessage
	if raw, ok := e.keys["provision"]; ok && json.Unmarshal(raw, &prov) == nil {
		for k := range prov {
			if k != "type" {
				m.fail(e.ptr+"/provision", "consent-provision", errf("the Consent's provision holds rules beyond permit or deny, which the referral's consent cannot hold", sp.ErrInvalid))
				return
			}
		}
	}
	optOut, optIn := false, false
	if c.PolicyRule != nil {
		for _, cd := range c.PolicyRule.Coding {
			if cd.System == SystemActCode {
				optOut = optOut || cd.Code == "OPTOUT" || cd.Code == "OPTOUTE"
				optIn = optIn || cd.Code == "OPTIN" || cd.Code == "OPTINR"
			}
		}
	}
	deny := c.Provision != nil && c.Provision.Type == "deny"
	permit := c.Provision != nil && c.Provision.Type == "permit"
	if c.Provision != nil && !deny && !permit {
		m.fail(e.ptr+"/provision/type", "enum", errf("the Consent provision type is not permit or deny", sp.ErrInvalid))
		return
	}
	switch c.Status {
	case "active":
		switch {
		case (deny || optOut) && (permit || optIn):
			m.fail(e.ptr, "consent-policy", errf("the Consent's provision type and policy rule disagree on whether it permits or denies", sp.ErrInvalid))
		case deny || optOut:
			*dst = referral.ConsentStatusRefused
		default:
			*dst = referral.ConsentStatusGiven
		}
	case "rejected":
		*dst = referral.ConsentStatusRefused
	case "proposed":
		*dst = referral.ConsentStatusNotAsked
	default:
		m.fail(e.ptr+"/status", "enum", errf("the Consent status is not active, rejected or proposed", sp.ErrInvalid))
	}
}

func firstIdentifier(ids []Identifier, system string) int {
	for j, id := range ids {
		if id.System == system {
			return j
		}
	}
	return -1
}

// need reads one need from a Condition's code (with its notes) or a reasonCode.
func (m *importer) need(r *referral.Referral, ptr string, code *CodeableConcept, notes []Annotation) {
	i := strconv.Itoa(len(r.Needs))
	m.where["/needs/"+i] = ptr
	codePtr := ptr + "/code"
	if notes == nil {
		codePtr = ptr
	}
	m.where["/needs/"+i+"/need"] = codePtr
	var item referral.NeedItem
	own := -1
	if code != nil {
		for c, cd := range code.Coding {
			if cd.System == SystemNeed {
				own = c
			}
		}
	}
	switch {
	case own >= 0:
		cd := code.Coding[own].Code
		if !m.parseText(codePtr+"/coding/"+strconv.Itoa(own)+"/code", "enum", &cd, &item.Need) {
			return
		}
		if len(notes) > 0 {
			item.Description = notes[0].Text
			m.where["/needs/"+i+"/description"] = ptr + "/note/0/text"
			for k := 1; k < len(notes); k++ {
				m.ignore(ptr+"/note/"+strconv.Itoa(k), "a further note (the need's own words are the first)")
			}
		}
	case code != nil && (code.Text != "" || len(code.Coding) > 0 && code.Coding[0].Display != ""):
		// A need coded in another system: "other", described by the concept's text.
		item.Need = referral.NeedOther
		item.Description = code.Text
		if item.Description == "" {
			item.Description = code.Coding[0].Display
		}
		m.where["/needs/"+i+"/description"] = codePtr
		for k := range notes {
			m.ignore(ptr+"/note/"+strconv.Itoa(k), "a note on a need coded in another system")
		}
	default:
		m.fail(codePtr, "need", errf("the need has neither a code of this project's need system nor a text", sp.ErrRequired))
		return
	}
	r.Needs = append(r.Needs, item)
}

// sub returns the sub-extensions of a complex extension by name, reporting unknown ones.
func (m *importer) sub(ptr string, x Extension, known ...string) map[string][]int {
	out := map[string][]int{}
	for j, s := range x.Extension {
		if !slices.Contains(known, s.URL) {
			m.ignore(ptr+"/extension/"+strconv.Itoa(j), extensionWhat(s.URL))
			continue
		}
		out[s.URL] = append(out[s.URL], j)
	}
	return out
}

func (m *importer) instant(path string, s *string) time.Time {
	if s == nil {
		m.fail(path, "required", errf(lastElement(path)+" (a dateTime) is missing", sp.ErrRequired))
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, *s)
	if err != nil {
		m.fail(path, "date-time", errf("a dateTime with seconds and time zone is required", sp.ErrSyntax))
	}
	return t
}

func (m *importer) safeguarding(r *referral.Referral, ptr string, x Extension) {
	m.where["/safeguarding"] = ptr
	subs := m.sub(ptr, x, "concern", "escalation")
	for _, j := range subs["concern"] {
		m.where["/safeguarding/concern"] = ptr + "/extension/" + strconv.Itoa(j) + "/valueBoolean"
		if v := x.Extension[j].ValueBoolean; v != nil {
			r.Safeguarding.Concern = *v
		} else {
			m.fail(ptr+"/extension/"+strconv.Itoa(j), "required", errf("concern has no valueBoolean", sp.ErrRequired))
		}
	}
	for _, j := range subs["escalation"] {
		ep := ptr + "/extension/" + strconv.Itoa(j)
		base := "/safeguarding/escalations/" + strconv.Itoa(len(r.Safeguarding.Escalations))
		m.where[base] = ep
		esc := x.Extension[j]
		es := m.sub(ep, esc, "at", "to", "by", "note")
		var e referral.Escalation
		m.one(ep, esc, es, "at", base+"/at", func(p string, v Extension) { e.At = m.instant(p+"/valueDateTime", v.ValueDateTime) })
		m.one(ep, esc, es, "to", base+"/to", func(p string, v Extension) { m.parseText(p+"/valueCode", "enum", v.ValueCode, &e.To) })
		m.one(ep, esc, es, "by", base+"/by", func(p string, v Extension) { m.parseText(p+"/valueCode", "enum", v.ValueCode, &e.By) })
		m.one(ep, esc, es, "note", base+"/note", func(p string, v Extension) { m.str(p+"/valueString", v.ValueString, &e.Note) })
		r.Safeguarding.Escalations = append(r.Safeguarding.Escalations, e)
	}
}

// one reads the single sub-extension name of the complex extension x at ptr, if present, recording
// where the referral field at field was read from; a repeat is an error.
func (m *importer) one(ptr string, x Extension, subs map[string][]int, name, field string, read func(p string, v Extension)) {
	js := subs[name]
	if len(js) == 0 {
		m.where[field] = ptr
		return
	}
	p := ptr + "/extension/" + strconv.Itoa(js[0])
	m.where[field] = p
	for _, j := range js[1:] {
		m.fail(ptr+"/extension/"+strconv.Itoa(j), "repeated", errf(name+" appears more than once", sp.ErrInvalid))
	}
	read(p, x.Extension[js[0]])
}

// task reads the history from the Task whose focus is the ServiceRequest, and sets the state to
// what the history replays to.
func (m *importer) task(r *referral.Referral, srE *entry) {
	r.State = referral.StateReceived
	var tE *entry
	for i := range m.entries {
		e := &m.entries[i]
		if e.typ != "Task" {
			continue
		}
		var focus *Reference
		if json.Unmarshal(e.keys["focus"], &focus) != nil || focus == nil || m.resolve(focus.Reference) != srE {
			continue
		}
		if tE != nil {
			m.fail(e.ptr, "one-task", errf("a second Task for the ServiceRequest; the first is at "+pointerOrRoot(tE.ptr), sp.ErrInvalid))
			continue
		}
		tE = e
	}
	if tE == nil {
		return
	}
	var t Task
	if !m.decode(tE, &t) {
		return
	}
	m.elements(tE, "identifier", "status", "statusReason", "businessStatus", "intent", "code", "focus", "for", "executionPeriod", "authoredOn", "lastModified", "requester", "owner")
	if o := t.Owner; o != nil {
		defer func() {
			if m.owner != "" && !ownerName(m.owner) {
				m.owner = ""
				m.ignore(tE.ptr+"/owner", "owner whose name is not an organisation name (not read, not shown)")
			}
		}()
		m.owner = o.Display
		if e := m.resolve(o.Reference); e != nil && e.typ == "Organization" {
			var org struct {
				Name string `json:"name"`
			}
			if m.decode(e, &org) && o.Display == "" {
				m.owner = org.Name
			}
		} else if o.Reference != "" && o.Display == "" {
			m.ignore(tE.ptr+"/owner", "owner reference that does not resolve to an Organization in the document")
		}
	}
	m.where["/state"] = tE.ptr + "/status"
	m.where["/history"] = tE.ptr + "/extension"
	for k, x := range t.Extension {
		xp := tE.ptr + "/extension/" + strconv.Itoa(k)
		if x.URL != ExtReferralEvent {
			m.ignore(xp, extensionWhat(x.URL))
			continue
		}
		base := "/history/" + strconv.Itoa(len(r.History))
		m.where[base] = xp
		subs := m.sub(xp, x, "kind", "at", "by", "reason", "note", "codedOn", "code")
		var e referral.Event
		m.one(xp, x, subs, "kind", base+"/kind", func(p string, v Extension) { m.parseText(p+"/valueCode", "enum", v.ValueCode, &e.Kind) })
		m.one(xp, x, subs, "at", base+"/at", func(p string, v Extension) { e.At = m.instant(p+"/valueDateTime", v.ValueDateTime) })
		m.one(xp, x, subs, "by", base+"/by", func(p string, v Extension) { m.parseText(p+"/valueCode", "enum", v.ValueCode, &e.By) })
		m.one(xp, x, subs, "reason", base+"/reason", func(p string, v Extension) { m.parseText(p+"/valueCode", "enum", v.ValueCode, &e.Reason) })
		m.one(xp, x, subs, "note", base+"/note", func(p string, v Extension) { m.str(p+"/valueString", v.ValueString, &e.Note) })
		m.one(xp, x, subs, "codedOn", base+"/codedOn", func(p string, v Extension) {
			if v.ValueDate == nil {
				m.fail(p, "required", errf("codedOn has no valueDate", sp.ErrRequired))
				return
			}
			e.CodedOn, _ = m.date(p+"/valueDate", *v.ValueDate)
		})
		m.where[base+"/codes"] = xp
		for n, j := range subs["code"] {
			cp := xp + "/extension/" + strconv.Itoa(j)
			m.where[base+"/codes/"+strconv.Itoa(n)] = cp
			c := x.Extension[j].ValueCoding
			if c == nil || c.System != SystemSNOMED {
				m.fail(cp, "sctid", errf("a code entered is not a SNOMED CT valueCoding", sp.ErrInvalid))
				continue
			}
			var id coding.SCTID
			code := c.Code
			if m.parseText(cp+"/valueCoding/code", "sctid", &code, &id) {
				e.Codes = append(e.Codes, id)
			}
		}
		r.History = append(r.History, e)
	}
	// The state is what the history replays to; Validate reports an event the lifecycle refuses.
	scratch := referral.Referral{Received: r.Received, State: referral.StateReceived}
	for _, e := range r.History {
		next, err := scratch.Apply(e)
		if err != nil {
			break
		}
		scratch = next
	}
	r.State = scratch.State
	switch want := r.State.FHIR().Status; {
	case len(r.History) == 0 && t.Status != want:
		m.fail(tE.ptr+"/status", "task-status", errf("the Task status says the referral is no longer new, but the Task has no referral-event history from which to read its state", sp.ErrInvalid))
	case t.Status != want:
		m.fail(tE.ptr+"/status", "task-status", errf("the Task status is not the one the history leads to", sp.ErrInvalid))
	}
}
