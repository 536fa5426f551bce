// Expected results of a TCK scenario and their comparison with what the engine returned.
//
// Rules (openCypher TCK):
//  - "the result should be, in any order": the rows form a multiset;
//    "..., in order": the row sequence must match exactly;
//    "(ignoring element order for lists)": lists in cells compare as multisets (any depth);
//    "the result should be empty": no rows (column names are not checked).
//  - Column names must match exactly as a set; rows are aligned by column name, so the column
//    order of the header does not matter (the TCK's tooling treats records as maps).
//  - Cell values compare by CanonicalValue (tck_value.h).
//
// Thread safety: pure functions.
#ifndef SMITH_TESTS_TCK_TCK_RESULT_H_
#define SMITH_TESTS_TCK_TCK_RESULT_H_

#include <string>
#include <vector>

#include "common/result.h"
#include "common/value.h"
#include "gherkin.h"
#include "tck_engine.h"

namespace smith::tck {

struct ExpectedResult {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

enum class RowOrder { kAnyOrder, kInOrder };

// Parses a result table: the first row holds the column names, the others values in the TCK
// notation. An empty table means no columns and no rows. InvalidArgument naming the line of a
// cell that does not parse or a row of the wrong width.
Result<ExpectedResult> ParseExpectedResult(const std::vector<TableRow>& table);

// Parses a parameter table: rows of `| name | value |`, no header.
Result<ValueMap> ParseParameters(const std::vector<TableRow>& table);

// Parses `there exists a procedure NAME(in :: TYPE, ...) :: (out :: TYPE, ...):` and its table
// (a header naming every input and output, then rows of values) into rows ordered as the
// signature: inputs, then outputs. InvalidArgument for a malformed signature or table.
Result<TckProcedure> ParseProcedureStep(std::string_view text, const std::vector<TableRow>& table);

// Empty if `actual` satisfies `expected`, else a one-line explanation naming the missing and
// unexpected rows (truncated).
std::string CompareResults(const ExpectedResult& expected, const TckResult& actual, RowOrder order,
                           bool ignore_list_order);

}  // namespace smith::tck

#endif  // SMITH_TESTS_TCK_TCK_RESULT_H_
