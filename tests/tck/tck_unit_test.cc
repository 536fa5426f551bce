// Unit tests of the TCK runner's parts: Gherkin, the value notation, result, side-effect and
// error comparison. The runner end to end is in tck_runner_test.cc.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "gherkin.h"
#include "scenario_runner.h"
#include "side_effects.h"
#include "tck_errors.h"
#include "tck_result.h"
#include "tck_value.h"

namespace smith::tck {
namespace {

// ---------------------------------------------------------------------------------------------
// Gherkin

constexpr char kFeature[] = R"(#encoding: utf-8
@featuretag
Feature: Demo - things
  Free description text.

  Background:
    Given an empty graph

  @slow
  Scenario: [1] Plain
    When executing query:
      """
      MATCH (n)
        RETURN n
      """
    Then the result should be, in any order:
      | n       |
      | 'a\|b'  |
      | 'x\ny'  |
    And no side effects

  # a comment between scenarios
  Scenario Outline: [2] Outline <what>
    When executing query:
      """
      RETURN <value> AS v, 1 <> 2 AS ne
      """
    Then the result should be, in any order:
      | v       |
      | <value> |

    Examples:
      | what | value |
      | int  | 1     |
      | str  | 'x'   |

    @extra
    Examples:
      | what  | value |
      | float | 1.5   |
)";

TEST(GherkinTest, ParsesScenariosOutlinesAndBackground) {
  Result<Feature> parsed = ParseFeature(kFeature, "demo.feature");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const Feature& f = *parsed;
  EXPECT_EQ(f.name, "Demo - things");
  ASSERT_EQ(f.scenarios.size(), 4u);

  const Scenario& plain = f.scenarios[0];
  EXPECT_EQ(plain.name, "[1] Plain");
  EXPECT_EQ(plain.line, 10);
  EXPECT_EQ(plain.example_index, 0);
  EXPECT_EQ(plain.tags, (std::vector<std::string>{"featuretag", "slow"}));
  ASSERT_EQ(plain.steps.size(), 4u);
  EXPECT_EQ(plain.steps[0].keyword, "Given");
  EXPECT_EQ(plain.steps[0].text, "an empty graph");
  EXPECT_EQ(plain.steps[1].text, "executing query:");
  ASSERT_TRUE(plain.steps[1].doc_string.has_value());
  EXPECT_EQ(*plain.steps[1].doc_string, "MATCH (n)\n  RETURN n");
  ASSERT_EQ(plain.steps[2].table.size(), 3u);
  EXPECT_EQ(plain.steps[2].table[1].cells[0], "'a|b'");
  EXPECT_EQ(plain.steps[2].table[2].cells[0], "'x\ny'");
  EXPECT_EQ(plain.steps[2].table[2].line, 19);

  const Scenario& first = f.scenarios[1];
  EXPECT_EQ(first.name, "[2] Outline int");
  EXPECT_EQ(first.example_index, 1);
  EXPECT_EQ(first.line, 34);
  EXPECT_EQ(first.steps[0].text, "an empty graph");  // from the Background
  EXPECT_EQ(*first.steps[1].doc_string, "RETURN 1 AS v, 1 <> 2 AS ne");
  EXPECT_EQ(first.steps[2].table[1].cells[0], "1");
  EXPECT_EQ(f.scenarios[2].name, "[2] Outline str");
  EXPECT_EQ(f.scenarios[2].steps[2].table[1].cells[0], "'x'");
  EXPECT_EQ(f.scenarios[3].example_index, 3);
  EXPECT_TRUE(f.scenarios[3].HasTag("extra"));
  EXPECT_TRUE(f.scenarios[3].HasTag("featuretag"));
  EXPECT_FALSE(f.scenarios[2].HasTag("extra"));
}

TEST(GherkinTest, RejectsMalformedInput) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"Feature: x\n Scenario: s\n  When executing query:\n   \"\"\"\n   RETURN 1\n",
       "unterminated doc string"},
      {"Feature: x\n Scenario Outline: s\n  When q <a>\n Examples:\n  | a | b |\n  | 1 |\n",
       "cells"},
      {"Feature: x\n Scenario Outline: s\n  When q <a>\n", "without Examples"},
      {"Feature: x\n Scenario: s\n  Given a\n  | a \\|\n", "malformed table row"},
      {"Given a\n", "before Feature"},
      {"Feature: x\n Scenario: s\n  Given a\n  nonsense\n", "unrecognised line"},
      {"Feature: x\n Scenario: s\n  \"\"\"\n  x\n  \"\"\"\n", "without a step"},
  };
  for (const Case& c : cases) {
    Result<Feature> parsed = ParseFeature(c.text, "bad.feature");
    ASSERT_FALSE(parsed.ok()) << c.text;
    EXPECT_NE(parsed.status().message().find(c.message), std::string_view::npos)
        << parsed.status().ToString();
    EXPECT_NE(parsed.status().message().find("bad.feature:"), std::string_view::npos);
  }
}

