#include "statement_splitter.h"

namespace smith::cli {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string Trimmed(const std::string& s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

}  // namespace

void StatementSplitter::AddLine(std::string_view line, std::vector<SplitStatement>* out) {
  ++line_;
  if (!has_code_ && state_ == State::kCode) start_line_ = line_;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const char next = i + 1 < line.size() ? line[i + 1] : '\0';
    switch (state_) {
      case State::kCode:
        if (c == ';') {
          Emit(out);
          start_line_ = line_;
          continue;
        }
        if (c == '/' && next == '/') {
          buffer_.append(line.substr(i));
          i = line.size();
          continue;
        }
        if (c == '/' && next == '*') {
          state_ = State::kBlockComment;
          buffer_.append("/*");
          ++i;
          continue;
        }
        if (c == '\'') state_ = State::kSingle;
        if (c == '"') state_ = State::kDouble;
        if (c == '`') state_ = State::kBacktick;
        if (!IsSpace(c)) has_code_ = true;
        buffer_.push_back(c);
        break;
      case State::kSingle:
      case State::kDouble:
        buffer_.push_back(c);
        if (c == '\\' && i + 1 < line.size()) {
          buffer_.push_back(next);
          ++i;
        } else if (c == (state_ == State::kSingle ? '\'' : '"')) {
          state_ = State::kCode;
        }
        break;
      case State::kBacktick:
        buffer_.push_back(c);
        if (c == '`') state_ = State::kCode;  // a doubled `` re-enters on the next character
        break;
      case State::kBlockComment:
        buffer_.push_back(c);
        if (c == '*' && next == '/') {
          buffer_.push_back('/');
          ++i;
          state_ = State::kCode;
        }
        break;
    }
  }
  buffer_.push_back('\n');
}

void StatementSplitter::Emit(std::vector<SplitStatement>* out) {
  if (has_code_) out->push_back({Trimmed(buffer_), start_line_});
  buffer_.clear();
  has_code_ = false;
}

bool StatementSplitter::Idle() const { return !has_code_ && state_ == State::kCode; }

std::string StatementSplitter::TakePending() {
  std::string pending = has_code_ ? Trimmed(buffer_) : std::string();
  Reset();
  return pending;
}

void StatementSplitter::Reset() {
  buffer_.clear();
  has_code_ = false;
  state_ = State::kCode;
}

bool IsBlank(std::string_view text) {
  StatementSplitter splitter;
  std::vector<SplitStatement> ignored;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    splitter.AddLine(text.substr(start, end - start), &ignored);
    start = end + 1;
  }
  return ignored.empty() && splitter.Idle();
}

}  // namespace smith::cli
