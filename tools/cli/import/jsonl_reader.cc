#include "import/jsonl_reader.h"

#include <chrono>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "common/temporal.h"
#include "graph/bulk_csv.h"
#include "nlohmann/json.hpp"

namespace smith::cli {

namespace {

using Json = nlohmann::json;
using graph::BulkImporter;
using graph::SourcePos;

// Records the parser's message for a line that is not valid JSON (the DOM parser, run without
// exceptions, only says that it failed).
class ErrorCatcher : public nlohmann::json_sax<Json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    message = "invalid JSON at character " + std::to_string(position) + ": " + ex.what();
    return false;
  }
  std::string message = "invalid JSON";
};

Result<std::string> Base64Decode(std::string_view text) {
  auto digit = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  if (text.size() % 4 != 0) return Status::InvalidArgument("invalid base64 (length)");
  std::string out;
  for (size_t i = 0; i < text.size(); i += 4) {
    int d[4];
    int pad = 0;
    for (int k = 0; k < 4; ++k) {
      char c = text[i + k];
      if (c == '=' && i + 4 == text.size() && k >= 2) {
        d[k] = 0;
        ++pad;
      } else if (pad > 0 || (d[k] = digit(c)) < 0) {
        return Status::InvalidArgument("invalid base64");
      }
    }
    uint32_t v = (d[0] << 18) | (d[1] << 12) | (d[2] << 6) | d[3];
    out.push_back(static_cast<char>(v >> 16));
    if (pad < 2) out.push_back(static_cast<char>((v >> 8) & 0xff));
    if (pad < 1) out.push_back(static_cast<char>(v & 0xff));
  }
  return out;
}

template <typename T>
Status Temporal(const std::string& text, const char* what, Value* out) {
  Result<T> parsed = T::Parse(text);
  if (!parsed.ok()) {
    return Status::InvalidArgument("'" + text + "' is not a " + what + ": " +
                                   std::string(parsed.status().message()));
  }
  *out = Value(*parsed);
  return Status::OK();
}

Status TaggedValue(const std::string& tag, const Json& body, Value* out) {
  if (!body.is_string()) {
    return Status::InvalidArgument("the value of {\"" + tag + "\": ...} must be a string");
  }
  const std::string& text = body.get_ref<const std::string&>();
  if (tag == "$float") {
    if (text == "NaN") {
      *out = Value::Float(std::numeric_limits<double>::quiet_NaN());
    } else if (text == "Infinity") {
      *out = Value::Float(std::numeric_limits<double>::infinity());
    } else if (text == "-Infinity") {
      *out = Value::Float(-std::numeric_limits<double>::infinity());
    } else {
      return Status::InvalidArgument("{\"$float\": ...} must be NaN, Infinity or -Infinity");
    }
    return Status::OK();
  }
  if (tag == "$bytes") {
    SMITH_ASSIGN_OR_RETURN(std::string bytes, Base64Decode(text));
    *out = Value::Bytes(bytes);
    return Status::OK();
  }
  if (tag == "$date") return Temporal<Date>(text, "date", out);
  if (tag == "$localtime") return Temporal<LocalTime>(text, "local time", out);
  if (tag == "$time") return Temporal<Time>(text, "time", out);
  if (tag == "$localdatetime") return Temporal<LocalDateTime>(text, "local datetime", out);
  if (tag == "$datetime") return Temporal<DateTime>(text, "datetime", out);
  if (tag == "$duration") return Temporal<Duration>(text, "duration", out);
  return Status::InvalidArgument("unknown tagged value {\"" + tag + "\": ...}");
}

