#include "params.h"

#include "nlohmann/json.hpp"
#include "value_json.h"

namespace smith::cli {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

Result<Value> EvaluateCypher(Database& db, std::string_view text, const ValueMap& params) {
  std::string query = "RETURN " + std::string(text) + "\nAS value";
  SMITH_ASSIGN_OR_RETURN(std::unique_ptr<QueryResult> result, db.Run(query, params));
  std::vector<Value> record;
  SMITH_ASSIGN_OR_RETURN(bool found, result->Next(&record));
  if (!found || record.empty()) return Status::InvalidArgument("the expression returned no value");
  return record[0];
}

}  // namespace

Result<Value> EvaluateParamValue(Database& db, std::string_view text, const ValueMap& params) {
  text = Trim(text);
  if (text.empty()) return Status::InvalidArgument("the parameter value is empty");
  Result<Value> cypher = EvaluateCypher(db, text, params);
  if (cypher.ok()) return cypher;
  Result<Json> json = ParseJson(text);
  if (json.ok()) return ValueFromJson(*json);
  return Status::InvalidArgument(
      "cannot read parameter value `" + std::string(text) + "` as a Cypher expression (" +
      std::string(cypher.status().message()) + ") nor as JSON; quote strings: 'text'");
}

Result<std::pair<std::string, std::string>> SplitParamAssignment(std::string_view text) {
  text = Trim(text);
  size_t name_end = 0;
  if (!text.empty() && text.front() == '`') {
    size_t close = text.find('`', 1);
    if (close == std::string_view::npos) {
      return Status::InvalidArgument("unterminated backquoted parameter name");
    }
    name_end = close + 1;
  }
  size_t sep = text.find_first_of("=:", name_end);
  if (sep == std::string_view::npos) {
    return Status::InvalidArgument("expected name=value (or name => value), got `" +
                                   std::string(text) + "`");
  }
  size_t value_start = sep + 1;
  if (text[sep] == '=' && sep + 1 < text.size() && text[sep + 1] == '>') value_start = sep + 2;
  std::string_view name = Trim(text.substr(0, sep));
  if (name.size() >= 2 && name.front() == '`' && name.back() == '`') {
    name = name.substr(1, name.size() - 2);
  }
  if (!name.empty() && name.front() == '$') name.remove_prefix(1);
  if (name.empty()) return Status::InvalidArgument("the parameter name is empty");
  return std::make_pair(std::string(name), std::string(Trim(text.substr(value_start))));
}

}  // namespace smith::cli
