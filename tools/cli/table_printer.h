// TablePrinter: query results as an aligned text table, the shell's and `smith query`'s default
// output.
//
//   +-------+-----+
//   | name  | age |
//   +-------+-----+
//   | 'Ada' | 36  |
//   +-------+-----+
//
// Column widths come from the header and the first kSampleRows rows (buffered); later rows are
// printed at those widths as they arrive, so a large result streams in constant memory. Cells
// wider than max_cell_width (and any cell wider than its column after the sample) are cut and
// end in "...". Widths count UTF-8 code points.
#ifndef SMITH_TOOLS_CLI_TABLE_PRINTER_H_
#define SMITH_TOOLS_CLI_TABLE_PRINTER_H_

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace smith::cli {

class TablePrinter {
 public:
  static constexpr size_t kSampleRows = 1000;
  static constexpr size_t kDefaultMaxCellWidth = 60;

  TablePrinter(std::ostream& out, std::vector<std::string> columns,
               size_t max_cell_width = kDefaultMaxCellWidth);

  void AddRow(std::vector<std::string> cells);
  // Prints what is buffered and the closing rule. Call once, after the last row.
  void Finish();

 private:
  void Layout();
  void PrintRule();
  void PrintCells(const std::vector<std::string>& cells);

  std::ostream& out_;
  std::vector<std::string> columns_;
  size_t max_cell_width_;
  std::vector<std::vector<std::string>> buffered_;
  std::vector<size_t> widths_;  // set by Layout()
  bool laid_out_ = false;
};

// The number of UTF-8 code points in `s` (continuation bytes are not counted).
size_t DisplayWidth(const std::string& s);
// `s` cut to at most `width` code points, ending in "..." when cut.
std::string Truncate(const std::string& s, size_t width);

}  // namespace smith::cli

#endif  // SMITH_TOOLS_CLI_TABLE_PRINTER_H_
