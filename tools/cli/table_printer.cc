#include "table_printer.h"

#include <algorithm>
#include <ostream>

namespace smith::cli {

size_t DisplayWidth(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string Truncate(const std::string& s, size_t width) {
  if (DisplayWidth(s) <= width) return s;
  const size_t keep = width > 3 ? width - 3 : 0;
  size_t points = 0;
  size_t i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (points == keep) break;
      ++points;
    }
  }
  return s.substr(0, i) + std::string(std::min<size_t>(width, 3), '.');
}

TablePrinter::TablePrinter(std::ostream& out, std::vector<std::string> columns,
                           size_t max_cell_width)
    : out_(out),
      columns_(std::move(columns)),
      max_cell_width_(std::max<size_t>(max_cell_width, 4)) {}

void TablePrinter::AddRow(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  if (laid_out_) {
    PrintCells(cells);
    return;
  }
  buffered_.push_back(std::move(cells));
  if (buffered_.size() >= kSampleRows) Layout();
}

void TablePrinter::Layout() {
  widths_.assign(columns_.size(), 1);
  for (size_t c = 0; c < columns_.size(); ++c) {
    widths_[c] = std::max(widths_[c], std::min(DisplayWidth(columns_[c]), max_cell_width_));
    for (const auto& row : buffered_) {
      widths_[c] = std::max(widths_[c], std::min(DisplayWidth(row[c]), max_cell_width_));
    }
  }
  laid_out_ = true;
  PrintRule();
  PrintCells(columns_);
  PrintRule();
  for (const auto& row : buffered_) PrintCells(row);
  buffered_.clear();
}

void TablePrinter::Finish() {
  if (!laid_out_) Layout();
  PrintRule();
}

void TablePrinter::PrintRule() {
  std::string line = "+";
  for (size_t w : widths_) line += std::string(w + 2, '-') + "+";
  out_ << line << "\n";
}

void TablePrinter::PrintCells(const std::vector<std::string>& cells) {
  std::string line = "|";
  for (size_t c = 0; c < widths_.size(); ++c) {
    std::string cell = Truncate(cells[c], widths_[c]);
    line += " " + cell + std::string(widths_[c] - DisplayWidth(cell), ' ') + " |";
  }
  out_ << line << "\n";
}

}  // namespace smith::cli
