// The TCK runner end to end: scenarios from feature text run against a fake engine that knows a
// handful of queries, in-process and in forked workers (timeouts, crashes), and the report.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "scenario_runner.h"
#include "tck_report.h"
#include "tck_suite.h"

namespace smith::tck {
namespace {

namespace fs = std::filesystem;

// A tiny in-memory "database" that understands a fixed set of queries.
class FakeEngine : public TckEngine {
 public:
  using Handler = std::function<Result<TckResult>(FakeEngine&, const ValueMap&)>;

  FakeEngine() {
    On("CREATE (:A {name: 'a'})", [](FakeEngine& e, const ValueMap&) {
      e.nodes.push_back(Node{e.next_id++, {"A"}, ValueMap{{"name", Value::String("a")}}});
      return Result<TckResult>(TckResult{});
    });
    On("CREATE (:B)", [](FakeEngine& e, const ValueMap&) {
      e.nodes.push_back(Node{e.next_id++, {"B"}, {}});
      return Result<TckResult>(TckResult{});
    });
    On("MATCH (n) RETURN n", [](FakeEngine& e, const ValueMap&) {
      TckResult r;
      r.columns = {"n"};
      for (const Node& n : e.nodes) r.rows.push_back({Value(n)});
      return Result<TckResult>(r);
    });
    On("MATCH ()-[r]->() RETURN r", [](FakeEngine&, const ValueMap&) {
      TckResult r;
      r.columns = {"r"};
      return Result<TckResult>(r);
    });
    On("MATCH (n) RETURN n.name AS name", [](FakeEngine& e, const ValueMap&) {
      TckResult r;
      r.columns = {"name"};
      for (const Node& n : e.nodes) {
        const Value* name = n.properties.Find("name");
        r.rows.push_back({name ? *name : Value()});
      }
      return Result<TckResult>(r);
    });
    On("RETURN $x AS x", [](FakeEngine&, const ValueMap& params) {
      const Value* x = params.Find("x");
      if (x == nullptr) return Result<TckResult>(Status(StatusCode::kParameterMissing, "$x"));
      TckResult r;
      r.columns = {"x"};
      r.rows.push_back({*x});
      return Result<TckResult>(r);
    });
    On("RETURN foo()", [](FakeEngine&, const ValueMap&) {
      return Result<TckResult>(Status(StatusCode::kSemanticError, "Unknown function 'foo'"));
    });
    On("HANG", [](FakeEngine&, const ValueMap&) -> Result<TckResult> {
      for (;;) ::pause();
    });
    On("CRASH", [](FakeEngine&, const ValueMap&) -> Result<TckResult> { std::abort(); });
  }

  void On(const std::string& query, Handler handler) { handlers_[query] = std::move(handler); }

  Status OpenFreshDatabase() override {
    ++opens;
    nodes.clear();
    return Status::OK();
  }

  Result<TckResult> Execute(std::string_view query, const ValueMap& params) override {
    executed.emplace_back(query);
    auto it = handlers_.find(std::string(query));
    if (it == handlers_.end()) {
      return Status(StatusCode::kSyntaxError, "fake engine does not know: " + std::string(query));
    }
    return it->second(*this, params);
  }

  std::vector<Node> nodes;
  int64_t next_id = 1;
  int opens = 0;
  std::vector<std::string> executed;

