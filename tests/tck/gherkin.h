// The subset of Gherkin the openCypher TCK uses, parsed into expanded scenarios.
//
// Supported: `Feature:` with free-form description lines, one optional `Background:`, `Scenario:`
// (alias `Example:`), `Scenario Outline:` (alias `Scenario Template:`) with one or more
// `Examples:` (alias `Scenarios:`) tables, tags (`@name`) on features, scenarios and example
// blocks, steps (Given/When/Then/And/But/*), doc strings delimited by `"""` or "```", data tables
// and `#` comment lines. Table cells are unescaped as Gherkin does: `\|` -> `|`, `\\` -> `\`,
// `\n` -> newline; any other backslash is kept.
//
// Expansion: every Examples row of an outline becomes one Scenario whose `<placeholder>`s are
// replaced, in the name, the step texts, doc strings and table cells, by the row's cells. The
// Background's steps are prepended to every scenario.
//
// Thread safety: pure functions over value types.
#ifndef SMITH_TESTS_TCK_GHERKIN_H_
#define SMITH_TESTS_TCK_GHERKIN_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace smith::tck {

struct TableRow {
  int line = 0;  // 1-based line in the feature file
  std::vector<std::string> cells;
};

struct Step {
  std::string keyword;  // "Given", "When", "Then", "And", "But" or "*"
  std::string text;     // the rest of the line, trimmed
  int line = 0;
  std::optional<std::string> doc_string;  // indentation removed, no trailing newline
  std::vector<TableRow> table;
};

struct Scenario {
  std::string name;  // placeholders substituted for expanded outlines
  // Line of the `Scenario:` keyword, or of the Examples row for an expanded outline.
  int line = 0;
  // 0 for a plain scenario; the 1-based row number across all Examples blocks of an outline.
  int example_index = 0;
  // Tags of the feature, the scenario and (for outlines) the Examples block, without the '@'.
  std::vector<std::string> tags;
  std::vector<Step> steps;  // Background steps first

  bool HasTag(std::string_view tag) const;
};

struct Feature {
  std::string path;  // as given to the parser; used in error messages
  std::string name;
  std::vector<std::string> tags;
  std::vector<Scenario> scenarios;  // expanded, in file order
};

// Parses a feature file's text. InvalidArgument "<path>:<line>: <what>" on malformed input (an
// unterminated doc string, a table row or step outside a scenario, an outline without examples,
// an Examples row with the wrong number of cells, ...).
Result<Feature> ParseFeature(std::string_view text, const std::string& path);

// Reads and parses `path`; kIOError if it cannot be read.
Result<Feature> ParseFeatureFile(const std::string& path);

// The cells of a table row line `| a | b\|c |`, trimmed and unescaped; nullopt if the line does
// not start and end with '|'.
std::optional<std::vector<std::string>> SplitTableRow(std::string_view line);

}  // namespace smith::tck

#endif  // SMITH_TESTS_TCK_GHERKIN_H_
