#include "graph/bulk_csv.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>

#include "common/temporal.h"

namespace smith::graph::bulk {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Quote(std::string_view text) {
  constexpr size_t kMax = 60;
  if (text.size() > kMax) return "'" + std::string(text.substr(0, kMax)) + "...'";
  return "'" + std::string(text) + "'";
}

}  // namespace

// --- MappedFile

Result<std::unique_ptr<MappedFile>> MappedFile::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    std::string message = "cannot open '" + path + "': " + std::strerror(err);
    return err == ENOENT ? Status::NotFound(message) : Status::IOError(message);
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return Status::IOError("cannot read '" + path + "': " + std::strerror(err));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::IOError("cannot read '" + path + "': not a regular file");
  }
  const auto size = static_cast<size_t>(st.st_size);
  void* addr = nullptr;
  if (size > 0) {
    addr = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (addr == MAP_FAILED) {
      const int err = errno;
      ::close(fd);
      return Status::IOError("cannot map '" + path + "': " + std::strerror(err));
    }
    ::madvise(addr, size, MADV_SEQUENTIAL);
  }
  ::close(fd);
  return std::unique_ptr<MappedFile>(new MappedFile(path, addr, size));
}

MappedFile::~MappedFile() {
  if (addr_ != nullptr) ::munmap(addr_, size_);
}

// --- CsvReader

