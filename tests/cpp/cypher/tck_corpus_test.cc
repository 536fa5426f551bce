// The openCypher TCK as a parser corpus: every query of every (expanded) scenario must parse
// unless the scenario expects a compile-time SyntaxError, and print -> parse -> print must be a
// fixed point. Scenarios expecting a SyntaxError are counted (many are semantic errors that the
// binder reports, so the parser need not reject them all).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cypher/ast/printer.h"
#include "cypher/parser/parser.h"

namespace smith::cypher {
namespace {

namespace fs = std::filesystem;

struct TckQuery {
  std::string location;  // file:line of the docstring
  std::string scenario;
  std::string text;
  bool in_error_scenario = false;  // the scenario expects a compile-time SyntaxError
  std::string error_detail;        // e.g. "VariableAlreadyBound"
  bool is_setup = false;           // a `having executed` step rather than the query under test
};

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// Cells of a Gherkin table row `| a | b\|c |`, unescaping \| \\ and \n.
std::vector<std::string> TableCells(const std::string& row) {
  std::vector<std::string> cells;
  std::string cell;
  bool started = false;
  for (size_t i = 0; i < row.size(); ++i) {
    char c = row[i];
    if (c == '\\' && i + 1 < row.size()) {
      char n = row[++i];
      cell += n == 'n' ? '\n' : n;
    } else if (c == '|') {
      if (started) cells.push_back(Trim(cell));
      started = true;
      cell.clear();
    } else {
      cell += c;
    }
  }
  return cells;
}

struct Scenario {
  std::string name;
  bool expects_syntax_error = false;
  std::string error_detail;
  std::vector<TckQuery> queries;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

void Emit(Scenario& s, std::vector<TckQuery>* out) {
  if (s.name.empty()) return;
  auto emit_one = [&](const TckQuery& q, const std::vector<std::string>* row) {
    TckQuery copy = q;
    copy.scenario = s.name;
    copy.in_error_scenario = s.expects_syntax_error;
    copy.error_detail = s.error_detail;
    if (row != nullptr) {
      for (size_t i = 0; i < s.header.size() && i < row->size(); ++i) {
        std::string placeholder = "<" + s.header[i] + ">";
        for (size_t at = copy.text.find(placeholder); at != std::string::npos;
             at = copy.text.find(placeholder, at + (*row)[i].size())) {
          copy.text.replace(at, placeholder.size(), (*row)[i]);
        }
      }
    }
    out->push_back(std::move(copy));
  };
  for (const TckQuery& q : s.queries) {
    if (s.rows.empty()) {
      emit_one(q, nullptr);
    } else {
      for (const auto& row : s.rows) emit_one(q, &row);
    }
  }
  s = Scenario();
}

void ParseFeature(const fs::path& path, std::vector<TckQuery>* out) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  Scenario scenario;
  bool in_examples = false;
  bool have_header = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string t = Trim(lines[i]);
    if (StartsWith(t, "#")) continue;
    if (StartsWith(t, "Scenario:") || StartsWith(t, "Scenario Outline:")) {
      Emit(scenario, out);
      scenario.name = path.filename().string() + ": " + t;
      in_examples = false;
      continue;
    }
    if (StartsWith(t, "Examples:")) {
      in_examples = true;
      have_header = false;
      continue;
    }
    if (in_examples && StartsWith(t, "|")) {
      if (!have_header) {
        scenario.header = TableCells(t);
        have_header = true;
      } else {
        scenario.rows.push_back(TableCells(t));
      }
      continue;
    }
    constexpr std::string_view kSyntaxError = "Then a SyntaxError should be raised at compile time";
    if (StartsWith(t, kSyntaxError)) {
      scenario.expects_syntax_error = true;
      size_t colon = t.find(':', kSyntaxError.size());
      scenario.error_detail = colon == std::string::npos ? "" : Trim(t.substr(colon + 1));
    }
    bool main = t == "When executing query:" || t == "When executing control query:";
    bool setup = t == "Given having executed:" || t == "And having executed:";
    if (!main && !setup) continue;
    if (i + 1 >= lines.size() || Trim(lines[i + 1]) != "\"\"\"") continue;
    size_t indent = lines[i + 1].find('"');
    TckQuery q;
    q.location = path.string() + ":" + std::to_string(i + 2);
    q.is_setup = setup;
    std::string text;
    size_t k = i + 2;
    for (; k < lines.size() && Trim(lines[k]) != "\"\"\""; ++k) {
      const std::string& l = lines[k];
      size_t strip = 0;
      while (strip < indent && strip < l.size() && (l[strip] == ' ' || l[strip] == '\t')) ++strip;
      if (!text.empty()) text += '\n';
      text += l.substr(strip);
    }
    q.text = text;
    scenario.queries.push_back(std::move(q));
    i = k;
  }
  Emit(scenario, out);
}

std::vector<TckQuery> LoadTck(const fs::path& root) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() == ".feature") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<TckQuery> queries;
  for (const fs::path& f : files) ParseFeature(f, &queries);
  return queries;
}

