#include "scenario_runner.h"

#include <fstream>
#include <optional>
#include <sstream>
#include <utility>

#include "tck_errors.h"
#include "tck_result.h"

namespace smith::tck {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

struct ResultStep {
  std::string_view text;
  RowOrder order;
  bool ignore_list_order;
};

constexpr ResultStep kResultSteps[] = {
    {"the result should be, in any order:", RowOrder::kAnyOrder, false},
    {"the result should be, in order:", RowOrder::kInOrder, false},
    {"the result should be (ignoring element order for lists):", RowOrder::kAnyOrder, true},
    {"the result should be, in any order (ignoring element order for lists):", RowOrder::kAnyOrder,
     true},
    {"the result should be, in order (ignoring element order for lists):", RowOrder::kInOrder,
     true},
};

// The state of one scenario run. Each step handler returns nullopt to go on, or the outcome
// that ends the scenario.
class ScenarioRun {
 public:
  ScenarioRun(const Scenario& scenario, TckEngine& engine, const ScenarioOptions& options)
      : scenario_(scenario), engine_(engine), options_(options) {}

  ScenarioOutcome Run() {
    for (const char* tag : {"ignore", "skip"}) {
      if (scenario_.HasTag(tag)) return {Outcome::kSkipped, std::string("tagged @") + tag};
    }
    if (std::optional<ScenarioOutcome> end = OpenFresh()) return *end;
    for (step_index_ = 0; step_index_ < scenario_.steps.size(); ++step_index_) {
      if (std::optional<ScenarioOutcome> end = RunStep(scenario_.steps[step_index_])) return *end;
    }
    if (last_ && !last_->ok() && !error_checked_) {
      return FailAt(last_query_line_, "query failed: " + last_->status().ToString());
    }
    return {Outcome::kPassed, ""};
  }

 private:
  const Step& step() const { return scenario_.steps[step_index_]; }

  static ScenarioOutcome FailAt(int line, std::string_view why) {
    return {Outcome::kFailed, "line " + std::to_string(line) + ": " + std::string(why)};
  }
  ScenarioOutcome Fail(std::string_view why) const { return FailAt(step().line, why); }

  std::optional<ScenarioOutcome> FailOpen(const Status& status) const {
    return ScenarioOutcome{Outcome::kFailed, "OpenFreshDatabase failed: " + status.ToString()};
  }

  std::optional<ScenarioOutcome> OpenFresh() {
    Status status = engine_.OpenFreshDatabase();
    if (!status.ok()) return FailOpen(status);
    dirty_ = false;
    return std::nullopt;
  }

  Result<TckResult> Execute(std::string_view query, const ValueMap& params) {
    dirty_ = true;
    return engine_.Execute(query, params);
  }

  std::optional<ScenarioOutcome> RunStep(const Step& s) {
    const std::string& text = s.text;
    switch (ClassifyStep(text)) {
      case StepKind::kEmptyGraph:
        if (dirty_) return OpenFresh();
        return std::nullopt;
      case StepKind::kNamedGraph:
        return LoadNamedGraph(text.substr(4, text.size() - 10));
      case StepKind::kSetupQuery: {
        if (!s.doc_string) return Fail("'having executed:' without a query");
        Result<TckResult> result = Execute(*s.doc_string, ValueMap());
        if (!result.ok()) return Fail("setup query failed: " + result.status().ToString());
        return std::nullopt;
      }
      case StepKind::kParameters: {
        Result<ValueMap> params = ParseParameters(s.table);
        if (!params.ok()) return Fail(params.status().message());
        params_ = std::move(params).value();
        return std::nullopt;
      }
      case StepKind::kProcedure: {
        Result<TckProcedure> procedure = ParseProcedureStep(text, s.table);
        if (!procedure.ok()) return Fail(procedure.status().message());
        Status registered = engine_.RegisterProcedure(*procedure);
        if (registered.code() == StatusCode::kNotSupported) {
          return ScenarioOutcome{Outcome::kSkipped, "needs a test procedure: " + s.text};
        }
        if (!registered.ok()) return Fail("procedure step failed: " + registered.ToString());
        return std::nullopt;
      }
      case StepKind::kQuery:
        return ExecuteQueryUnderTest(s, false);
      case StepKind::kControlQuery:
        return ExecuteQueryUnderTest(s, true);
      case StepKind::kResult:
        for (const ResultStep& rs : kResultSteps) {
          if (text == rs.text) return CheckResult(s, rs.order, rs.ignore_list_order);
        }
        break;
      case StepKind::kEmptyResult:
        return CheckResult(s, RowOrder::kAnyOrder, false);
      case StepKind::kSideEffects:
        return CheckSideEffects(s);
      case StepKind::kError:
        return CheckError(*ParseErrorStep(text));
      case StepKind::kUnknown:
        break;
    }
    return Fail("unsupported step '" + s.keyword + " " + text + "'");
  }

