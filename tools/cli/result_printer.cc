#include "result_printer.h"

#include <memory>
#include <ostream>
#include <vector>

#include "cli_util.h"
#include "csv_writer.h"
#include "nlohmann/json.hpp"
#include "table_printer.h"
#include "value_json.h"

namespace smith::cli {

namespace {

std::string CsvText(const Value& v) {
  if (v.is_string()) return std::string(v.AsString());
  return v.ToString();
}

std::string DumpJson(const Json& json) {
  return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Json RecordObject(const std::vector<std::string>& columns, const std::vector<Value>& record) {
  Json object = Json::object();
  for (size_t i = 0; i < columns.size() && i < record.size(); ++i) {
    object[columns[i]] = ValueToJson(record[i]);
  }
  return object;
}

void AddCount(int64_t n, const char* singular, const char* plural, std::string* out) {
  if (n == 0) return;
  if (!out->empty()) out->append(", ");
  out->append(std::to_string(n) + " " + (n == 1 ? singular : plural));
}

}  // namespace

Result<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "json") return OutputFormat::kJson;
  if (name == "jsonl") return OutputFormat::kJsonl;
  return Status::InvalidArgument("unknown output format '" + std::string(name) +
                                 "' (expected table, csv, json or jsonl)");
}

Result<PrintedResult> PrintResult(QueryResult& result, OutputFormat format, std::ostream& out) {
  const std::vector<std::string>& columns = result.columns();
  PrintedResult printed;
  std::vector<Value> record;
  std::unique_ptr<TablePrinter> table;
  if (format == OutputFormat::kTable && !columns.empty()) {
    table = std::make_unique<TablePrinter>(out, columns);
  }
  if (format == OutputFormat::kCsv) {
    std::string header;
    std::vector<CsvCell> cells;
    for (const std::string& c : columns) cells.push_back({c, true});
    AppendCsvRow(cells, &header);
    out << header;
  }
  if (format == OutputFormat::kJson) out << "[";
  Status failure;
  while (true) {
    Result<bool> next = result.Next(&record);
    if (!next.ok()) {
      failure = next.status();
      break;
    }
    if (!*next) break;
    ++printed.rows;
    switch (format) {
      case OutputFormat::kTable: {
        if (!table) break;
        std::vector<std::string> cells;
        cells.reserve(record.size());
        for (const Value& v : record) cells.push_back(v.ToString());
        table->AddRow(std::move(cells));
        break;
      }
      case OutputFormat::kCsv: {
        std::vector<CsvCell> cells;
        for (const Value& v : record) cells.push_back({CsvText(v), !v.is_null()});
        std::string line;
        AppendCsvRow(cells, &line);
        out << line;
        break;
      }
      case OutputFormat::kJson:
        out << (printed.rows == 1 ? "\n" : ",\n") << DumpJson(RecordObject(columns, record));
        break;
      case OutputFormat::kJsonl:
        out << DumpJson(RecordObject(columns, record)) << "\n";
        break;
    }
  }
  if (table) table->Finish();
  if (format == OutputFormat::kJson) out << (printed.rows == 0 ? "]\n" : "\n]\n");
  if (!failure.ok()) return failure;
  SMITH_ASSIGN_OR_RETURN(printed.summary, result.Consume());
  return printed;
}

std::string DescribeCounters(const QueryCounters& c) {
  std::string out;
  AddCount(c.nodes_created, "node created", "nodes created", &out);
  AddCount(c.nodes_deleted, "node deleted", "nodes deleted", &out);
  AddCount(c.relationships_created, "relationship created", "relationships created", &out);
  AddCount(c.relationships_deleted, "relationship deleted", "relationships deleted", &out);
  AddCount(c.properties_set, "property set", "properties set", &out);
  AddCount(c.labels_added, "label added", "labels added", &out);
  AddCount(c.labels_removed, "label removed", "labels removed", &out);
  AddCount(c.indexes_added, "index added", "indexes added", &out);
  AddCount(c.indexes_removed, "index removed", "indexes removed", &out);
  AddCount(c.constraints_added, "constraint added", "constraints added", &out);
  AddCount(c.constraints_removed, "constraint removed", "constraints removed", &out);
  return out;
}

std::string DescribeOutcome(const PrintedResult& printed, double seconds) {
  std::string out = std::to_string(printed.rows) + (printed.rows == 1 ? " row" : " rows");
  std::string effects = DescribeCounters(printed.summary.counters);
  if (!effects.empty()) out += ", " + effects;
  return out + " (" + FormatDuration(seconds) + ")";
}

}  // namespace smith::cli
