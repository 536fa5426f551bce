// `smith export --format csv` (docs/cli.md, "csv"): Neo4j bulk-import files.
//
// Two passes over the snapshot: the first assigns every element to a file (one label set or
// relationship type per file, split where a property's type differs) and checks that every value
// fits the format; the second writes the rows. So nothing is written for a graph that cannot be
// exported.
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <vector>

#include "csv_writer.h"
#include "cypher_literal.h"
#include "exporters.h"
#include "graph_dump.h"

namespace smith::cli {

namespace {

constexpr char kArrayDelimiter = ';';
constexpr const char* kEmptyListType = "[]";  // an empty list: any array type fits

std::string ScalarType(const Value& v) {
  switch (v.type()) {
    case ValueType::kBool:
      return "boolean";
    case ValueType::kInt:
      return "long";
    case ValueType::kFloat:
      return "double";
    case ValueType::kString:
      return "string";
    case ValueType::kBytes:
      return "byte[]";
    case ValueType::kDate:
      return "date";
    case ValueType::kLocalTime:
      return "localtime";
    case ValueType::kTime:
      return "time";
    case ValueType::kLocalDateTime:
      return "localdatetime";
    case ValueType::kDateTime:
      return "datetime";
    case ValueType::kDuration:
      return "duration";
    default:
      return "";
  }
}

void AppendScalar(const Value& v, std::string* out) {
  switch (v.type()) {
    case ValueType::kBool:
      out->append(v.AsBool() ? "true" : "false");
      return;
    case ValueType::kInt:
      out->append(std::to_string(v.AsInt()));
      return;
    case ValueType::kFloat: {
      const double d = v.AsFloat();
      if (std::isnan(d)) {
        out->append("NaN");
      } else if (std::isinf(d)) {
        out->append(d > 0 ? "Infinity" : "-Infinity");
      } else {
        char buf[64];
        auto res = std::to_chars(buf, buf + sizeof(buf), d);
        std::string_view text(buf, static_cast<size_t>(res.ptr - buf));
        out->append(text);
        if (text.find_first_of(".e") == std::string_view::npos) out->append(".0");
      }
      return;
    }
    case ValueType::kString:
      out->append(v.AsString());
      return;
    case ValueType::kBytes: {
      bool first = true;
      for (char c : v.AsBytes()) {
        if (!first) out->push_back(kArrayDelimiter);
        first = false;
        out->append(std::to_string(static_cast<int>(static_cast<signed char>(c))));
      }
      return;
    }
    default:
      out->append(v.ToString());  // temporal values: their ISO text
  }
}

// The column type of `v`, or NotSupported naming the problem.
Result<std::string> ColumnType(const Value& v, const std::string& where) {
  auto refuse = [&](const std::string& why) {
    return Status::NotSupported("cannot export " + where + " as CSV: " + why +
                                "; use --format jsonl");
  };
  if (!v.is_list()) return ScalarType(v);
  const std::vector<Value>& items = v.AsList();
  if (items.empty()) return std::string(kEmptyListType);
  if (items.front().is_bytes()) return refuse("lists of byte arrays have no CSV form");
  if (items.size() == 1 && items.front().is_string() && items.front().AsString().empty()) {
    return refuse("a list holding one empty string reads back as an empty list");
  }
  for (const Value& item : items) {
    if (item.is_string() && item.AsString().find(kArrayDelimiter) != std::string_view::npos) {
      return refuse("a list element contains the array delimiter ';'");
    }
  }
  return ScalarType(items.front()) + "[]";
}

bool Compatible(const std::string& a, const std::string& b) {
  auto is_array = [](const std::string& t) { return t.size() > 2 && t.ends_with("[]"); };
  return a == b || (a == kEmptyListType && is_array(b)) || (b == kEmptyListType && is_array(a));
}

struct Signature {
  std::string key;                                         // label set or type
  std::vector<std::pair<std::string, std::string>> types;  // property -> column type
};

struct Group {
  std::string key;
  std::map<std::string, std::string> types;
  int number = 0;  // file number
  std::unique_ptr<std::ofstream> file;
};

class Planner {
 public:
  explicit Planner(const char* prefix) : prefix_(prefix) {}