Status ToValue(const Json& json, Value* out) {
  switch (json.type()) {
    case Json::value_t::null:
      *out = Value();
      return Status::OK();
    case Json::value_t::boolean:
      *out = Value::Bool(json.get<bool>());
      return Status::OK();
    case Json::value_t::number_integer:
      *out = Value::Int(json.get<int64_t>());
      return Status::OK();
    case Json::value_t::number_unsigned: {
      const uint64_t v = json.get<uint64_t>();
      if (v > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        return Status::InvalidArgument("integer " + std::to_string(v) + " is outside int64");
      }
      *out = Value::Int(static_cast<int64_t>(v));
      return Status::OK();
    }
    case Json::value_t::number_float:
      *out = Value::Float(json.get<double>());
      return Status::OK();
    case Json::value_t::string:
      *out = Value::String(json.get_ref<const std::string&>());
      return Status::OK();
    case Json::value_t::array: {
      std::vector<Value> items;
      items.reserve(json.size());
      for (const Json& item : json) {
        Value v;
        SMITH_RETURN_IF_ERROR(ToValue(item, &v));
        items.push_back(std::move(v));
      }
      *out = Value::List(std::move(items));
      return Status::OK();
    }
    case Json::value_t::object:
      if (json.size() == 1 && json.begin().key().starts_with("$")) {
        return TaggedValue(json.begin().key(), json.begin().value(), out);
      }
      return Status::InvalidArgument("maps cannot be stored as property values");
    default:
      return Status::InvalidArgument("unsupported JSON value");
  }
}

// The member `name` of `object`, or null when absent.
const Json* Member(const Json& object, const char* name) {
  auto it = object.find(name);
  return it == object.end() ? nullptr : &*it;
}

Result<std::string> StringMember(const Json& object, const char* name) {
  const Json* m = Member(object, name);
  if (m == nullptr || !m->is_string()) {
    return Status::InvalidArgument(std::string("member \"") + name + "\" must be a string");
  }
  return m->get<std::string>();
}

