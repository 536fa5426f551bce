// Prints the records of a query result in one of the output formats of `smith query --format`
// and the shell, and describes a statement's effects.
//
//   table  aligned table (table_printer.h); cells are Cypher literals ('Ada', 36, [1, 2],
//          2015-07-21, (:Person {name: 'Ada'}))
//   csv    header row, then one row per record; strings as they are, null as an empty field,
//          other values as in the table
//   json   one JSON array of objects (column -> value), values encoded as value_json.h says
//   jsonl  one JSON object per record and line
#ifndef SMITH_TOOLS_CLI_RESULT_PRINTER_H_
#define SMITH_TOOLS_CLI_RESULT_PRINTER_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include "common/result.h"
#include "smith/database.h"

namespace smith::cli {

enum class OutputFormat { kTable, kCsv, kJson, kJsonl };

// "table", "csv", "json", "jsonl"; InvalidArgument otherwise.
Result<OutputFormat> ParseOutputFormat(std::string_view name);

struct PrintedResult {
  uint64_t rows = 0;
  QuerySummary summary;
};

// Streams every record of `result` to `out` and consumes it. A table is printed only when the
// result has columns. An error while reading records ends the output (what was printed stays)
// and is returned.
Result<PrintedResult> PrintResult(QueryResult& result, OutputFormat format, std::ostream& out);

// "1 node created, 2 properties set" (empty when nothing changed).
std::string DescribeCounters(const QueryCounters& counters);

// The status line after a statement: "3 rows (1.2 ms)", "0 rows, 1 node created (3.0 ms)".
std::string DescribeOutcome(const PrintedResult& printed, double seconds);

}  // namespace smith::cli

#endif  // SMITH_TOOLS_CLI_RESULT_PRINTER_H_
