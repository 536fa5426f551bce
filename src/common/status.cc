#include "common/status.h"

namespace smith {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "OK";
    case StatusCode::kInvalidArgument:
      return "Neo.ClientError.Statement.ArgumentError";
    case StatusCode::kNotFound:
      return "Neo.ClientError.Statement.EntityNotFound";
    case StatusCode::kAlreadyExists:
      return "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists";
    case StatusCode::kConstraintViolation:
      return "Neo.ClientError.Schema.ConstraintValidationFailed";
    case StatusCode::kCorruption:
      return "Neo.DatabaseError.General.StorageDamageDetected";
    case StatusCode::kIOError:
      return "Neo.DatabaseError.General.UnknownError";
    case StatusCode::kLocked:
      return "Neo.ClientError.Database.DatabaseUnavailable";
    case StatusCode::kIncompatibleFormat:
      return "Neo.DatabaseError.General.StorageDamageDetected";
    case StatusCode::kNotSupported:
      return "Neo.ClientError.Statement.FeatureDeprecationWarning";
    case StatusCode::kInvalidState:
      return "Neo.ClientError.Transaction.ForbiddenDueToTransactionType";
    case StatusCode::kSyntaxError:
      return "Neo.ClientError.Statement.SyntaxError";
    case StatusCode::kSemanticError:
      return "Neo.ClientError.Statement.SemanticError";
    case StatusCode::kTypeError:
      return "Neo.ClientError.Statement.TypeError";
    case StatusCode::kArgumentError:
      return "Neo.ClientError.Statement.ArgumentError";
    case StatusCode::kParameterMissing:
      return "Neo.ClientError.Statement.ParameterMissing";
    case StatusCode::kEntityNotFound:
      return "Neo.ClientError.Statement.EntityNotFound";
    case StatusCode::kInternal:
      return "Neo.DatabaseError.General.UnknownError";
    case StatusCode::kArithmeticError:
      return "Neo.ClientError.Statement.ArithmeticError";
    case StatusCode::kConstraintWithNameAlreadyExists:
      return "Neo.ClientError.Schema.ConstraintWithNameAlreadyExists";
    case StatusCode::kIndexWithNameAlreadyExists:
      return "Neo.ClientError.Schema.IndexWithNameAlreadyExists";
    case StatusCode::kConstraintAlreadyExists:
      return "Neo.ClientError.Schema.ConstraintAlreadyExists";
    case StatusCode::kIndexAlreadyExists:
      return "Neo.ClientError.Schema.IndexAlreadyExists";
    case StatusCode::kConstraintDropFailed:
      return "Neo.ClientError.Schema.ConstraintDropFailed";
    case StatusCode::kIndexDropFailed:
      return "Neo.ClientError.Schema.IndexDropFailed";
    case StatusCode::kConstraintCreationFailed:
      return "Neo.ClientError.Schema.ConstraintCreationFailed";
    case StatusCode::kProcedureNotFound:
      return "Neo.ClientError.Procedure.ProcedureNotFound";
    case StatusCode::kProcedureCallFailed:
      return "Neo.ClientError.Procedure.ProcedureCallFailed";
  }
  return "Neo.DatabaseError.General.UnknownError";
}

Status::Status(StatusCode code, std::string_view message) {
  if (code != StatusCode::kOk) {
    state_ = std::make_unique<State>(State{code, std::string(message)});
  }
}

Status::Status(const Status& other)
    : state_(other.state_ ? std::make_unique<State>(*other.state_) : nullptr) {}

Status& Status::operator=(const Status& other) {
  if (this != &other) {
    state_ = other.state_ ? std::make_unique<State>(*other.state_) : nullptr;
  }
  return *this;
}

Status Status::WithContext(std::string_view context) const {
  if (ok()) return Status();
  std::string message(context);
  message += ": ";
  message += state_->message;
  return Status(state_->code, message);
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out(StatusCodeName(state_->code));
  out += ": ";
  out += state_->message;
  return out;
}

}  // namespace smith
