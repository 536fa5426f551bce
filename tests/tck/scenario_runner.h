// Runs one expanded TCK scenario against a TckEngine, interpreting its steps in order.
//
// Steps (matched on the text after the keyword, so Given/When/Then/And are interchangeable):
//   an empty graph | any graph        OpenFreshDatabase
//   the <name> graph                  OpenFreshDatabase, then run <graphs_dir>/<name>/<name>.cypher
//                                     (statements separated by ';')
//   having executed: """q"""          run a setup query; an error fails the scenario
//   parameters are: | k | v |         parameters for the following queries under test
//   there exists a procedure ...      the scenario is SKIPPED (procedure registration is not
//                                     part of smith's API)
//   executing query: """q"""          the query under test (snapshots the graph before it when a
//                                     side-effect step follows)
//   executing control query: """q"""  a query whose result is checked, not its side effects
//   the result should be, in any order: | ... |
//   the result should be, in order: | ... |
//   the result should be (ignoring element order for lists): | ... |
//   the result should be, in order (ignoring element order for lists): | ... |
//   the result should be, in any order (ignoring element order for lists): | ... |
//   the result should be empty
//   the side effects should be: | +nodes | 1 | ...
//   no side effects
//   a <Type> should be raised at <phase>: <Detail>      (see tck_errors.h)
// Any other step fails the scenario ("unsupported step"), as does a result or side-effect step
// with no query before it. A scenario tagged @ignore or @skip is skipped without running.
//
// Thread safety: one call at a time per engine.
#ifndef SMITH_TESTS_TCK_SCENARIO_RUNNER_H_
#define SMITH_TESTS_TCK_SCENARIO_RUNNER_H_

#include <string>
#include <string_view>
#include <vector>

#include "gherkin.h"
#include "side_effects.h"
#include "tck_engine.h"

namespace smith::tck {

enum class Outcome { kPassed, kFailed, kSkipped };

struct ScenarioOutcome {
  Outcome outcome = Outcome::kPassed;
  std::string reason;  // why it failed or was skipped; may span lines (the reporter joins them)
};

struct ScenarioOptions {
  // Directory holding the named graphs (<graphs_dir>/<name>/<name>.cypher).
  std::string graphs_dir;
  SideEffectMode side_effects = SideEffectMode::kGraphDiff;
};

ScenarioOutcome RunScenario(const Scenario& scenario, TckEngine& engine,
                            const ScenarioOptions& options);

// The step forms listed in the file comment.
enum class StepKind {
  kUnknown,
  kEmptyGraph,    // an empty graph | any graph
  kNamedGraph,    // the <name> graph
  kSetupQuery,    // having executed:
  kParameters,    // parameters are:
  kProcedure,     // there exists a procedure ...
  kQuery,         // executing query:
  kControlQuery,  // executing control query:
  kResult,        // the result should be ...: (with a table)
  kEmptyResult,   // the result should be empty
  kSideEffects,   // the side effects should be: | no side effects
  kError,         // a <Type> should be raised at <phase>: <Detail>
};
StepKind ClassifyStep(std::string_view text);

// Splits a script into statements at ';' outside string literals, comments and back-quoted
// names; statements are trimmed of surrounding whitespace and blank ones dropped.
std::vector<std::string> SplitStatements(std::string_view script);

}  // namespace smith::tck

#endif  // SMITH_TESTS_TCK_SCENARIO_RUNNER_H_