TEST(GherkinTest, SplitsTableRows) {
  using Cells = std::vector<std::string>;
  EXPECT_EQ(SplitTableRow("| a | b |"), (Cells{"a", "b"}));
  EXPECT_EQ(SplitTableRow("  |a|  b  |  "), (Cells{"a", "b"}));
  EXPECT_EQ(SplitTableRow("|"), Cells{});
  EXPECT_EQ(SplitTableRow("| a\\|b | c\\\\d | \\x |"), (Cells{"a|b", "c\\d", "\\x"}));
  EXPECT_EQ(SplitTableRow("|  |"), (Cells{""}));
  EXPECT_FALSE(SplitTableRow("a | b |").has_value());
  EXPECT_FALSE(SplitTableRow("| a | b").has_value());
}

// Every feature file of the TCK parses; every result, parameter and side-effect table in it is
// in a notation the runner understands.
TEST(GherkinTest, ParsesTheWholeTck) {
  namespace fs = std::filesystem;
  const fs::path root = SMITH_TCK_FEATURES_DIR;
  ASSERT_TRUE(fs::is_directory(root)) << root;
  int files = 0;
  int plain = 0;
  int expanded_outlines = 0;
  int tables_checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".feature") continue;
    ++files;
    Result<Feature> feature = ParseFeatureFile(entry.path().string());
    ASSERT_TRUE(feature.ok()) << feature.status().ToString();
    for (const Scenario& s : feature->scenarios) {
      (s.example_index == 0 ? plain : expanded_outlines)++;
      for (const Step& step : s.steps) {
        std::string where = entry.path().string() + ":" + std::to_string(step.line);
        EXPECT_NE(ClassifyStep(step.text), StepKind::kUnknown) << where << ": " << step.text;
        if (step.text.rfind("the result should be", 0) == 0 && !step.table.empty()) {
          EXPECT_TRUE(ParseExpectedResult(step.table).ok())
              << where << ": " << ParseExpectedResult(step.table).status().ToString();
          ++tables_checked;
        } else if (step.text == "parameters are:") {
          EXPECT_TRUE(ParseParameters(step.table).ok()) << where;
          ++tables_checked;
        } else if (step.text == "the side effects should be:") {
          EXPECT_TRUE(ParseSideEffects(step.table).ok()) << where;
          ++tables_checked;
        } else if (step.text.find("should be raised at") != std::string::npos) {
          std::optional<ExpectedError> error = ParseErrorStep(step.text);
          ASSERT_TRUE(error.has_value()) << where;
          EXPECT_FALSE(AcceptedCodes(*error).empty()) << where << ": " << error->type;
        }
      }
    }
  }
  // The pinned TCK (tck/SOURCE: 1.0.0-M23 content): 137 files (some without scenarios), 775
  // plain scenarios and 186 outlines whose Examples tables hold 1609 rows, counted with grep
  // and awk; the numbers change only with a new TCK.
  EXPECT_EQ(files, 137);
  EXPECT_EQ(plain, 775);
  EXPECT_EQ(expanded_outlines, 1609);
  EXPECT_GT(tables_checked, 1000);
}

// ---------------------------------------------------------------------------------------------
// Values

Value Parse(std::string_view text) {
  Result<Value> v = ParseTckValue(text);
  EXPECT_TRUE(v.ok()) << text << ": " << v.status().ToString();
  return v.ok() ? *v : Value::String("<parse error>");
}

std::string Canon(std::string_view text, bool sort = false) {
  return CanonicalValue(Parse(text), sort);
}

