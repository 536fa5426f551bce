#include "line_editor.h"

#include <cassert>
#include <cstdio>
#include <cstdlib>

// libedit's readline emulation (Debian: libedit-dev). It declares FILE-based globals and needs
// <cstdio> first.
#include <editline/readline.h>

namespace smith::cli {

namespace {
bool editor_exists = false;
}  // namespace

std::string DefaultHistoryPath() {
  if (const char* explicit_path = std::getenv("SMITH_HISTORY")) return explicit_path;
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.smith_history";
  }
  return "";
}

LineEditor::LineEditor(std::string history_path) : history_path_(std::move(history_path)) {
  assert(!editor_exists);
  editor_exists = true;
  rl_readline_name = "smith";
  using_history();
  stifle_history(kMaxHistory);
  if (!history_path_.empty()) {
    read_history(history_path_.c_str());  // a missing file is fine: it is created on first save
    if (history_length > 0) {
      if (HIST_ENTRY* last = history_get(history_base + history_length - 1)) {
        last_entry_ = last->line;
      }
    }
  }
}

LineEditor::~LineEditor() {
  clear_history();
  editor_exists = false;
}

std::optional<std::string> LineEditor::ReadLine(const std::string& prompt) {
  char* line = readline(prompt.c_str());
  if (line == nullptr) return std::nullopt;
  std::string result(line);
  std::free(line);
  return result;
}

void LineEditor::AddHistory(const std::string& entry) {
  std::string folded = entry;
  for (char& c : folded) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  if (folded.empty() || folded == last_entry_) return;
  add_history(folded.c_str());
  last_entry_ = folded;
  if (!history_path_.empty()) write_history(history_path_.c_str());
}

}  // namespace smith::cli
