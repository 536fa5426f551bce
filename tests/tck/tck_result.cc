#include "tck_result.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <utility>

#include "tck_value.h"

namespace smith::tck {
namespace {

using CanonicalRow = std::vector<std::string>;

// At most this many rows are listed per category in a failure message.
constexpr size_t kMaxListedRows = 5;
// Longer renderings of a single row are cut.
constexpr size_t kMaxRowChars = 240;

std::string RenderRow(const CanonicalRow& row) {
  if (row.empty()) return "(a row without columns)";
  std::string out = "|";
  for (const std::string& cell : row) {
    out += ' ';
    out += cell;
    out += " |";
  }
  if (out.size() > kMaxRowChars) out = out.substr(0, kMaxRowChars) + "...";
  return out;
}

std::string RenderRows(const std::vector<CanonicalRow>& rows) {
  std::string out;
  for (size_t i = 0; i < rows.size() && i < kMaxListedRows; ++i) {
    if (i > 0) out += ' ';
    out += RenderRow(rows[i]);
  }
  if (rows.size() > kMaxListedRows) {
    out += " ... (" + std::to_string(rows.size() - kMaxListedRows) + " more)";
  }
  return out;
}

std::string RenderNames(const std::vector<std::string>& names) {
  std::string out = "[";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ", ";
    out += names[i];
  }
  return out + "]";
}

}  // namespace

Result<ExpectedResult> ParseExpectedResult(const std::vector<TableRow>& table) {
  ExpectedResult expected;
  if (table.empty()) return expected;
  expected.columns = table[0].cells;
  for (size_t r = 1; r < table.size(); ++r) {
    const TableRow& row = table[r];
    if (row.cells.size() != expected.columns.size()) {
      return Status::InvalidArgument("line " + std::to_string(row.line) + ": row has " +
                                     std::to_string(row.cells.size()) + " cells, header " +
                                     std::to_string(expected.columns.size()));
    }
    std::vector<Value> values;
    for (const std::string& cell : row.cells) {
      Result<Value> value = ParseTckValue(cell);
      if (!value.ok()) {
        return Status::InvalidArgument("line " + std::to_string(row.line) + ": " +
                                       std::string(value.status().message()));
      }
      values.push_back(std::move(value).value());
    }
    expected.rows.push_back(std::move(values));
  }
  return expected;
}

Result<ValueMap> ParseParameters(const std::vector<TableRow>& table) {
  ValueMap params;
  for (const TableRow& row : table) {
    if (row.cells.size() != 2) {
      return Status::InvalidArgument("line " + std::to_string(row.line) +
                                     ": a parameter row has two cells, | name | value |");
    }
    Result<Value> value = ParseTckValue(row.cells[1]);
    if (!value.ok()) {
      return Status::InvalidArgument("line " + std::to_string(row.line) + ": " +
                                     std::string(value.status().message()));
    }
    params.Assign(row.cells[0], std::move(value).value());
  }
  return params;
}

namespace {

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// "a :: INTEGER?, b :: STRING?" (the text between the parentheses).
Result<std::vector<ProcedureSignature::Field>> ParseFields(std::string_view text) {
  std::vector<ProcedureSignature::Field> fields;
  if (Trimmed(text).empty()) return fields;
  while (true) {
    const size_t comma = text.find(',');
    std::string_view field = text.substr(0, comma);
    const size_t colons = field.find("::");
    if (colons == std::string_view::npos) {
      return Status::InvalidArgument("procedure field without '::': " + std::string(field));
    }
    fields.push_back({std::string(Trimmed(field.substr(0, colons))),
                      std::string(Trimmed(field.substr(colons + 2)))});
    if (comma == std::string_view::npos) return fields;
    text.remove_prefix(comma + 1);
  }
}

}  // namespace

