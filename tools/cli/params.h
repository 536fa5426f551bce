// Query parameters given on the command line (`smith query --param name=value`) or in the shell
// (`:param name => value`).
//
// A value is read as a Cypher expression first, evaluated by the database as `RETURN <value>`
// (so `42`, `'Ada'`, `"Ada"`, `[1, 2]`, `{name: 'Ada'}`, `date('2015-07-21')`, `$other` all
// work), and when that fails as JSON (value_json.h: `{"name": "Ada"}`, `{"$date": "..."}`). A
// value that is neither is an error naming both failures; a bare word such as `Ada` is not a
// string (quote it: `'Ada'`).
#ifndef SMITH_TOOLS_CLI_PARAMS_H_
#define SMITH_TOOLS_CLI_PARAMS_H_

#include <string>
#include <string_view>
#include <utility>

#include "common/result.h"
#include "common/value.h"
#include "smith/database.h"

namespace smith::cli {

// Evaluates `text` as described above; `params` are visible to the expression.
Result<Value> EvaluateParamValue(Database& db, std::string_view text, const ValueMap& params);

// Splits "name=value" / "name => value" / "name: value" at the first separator among `=>`, `=`
// and `:`; the name may be backquoted. InvalidArgument without a separator or with an empty name.
Result<std::pair<std::string, std::string>> SplitParamAssignment(std::string_view text);

}  // namespace smith::cli

#endif  // SMITH_TOOLS_CLI_PARAMS_H_
