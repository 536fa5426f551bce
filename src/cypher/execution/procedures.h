// Procedures callable with CALL: the built-ins (db.labels(), db.relationshipTypes(),
// db.propertyKeys(), dbms.components()) and those an application registers
// (Database::RegisterProcedure, converted by the engine).
//
// Thread safety: a ProcedureRegistry may be read and extended from any number of threads. A
// Procedure never changes once registered, and plans hold it by shared_ptr.
#ifndef SMITH_CYPHER_EXECUTION_PROCEDURES_H_
#define SMITH_CYPHER_EXECUTION_PROCEDURES_H_

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/value.h"

namespace smith::exec {

class ExecContext;

// A type in a procedure signature, as Neo4j writes them: INTEGER, FLOAT, NUMBER, STRING, BOOLEAN,
// MAP, LIST OF ..., NODE, RELATIONSHIP, PATH, ANY; a trailing `?` allows null.
struct ProcedureType {
  enum class Kind {
    kAny,
    kInteger,
    kFloat,
    kNumber,
    kString,
    kBoolean,
    kMap,
    kList,
    kNode,
    kRelationship,
    kPath
  };
  Kind kind = Kind::kAny;
  bool nullable = true;
  std::string text;  // as written, for messages

  // kInvalidArgument for a type name outside the list above.
  static Result<ProcedureType> Parse(std::string_view text);
};

struct ProcedureField {
  std::string name;
  ProcedureType type;
};

struct Procedure {
  std::string name;  // qualified, as registered ("db.labels")
  std::vector<ProcedureField> inputs;
  std::vector<ProcedureField> outputs;  // empty: a void procedure
  // The rows of one call with `args` (one per input, already checked), each holding one value
  // per output. Errors are thrown as CypherError and end the statement.
  std::function<std::vector<std::vector<Value>>(ExecContext&, const std::vector<Value>& args)> run;
};

// Checks an argument against its declared type; an INTEGER passed for FLOAT becomes a float.
// false when the value does not fit.
bool CoerceArgument(const ProcedureType& type, Value* value);

class ProcedureRegistry {
 public:
  // A registry holding the built-in procedures.
  ProcedureRegistry();

  // Adds `procedure`. kInvalidArgument when its name is empty or malformed, already registered
  // (names compare case-insensitively, as for the built-ins), or fields repeat a name.
  Status Register(Procedure procedure);
  // The procedure named `name` (case-insensitive), or null.
  std::shared_ptr<const Procedure> Find(std::string_view name) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const Procedure>> by_name_;  // lower-case name; mutex_
};

}  // namespace smith::exec

#endif  // SMITH_CYPHER_EXECUTION_PROCEDURES_H_