  std::optional<ScenarioOutcome> LoadNamedGraph(const std::string& name) {
    if (dirty_) {
      if (std::optional<ScenarioOutcome> end = OpenFresh()) return end;
    }
    std::string path = options_.graphs_dir + "/" + name + "/" + name + ".cypher";
    std::ifstream in(path);
    if (!in) return Fail("cannot read named graph " + path);
    std::ostringstream script;
    script << in.rdbuf();
    for (const std::string& statement : SplitStatements(script.str())) {
      Result<TckResult> result = Execute(statement, ValueMap());
      if (!result.ok()) {
        return Fail("loading graph " + name + " failed: " + result.status().ToString());
      }
    }
    return std::nullopt;
  }

  // Whether a side-effect step follows the current step before the next query.
  bool SideEffectStepFollows() const {
    for (size_t i = step_index_ + 1; i < scenario_.steps.size(); ++i) {
      const std::string& text = scenario_.steps[i].text;
      if (ClassifyStep(text) == StepKind::kSideEffects) return true;
      if (StartsWith(text, "executing ")) return false;
    }
    return false;
  }

  std::optional<ScenarioOutcome> ExecuteQueryUnderTest(const Step& s, bool control) {
    if (!s.doc_string) return Fail("'" + s.text + "' without a query");
    if (last_ && !last_->ok() && !error_checked_) {
      return Fail("an earlier query failed: " + last_->status().ToString());
    }
    before_.reset();
    if (!control && options_.side_effects == SideEffectMode::kGraphDiff &&
        SideEffectStepFollows()) {
      Result<GraphSnapshot> snapshot = TakeSnapshot(engine_);
      if (!snapshot.ok()) return Fail(snapshot.status().ToString());
      before_ = std::move(snapshot).value();
    }
    last_ = Execute(*s.doc_string, params_);
    last_query_line_ = s.line;
    error_checked_ = false;
    return std::nullopt;
  }

  // Fails unless a query ran and succeeded.
  std::optional<ScenarioOutcome> RequireSuccess() const {
    if (!last_) return Fail("no query was executed before this step");
    if (!last_->ok()) return Fail("query failed: " + last_->status().ToString());
    return std::nullopt;
  }

  std::optional<ScenarioOutcome> CheckResult(const Step& s, RowOrder order,
                                             bool ignore_list_order) {
    if (std::optional<ScenarioOutcome> end = RequireSuccess()) return end;
    const TckResult& actual = last_->value();
    if (ClassifyStep(s.text) == StepKind::kEmptyResult) {
      if (actual.rows.empty()) return std::nullopt;
      ExpectedResult none;
      none.columns = actual.columns;
      return Fail(CompareResults(none, actual, RowOrder::kAnyOrder, false));
    }
    Result<ExpectedResult> expected = ParseExpectedResult(s.table);
    if (!expected.ok()) return Fail("bad expected result: " + expected.status().ToString());
    std::string diff = CompareResults(*expected, actual, order, ignore_list_order);
    if (!diff.empty()) return Fail(diff);
    return std::nullopt;
  }