TEST(TckValueTest, ParsesScalars) {
  EXPECT_TRUE(Parse("null").is_null());
  EXPECT_TRUE(Parse(" true ").AsBool());
  EXPECT_FALSE(Parse("false").AsBool());
  EXPECT_EQ(Parse("42").AsInt(), 42);
  EXPECT_EQ(Parse("-7").AsInt(), -7);
  EXPECT_EQ(Parse("+3").AsInt(), 3);
  EXPECT_EQ(Parse("-9223372036854775808").AsInt(), INT64_MIN);
  EXPECT_EQ(Parse("9223372036854775807").AsInt(), INT64_MAX);
  EXPECT_EQ(Parse("1.5").AsFloat(), 1.5);
  EXPECT_EQ(Parse("-.5").AsFloat(), -0.5);
  EXPECT_EQ(Parse("1e308").AsFloat(), 1e308);
  EXPECT_EQ(Parse("1.2635418652381264e305").AsFloat(), 1.2635418652381264e305);
  EXPECT_EQ(Parse("1E-3").AsFloat(), 0.001);
  EXPECT_TRUE(std::isnan(Parse("NaN").AsFloat()));
  EXPECT_EQ(Parse("Infinity").AsFloat(), HUGE_VAL);
  EXPECT_EQ(Parse("-Infinity").AsFloat(), -HUGE_VAL);
  EXPECT_TRUE(std::signbit(Parse("-0.0").AsFloat()));
  EXPECT_EQ(Parse("'it\\'s'").AsString(), "it's");
  EXPECT_EQ(Parse("\"dq\"").AsString(), "dq");
  EXPECT_EQ(Parse("'a\\\\b\\n\\t\"'").AsString(), "a\\b\n\t\"");
  EXPECT_EQ(Parse("'\\u00e9\\ud83d\\ude00'").AsString(), "\xc3\xa9\xf0\x9f\x98\x80");
  EXPECT_EQ(Parse("'raw\nnewline'").AsString(), "raw\nnewline");
  EXPECT_EQ(Parse("''").AsString(), "");
}

TEST(TckValueTest, ParsesContainersAndGraphValues) {
  Value list = Parse("[1, 'a', [], [2.0, null]]");
  ASSERT_TRUE(list.is_list());
  ASSERT_EQ(list.AsList().size(), 4u);
  EXPECT_TRUE(list.AsList()[2].AsList().empty());
  Value map = Parse("{name: 'A', `odd key`: 1, nested: {x: [1]}, ``: 0}");
  ASSERT_TRUE(map.is_map());
  EXPECT_EQ(map.AsMap().size(), 4u);
  EXPECT_EQ(map.AsMap().Find("odd key")->AsInt(), 1);
  EXPECT_TRUE(map.AsMap().Contains(""));
  EXPECT_TRUE(Parse("{}").AsMap().empty());

  Value node = Parse("(:A:`B c` {k: 1})");
  ASSERT_EQ(node.type(), ValueType::kNode);
  EXPECT_EQ(node.AsNode().labels, (std::vector<std::string>{"A", "B c"}));
  EXPECT_EQ(node.AsNode().properties.Find("k")->AsInt(), 1);
  EXPECT_TRUE(Parse("()").AsNode().labels.empty());
  EXPECT_EQ(Parse("({id: 0})").AsNode().properties.size(), 1u);

  Value rel = Parse("[:T {w: 2.5}]");
  ASSERT_EQ(rel.type(), ValueType::kRelationship);
  EXPECT_EQ(rel.AsRelationship().type, "T");
  EXPECT_EQ(Parse("[ :T ]").AsRelationship().type, "T");

  Value path = Parse("<(:A)-[:T]->(:B)<-[:U {x: 1}]-()>");
  ASSERT_EQ(path.type(), ValueType::kPath);
  const Path& p = path.AsPath();
  ASSERT_EQ(p.nodes.size(), 3u);
  ASSERT_EQ(p.relationships.size(), 2u);
  EXPECT_EQ(p.relationships[0].start_id, p.nodes[0].id);
  EXPECT_EQ(p.relationships[0].end_id, p.nodes[1].id);
  EXPECT_EQ(p.relationships[1].start_id, p.nodes[2].id);
  EXPECT_EQ(p.relationships[1].end_id, p.nodes[1].id);
  EXPECT_EQ(Parse("<()>").AsPath().nodes.size(), 1u);
}

