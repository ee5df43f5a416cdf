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
//   - [Decode], the strict JSON decoder that rejects unknown, wrongly-cased and duplicate keys, and
//     [DecodeAndValidate], which also runs the document's Validate and reports every problem at once;
//   - [Masked] and [NewMaskingHandler], to log any value holding the library's types.
//
// The domain lives in sub-packages: coding (SNOMED CT and the recording rules), referral, plan,
// outcomes, workforce (ARRS reimbursement) and episode. The schema package publishes JSON Schemas for
// every document type.
//
// Personal data never appears in an error, a log line or a String method of this library: errors
// name the field (as a JSON Pointer) and the rule that failed, never the value. Every type holding
// personal data prints and logs a masked form; but slog's JSON handler encodes a slice or a map of
// them, or a struct of the caller's holding them, as JSON, which is the document itself. Log such a
// value as Masked(v), or give the logger a NewMaskingHandler, which masks every attribute.
//
// Every type in this package is a value type or is immutable after construction and is safe for
// concurrent use.
package socialprescribing

//go:generate go run ./internal/enumgen
