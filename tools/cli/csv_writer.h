// CSV fields as docs/cli.md ("csv") specifies, for `smith export --format csv` and
// `smith query --format csv`: RFC 4180 with `,` between fields and `\n` after rows; a field is
// quoted when it contains `,`, `"`, CR or LF, begins or ends with a space, or is an empty
// string that must be told apart from an absent value; inner quotes are doubled.
#ifndef SMITH_TOOLS_CLI_CSV_WRITER_H_
#define SMITH_TOOLS_CLI_CSV_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

namespace smith::cli {

// Appends `field`, quoted when needed. `quote_empty`: write "" for an empty field (an empty
// string) instead of nothing (an absent value).
void AppendCsvField(std::string_view field, bool quote_empty, std::string* out);

// A row of already-formatted fields; std::nullopt-like absence is an empty field with
// quote_empty false, so callers pass (text, present) pairs.
struct CsvCell {
  std::string text;
  bool present = true;  // false: an absent value (unquoted empty field)
};
void AppendCsvRow(const std::vector<CsvCell>& cells, std::string* out);

}  // namespace smith::cli

#endif  // SMITH_TOOLS_CLI_CSV_WRITER_H_
