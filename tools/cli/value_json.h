// Values as JSON, with nlohmann-json (docs/adr/0007-cli-libraries.md).
//
// One encoding serves the jsonl export, query results (--format json|jsonl) and parameters: JSON
// booleans, numbers, strings and arrays for the values JSON has (an integer is a number without
// '.' or exponent; a float always has one), and single-member "tagged" objects for the rest:
// {"$float":"NaN"|"Infinity"|"-Infinity"}, {"$bytes":"<base64>"}, {"$date":"2015-07-21"},
// {"$localtime":...}, {"$time":...}, {"$localdatetime":...}, {"$datetime":...},
// {"$duration":...} with the text forms of common/temporal.h. docs/cli.md documents it.
// Maps become JSON objects; nodes, relationships and paths (query results only) become objects
// {"id","labels","properties"}, {"id","type","start","end","properties"} and
// {"nodes","relationships"}.
#ifndef SMITH_TOOLS_CLI_VALUE_JSON_H_
#define SMITH_TOOLS_CLI_VALUE_JSON_H_

#include <string>
#include <string_view>

#include "common/result.h"
#include "common/value.h"
#include "nlohmann/json_fwd.hpp"

namespace smith::cli {

using Json = nlohmann::ordered_json;

Json ValueToJson(const Value& value);

// The inverse for parameters: objects with exactly one member whose name is one of the tags
// above become that type; other objects become maps. InvalidArgument for a malformed tagged
// value or an integer outside int64.
Result<Value> ValueFromJson(const Json& json);
// Parses `text` as one JSON document; InvalidArgument (with the parser's message) if it is not.
Result<Json> ParseJson(std::string_view text);

// Standard base64 with padding.
std::string Base64Encode(std::string_view bytes);

}  // namespace smith::cli

#endif  // SMITH_TOOLS_CLI_VALUE_JSON_H_