 private:
  std::map<std::string, Handler> handlers_;
};

class TckRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("smith-tck-test-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "features" / "clauses" / "demo");
    fs::create_directories(root_ / "graphs" / "tiny");
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string Write(const fs::path& relative, const std::string& text) {
    fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
    return path.string();
  }

  SuiteOptions Options(bool isolate) const {
    SuiteOptions options;
    options.features_root = (root_ / "features").string();
    options.scenario.graphs_dir = (root_ / "graphs").string();
    options.isolate = isolate;
    options.jobs = 2;
    options.timeout_seconds = 1;
    options.scratch_dir = (root_ / "scratch").string();
    return options;
  }

  static EngineFactory Factory() {
    return [](const std::string& scratch) -> Result<std::unique_ptr<TckEngine>> {
      EXPECT_TRUE(fs::is_directory(scratch)) << scratch;
      return std::unique_ptr<TckEngine>(std::make_unique<FakeEngine>());
    };
  }

  // Runs one scenario body (steps only) in-process and returns its outcome.
  ScenarioOutcome RunSteps(const std::string& steps, FakeEngine* engine = nullptr) {
    std::string text = "Feature: F\n  Scenario: S\n" + steps;
    Result<Feature> feature = ParseFeature(text, "inline.feature");
    EXPECT_TRUE(feature.ok()) << feature.status().ToString();
    if (!feature.ok()) return {Outcome::kFailed, "parse"};
    FakeEngine local;
    ScenarioOptions options;
    options.graphs_dir = (root_ / "graphs").string();
    return RunScenario(feature->scenarios.at(0), engine ? *engine : local, options);
  }

  fs::path root_;
};

constexpr char kCreateAndCheck[] = R"(    Given an empty graph
    When executing query:
      """
      CREATE (:A {name: 'a'})
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 1 |
      | +labels     | 1 |
      | +properties | 1 |
)";

TEST_F(TckRunnerTest, PassesAScenarioWithResultAndSideEffects) {
  FakeEngine engine;
  ScenarioOutcome outcome = RunSteps(kCreateAndCheck, &engine);
  EXPECT_EQ(outcome.outcome, Outcome::kPassed) << outcome.reason;
  EXPECT_EQ(engine.opens, 1);  // `Given an empty graph` right at the start reuses the first open
  EXPECT_EQ(engine.executed,
            (std::vector<std::string>{"MATCH (n) RETURN n", "MATCH ()-[r]->() RETURN r",
                                      "CREATE (:A {name: 'a'})", "MATCH (n) RETURN n",
                                      "MATCH ()-[r]->() RETURN r"}));
}

TEST_F(TckRunnerTest, FailsOnWrongSideEffects) {
  ScenarioOutcome outcome = RunSteps(R"(    Given an empty graph
    When executing query:
      """
      CREATE (:A {name: 'a'})
      """
    Then the result should be empty
    And no side effects
)");
  EXPECT_EQ(outcome.outcome, Outcome::kFailed);
  EXPECT_NE(outcome.reason.find("line 9: side effects: expected none, got +nodes 1, +labels 1, "
                                "+properties 1"),
            std::string::npos)
      << outcome.reason;
}

TEST_F(TckRunnerTest, ChecksResultsAgainstTables) {
  const std::string setup = R"(    Given an empty graph
    And having executed:
      """
      CREATE (:A {name: 'a'})
      """
    And having executed:
      """
      CREATE (:B)
      """
    When executing query:
      """
      MATCH (n) RETURN n.name AS name
      """
)";
  EXPECT_EQ(RunSteps(setup + "    Then the result should be, in any order:\n"
                             "      | name |\n      | null |\n      | 'a'  |\n")
                .outcome,
            Outcome::kPassed);
  ScenarioOutcome wrong = RunSteps(setup +
                                   "    Then the result should be, in order:\n"
                                   "      | name |\n      | null |\n      | 'a'  |\n");
  EXPECT_EQ(wrong.outcome, Outcome::kFailed);
  EXPECT_NE(wrong.reason.find("first difference at row 1"), std::string::npos) << wrong.reason;
  ScenarioOutcome node_result = RunSteps(
      "    Given any graph\n    And having executed:\n      \"\"\"\n      CREATE (:A {name: "
      "'a'})\n      \"\"\"\n    When executing query:\n      \"\"\"\n      MATCH (n) RETURN "
      "n\n      \"\"\"\n    Then the result should be, in any order:\n      | n |\n      | "
      "(:A {name: 'a'}) |\n    And no side effects\n");
  EXPECT_EQ(node_result.outcome, Outcome::kPassed) << node_result.reason;
}

TEST_F(TckRunnerTest, PassesParameters) {
  const std::string query = R"(    When executing query:
      """
      RETURN $x AS x
      """
)";
  ScenarioOutcome ok = RunSteps(
      "    Given any graph\n    And parameters are:\n      | x | [1, "
      "'two'] |\n" +
      query +
      "    Then the result should be, in any order:\n      | x |\n"
      "      | [1, 'two'] |\n");
  EXPECT_EQ(ok.outcome, Outcome::kPassed) << ok.reason;
  ScenarioOutcome missing =
      RunSteps("    Given any graph\n" + query +
               "    Then a ParameterMissing should be raised at compile time: MissingParameter\n");
  EXPECT_EQ(missing.outcome, Outcome::kPassed) << missing.reason;
}

TEST_F(TckRunnerTest, MatchesErrors) {
  const std::string query =
      "    Given any graph\n    When executing query:\n      \"\"\"\n"
      "      RETURN foo()\n      \"\"\"\n";
  EXPECT_EQ(
      RunSteps(query + "    Then a SyntaxError should be raised at compile time: UnknownFunction\n")
          .outcome,
      Outcome::kPassed);
  ScenarioOutcome wrong_type =
      RunSteps(query + "    Then a TypeError should be raised at runtime: InvalidArgumentValue\n");
  EXPECT_EQ(wrong_type.outcome, Outcome::kFailed);
  EXPECT_NE(wrong_type.reason.find("expected TypeError at runtime"), std::string::npos);
  ScenarioOutcome unexpected = RunSteps(query + "    Then the result should be empty\n");
  EXPECT_EQ(unexpected.outcome, Outcome::kFailed);
  EXPECT_NE(unexpected.reason.find("query failed: Neo.ClientError.Statement.SemanticError"),
            std::string::npos)
      << unexpected.reason;
  ScenarioOutcome succeeded = RunSteps(
      "    Given any graph\n    When executing query:\n      \"\"\"\n      MATCH (n) RETURN n\n"
      "      \"\"\"\n    Then a SyntaxError should be raised at compile time: X\n");
  EXPECT_EQ(succeeded.outcome, Outcome::kFailed);
  EXPECT_NE(succeeded.reason.find("but the query succeeded (0 rows)"), std::string::npos);
  // A failing query with no step looking at it fails the scenario too.
  EXPECT_EQ(RunSteps(query).outcome, Outcome::kFailed);
}

TEST_F(TckRunnerTest, FailsUnknownStepsAndSkipsProceduresAndIgnored) {
  ScenarioOutcome unknown = RunSteps("    Given a graph made of cheese\n");
  EXPECT_EQ(unknown.outcome, Outcome::kFailed);
  EXPECT_NE(unknown.reason.find("unsupported step 'Given a graph made of cheese'"),
            std::string::npos);
  ScenarioOutcome procedure = RunSteps(
      "    Given an empty graph\n    And there exists a procedure test.doNothing() :: ():\n"
      "      |\n    When executing query:\n      \"\"\"\n      CALL test.doNothing()\n"
      "      \"\"\"\n    Then the result should be empty\n");
  EXPECT_EQ(procedure.outcome, Outcome::kSkipped);
  Result<Feature> ignored =
      ParseFeature("Feature: F\n  @ignore\n  Scenario: S\n    Given any graph\n", "x.feature");
  ASSERT_TRUE(ignored.ok());
  FakeEngine engine;
  EXPECT_EQ(RunScenario(ignored->scenarios[0], engine, {}).outcome, Outcome::kSkipped);
  EXPECT_EQ(engine.opens, 0);
  ScenarioOutcome setup_failed = RunSteps(
      "    Given any graph\n    And having executed:\n      \"\"\"\n      NONSENSE\n"
      "      \"\"\"\n");
  EXPECT_EQ(setup_failed.outcome, Outcome::kFailed);
  EXPECT_NE(setup_failed.reason.find("setup query failed"), std::string::npos);
}

TEST_F(TckRunnerTest, LoadsNamedGraphs) {
  Write("graphs/tiny/tiny.cypher", "CREATE (:A {name: 'a'});\n  CREATE (:B);\n");
  FakeEngine engine;
  ScenarioOutcome outcome = RunSteps(
      "    Given the tiny graph\n    When executing query:\n      \"\"\"\n      MATCH (n) RETURN "
      "n.name AS name\n      \"\"\"\n    Then the result should be, in any order:\n      | name "
      "|\n      | 'a' |\n      | null |\n",
      &engine);
  EXPECT_EQ(outcome.outcome, Outcome::kPassed) << outcome.reason;
  ScenarioOutcome missing = RunSteps("    Given the absent graph\n");
  EXPECT_EQ(missing.outcome, Outcome::kFailed);
  EXPECT_NE(missing.reason.find("cannot read named graph"), std::string::npos);
}

TEST_F(TckRunnerTest, SplitsStatements) {
  EXPECT_EQ(SplitStatements("CREATE (a);\n  CREATE (b {s: ';'}) ;; RETURN `;`"),
            (std::vector<std::string>{"CREATE (a)", "CREATE (b {s: ';'})", "RETURN `;`"}));
  EXPECT_EQ(SplitStatements("RETURN 'it\\'s;' /* ; */ // ;\nRETURN \"\\\";\""),
            (std::vector<std::string>{"RETURN 'it\\'s;' /* ; */ // ;\nRETURN \"\\\";\""}));
  EXPECT_TRUE(SplitStatements("  ;\n").empty());
}

constexpr char kSuiteFeature[] = R"(Feature: Demo1 - suite

  Scenario: [1] passes
)";

std::string SuiteFeatureText() {
  std::string text = std::string(kSuiteFeature) + kCreateAndCheck;
  text += R"(
  Scenario Outline: [2] outline <n>
    Given any graph
    When executing query:
      """
      <query>
      """
    Then the result should be empty

    Examples:
      | n | query                 |
      | 1 | CREATE (:B)           |
      | 2 | RETURN foo()          |
      | 3 | MATCH (n) RETURN n    |

  @ignore
  Scenario: [3] ignored
    Given any graph
)";
  return text;
}

TEST_F(TckRunnerTest, RunsASuiteAndReports) {
  Write("features/clauses/demo/Demo1.feature", SuiteFeatureText());
  Write("features/other/Broken.feature", "Feature: broken\n  Scenario: x\n    \"\"\"\n");
  Result<std::vector<std::string>> files = CollectFeatureFiles({}, (root_ / "features").string());
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  ASSERT_EQ(files->size(), 2u);
  for (bool isolate : {false, true}) {
    SuiteResult suite = RunSuite(*files, Options(isolate), Factory());
    EXPECT_EQ(suite.passed, 3) << isolate;
    EXPECT_EQ(suite.failed, 2) << isolate;
    EXPECT_EQ(suite.skipped, 1) << isolate;
    ASSERT_EQ(suite.records.size(), 6u);
    EXPECT_EQ(suite.records[0].folder, "clauses/demo");
    EXPECT_EQ(suite.records[0].location, "clauses/demo/Demo1.feature:3");
    EXPECT_EQ(suite.records[0].title, "Demo1 - suite: [1] passes");
    EXPECT_EQ(suite.records[2].title, "Demo1 - suite: [2] outline 2 (example 2)");
    EXPECT_EQ(suite.records[2].outcome.outcome, Outcome::kFailed);

    std::ostringstream out;
    PrintReport(suite, false, out);
    std::string report = out.str();
    EXPECT_NE(report.find("FAIL clauses/demo/Demo1.feature:"), std::string::npos) << report;
    EXPECT_NE(report.find("FAIL other/Broken.feature (feature file): "), std::string::npos)
        << report;
    EXPECT_EQ(report.find("SKIP"), std::string::npos);
    EXPECT_NE(report.find("clauses/demo       3       1       1       5   60.0%"),
              std::string::npos)
        << report;
    std::string last = report.substr(report.rfind('\n', report.size() - 2) + 1);
    EXPECT_EQ(last, "tck: 3 passed, 2 failed, 1 skipped\n");
  }
  EXPECT_FALSE(fs::exists(root_ / "scratch") && !fs::is_empty(root_ / "scratch"));
}

TEST_F(TckRunnerTest, WorkersSurviveTimeoutsAndCrashes) {
  std::string text = "Feature: Hang1 - bad engines\n";
  for (const char* query : {"HANG", "MATCH (n) RETURN n", "CRASH", "MATCH (n) RETURN n"}) {
    text += std::string("  Scenario: ") + query +
            "\n    Given any graph\n    When executing query:\n      \"\"\"\n      " + query +
            "\n      \"\"\"\n    Then the result should be, in any order:\n      | n |\n";
  }
  std::string file = Write("features/clauses/demo/Hang1.feature", text);
  SuiteOptions options = Options(true);
  // Long enough for a loaded machine to fork and answer the quick scenarios.
  options.timeout_seconds = 1.5;
  options.jobs = 1;
  SuiteResult suite = RunSuite({file}, options, Factory());
  ASSERT_EQ(suite.records.size(), 4u);
  EXPECT_EQ(suite.records[0].outcome.outcome, Outcome::kFailed);
  EXPECT_EQ(suite.records[0].outcome.reason, "timed out after 1.5 s");
  EXPECT_EQ(suite.records[1].outcome.outcome, Outcome::kPassed) << suite.records[1].outcome.reason;
  EXPECT_EQ(suite.records[2].outcome.outcome, Outcome::kFailed);
  EXPECT_NE(suite.records[2].outcome.reason.find("the worker process"), std::string::npos)
      << suite.records[2].outcome.reason;
  EXPECT_EQ(suite.records[3].outcome.outcome, Outcome::kPassed) << suite.records[3].outcome.reason;
}

TEST_F(TckRunnerTest, CollectsFilesFromPathsAndWritesMarkdown) {
  Write("features/clauses/demo/Demo1.feature", SuiteFeatureText());
  Write("features/clauses/demo/notes.txt", "not a feature");
  std::string root = (root_ / "features").string();
  Result<std::vector<std::string>> by_relative = CollectFeatureFiles({"clauses"}, root);
  ASSERT_TRUE(by_relative.ok()) << by_relative.status().ToString();
  ASSERT_EQ(by_relative->size(), 1u);
  Result<std::vector<std::string>> twice = CollectFeatureFiles(
      {(root_ / "features/clauses/demo/Demo1.feature").string(), "clauses/demo"}, root);
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(twice->size(), 1u);
  Result<std::vector<std::string>> missing = CollectFeatureFiles({"no/such/dir"}, root);
  EXPECT_TRUE(missing.status().IsNotFound());

  SuiteResult suite = RunSuite(*by_relative, Options(false), Factory());
  std::string markdown = MarkdownReport(suite);
  EXPECT_NE(markdown.find("| clauses/demo | 3 | 1 | 1 | 5 | 60.0% |"), std::string::npos)
      << markdown;
  EXPECT_NE(markdown.find("| **total** | 3 | 1 | 1 | 5 | 60.0% |"), std::string::npos);
  EXPECT_EQ(OneLine("a\nb\tc"), "a \\n b c");
}

// The whole TCK runs through the runner against an engine that knows almost nothing: every
// scenario gets an outcome, and none fails for a reason that would be the runner's fault.
TEST_F(TckRunnerTest, RunsTheWholeTckAgainstAFakeEngine) {
  Result<std::vector<std::string>> files = CollectFeatureFiles({}, SMITH_TCK_FEATURES_DIR);
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  SuiteOptions options = Options(false);
  options.features_root = SMITH_TCK_FEATURES_DIR;
  options.scenario.graphs_dir = std::string(SMITH_TCK_FEATURES_DIR) + "/../graphs";
  SuiteResult suite = RunSuite(*files, options, Factory());
  EXPECT_EQ(suite.records.size(), 2384u);
  EXPECT_GT(suite.skipped, 0);
  for (const ScenarioRecord& record : suite.records) {
    const std::string& reason = record.outcome.reason;
    EXPECT_EQ(reason.find("unsupported step"), std::string::npos) << record.location << reason;
    EXPECT_EQ(reason.find("bad expected result"), std::string::npos) << record.location << reason;
    EXPECT_EQ(reason.find("cannot read named graph"), std::string::npos) << record.location;
  }
}

}  // namespace
}  // namespace smith::tck
