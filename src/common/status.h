// Status: the outcome of an operation that can fail in an expected way.
//
// A Status is either OK or carries a Code (what kind of failure, stable across releases and
// mapped onto Neo4j-style status codes by StatusCodeName()) and a human-readable message that
// names the offending input. Expected failures (bad input, missing entity, constraint violation,
// I/O errors) travel as Status or Result<T>; exceptions are reserved for errors that end a whole
// Cypher statement (see cypher/).
//
// Representation: one pointer, nullptr meaning OK, so returning an OK Status costs nothing.
//
// Thread safety: a const Status may be read from several threads; mutation needs external
// synchronization, like any value type.
#ifndef SMITH_COMMON_STATUS_H_
#define SMITH_COMMON_STATUS_H_

#include <memory>
#include <string>
#include <string_view>

namespace smith {

// Kinds of failure. DO NOT RENUMBER: the values cross the Python binding and may be logged.
enum class StatusCode : int {
  kOk = 0,
  // The request was malformed: bad UTF-8, empty label, wrong value type, bad option.
  kInvalidArgument = 1,
  // A looked-up entity (node, relationship, constraint, index, file) does not exist.
  kNotFound = 2,
  // Something that should be unique already exists (constraint or index name, token).
  kAlreadyExists = 3,
  // A write would violate a uniqueness or node-key constraint.
  kConstraintViolation = 4,
  // Stored bytes could not be decoded: a truncated or corrupt record or key.
  kCorruption = 5,
  // The operating system or RocksDB reported an I/O failure.
  kIOError = 6,
  // The database directory is held by another process (or another handle in this one).
  kLocked = 7,
  // The directory holds a smith database of a format version this build cannot read, or
  // something that is not a smith database at all.
  kIncompatibleFormat = 8,
  // The operation is valid but not implemented (yet) for this input.
  kNotSupported = 9,
  // The operation cannot run in the current state (e.g. writing in a read transaction).
  kInvalidState = 10,
  // A Cypher statement failed to parse.
  kSyntaxError = 11,
  // A Cypher statement parsed but is not meaningful (unbound variable, bad aggregation).
  kSemanticError = 12,
  // An expression met a value of the wrong type at run time.
  kTypeError = 13,
  // A function or procedure received an argument outside its domain.
  kArgumentError = 14,
  // A statement referenced a parameter that was not supplied.
  kParameterMissing = 15,
  // A statement referred to an entity that was deleted.
  kEntityNotFound = 16,
  // A bug in smith: an invariant did not hold.
  kInternal = 17,
  // Integer arithmetic overflowed or divided by zero ("long overflow", "/ by zero").
  kArithmeticError = 18,
  // Schema commands, named as Neo4j names them (clients match on the Neo4j code):
  // A constraint / index with the requested name already exists.
  kConstraintWithNameAlreadyExists = 19,
  kIndexWithNameAlreadyExists = 20,
  // The schema (label or type and properties) is already covered by a constraint of another
  // kind, or by a constraint when an index is requested / by an index when a constraint is.
  kConstraintAlreadyExists = 21,
  kIndexAlreadyExists = 22,
  // DROP of a constraint / index that does not exist (or is of the other kind).
  kConstraintDropFailed = 23,
  kIndexDropFailed = 24,
  // A new constraint does not hold for the existing data.
  kConstraintCreationFailed = 25,
  // CALL of a procedure that does not exist.
  kProcedureNotFound = 26,
  // A procedure threw or returned records that do not fit its signature (a procedure's own
  // error status keeps its code).
  kProcedureCallFailed = 27,
};

// The Neo4j status code for `code`, e.g. "Neo.ClientError.Schema.ConstraintValidationFailed".
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() noexcept = default;
  Status(StatusCode code, std::string_view message);

  Status(const Status& other);
  Status& operator=(const Status& other);
  Status(Status&& other) noexcept = default;
  Status& operator=(Status&& other) noexcept = default;
  ~Status() = default;

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string_view msg) {
    return {StatusCode::kInvalidArgument, msg};
  }
  static Status NotFound(std::string_view msg) { return {StatusCode::kNotFound, msg}; }
  static Status AlreadyExists(std::string_view msg) { return {StatusCode::kAlreadyExists, msg}; }
  static Status ConstraintViolation(std::string_view msg) {
    return {StatusCode::kConstraintViolation, msg};
  }
  static Status Corruption(std::string_view msg) { return {StatusCode::kCorruption, msg}; }
  static Status IOError(std::string_view msg) { return {StatusCode::kIOError, msg}; }
  static Status Locked(std::string_view msg) { return {StatusCode::kLocked, msg}; }
  static Status IncompatibleFormat(std::string_view msg) {
    return {StatusCode::kIncompatibleFormat, msg};
  }
  static Status NotSupported(std::string_view msg) { return {StatusCode::kNotSupported, msg}; }
  static Status InvalidState(std::string_view msg) { return {StatusCode::kInvalidState, msg}; }
  static Status Internal(std::string_view msg) { return {StatusCode::kInternal, msg}; }

  bool ok() const { return state_ == nullptr; }
  StatusCode code() const { return state_ ? state_->code : StatusCode::kOk; }
  // The message without the code prefix; empty for OK.
  std::string_view message() const { return state_ ? std::string_view(state_->message) : ""; }

  bool IsInvalidArgument() const { return code() == StatusCode::kInvalidArgument; }
  bool IsNotFound() const { return code() == StatusCode::kNotFound; }
  bool IsAlreadyExists() const { return code() == StatusCode::kAlreadyExists; }
  bool IsConstraintViolation() const { return code() == StatusCode::kConstraintViolation; }
  bool IsCorruption() const { return code() == StatusCode::kCorruption; }
  bool IsIOError() const { return code() == StatusCode::kIOError; }
  bool IsLocked() const { return code() == StatusCode::kLocked; }
  bool IsIncompatibleFormat() const { return code() == StatusCode::kIncompatibleFormat; }

  // A copy whose message is "<context>: <message>"; OK stays OK.
  Status WithContext(std::string_view context) const;

  // "OK" or "<Neo4j code>: <message>".
  std::string ToString() const;

  // Marks a Status as deliberately ignored. The only sanctioned way to drop one; grep for it.
  void PermitUncheckedError() const {}

 private:
  struct State {
    StatusCode code;
    std::string message;
  };
  std::unique_ptr<State> state_;
};

}  // namespace smith

// Returns early from the enclosing function if `expr` yields a non-OK Status.
#define SMITH_RETURN_IF_ERROR(expr)         \
  do {                                      \
    ::smith::Status smith_status_ = (expr); \
    if (!smith_status_.ok()) {              \
      return smith_status_;                 \
    }                                       \
  } while (false)

#endif  // SMITH_COMMON_STATUS_H_