TEST(TckValueTest, RejectsMalformedValues) {
  for (const char* bad : {"", "1 2", "'open", "[1, 2", "{a 1}", "(:A", "[:T", "<(:A)-[:T]-(:B)>",
                          "1.2.3", "nul", "9223372036854775808", "'\\q'", "12abc", "-", "[1,]"}) {
    EXPECT_FALSE(ParseTckValue(bad).ok()) << bad;
  }
}

TEST(TckValueTest, CanonicalFormFollowsTckEquality) {
  EXPECT_NE(Canon("1"), Canon("1.0"));
  EXPECT_EQ(Canon("1.0"), Canon("1.00"));
  EXPECT_EQ(Canon("0.0"), Canon("-0.0"));
  EXPECT_EQ(Canon("NaN"), "NaN");
  EXPECT_EQ(Canon("1e20"), CanonicalValue(Value::Float(1e20)));
  EXPECT_NE(Canon("0.1"), CanonicalValue(Value::Float(0.1 + 0.2 - 0.2)));
  EXPECT_EQ(Canon("'a'"), Canon("\"a\""));
  EXPECT_NE(Canon("'1'"), Canon("1"));
  EXPECT_EQ(Canon("{b: 1, a: 2}"), Canon("{a: 2, b: 1}"));
  EXPECT_EQ(Canon("(:B:A {k: 1})"), Canon("(:A:B {k: 1})"));
  EXPECT_NE(Canon("(:A)"), Canon("(:A {k: 1})"));
  EXPECT_NE(Canon("[:T]"), Canon("[:U]"));
  EXPECT_NE(Canon("<(:A)-[:T]->(:B)>"), Canon("<(:A)<-[:T]-(:B)>"));
  EXPECT_NE(Canon("[1, 2]"), Canon("[2, 1]"));
  EXPECT_EQ(Canon("[1, [3, 2]]", true), Canon("[[2, 3], 1]", true));
  EXPECT_NE(Canon("[1, 1, 2]", true), Canon("[1, 2, 2]", true));
  EXPECT_EQ(Canon("'it\\'s'"), "'it\\'s'");

  // Identity is ignored: an engine's node with an id matches the expected node.
  Node actual{77, {"B", "A"}, ValueMap{{"k", Value::Int(1)}}};
  EXPECT_EQ(CanonicalValue(Value(actual)), Canon("(:A:B {k: 1})"));
  // Path direction is read from the engine's ids.
  Path path;
  path.nodes = {Node{10, {"A"}, {}}, Node{20, {"B"}, {}}};
  path.relationships = {Relationship{5, "T", 20, 10, {}}};
  EXPECT_EQ(CanonicalValue(Value(path)), Canon("<(:A)<-[:T]-(:B)>"));

  // Temporal values match the string of their ISO form, also inside containers.
  Result<Date> date = Date::FromCivil(1984, 10, 11);
  ASSERT_TRUE(date.ok());
  EXPECT_EQ(CanonicalValue(Value(*date)), Canon("'1984-10-11'"));
  EXPECT_EQ(CanonicalValue(Value::List({Value(*date)})), Canon("['1984-10-11']"));
}

// ---------------------------------------------------------------------------------------------
// Result comparison

std::vector<TableRow> Table(std::vector<std::vector<std::string>> rows) {
  std::vector<TableRow> table;
  int line = 1;
  for (auto& cells : rows) table.push_back({line++, std::move(cells)});
  return table;
}

TckResult Actual(std::vector<std::string> columns, std::vector<std::vector<Value>> rows) {
  TckResult r;
  r.columns = std::move(columns);
  r.rows = std::move(rows);
  return r;
}

ExpectedResult Expected(std::vector<std::vector<std::string>> rows) {
  Result<ExpectedResult> e = ParseExpectedResult(Table(std::move(rows)));
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return e.ok() ? *e : ExpectedResult{};
}

