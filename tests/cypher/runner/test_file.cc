#include "test_file.h"

#include <optional>
#include <utility>

#include "tck_value.h"

namespace smith::cypher_test {
namespace {

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string_view Trim(std::string_view s) {
  s = TrimRight(s);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(TrimRight(text.substr(0, end)));
    text.remove_prefix(end == text.size() ? end : end + 1);
  }
  return lines;
}

// How many brackets ({[( ) of `text` are still open, skipping quoted strings and names.
int OpenBrackets(std::string_view text) {
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (c == '\\' && quote != '`') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '\'' || c == '"' || c == '`') {
      quote = c;
    } else if (c == '{' || c == '[' || c == '(') {
      ++depth;
    } else if (c == '}' || c == ']' || c == ')') {
      --depth;
    }
  }
  return depth;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > start) words.push_back(s.substr(start, i - start));
  }
  return words;
}

class FileParser {
 public:
  FileParser(std::string_view path, std::string_view text)
      : path_(path), lines_(SplitLines(text)) {}

  Result<TestFile> Parse() {
    TestFile file;
    file.path = path_;
    std::optional<ValueMap> pending_params;
    int params_line = 0;
    while (next_ < lines_.size()) {
      std::string_view line = lines_[next_];
      if (line.empty() || line.front() == '#') {
        ++next_;
        continue;
      }
      const int line_no = static_cast<int>(next_) + 1;
      std::vector<std::string_view> words = Words(line);
      ++next_;
      if (words[0] == "params") {
        if (pending_params) return Error(line_no, "two `params` in a row");
        SMITH_ASSIGN_OR_RETURN(ValueMap params, ParseParams(line_no, line));
        pending_params = std::move(params);
        params_line = line_no;
        continue;
      }
      TestBlock block;
      block.line = line_no;
      SMITH_RETURN_IF_ERROR(ParseDirective(line_no, words, &block));
      if (block.kind != BlockKind::kReopen) {
        SMITH_RETURN_IF_ERROR(ParseBody(&block));
      }
      if (pending_params) {
        if (block.kind == BlockKind::kReopen) return Error(params_line, "`params` before reopen");
        block.params = std::move(*pending_params);
        pending_params.reset();
      }
      file.blocks.push_back(std::move(block));
    }
    if (pending_params) return Error(params_line, "`params` is not followed by a block");
    return file;
  }

 private:
  Status Error(int line, std::string_view what) const {
    return Status::InvalidArgument(path_ + ":" + std::to_string(line) + ": " + std::string(what));
  }

  // `params {map}`: the map continues on the following lines while its brackets are open.
  Result<ValueMap> ParseParams(int line_no, std::string_view line) {
    std::string text(Trim(line.substr(line.find("params") + 6)));
    while (OpenBrackets(text) > 0 && next_ < lines_.size() && !lines_[next_].empty()) {
      text += '\n';
      text += lines_[next_++];
    }
    Result<Value> value = tck::ParseTckValue(text);
    if (!value.ok()) return Error(line_no, value.status().message());
    if (!value->is_map()) return Error(line_no, "params must be a map");
    return value->AsMap();
  }

  Status ParseDirective(int line_no, const std::vector<std::string_view>& words, TestBlock* block) {
    const std::string_view head = words[0];
    if (head == "statement" && words.size() == 2 && words[1] == "ok") {
      block->kind = BlockKind::kStatementOk;
    } else if (head == "statement" && words.size() >= 2 && words[1] == "error" &&
               words.size() <= 3) {
      block->kind = BlockKind::kStatementError;
      if (words.size() == 3) block->error_code = std::string(words[2]);
    } else if (head == "query" && words.size() == 1) {
      block->kind = BlockKind::kQuery;
    } else if (head == "query" && words.size() == 2 && words[1] == "unordered") {
      block->kind = BlockKind::kQuery;
      block->unordered = true;
    } else if (head == "plan" && words.size() == 1) {
      block->kind = BlockKind::kPlan;
    } else if (head == "reopen" && words.size() == 1) {
      block->kind = BlockKind::kReopen;
    } else {
      return Error(line_no, "unknown directive '" + std::string(Trim(lines_[line_no - 1])) + "'");
    }
    return Status::OK();
  }

  // The statement (up to `----` or a blank line), then the expectations (up to a blank line).
  Status ParseBody(TestBlock* block) {
    bool separator = false;
    while (next_ < lines_.size() && !lines_[next_].empty()) {
      std::string_view line = lines_[next_++];
      if (line == "----") {
        separator = true;
        break;
      }
      if (!block->query.empty()) block->query += '\n';
      block->query += line;
    }
    if (Trim(block->query).empty()) return Error(block->line, "missing statement");
    if (separator) {
      while (next_ < lines_.size() && !lines_[next_].empty()) {
        block->expected.emplace_back(lines_[next_++]);
      }
    }
    if (block->kind == BlockKind::kQuery && block->expected.empty()) {
      return Error(block->line, "query needs `----` and a header line of column names");
    }
    if (block->kind == BlockKind::kPlan && block->expected.empty()) {
      return Error(block->line, "plan needs `----` and at least one expected fragment");
    }
    return Status::OK();
  }

  std::string path_;
  std::vector<std::string_view> lines_;
  size_t next_ = 0;
};

}  // namespace

Result<TestFile> ParseTestFile(std::string_view path, std::string_view text) {
  return FileParser(path, text).Parse();
}

}  // namespace smith::cypher_test