  std::optional<ScenarioOutcome> CheckSideEffects(const Step& s) {
    if (!last_) return Fail("no query was executed before this step");
    if (!last_->ok() && !error_checked_) {
      return Fail("query failed: " + last_->status().ToString());
    }
    SideEffects expected;
    if (s.text != "no side effects") {
      Result<SideEffects> parsed = ParseSideEffects(s.table);
      if (!parsed.ok()) return Fail(parsed.status().message());
      expected = *parsed;
    }
    SideEffects actual;
    if (options_.side_effects == SideEffectMode::kCounters) {
      if (last_->ok()) actual = SideEffectsFromCounters(last_->value().counters);
    } else {
      if (!before_) return Fail("side effects of a control query are not defined");
      Result<GraphSnapshot> after = TakeSnapshot(engine_);
      if (!after.ok()) return Fail(after.status().ToString());
      actual = DiffSnapshots(*before_, *after);
    }
    std::string diff = CompareSideEffects(expected, actual, options_.side_effects);
    if (!diff.empty()) return Fail(diff);
    return std::nullopt;
  }

  std::optional<ScenarioOutcome> CheckError(const ExpectedError& expected) {
    if (!last_) return Fail("no query was executed before this step");
    if (last_->ok()) {
      return Fail("expected " + DescribeExpectedError(expected) + ", but the query succeeded (" +
                  std::to_string(last_->value().rows.size()) + " rows)");
    }
    error_checked_ = true;
    std::string mismatch = MatchError(expected, last_->status());
    if (!mismatch.empty()) return Fail(mismatch);
    return std::nullopt;
  }

  const Scenario& scenario_;
  TckEngine& engine_;
  const ScenarioOptions& options_;
  size_t step_index_ = 0;
  bool dirty_ = false;  // a query ran since the last OpenFreshDatabase
  ValueMap params_;
  std::optional<Result<TckResult>> last_;  // outcome of the last query under test
  int last_query_line_ = 0;
  bool error_checked_ = false;  // an error step examined last_'s failure
  std::optional<GraphSnapshot> before_;
};

}  // namespace

StepKind ClassifyStep(std::string_view text) {
  if (text == "an empty graph" || text == "any graph") return StepKind::kEmptyGraph;
  if (StartsWith(text, "the ") && EndsWith(text, " graph") && text.size() > 10) {
    return StepKind::kNamedGraph;
  }
  if (text == "having executed:") return StepKind::kSetupQuery;
  if (text == "parameters are:") return StepKind::kParameters;
  if (StartsWith(text, "there exists a procedure ")) return StepKind::kProcedure;
  if (text == "executing query:") return StepKind::kQuery;
  if (text == "executing control query:") return StepKind::kControlQuery;
  for (const ResultStep& rs : kResultSteps) {
    if (text == rs.text) return StepKind::kResult;
  }
  if (text == "the result should be empty") return StepKind::kEmptyResult;
  if (text == "the side effects should be:" || text == "no side effects") {
    return StepKind::kSideEffects;
  }
  if (ParseErrorStep(text)) return StepKind::kError;
  return StepKind::kUnknown;
}

ScenarioOutcome RunScenario(const Scenario& scenario, TckEngine& engine,
                            const ScenarioOptions& options) {
  return ScenarioRun(scenario, engine, options).Run();
}

std::vector<std::string> SplitStatements(std::string_view script) {
  std::vector<std::string> statements;
  std::string current;
  auto flush = [&] {
    size_t first = current.find_first_not_of(" \t\r\n");
    if (first != std::string::npos) {
      size_t last = current.find_last_not_of(" \t\r\n");
      statements.push_back(current.substr(first, last - first + 1));
    }
    current.clear();
  };
  for (size_t i = 0; i < script.size(); ++i) {
    char c = script[i];
    if (c == '\'' || c == '"' || c == '`') {
      current += c;
      for (++i; i < script.size(); ++i) {
        current += script[i];
        if (script[i] == '\\' && c != '`' && i + 1 < script.size()) {
          current += script[++i];
        } else if (script[i] == c) {
          break;
        }
      }
    } else if (c == '/' && i + 1 < script.size() && script[i + 1] == '/') {
      while (i < script.size() && script[i] != '\n') current += script[i++];
      if (i < script.size()) current += '\n';
    } else if (c == '/' && i + 1 < script.size() && script[i + 1] == '*') {
      size_t end = script.find("*/", i + 2);
      end = end == std::string_view::npos ? script.size() : end + 2;
      current += script.substr(i, end - i);
      i = end - 1;
    } else if (c == ';') {
      flush();
    } else {
      current += c;
    }
  }
  flush();
  return statements;
}

}  // namespace smith::tck
