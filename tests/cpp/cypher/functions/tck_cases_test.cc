// Replays the TCK-derived case files in tck_cases/ (see the header of each file): every line
// `[WITH <e> AS <n>, ...] RETURN <expression> => <expected>` is evaluated with the test
// evaluator (eval.h) and its TCK rendering compared with the expected text, or its error code
// with the expected TCK error type.
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "eval.h"

namespace smith::cypher::testing {
namespace {

// Splits `s` at top-level occurrences of `sep` (outside quotes and brackets).
std::vector<std::string> SplitTopLevel(std::string_view s, std::string_view sep) {
  std::vector<std::string> parts;
  std::string current;
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote != 0) {
      current += c;
      if (c == '\\' && i + 1 < s.size()) {
        current += s[++i];
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '\'' || c == '"') quote = c;
    if (c == '(' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == ']' || c == '}') --depth;
    if (depth == 0 && s.substr(i, sep.size()) == sep) {
      parts.push_back(current);
      current.clear();
      i += sep.size() - 1;
      continue;
    }
    current += c;
  }
  parts.push_back(current);
  for (std::string& p : parts) {
    while (!p.empty() && p.front() == ' ') p.erase(p.begin());
    while (!p.empty() && p.back() == ' ') p.pop_back();
  }
  return parts;
}

StatusCode TckErrorCode(std::string_view type) {
  if (type == "TypeError") return StatusCode::kTypeError;
  if (type == "ArgumentError") return StatusCode::kArgumentError;
  if (type == "ArithmeticError") return StatusCode::kArithmeticError;
  if (type == "SemanticError") return StatusCode::kSemanticError;
  return StatusCode::kInternal;
}

struct CaseFileResult {
  int passed = 0;
  int failed = 0;
  int known_deviations = 0;
};

void RunCaseFile(const std::string& name) {
  const std::string path = std::string(SMITH_FUNCTIONS_CASES_DIR) + "/" + name;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  CaseFileResult result;
  std::string line, section;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    if (line[0] == '#') {
      if (line.find(".feature") != std::string::npos) section = line.substr(2);
      continue;
    }
    // "XFAIL <case>": a known deviation, documented in the case file; it must still fail so that
    // a fix is noticed.
    const bool xfail = line.rfind("XFAIL ", 0) == 0;
    if (xfail) line = line.substr(6);
    const std::vector<std::string> sides = SplitTopLevel(line, " => ");
    ASSERT_EQ(sides.size(), 2u) << path << ":" << line_no;
    std::string query = sides[0];
    const std::string& expected = sides[1];
    std::vector<std::pair<std::string, std::string>> bindings;
    if (query.rfind("WITH ", 0) == 0) {
      const std::vector<std::string> with_return = SplitTopLevel(query.substr(5), " RETURN ");
      ASSERT_EQ(with_return.size(), 2u) << path << ":" << line_no;
      for (const std::string& item : SplitTopLevel(with_return[0], ",")) {
        const std::vector<std::string> as = SplitTopLevel(item, " AS ");
        ASSERT_EQ(as.size(), 2u) << path << ":" << line_no;
        bindings.emplace_back(as[1], as[0]);
      }
      query = with_return[1];
    } else {
      ASSERT_EQ(query.rfind("RETURN ", 0), 0u) << path << ":" << line_no;
      query = query.substr(7);
    }
    const Result<Value> r = EvalWith(bindings, query);
    bool ok = false;
    if (expected.rfind("ERROR ", 0) == 0) {
      ok = !r.ok() && r.status().code() == TckErrorCode(expected.substr(6));
    } else {
      ok = r.ok() && TckRender(*r) == expected;
    }
    if (xfail) {
      ++result.known_deviations;
      EXPECT_FALSE(ok) << name << ":" << line_no << " passes now: remove its XFAIL marker";
    } else if (ok) {
      ++result.passed;
    } else {
      ++result.failed;
      ADD_FAILURE() << name << ":" << line_no << " (" << section << ")\n  " << line << "\n  got "
                    << Outcome(r);
    }
  }
  std::cout << "[ TCK      ] " << name << ": " << result.passed << " passed, " << result.failed
            << " failed, " << result.known_deviations << " known deviations\n";
  EXPECT_GT(result.passed, 0);
}

TEST(TckCases, TemporalConstruct) { RunCaseFile("temporal_construct.cases"); }
TEST(TckCases, TemporalSelect) { RunCaseFile("temporal_select.cases"); }
TEST(TckCases, TemporalAccessors) { RunCaseFile("temporal_accessors.cases"); }
TEST(TckCases, TemporalArithmetic) { RunCaseFile("temporal_arithmetic.cases"); }
TEST(TckCases, TemporalTruncate) { RunCaseFile("temporal_truncate.cases"); }
TEST(TckCases, TemporalBetween) { RunCaseFile("temporal_between.cases"); }
TEST(TckCases, Expressions) { RunCaseFile("expressions.cases"); }

}  // namespace
}  // namespace smith::cypher::testing