Result<TckProcedure> ParseProcedureStep(std::string_view text, const std::vector<TableRow>& table) {
  constexpr std::string_view kPrefix = "there exists a procedure ";
  auto malformed = [&] {
    return Status::InvalidArgument("malformed procedure step: " + std::string(text));
  };
  if (text.substr(0, kPrefix.size()) != kPrefix) return malformed();
  std::string_view rest = Trimmed(text.substr(kPrefix.size()));
  if (rest.empty() || rest.back() != ':') return malformed();
  rest = Trimmed(rest.substr(0, rest.size() - 1));
  const size_t open = rest.find('(');
  const size_t close = rest.find(')', open);
  const size_t sep = rest.find("::", close);
  const size_t open2 = rest.find('(', sep);
  if (open == std::string_view::npos || close == std::string_view::npos ||
      sep == std::string_view::npos || open2 == std::string_view::npos || rest.back() != ')') {
    return malformed();
  }
  TckProcedure procedure;
  procedure.signature.name = std::string(Trimmed(rest.substr(0, open)));
  SMITH_ASSIGN_OR_RETURN(procedure.signature.inputs,
                         ParseFields(rest.substr(open + 1, close - open - 1)));
  SMITH_ASSIGN_OR_RETURN(procedure.signature.outputs,
                         ParseFields(rest.substr(open2 + 1, rest.size() - open2 - 2)));
  SMITH_ASSIGN_OR_RETURN(ExpectedResult cells, ParseExpectedResult(table));
  // Column of each signature field in the table.
  std::vector<size_t> order;
  for (const auto* fields : {&procedure.signature.inputs, &procedure.signature.outputs}) {
    for (const ProcedureSignature::Field& f : *fields) {
      auto it = std::find(cells.columns.begin(), cells.columns.end(), f.name);
      if (it == cells.columns.end()) {
        return Status::InvalidArgument("procedure table has no column '" + f.name + "'");
      }
      order.push_back(static_cast<size_t>(it - cells.columns.begin()));
    }
  }
  for (std::vector<Value>& row : cells.rows) {
    std::vector<Value> ordered;
    for (size_t column : order) ordered.push_back(std::move(row[column]));
    procedure.rows.push_back(std::move(ordered));
  }
  return procedure;
}

std::string CompareResults(const ExpectedResult& expected, const TckResult& actual, RowOrder order,
                           bool ignore_list_order) {
  std::set<std::string> expected_names(expected.columns.begin(), expected.columns.end());
  std::set<std::string> actual_names(actual.columns.begin(), actual.columns.end());
  if (expected_names != actual_names || actual_names.size() != actual.columns.size()) {
    return "columns differ: expected " + RenderNames(expected.columns) + ", got " +
           RenderNames(actual.columns);
  }
  // actual column index for each expected column
  std::vector<size_t> mapping;
  for (const std::string& name : expected.columns) {
    mapping.push_back(static_cast<size_t>(
        std::find(actual.columns.begin(), actual.columns.end(), name) - actual.columns.begin()));
  }

  std::vector<CanonicalRow> want;
  for (const std::vector<Value>& row : expected.rows) {
    CanonicalRow cells;
    for (const Value& v : row) cells.push_back(CanonicalValue(v, ignore_list_order));
    want.push_back(std::move(cells));
  }
  std::vector<CanonicalRow> got;
  for (const std::vector<Value>& row : actual.rows) {
    if (row.size() != actual.columns.size()) {
      return "engine returned a row of " + std::to_string(row.size()) + " values for " +
             std::to_string(actual.columns.size()) + " columns";
    }
    CanonicalRow cells;
    for (size_t index : mapping) cells.push_back(CanonicalValue(row[index], ignore_list_order));
    got.push_back(std::move(cells));
  }

  std::string counts =
      "expected " + std::to_string(want.size()) + " rows, got " + std::to_string(got.size());
  if (order == RowOrder::kInOrder) {
    for (size_t i = 0; i < want.size() && i < got.size(); ++i) {
      if (want[i] != got[i]) {
        return counts + "; first difference at row " + std::to_string(i + 1) + ": expected " +
               RenderRow(want[i]) + ", got " + RenderRow(got[i]);
      }
    }
    if (want.size() == got.size()) return "";
    if (want.size() > got.size()) {
      return counts + "; missing: " +
             RenderRows(std::vector<CanonicalRow>(want.begin() + got.size(), want.end()));
    }
    return counts + "; unexpected: " +
           RenderRows(std::vector<CanonicalRow>(got.begin() + want.size(), got.end()));
  }

  std::sort(want.begin(), want.end());
  std::sort(got.begin(), got.end());
  if (want == got) return "";
  std::vector<CanonicalRow> missing;
  std::vector<CanonicalRow> unexpected;
  std::set_difference(want.begin(), want.end(), got.begin(), got.end(),
                      std::back_inserter(missing));
  std::set_difference(got.begin(), got.end(), want.begin(), want.end(),
                      std::back_inserter(unexpected));
  std::string message = counts;
  if (!missing.empty()) message += "; missing: " + RenderRows(missing);
  if (!unexpected.empty()) message += "; unexpected: " + RenderRows(unexpected);
  return message;
}

}  // namespace smith::tck