TEST(TckResultTest, ComparesInAnyOrderAndInOrder) {
  ExpectedResult want = Expected({{"a", "b"}, {"1", "'x'"}, {"2", "'y'"}, {"2", "'y'"}});
  TckResult same = Actual({"a", "b"}, {{Value::Int(2), Value::String("y")},
                                       {Value::Int(1), Value::String("x")},
                                       {Value::Int(2), Value::String("y")}});
  EXPECT_EQ(CompareResults(want, same, RowOrder::kAnyOrder, false), "");
  std::string in_order = CompareResults(want, same, RowOrder::kInOrder, false);
  EXPECT_NE(in_order.find("first difference at row 1"), std::string::npos) << in_order;

  // Multisets: one copy of a duplicated row is not enough.
  TckResult fewer = Actual(
      {"a", "b"}, {{Value::Int(1), Value::String("x")}, {Value::Int(2), Value::String("y")}});
  std::string diff = CompareResults(want, fewer, RowOrder::kAnyOrder, false);
  EXPECT_NE(diff.find("expected 3 rows, got 2"), std::string::npos) << diff;
  EXPECT_NE(diff.find("missing: | 2 | 'y' |"), std::string::npos) << diff;

  TckResult wrong = Actual({"a", "b"}, {{Value::Int(1), Value::String("x")},
                                        {Value::Int(2), Value::String("y")},
                                        {Value::Float(2), Value::String("y")}});
  diff = CompareResults(want, wrong, RowOrder::kAnyOrder, false);
  EXPECT_NE(diff.find("unexpected: | 2.0 | 'y' |"), std::string::npos) << diff;
}

TEST(TckResultTest, AlignsColumnsByNameAndChecksNames) {
  ExpectedResult want = Expected({{"a", "b"}, {"1", "2"}});
  TckResult swapped = Actual({"b", "a"}, {{Value::Int(2), Value::Int(1)}});
  EXPECT_EQ(CompareResults(want, swapped, RowOrder::kInOrder, false), "");
  TckResult renamed = Actual({"a", "c"}, {{Value::Int(1), Value::Int(2)}});
  std::string diff = CompareResults(want, renamed, RowOrder::kAnyOrder, false);
  EXPECT_NE(diff.find("columns differ: expected [a, b], got [a, c]"), std::string::npos) << diff;
  // A header without rows: the columns still count.
  EXPECT_EQ(CompareResults(Expected({{"n"}}), Actual({"n"}, {}), RowOrder::kAnyOrder, false), "");
  EXPECT_NE(CompareResults(Expected({{"n"}}), Actual({"m"}, {}), RowOrder::kAnyOrder, false), "");
}

TEST(TckResultTest, IgnoresListOrderOnlyWhenAsked) {
  ExpectedResult want = Expected({{"l"}, {"[1, 2, [3, 4]]"}});
  TckResult got = Actual(
      {"l"},
      {{Value::List({Value::List({Value::Int(4), Value::Int(3)}), Value::Int(2), Value::Int(1)})}});
  EXPECT_NE(CompareResults(want, got, RowOrder::kAnyOrder, false), "");
  EXPECT_EQ(CompareResults(want, got, RowOrder::kAnyOrder, true), "");
  EXPECT_EQ(CompareResults(want, got, RowOrder::kInOrder, true), "");
}

TEST(TckResultTest, MatchesGraphValuesWithoutIdentity) {
  ExpectedResult want = Expected({{"n", "r"}, {"(:A {name: 'a'})", "[:T {w: 1}]"}});
  Node node{3, {"A"}, ValueMap{{"name", Value::String("a")}}};
  Relationship rel{9, "T", 3, 4, ValueMap{{"w", Value::Int(1)}}};
  EXPECT_EQ(CompareResults(want, Actual({"n", "r"}, {{Value(node), Value(rel)}}),
                           RowOrder::kAnyOrder, false),
            "");
  node.labels.push_back("B");
  EXPECT_NE(CompareResults(want, Actual({"n", "r"}, {{Value(node), Value(rel)}}),
                           RowOrder::kAnyOrder, false),
            "");
}

TEST(TckResultTest, ParsesTablesAndParameters) {
  Result<ExpectedResult> bad = ParseExpectedResult(Table({{"a"}, {"'x"}}));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 2"), std::string_view::npos);
  EXPECT_FALSE(ParseExpectedResult(Table({{"a", "b"}, {"1"}})).ok());
  EXPECT_TRUE(ParseExpectedResult({}).ok());

  Result<ValueMap> params = ParseParameters(Table({{"from", "1"}, {"names", "['a', 'b']"}}));
  ASSERT_TRUE(params.ok()) << params.status().ToString();
  EXPECT_EQ(params->Find("from")->AsInt(), 1);
  EXPECT_EQ(params->Find("names")->AsList().size(), 2u);
  EXPECT_FALSE(ParseParameters(Table({{"a", "1", "2"}})).ok());
  EXPECT_FALSE(ParseParameters(Table({{"a", "nope"}})).ok());
}