CsvReader::CsvReader(std::string_view data, CsvDialect dialect) : data_(data), dialect_(dialect) {
  if (data_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
}

Result<bool> CsvReader::Next(std::vector<CsvField>* fields) {
  fields->clear();
  const size_t n = data_.size();
  const char* d = data_.data();
  // Blank lines between records.
  while (pos_ < n) {
    if (d[pos_] == '\n') {
      ++pos_;
      ++line_;
    } else if (d[pos_] == '\r' && pos_ + 1 < n && d[pos_ + 1] == '\n') {
      pos_ += 2;
      ++line_;
    } else {
      break;
    }
  }
  if (pos_ >= n) return false;
  record_line_ = line_;
  // Fields unescaped into unescaped_[k] get their view once the record is complete (the pool may
  // reallocate while it grows).
  size_t pooled = 0;
  std::vector<std::pair<size_t, size_t>> pool_refs;  // (field index, pool index)
  const char delim = dialect_.delimiter;
  const char quote = dialect_.quote;
  for (;;) {
    CsvField field;
    if (pos_ < n && d[pos_] == quote) {
      const uint64_t start_line = line_;
      const size_t column = fields->size() + 1;
      field.quoted = true;
      ++pos_;
      size_t segment = pos_;
      std::string* buf = nullptr;
      for (;;) {
        const void* found = std::memchr(d + pos_, quote, n - pos_);
        if (found == nullptr) {
          return Status::InvalidArgument(
              "line " + std::to_string(start_line) + ", column " + std::to_string(column) +
              ": quoted field is never closed (missing '" + std::string(1, quote) + "')");
        }
        const size_t q = static_cast<size_t>(static_cast<const char*>(found) - d);
        line_ += static_cast<uint64_t>(std::count(d + pos_, d + q, '\n'));
        if (q + 1 < n && d[q + 1] == quote) {
          if (buf == nullptr) {
            if (pooled == unescaped_.size()) unescaped_.emplace_back();
            buf = &unescaped_[pooled];
            buf->clear();
            pool_refs.emplace_back(fields->size(), pooled++);
          }
          buf->append(d + segment, q + 1 - segment);
          pos_ = segment = q + 2;
          continue;
        }
        if (buf != nullptr) {
          buf->append(d + segment, q - segment);
        } else {
          field.text = std::string_view(d + segment, q - segment);
        }
        pos_ = q + 1;
        break;
      }
      if (pos_ < n && d[pos_] != delim && d[pos_] != '\n' &&
          !(d[pos_] == '\r' && pos_ + 1 < n && d[pos_ + 1] == '\n') &&
          !(d[pos_] == '\r' && pos_ + 1 == n)) {
        return Status::InvalidArgument("line " + std::to_string(line_) + ", column " +
                                       std::to_string(column) +
                                       ": unexpected text after the closing quote of a quoted "
                                       "field (a quote inside a quoted field must be doubled)");
      }
    } else {
      size_t p = pos_;
      while (p < n && d[p] != delim && d[p] != '\n') ++p;
      size_t end = p;
      if (end > pos_ && (p == n || d[p] == '\n') && d[end - 1] == '\r') --end;
      field.text = std::string_view(d + pos_, end - pos_);
      pos_ = p;
    }
    fields->push_back(field);
    if (pos_ >= n) break;
    if (d[pos_] == delim) {
      ++pos_;
      if (pos_ >= n) {
        fields->push_back(CsvField{});  // a trailing delimiter ends with an empty field
        break;
      }
      continue;
    }
    if (d[pos_] == '\r') ++pos_;
    if (pos_ < n && d[pos_] == '\n') {
      ++pos_;
      ++line_;
    }
    break;
  }
  for (const auto& [field, pool] : pool_refs) (*fields)[field].text = unescaped_[pool];
  return true;
}

// --- header

namespace {

struct TypeSpec {
  const char* name;
  FieldType type;
  int bits;
};

constexpr TypeSpec kTypes[] = {
    {"string", FieldType::kString, 0},
    {"char", FieldType::kString, 0},
    {"int", FieldType::kInteger, 32},
    {"long", FieldType::kInteger, 64},
    {"short", FieldType::kInteger, 16},
    {"byte", FieldType::kInteger, 8},
    {"float", FieldType::kFloat, 0},
    {"double", FieldType::kFloat, 0},
    {"boolean", FieldType::kBoolean, 0},
    {"date", FieldType::kDate, 0},
    {"localtime", FieldType::kLocalTime, 0},
    {"time", FieldType::kTime, 0},
    {"localdatetime", FieldType::kLocalDateTime, 0},
    {"datetime", FieldType::kDateTime, 0},
    {"duration", FieldType::kDuration, 0},
};

Status HeaderError(size_t column, std::string_view header, std::string_view message) {
  return Status::InvalidArgument("header, column " + std::to_string(column) + " (" + Quote(header) +
                                 "): " + std::string(message));
}

}  // namespace

const char* FieldTypeName(FieldType type, int integer_bits) {
  for (const TypeSpec& spec : kTypes) {
    if (spec.type == type && (type != FieldType::kInteger || spec.bits == integer_bits)) {
      return spec.name;
    }
  }
  return "?";
}

Result<std::vector<CsvColumn>> ParseCsvHeader(const std::vector<CsvField>& fields,
                                              bool relationships) {
  std::vector<CsvColumn> columns;
  bool seen[7] = {};
  for (size_t i = 0; i < fields.size(); ++i) {
    const size_t number = i + 1;
    CsvColumn c;
    c.header = std::string(fields[i].text);
    std::string_view entry = fields[i].text;
    std::string_view space;
    const size_t open = entry.find('(');
    if (open != std::string_view::npos) {
      if (!entry.ends_with(")")) return HeaderError(number, c.header, "missing ')'");
      space = entry.substr(open + 1, entry.size() - open - 2);
      entry = entry.substr(0, open);
    }
    std::string_view name = entry;
    std::string_view type;
    const size_t colon = entry.rfind(':');
    if (colon != std::string_view::npos) {
      name = entry.substr(0, colon);
      type = entry.substr(colon + 1);
    }
    c.name = std::string(name);
    std::string lower = Lower(type);
    if (lower == "id" || lower == "start_id" || lower == "end_id") {
      c.role = lower == "id" ? ColumnRole::kId
                             : (lower == "start_id" ? ColumnRole::kStartId : ColumnRole::kEndId);
      c.id_space = std::string(space);
    } else if (!space.empty()) {
      return HeaderError(number, c.header, "only :ID, :START_ID and :END_ID take an ID space");
    } else if (lower == "label") {
      c.role = ColumnRole::kLabel;
    } else if (lower == "type") {
      c.role = ColumnRole::kType;
    } else if (lower == "ignore") {
      c.role = ColumnRole::kIgnore;
    } else {
      c.role = ColumnRole::kProperty;
      if (lower.ends_with("[]")) {
        c.array = true;
        lower.resize(lower.size() - 2);
      }
      if (lower.empty()) lower = "string";
      const TypeSpec* spec = nullptr;
      for (const TypeSpec& s : kTypes) {
        if (lower == s.name) spec = &s;
      }
      if (spec == nullptr) {
        return HeaderError(number, c.header,
                           lower == "point"
                               ? "point values are not supported"
                               : "unknown type '" + std::string(type) +
                                     "' (expected ID, LABEL, TYPE, START_ID, END_ID, IGNORE, "
                                     "string, int, long, short, byte, float, double, boolean, "
                                     "date, localtime, time, localdatetime, datetime, duration, "
                                     "optionally followed by [])");
      }
      c.type = spec->type;
      c.integer_bits = spec->bits == 0 ? 64 : spec->bits;
      if (c.name.empty()) return HeaderError(number, c.header, "a property column needs a name");
    }
    const bool node_role = c.role == ColumnRole::kId || c.role == ColumnRole::kLabel;
    const bool rel_role = c.role == ColumnRole::kType || c.role == ColumnRole::kStartId ||
                          c.role == ColumnRole::kEndId;
    if ((relationships && node_role) || (!relationships && rel_role)) {
      return HeaderError(number, c.header,
                         std::string(":") + std::string(type) + " belongs in a " +
                             (relationships ? "node" : "relationship") + " file");
    }
    auto role = static_cast<int>(c.role);
    if (c.role != ColumnRole::kProperty && c.role != ColumnRole::kIgnore &&
        c.role != ColumnRole::kLabel && seen[role]) {
      return HeaderError(number, c.header, "appears twice");
    }
    seen[role] = true;
    columns.push_back(std::move(c));
  }
  if (relationships && (!seen[static_cast<int>(ColumnRole::kStartId)] ||
                        !seen[static_cast<int>(ColumnRole::kEndId)])) {
    return Status::InvalidArgument(
        "header: a relationship file needs a :START_ID and an :END_ID column");
  }
  return columns;
}

// --- values

Status ParseTypedValue(FieldType type, int integer_bits, std::string_view text, Value* out) {
  auto bad = [&](std::string_view what) {
    return Status::InvalidArgument(Quote(text) + " is not " + std::string(what));
  };
  switch (type) {
    case FieldType::kString:
      *out = Value::String(text);
      return Status::OK();
    case FieldType::kInteger: {
      std::string_view t = text;
      if (t.starts_with('+')) t.remove_prefix(1);
      int64_t v = 0;
      auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
      if (ec == std::errc::result_out_of_range) return bad("within the 64-bit integer range");
      if (ec != std::errc() || end != t.data() + t.size() || t.empty()) return bad("an integer");
      if (integer_bits < 64) {
        const int64_t limit = int64_t{1} << (integer_bits - 1);
        if (v < -limit || v >= limit) {
          return bad("within the range of " + std::string(FieldTypeName(type, integer_bits)));
        }
      }
      *out = Value::Int(v);
      return Status::OK();
    }
    case FieldType::kFloat: {
      std::string_view t = text;
      if (t.starts_with('+')) t.remove_prefix(1);
      double v = 0;
      auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
      if (ec == std::errc::result_out_of_range) return bad("a float within range");
      if (ec != std::errc() || end != t.data() + t.size() || t.empty()) return bad("a float");
      *out = Value::Float(v);
      return Status::OK();
    }
    case FieldType::kBoolean: {
      std::string lower = Lower(text);
      if (lower == "true") {
        *out = Value::Bool(true);
      } else if (lower == "false") {
        *out = Value::Bool(false);
      } else {
        return bad("a boolean (true or false)");
      }
      return Status::OK();
    }
    default:
      break;
  }
  Status status;
  auto parsed = [&](auto result, const char* what) {
    if (!result.ok()) {
      status = Status::InvalidArgument(Quote(text) + " is not " + what + ": " +
                                       std::string(result.status().message()));
    } else {
      *out = Value(*result);
    }
  };
  switch (type) {
    case FieldType::kDate:
      parsed(Date::Parse(text), "a date");
      break;
    case FieldType::kLocalTime:
      parsed(LocalTime::Parse(text), "a local time");
      break;
    case FieldType::kTime:
      parsed(Time::Parse(text), "a time");
      break;
    case FieldType::kLocalDateTime:
      parsed(LocalDateTime::Parse(text), "a local datetime");
      break;
    case FieldType::kDateTime:
      parsed(DateTime::Parse(text), "a datetime");
      break;
    case FieldType::kDuration:
      parsed(Duration::Parse(text), "a duration");
      break;
    default:
      break;
  }
  return status;
}

Status ConvertCsvField(const CsvColumn& column, const CsvField& field, const CsvDialect& dialect,
                       Value* out) {
  const bool is_string = column.type == FieldType::kString;
  if (!column.array) {
    if (is_string) {
      if (field.text.empty() && !field.quoted) {
        *out = Value();
      } else {
        *out = Value::String(field.text);
      }
      return Status::OK();
    }
    std::string_view text = Trim(field.text);
    if (text.empty()) {
      *out = Value();
      return Status::OK();
    }
    return ParseTypedValue(column.type, column.integer_bits, text, out);
  }
  // Arrays: an unquoted empty field is absent, a quoted one ("") the empty array.
  if (field.text.empty()) {
    if (!field.quoted) {
      *out = Value();
    } else if (column.type == FieldType::kInteger && column.integer_bits == 8) {
      *out = Value::Bytes("");
    } else {
      *out = Value::List({});
    }
    return Status::OK();
  }
  std::vector<Value> items;
  std::string_view rest = field.text;
  for (;;) {
    const size_t cut = rest.find(dialect.array_delimiter);
    std::string_view item = rest.substr(0, cut);
    Value v;
    if (is_string) {
      v = Value::String(item);
    } else {
      item = Trim(item);
      if (item.empty()) {
        return Status::InvalidArgument("array element " + std::to_string(items.size() + 1) +
                                       " is empty");
      }
      SMITH_RETURN_IF_ERROR(ParseTypedValue(column.type, column.integer_bits, item, &v)
                                .WithContext("array element " + std::to_string(items.size() + 1)));
    }
    items.push_back(std::move(v));
    if (cut == std::string_view::npos) break;
    rest.remove_prefix(cut + 1);
  }
  if (column.type == FieldType::kInteger && column.integer_bits == 8) {
    // byte[] is a byte array (Java's signed bytes), as Neo4j stores it.
    std::string bytes;
    bytes.reserve(items.size());
    for (const Value& v : items) bytes.push_back(static_cast<char>(v.AsInt()));
    *out = Value::Bytes(bytes);
    return Status::OK();
  }
  *out = Value::List(std::move(items));
  return Status::OK();
}

}  // namespace smith::graph::bulk