  // The group `sig` belongs to, creating or widening groups as needed (pass 1); with
  // `frozen`, only finds it (pass 2).
  Group* Place(const Signature& sig, bool frozen) {
    std::vector<size_t>& candidates = by_key_[sig.key];
    for (size_t index : candidates) {
      Group& g = groups_[index];
      bool fits = true;
      for (const auto& [name, type] : sig.types) {
        auto it = g.types.find(name);
        if (it == g.types.end() ? frozen : !Compatible(it->second, type)) {
          fits = false;
          break;
        }
      }
      if (!fits) continue;
      if (!frozen) Widen(g, sig);
      return &g;
    }
    if (frozen) return nullptr;
    groups_.push_back(Group{sig.key, {}, static_cast<int>(groups_.size()) + 1, nullptr});
    candidates.push_back(groups_.size() - 1);
    Widen(groups_.back(), sig);
    return &groups_.back();
  }

  std::vector<Group>& groups() { return groups_; }
  std::string FileName(const Group& g) const {
    return std::string(prefix_) + "_" + std::to_string(g.number) + ".csv";
  }

 private:
  static void Widen(Group& g, const Signature& sig) {
    for (const auto& [name, type] : sig.types) {
      auto [it, inserted] = g.types.emplace(name, type);
      if (!inserted && it->second == kEmptyListType) it->second = type;
    }
  }

  const char* prefix_;
  std::vector<Group> groups_;
  std::map<std::string, std::vector<size_t>> by_key_;
};

Result<Signature> Sign(std::string key, const NamedProperties& properties,
                       const std::string& what) {
  Signature sig{std::move(key), {}};
  for (const auto& [name, value] : properties) {
    SMITH_ASSIGN_OR_RETURN(std::string type,
                           ColumnType(value, "property `" + name + "` of " + what));
    sig.types.emplace_back(name, std::move(type));
  }
  return sig;
}

std::string LabelKey(const std::vector<std::string>& labels) {
  std::string key;
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) key.push_back(kArrayDelimiter);
    key += labels[i];
  }
  return key;
}

std::string CellText(const Value& v) {
  std::string text;
  if (!v.is_list()) {
    AppendScalar(v, &text);
    return text;
  }
  bool first = true;
  for (const Value& item : v.AsList()) {
    if (!first) text.push_back(kArrayDelimiter);
    first = false;
    AppendScalar(item, &text);
  }
  return text;
}

// Opens every group's file and writes its header: `fixed` columns, then the properties.
Status OpenFiles(Planner& planner, const std::string& dir, const std::vector<std::string>& fixed,
                 ExportStats* stats) {
  for (Group& g : planner.groups()) {
    const std::string path = (std::filesystem::path(dir) / planner.FileName(g)).string();
    g.file = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
    if (!*g.file) return Status::IOError("cannot write '" + path + "'");
    std::vector<CsvCell> header;
    for (const std::string& f : fixed) header.push_back({f, true});
    for (auto& [name, type] : g.types) {
      if (type == kEmptyListType) type = "string[]";
      header.push_back({name + ":" + type, true});
    }
    std::string line;
    AppendCsvRow(header, &line);
    *g.file << line;
    ++stats->files;
  }
  return Status::OK();
}

void WriteRow(Group& g, std::vector<CsvCell> cells, const NamedProperties& properties) {
  // Columns are sorted by name (std::map), and so are the element's properties.
  size_t p = 0;
  for (const auto& [name, type] : g.types) {
    if (p < properties.size() && properties[p].first == name) {
      cells.push_back({CellText(properties[p].second), true});
      ++p;
    } else {
      cells.push_back({"", false});
    }
  }
  std::string line;
  AppendCsvRow(cells, &line);
  *g.file << line;
}