// ---------------------------------------------------------------------------------------------
// Side effects

TEST(SideEffectsTest, ParsesTables) {
  Result<SideEffects> e = ParseSideEffects(Table({{"+nodes", "2"}, {"-properties", "1"}}));
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->nodes_added, 2);
  EXPECT_EQ(e->properties_removed, 1);
  EXPECT_EQ(e->labels_added, 0);
  EXPECT_EQ(DescribeSideEffects(*e), "+nodes 2, -properties 1");
  EXPECT_EQ(DescribeSideEffects(SideEffects{}), "none");
  EXPECT_FALSE(ParseSideEffects(Table({{"+widgets", "1"}})).ok());
  EXPECT_FALSE(ParseSideEffects(Table({{"+nodes", "-1"}})).ok());
  EXPECT_FALSE(ParseSideEffects(Table({{"+nodes", "x"}})).ok());
  EXPECT_FALSE(ParseSideEffects(Table({{"+nodes", "1"}, {"+nodes", "1"}})).ok());
}

TEST(SideEffectsTest, DiffsGraphStatesTheTckWay) {
  GraphSnapshot before;
  before.nodes = {1, 2};
  before.relationships = {7};
  before.labels = {"A"};
  before.properties = {{'n', 1, "name", "'a'"}, {'n', 2, "x", "1"}, {'r', 7, "w", "1"}};
  GraphSnapshot after;
  after.nodes = {1, 3, 4};  // 2 deleted, 3 and 4 created
  after.relationships = {7};
  after.labels = {"A", "B"};  // two new :B nodes are one new label
  after.properties = {{'n', 1, "name", "'b'"}, {'r', 7, "w", "1"}};  // overwrite; 2's x gone
  SideEffects d = DiffSnapshots(before, after);
  EXPECT_EQ(d.nodes_added, 2);
  EXPECT_EQ(d.nodes_removed, 1);
  EXPECT_EQ(d.relationships_added, 0);
  EXPECT_EQ(d.labels_added, 1);
  EXPECT_EQ(d.labels_removed, 0);
  EXPECT_EQ(d.properties_added, 1);
  EXPECT_EQ(d.properties_removed, 2);
  EXPECT_EQ(DiffSnapshots(after, after), SideEffects{});
}

TEST(SideEffectsTest, ComparesWithCountersLeniently) {
  QueryCounters counters;
  counters.nodes_created = 1;
  counters.properties_set = 2;
  counters.labels_added = 1;
  SideEffects actual = SideEffectsFromCounters(counters);
  SideEffects expected;
  expected.nodes_added = 1;
  expected.properties_added = 2;
  expected.labels_added = 1;
  expected.properties_removed = 1;  // not comparable with counters
  EXPECT_EQ(CompareSideEffects(expected, actual, SideEffectMode::kCounters), "");
  std::string diff = CompareSideEffects(expected, actual, SideEffectMode::kGraphDiff);
  EXPECT_EQ(diff,
            "side effects: expected +nodes 1, +labels 1, +properties 2, -properties 1, got "
            "+nodes 1, +labels 1, +properties 2");
}

// ---------------------------------------------------------------------------------------------
// Errors

TEST(TckErrorsTest, ParsesErrorSteps) {
  std::optional<ExpectedError> e =
      ParseErrorStep("a SyntaxError should be raised at compile time: UnknownFunction");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->type, "SyntaxError");
  EXPECT_EQ(e->phase, ErrorPhase::kCompileTime);
  EXPECT_EQ(e->detail, "UnknownFunction");
  e = ParseErrorStep("a TypeError should be raised at runtime: InvalidArgumentValue");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->phase, ErrorPhase::kRuntime);
  e = ParseErrorStep("an ArgumentError should be raised at any time: NumberOutOfRange");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->phase, ErrorPhase::kAnyTime);
  EXPECT_EQ(DescribeExpectedError(*e), "ArgumentError at any time: NumberOutOfRange");
  EXPECT_FALSE(ParseErrorStep("the result should be empty").has_value());
  EXPECT_FALSE(ParseErrorStep("a SyntaxError should be raised at dawn: X").has_value());
}