Result<std::vector<std::string>> StringListMember(const Json& object, const char* name,
                                                  bool optional) {
  std::vector<std::string> out;
  const Json* m = Member(object, name);
  if (m == nullptr && optional) return out;
  if (m == nullptr || !m->is_array()) {
    return Status::InvalidArgument(std::string("member \"") + name +
                                   "\" must be an array of strings");
  }
  for (const Json& item : *m) {
    if (!item.is_string()) {
      return Status::InvalidArgument(std::string("member \"") + name +
                                     "\" must be an array of strings");
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

// An element id: a JSON integer or string (APOC's exports use strings; an object {"id": ...}
// as APOC writes relationship ends is accepted too).
Result<std::string> IdMember(const Json& object, const char* name) {
  const Json* m = Member(object, name);
  if (m != nullptr && m->is_object()) m = Member(*m, "id");
  if (m == nullptr)
    return Status::InvalidArgument(std::string("member \"") + name + "\" is missing");
  if (m->is_number_integer()) return m->dump();
  if (m->is_string()) return m->get<std::string>();
  return Status::InvalidArgument(std::string("member \"") + name +
                                 "\" must be an integer or a string");
}

Result<graph::PropertyEntries> Properties(const Json& object) {
  graph::PropertyEntries out;
  const Json* m = Member(object, "properties");
  if (m == nullptr) return out;
  if (!m->is_object()) return Status::InvalidArgument("member \"properties\" must be an object");
  for (auto it = m->begin(); it != m->end(); ++it) {
    Value v;
    Status s = ToValue(it.value(), &v);
    if (!s.ok()) return s.WithContext("property `" + it.key() + "`");
    out.emplace_back(it.key(), std::move(v));
  }
  return out;
}

Status SchemaLine(const SourcePos& at, const Json& line, bool index, BulkImporter& importer) {
  auto fail = [&](const Status& s) {
    return Status(s.code(), std::string(at.file) + ":" + std::to_string(at.line) + ": " +
                                std::string(s.message()));
  };
  Result<std::string> name = StringMember(line, "name");
  if (!name.ok()) return fail(name.status());
  Result<std::string> entity = StringMember(line, "entity");
  if (!entity.ok() || (*entity != "NODE" && *entity != "RELATIONSHIP")) {
    return fail(Status::InvalidArgument("member \"entity\" must be \"NODE\" or \"RELATIONSHIP\""));
  }
  Result<std::string> token = StringMember(line, "label");
  if (!token.ok()) return fail(token.status());
  Result<std::vector<std::string>> props = StringListMember(line, "properties", false);
  if (!props.ok()) return fail(props.status());
  graph::SchemaKind kind = graph::SchemaKind::kRangeIndex;
  if (!index) {
    Result<std::string> k = StringMember(line, "kind");
    if (k.ok() && *k == "UNIQUE") {
      kind = graph::SchemaKind::kUniqueConstraint;
    } else if (k.ok() && *k == "NODE_KEY") {
      kind = graph::SchemaKind::kNodeKeyConstraint;
    } else {
      return fail(Status::InvalidArgument("member \"kind\" must be \"UNIQUE\" or \"NODE_KEY\""));
    }
  }
  return importer.AddSchemaObject(
      at, kind, *entity == "NODE" ? graph::EntityKind::kNode : graph::EntityKind::kRelationship,
      *name, *token, *props);
}

}  // namespace

Status ImportJsonl(const std::string& path, JsonlPass pass, BulkImporter& importer) {
  const auto started = std::chrono::steady_clock::now();
  SMITH_ASSIGN_OR_RETURN(std::unique_ptr<graph::bulk::MappedFile> file,
                         graph::bulk::MappedFile::Open(path));
  const std::string id_space = "\x01jsonl:" + path;
  std::string_view rest = file->data();
  uint64_t line_number = 0;
  while (!rest.empty()) {
    const size_t cut = rest.find('\n');
    std::string_view text = rest.substr(0, cut);
    rest.remove_prefix(cut == std::string_view::npos ? rest.size() : cut + 1);
    importer.AddBytesRead(text.size() + 1);
    ++line_number;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
    SourcePos at{path, line_number, 0, {}};
    Json line = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (line.is_discarded()) {
      ErrorCatcher catcher;
      Json::sax_parse(text.begin(), text.end(), &catcher);
      // Structure lines are needed by later lines; only the first pass reports bad lines.
      if (pass == JsonlPass::kRelationships) continue;
      SMITH_RETURN_IF_ERROR(importer.RowError(at, Status::InvalidArgument(catcher.message)));
      continue;
    }
    const Json* type = line.is_object() ? Member(line, "type") : nullptr;
    const std::string kind = type != nullptr && type->is_string() ? type->get<std::string>() : "";
    if (pass == JsonlPass::kRelationships) {
      if (kind != "relationship") continue;
      Result<std::string> rel_type = StringMember(line, "label");
      Result<std::string> start = IdMember(line, "start");
      Result<std::string> end = IdMember(line, "end");
      Result<graph::PropertyEntries> props = Properties(line);
      Status bad;
      for (const Status* s :
           {&rel_type.status(), &start.status(), &end.status(), &props.status()}) {
        if (bad.ok() && !s->ok()) bad = *s;
      }
      if (!bad.ok()) {
        SMITH_RETURN_IF_ERROR(importer.RowError(at, bad));
        continue;
      }
      SMITH_RETURN_IF_ERROR(
          importer.AddRelationship(at, *rel_type, id_space, *start, *end, std::move(*props)));
      continue;
    }
    if (kind == "header") {
      const Json* format = Member(line, "format");
      const Json* version = Member(line, "version");
      if (format == nullptr || *format != "smith-jsonl") {
        return Status::InvalidArgument(path + ":" + std::to_string(line_number) +
                                       ": not a smith jsonl export (\"format\" is not "
                                       "\"smith-jsonl\")");
      }
      if (version == nullptr || *version != 1) {
        return Status::InvalidArgument(
            path + ":" + std::to_string(line_number) + ": unsupported smith jsonl version " +
            (version ? version->dump() : "(missing)") + "; this build reads version 1");
      }
    } else if (kind == "constraint" || kind == "index") {
      SMITH_RETURN_IF_ERROR(SchemaLine(at, line, kind == "index", importer));
    } else if (kind == "node") {
      Result<std::string> id = IdMember(line, "id");
      Result<std::vector<std::string>> labels = StringListMember(line, "labels", true);
      Result<graph::PropertyEntries> props = Properties(line);
      for (const Status* s : {&id.status(), &labels.status(), &props.status()}) {
        if (!s->ok()) {
          SMITH_RETURN_IF_ERROR(importer.RowError(at, *s));
          break;
        }
      }
      if (!id.ok() || !labels.ok() || !props.ok()) continue;
      SMITH_RETURN_IF_ERROR(importer.AddNode(at, id_space, &*id, *labels, std::move(*props)));
    } else if (kind != "relationship") {
      SMITH_RETURN_IF_ERROR(importer.RowError(
          at, Status::InvalidArgument(kind.empty() ? "the line has no \"type\" member"
                                                   : "unknown line type \"" + kind + "\"")));
    }
  }
  importer.AddReadSeconds(
      pass == JsonlPass::kRelationships,
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return Status::OK();
}

}  // namespace smith::cli
