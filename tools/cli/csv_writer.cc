#include "csv_writer.h"

namespace smith::cli {

void AppendCsvField(std::string_view field, bool quote_empty, std::string* out) {
  bool quote = field.empty() ? quote_empty : (field.front() == ' ' || field.back() == ' ');
  for (char c : field) {
    if (c == ',' || c == '"' || c == '\r' || c == '\n') {
      quote = true;
      break;
    }
  }
  if (!quote) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendCsvRow(const std::vector<CsvCell>& cells, std::string* out) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out->push_back(',');
    if (cells[i].present) AppendCsvField(cells[i].text, /*quote_empty=*/true, out);
  }
  out->push_back('\n');
}

}  // namespace smith::cli