TEST(TckErrorsTest, MapsTckTypesOntoStatusCodes) {
  auto accepts = [](const char* step, StatusCode code) {
    std::optional<ExpectedError> e = ParseErrorStep(step);
    EXPECT_TRUE(e.has_value()) << step;
    return e && MatchError(*e, Status(code, "boom")).empty();
  };
  const char* syntax = "a SyntaxError should be raised at compile time: VariableAlreadyBound";
  EXPECT_TRUE(accepts(syntax, StatusCode::kSyntaxError));
  EXPECT_TRUE(accepts(syntax, StatusCode::kSemanticError));
  EXPECT_FALSE(accepts(syntax, StatusCode::kTypeError));
  const char* runtime_type = "a TypeError should be raised at runtime: InvalidArgumentValue";
  EXPECT_TRUE(accepts(runtime_type, StatusCode::kTypeError));
  EXPECT_FALSE(accepts(runtime_type, StatusCode::kSemanticError));
  const char* compile_type = "a TypeError should be raised at compile time: InvalidArgumentType";
  EXPECT_TRUE(accepts(compile_type, StatusCode::kSemanticError));
  EXPECT_TRUE(accepts("a ArgumentError should be raised at runtime: NumberOutOfRange",
                      StatusCode::kArgumentError));
  EXPECT_TRUE(accepts("a ParameterMissing should be raised at compile time: MissingParameter",
                      StatusCode::kParameterMissing));
  EXPECT_TRUE(accepts("a EntityNotFound should be raised at runtime: DeletedEntityAccess",
                      StatusCode::kEntityNotFound));
  EXPECT_TRUE(accepts("a ConstraintVerificationFailed should be raised at runtime: X",
                      StatusCode::kConstraintViolation));
  EXPECT_FALSE(accepts("a ConstraintVerificationFailed should be raised at runtime: X",
                       StatusCode::kInternal));
  std::optional<ExpectedError> unknown =
      ParseErrorStep("a WeirdError should be raised at runtime: X");
  ASSERT_TRUE(unknown.has_value());
  EXPECT_EQ(MatchError(*unknown, Status(StatusCode::kSyntaxError, "x")),
            "unknown TCK error type WeirdError");
  std::string mismatch = MatchError(*ParseErrorStep(syntax), Status(StatusCode::kTypeError, "t"));
  EXPECT_NE(mismatch.find("expected SyntaxError at compile time: VariableAlreadyBound, got"),
            std::string::npos)
      << mismatch;
}

TEST(TckProcedureTest, ParsesTheSignatureAndOrdersTheTable) {
  std::vector<TableRow> table = {
      {1, {"out", "name", "in"}}, {2, {"'x'", "'Ann'", "1"}}, {3, {"null", "null", "2"}}};
  Result<TckProcedure> p = ParseProcedureStep(
      "there exists a procedure test.my.proc(name :: STRING?, in :: INTEGER?) :: (out :: STRING?) "
      ":",
      table);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->signature.name, "test.my.proc");
  ASSERT_EQ(p->signature.inputs.size(), 2u);
  EXPECT_EQ(p->signature.inputs[1].name, "in");
  EXPECT_EQ(p->signature.inputs[1].type, "INTEGER?");
  ASSERT_EQ(p->signature.outputs.size(), 1u);
  EXPECT_EQ(p->signature.outputs[0].name, "out");
  // Rows in signature order: name, in, out.
  ASSERT_EQ(p->rows.size(), 2u);
  EXPECT_EQ(p->rows[0][0].ToString(), "'Ann'");
  EXPECT_EQ(p->rows[0][1].ToString(), "1");
  EXPECT_EQ(p->rows[0][2].ToString(), "'x'");
  Result<TckProcedure> nothing =
      ParseProcedureStep("there exists a procedure test.doNothing() :: ():", {{1, {}}});
  ASSERT_TRUE(nothing.ok()) << nothing.status().ToString();
  EXPECT_TRUE(nothing->signature.inputs.empty());
  EXPECT_TRUE(nothing->signature.outputs.empty());
  EXPECT_FALSE(ParseProcedureStep("there exists a procedure test.p(a) :: ():", {}).ok());
  EXPECT_FALSE(
      ParseProcedureStep("there exists a procedure test.p() :: (a :: INTEGER?):", {{1, {"b"}}})
          .ok());  // no column for `a`
}

}  // namespace
}  // namespace smith::tck