// Empty if `text` parses and print -> parse -> print is a fixed point; otherwise a description.
std::string CheckRoundTrip(const std::string& text, bool* parsed) {
  auto statements = ParseScript(text);
  *parsed = statements.ok() && !statements->empty();
  if (!statements.ok()) return "does not parse: " + statements.status().ToString();
  if (statements->empty()) return "no statement";
  for (const StatementPtr& s : *statements) {
    std::string printed = ToCypher(*s);
    if (ToCypher(*s->Clone()) != printed) return "Clone() prints differently: " + printed;
    auto again = ParseStatement(printed);
    if (!again.ok())
      return "printed form does not parse: " + printed + "\n" + again.status().ToString();
    std::string reprinted = ToCypher(**again);
    if (reprinted != printed) return "not a fixed point:\n  " + printed + "\n  " + reprinted;
  }
  return "";
}

fs::path FeaturesDir() { return fs::path(SMITH_TCK_FEATURES_DIR); }

TEST(TckCorpusTest, FeatureDirectoryExists) {
  ASSERT_TRUE(fs::is_directory(FeaturesDir()))
      << "openCypher TCK features not found at " << FeaturesDir()
      << " (expected /work/shared/tck/features beside the project)";
}

TEST(TckCorpusTest, EveryQueryOutsideSyntaxErrorScenariosParsesAndRoundTrips) {
  ASSERT_TRUE(fs::is_directory(FeaturesDir())) << "missing " << FeaturesDir();
  std::vector<TckQuery> queries = LoadTck(FeaturesDir());
  ASSERT_GT(queries.size(), 1000u) << "suspiciously few TCK queries extracted";
  size_t checked = 0;
  std::vector<std::string> failures;
  for (const TckQuery& q : queries) {
    if (q.in_error_scenario && !q.is_setup) continue;
    ++checked;
    bool parsed = false;
    std::string problem = CheckRoundTrip(q.text, &parsed);
    if (!problem.empty())
      failures.push_back(q.location + " [" + q.scenario + "]\n" + q.text + "\n=> " + problem);
  }
  std::cout << "[ TCK      ] " << checked << " queries must parse; " << failures.size()
            << " failed\n";
  for (size_t i = 0; i < failures.size() && i < 40; ++i) ADD_FAILURE() << failures[i];
  EXPECT_TRUE(failures.empty()) << failures.size() << " of " << checked << " queries failed";
}

TEST(TckCorpusTest, SyntaxErrorScenarios) {
  ASSERT_TRUE(fs::is_directory(FeaturesDir())) << "missing " << FeaturesDir();
  std::vector<TckQuery> queries = LoadTck(FeaturesDir());
  // SMITH_TCK_VERBOSE=1 lists each query with the error the TCK expects and the parser's verdict.
  const char* verbose_env = std::getenv("SMITH_TCK_VERBOSE");
  bool verbose = verbose_env != nullptr && std::string(verbose_env) == "1";
  size_t total = 0;
  size_t rejected = 0;
  std::vector<std::string> failures;
  for (const TckQuery& q : queries) {
    if (!q.in_error_scenario || q.is_setup) continue;
    ++total;
    bool parsed = false;
    std::string problem = CheckRoundTrip(q.text, &parsed);
    if (verbose) {
      std::cout << (parsed ? "ACCEPTED " : "REJECTED ") << q.error_detail << " | " << q.text
                << "\n";
    }
    if (!parsed) {
      ++rejected;
    } else if (!problem.empty()) {
      failures.push_back(q.location + "\n" + q.text + "\n=> " + problem);
    }
  }
  std::cout << "[ TCK      ] SyntaxError scenarios: the parser rejects " << rejected << " of "
            << total << " queries (the rest are left to the binder)\n";
  RecordProperty("syntax_error_queries", static_cast<int>(total));
  RecordProperty("rejected_by_parser", static_cast<int>(rejected));
  EXPECT_GT(total, 0u);
  for (const std::string& f : failures) ADD_FAILURE() << f;
}

TEST(TckCorpusTest, NamedGraphScriptsParse) {
  fs::path graphs(SMITH_TCK_GRAPHS_DIR);
  ASSERT_TRUE(fs::is_directory(graphs)) << "missing " << graphs;
  size_t scripts = 0;
  for (const auto& entry : fs::recursive_directory_iterator(graphs)) {
    if (entry.path().extension() != ".cypher") continue;
    ++scripts;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    bool parsed = false;
    EXPECT_EQ(CheckRoundTrip(text.str(), &parsed), "") << entry.path();
  }
  EXPECT_GT(scripts, 0u);
}

}  // namespace
}  // namespace smith::cypher
