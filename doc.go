// Package socialprescribing is the shared vocabulary of go-socialprescribing, a library for social
// prescribing as the NHS in England runs it.
//
// The root package holds the types every other package speaks in:
//
//   - [Date], a civil date with calendar arithmetic and no time zone;
//   - [NHSNumber], a validated NHS number whose printed forms are masked;
//   - [FieldError] and [ValidationError], the one error shape of the library, with the sentinel
//     categories [ErrInvalid], [ErrRequired] and [ErrSyntax];
//   - [Finding] and [Severity], the one result shape of every rule checker;
//   - [Decode], the strict JSON decoder that rejects unknown, wrongly-cased and duplicate keys.
//
// The domain lives in sub-packages: coding (SNOMED CT and the recording rules), referral, plan,
// outcomes, workforce (ARRS reimbursement) and episode. The schema package publishes JSON Schemas for
// every document type.
//
// Personal data never appears in an error, a log line or a String method of this library: errors
// name the field (as a JSON Pointer) and the rule that failed, never the value.
//
// Every type in this package is a value type or is immutable after construction and is safe for
// concurrent use.
package socialprescribing

//go:generate go run ./internal/enumgen