Status WriteSideFiles(const std::string& dir, GraphDump& dump, Planner& nodes, Planner& rels,
                      ExportStats* stats) {
  const std::filesystem::path base(dir);
  std::ofstream schema(base / "schema.cypher", std::ios::trunc);
  for (const DumpSchemaObject& o : dump.Schema()) {
    schema << SchemaStatement(o) << ";\n";
    ++stats->schema_objects;
  }
  std::ofstream script(base / "neo4j-admin-import.sh", std::ios::trunc);
  script << "#!/bin/sh\n"
            "# Imports this smith export into a new Neo4j 5 database with neo4j-admin, which must\n"
            "# be on PATH. Usage: sh neo4j-admin-import.sh [DATABASE]   (default: neo4j)\n"
            "# Afterwards run schema.cypher (e.g. cypher-shell -d DATABASE -f schema.cypher).\n"
            "dir=$(cd \"$(dirname \"$0\")\" && pwd)\n"
            "exec neo4j-admin database import full \"${1:-neo4j}\" \\\n";
  for (const Group& g : nodes.groups()) {
    script << "  --nodes=\"$dir/" << nodes.FileName(g) << "\" \\\n";
  }
  for (const Group& g : rels.groups()) {
    script << "  --relationships=\"$dir/" << rels.FileName(g) << "\" \\\n";
  }
  script << "  --multiline-fields=true --array-delimiter=\";\"\n";
  stats->files += 2;
  if (!schema || !script) return Status::IOError("cannot write into '" + dir + "'");
  return Status::OK();
}

}  // namespace

Status ExportCsv(GraphDump& dump, const std::string& dir, ExportStats* stats) {
  Planner nodes("nodes");
  Planner rels("relationships");
  auto plan_node = [&](const DumpNode& n) -> Status {
    for (const std::string& label : n.labels) {
      if (label.find(kArrayDelimiter) != std::string::npos) {
        return Status::NotSupported("cannot export label `" + label +
                                    "` as CSV: it contains the label delimiter ';'; use "
                                    "--format jsonl");
      }
    }
    SMITH_ASSIGN_OR_RETURN(Signature sig,
                           Sign(LabelKey(n.labels), n.properties, "node " + std::to_string(n.id)));
    nodes.Place(sig, false);
    return Status::OK();
  };
  SMITH_RETURN_IF_ERROR(dump.ForEachNode(plan_node));
  auto plan_rel = [&](const DumpRel& r) -> Status {
    SMITH_ASSIGN_OR_RETURN(Signature sig,
                           Sign(r.type, r.properties, "relationship " + std::to_string(r.id)));
    rels.Place(sig, false);
    return Status::OK();
  };
  SMITH_RETURN_IF_ERROR(dump.ForEachRel(plan_rel));

  SMITH_RETURN_IF_ERROR(OpenFiles(nodes, dir, {":ID", ":LABEL"}, stats));
  SMITH_RETURN_IF_ERROR(OpenFiles(rels, dir, {":START_ID", ":END_ID", ":TYPE"}, stats));
  auto write_node = [&](const DumpNode& n) -> Status {
    SMITH_ASSIGN_OR_RETURN(Signature sig, Sign(LabelKey(n.labels), n.properties, "node"));
    Group* g = nodes.Place(sig, true);
    if (g == nullptr) return Status::Internal("node " + std::to_string(n.id) + " fits no file");
    WriteRow(*g, {{std::to_string(n.id), true}, {LabelKey(n.labels), !n.labels.empty()}},
             n.properties);
    ++stats->nodes;
    return Status::OK();
  };
  SMITH_RETURN_IF_ERROR(dump.ForEachNode(write_node));
  auto write_rel = [&](const DumpRel& r) -> Status {
    SMITH_ASSIGN_OR_RETURN(Signature sig, Sign(r.type, r.properties, "relationship"));
    Group* g = rels.Place(sig, true);
    if (g == nullptr)
      return Status::Internal("relationship " + std::to_string(r.id) + " fits no file");
    WriteRow(*g, {{std::to_string(r.start), true}, {std::to_string(r.end), true}, {r.type, true}},
             r.properties);
    ++stats->relationships;
    return Status::OK();
  };
  SMITH_RETURN_IF_ERROR(dump.ForEachRel(write_rel));
  for (Planner* p : {&nodes, &rels}) {
    for (Group& g : p->groups()) {
      g.file->flush();
      if (!*g.file)
        return Status::IOError("cannot write '" + p->FileName(g) + "' in '" + dir + "'");
      g.file.reset();
    }
  }
  return WriteSideFiles(dir, dump, nodes, rels, stats);
}

}  // namespace smith::cli
