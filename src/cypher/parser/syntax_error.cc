#include "cypher/parser/syntax_error.h"

#include <string>

namespace smith::cypher {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Offsets in messages count UTF-16 code units, as Neo4j's (Java) offsets do: one per character
// of the Basic Multilingual Plane, two for a character beyond it.
size_t Utf16Offset(std::string_view source, size_t byte_offset) {
  size_t units = 0;
  for (size_t i = 0; i < byte_offset && i < source.size(); ++i) {
    const auto c = static_cast<unsigned char>(source[i]);
    if (IsContinuationByte(source[i])) continue;
    units += (c & 0xF8) == 0xF0 ? 2 : 1;
  }
  return units;
}

}  // namespace

SourcePos PositionAt(std::string_view source, uint32_t offset) {
  SourcePos pos;
  pos.offset = offset;
  size_t end = offset < source.size() ? offset : source.size();
  for (size_t i = 0; i < end; ++i) {
    if (source[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if (!IsContinuationByte(source[i])) {
      ++pos.column;
    }
  }
  return pos;
}

Status SyntaxErrorAt(std::string_view source, uint32_t offset, std::string_view description) {
  if (offset > source.size()) offset = static_cast<uint32_t>(source.size());
  SourcePos pos = PositionAt(source, offset);
  size_t line_start = offset == 0 ? std::string_view::npos : source.rfind('\n', offset - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  size_t line_end = source.find('\n', line_start);
  if (line_end == std::string_view::npos) line_end = source.size();
  std::string_view line = source.substr(line_start, line_end - line_start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

  std::string message(description);
  message += " (line ";
  message += std::to_string(pos.line);
  message += ", column ";
  message += std::to_string(pos.column);
  message += " (offset: ";
  message += std::to_string(Utf16Offset(source, offset));
  message += "))\n\"";
  message += line;
  message += "\"\n ";
  for (size_t i = line_start; i < offset && i < line_end; ++i) {
    if (source[i] == '\t') {
      message += '\t';
    } else if (!IsContinuationByte(source[i])) {
      message += ' ';
    }
  }
  message += '^';
  return Status(StatusCode::kSyntaxError, message);
}

}  // namespace smith::cypher
