// Reading the Neo4j bulk-import CSV format: RFC 4180 records, the typed header
// (`id:ID(Person)`, `:LABEL`, `:START_ID(Person)`, `:END_ID`, `:TYPE`, `age:int`,
// `tags:string[]`, `:IGNORE`, ...) and field values converted to smith Values.
//
// Field rules (as neo4j-admin import): an empty unquoted field is absent (no property); a quoted
// empty field ("") is the empty string for string columns and absent otherwise; non-string
// values are trimmed of spaces and tabs; array fields split on the array delimiter, each element
// converted as the element type; an unquoted empty array field is absent, a quoted one ("") the
// empty array. `byte[]` columns hold byte arrays (signed decimals -128..127), as in Neo4j.
// docs/cli.md ("Export formats") describes the files `smith export --format csv` writes.
//
// Thread safety: none needed; all types are used by one thread at a time.
#ifndef SMITH_GRAPH_BULK_CSV_H_
#define SMITH_GRAPH_BULK_CSV_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/value.h"

namespace smith::graph::bulk {

struct CsvDialect {
  char delimiter = ',';
  char array_delimiter = ';';
  char quote = '"';
};

// A read-only memory map of a whole file (RAII). An empty file maps to an empty view.
class MappedFile {
 public:
  // kNotFound / kIOError naming the file.
  static Result<std::unique_ptr<MappedFile>> Open(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view data() const { return {static_cast<const char*>(addr_), size_}; }
  const std::string& path() const { return path_; }

 private:
  MappedFile(std::string path, void* addr, size_t size)
      : path_(std::move(path)), addr_(addr), size_(size) {}
  std::string path_;
  void* addr_;
  size_t size_;
};

struct CsvField {
  std::string_view text;  // unquoted and unescaped; valid until the next CsvReader::Next
  bool quoted = false;
};

// Splits a buffer into RFC 4180 records: fields separated by the delimiter, records by LF or
// CRLF, fields optionally enclosed in quotes (a quote inside is doubled; delimiters and line
// breaks inside are data). A quote inside an unquoted field is taken literally. Blank lines are
// skipped. A UTF-8 byte order mark at the start is skipped.
class CsvReader {
 public:
  CsvReader(std::string_view data, CsvDialect dialect);

  // Reads the next record into `*fields`. false at the end of the data. InvalidArgument naming
  // line and column for an unterminated quoted field or text after a closing quote.
  Result<bool> Next(std::vector<CsvField>* fields);

  // The line (1-based) on which the last record returned starts.
  uint64_t record_line() const { return record_line_; }
  // Bytes consumed so far.
  size_t offset() const { return pos_; }

 private:
  std::string_view data_;
  CsvDialect dialect_;
  size_t pos_ = 0;
  uint64_t line_ = 1;  // line of data_[pos_]
  uint64_t record_line_ = 0;
  // Unescaped copies of fields that contained doubled quotes; reused across records.
  std::vector<std::string> unescaped_;
};

enum class ColumnRole : uint8_t { kProperty, kId, kLabel, kType, kStartId, kEndId, kIgnore };

enum class FieldType : uint8_t {
  kString,
  kInteger,
  kFloat,
  kBoolean,
  kDate,
  kLocalTime,
  kTime,
  kLocalDateTime,
  kDateTime,
  kDuration,
};

struct CsvColumn {
  std::string header;  // the header entry as written, for messages
  ColumnRole role = ColumnRole::kProperty;
  std::string name;  // property name ("" for :ID, :LABEL, ... without a name)
  FieldType type = FieldType::kString;
  int integer_bits = 64;  // byte 8, short 16, int 32, long 64
  bool array = false;
  std::string id_space;  // for kId, kStartId, kEndId
};

// Parses a header record. `relationships` selects the roles allowed (:ID and :LABEL for node
// files; :START_ID, :END_ID and :TYPE for relationship files). InvalidArgument naming the column
// (1-based) for an unknown type, a role in the wrong kind of file, or a duplicate role.
Result<std::vector<CsvColumn>> ParseCsvHeader(const std::vector<CsvField>& fields,
                                              bool relationships);

// Converts one field of a property column. Sets `*out` to null when the field is absent.
// InvalidArgument with a message naming the value and expected type (no location: the caller
// adds file, line and column).
Status ConvertCsvField(const CsvColumn& column, const CsvField& field, const CsvDialect& dialect,
                       Value* out);

// Parses one value of `type` from `text` (already trimmed where the type wants it).
Status ParseTypedValue(FieldType type, int integer_bits, std::string_view text, Value* out);

// The name of `type` as written in headers ("int", "date", ...), for messages.
const char* FieldTypeName(FieldType type, int integer_bits);

}  // namespace smith::graph::bulk

#endif  // SMITH_GRAPH_BULK_CSV_H_
