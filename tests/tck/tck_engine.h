// TckEngine: the only way the TCK runner reaches a database. smith's adapter
// (smith_engine_adapter.h) implements it over smith::Database; the unit tests implement it with
// canned answers.
//
// Contract: the runner calls OpenFreshDatabase at the start of every scenario (and for each
// `Given ... graph` step), then Execute for the setup, test and control queries of that
// scenario, in order, from one thread. An engine need not be thread-safe.
#ifndef SMITH_TESTS_TCK_TCK_ENGINE_H_
#define SMITH_TESTS_TCK_TCK_ENGINE_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/value.h"
#include "smith/database.h"  // QueryCounters only; the runner never links the engine itself

namespace smith::tck {

// Everything a statement produced, fully drained.
struct TckResult {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;  // one Value per column
  QueryCounters counters;
};

// A procedure of a `there exists a procedure` step: a call whose arguments equal a row's input
// cells returns that row's output cells as one record (rows: the inputs, then the outputs, each
// in signature order).
struct TckProcedure {
  ProcedureSignature signature;
  std::vector<std::vector<Value>> rows;
};

class TckEngine {
 public:
  virtual ~TckEngine() = default;

  // Makes the database empty: no nodes, relationships, indexes or constraints. An error fails
  // the scenario being run.
  virtual Status OpenFreshDatabase() = 0;

  // Runs one statement with `params` in its own transaction and drains its records. A failure
  // while compiling or while streaming is returned as the Status (its code is matched against
  // the TCK's expected error, see tck_errors.h).
  virtual Result<TckResult> Execute(std::string_view query, const ValueMap& params) = 0;

  // Makes `procedure` callable until the next OpenFreshDatabase. kNotSupported (the default)
  // skips the scenario.
  virtual Status RegisterProcedure(const TckProcedure& /*procedure*/) {
    return Status::NotSupported("this engine cannot register test procedures");
  }
};

}  // namespace smith::tck

#endif  // SMITH_TESTS_TCK_TCK_ENGINE_H_
