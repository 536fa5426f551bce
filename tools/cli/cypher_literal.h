// Values and names as Cypher source text that smith and Neo4j 5 evaluate back to exactly the same
// value: the building blocks of the `cypher` export and of `:params` listings.
#ifndef SMITH_TOOLS_CLI_CYPHER_LITERAL_H_
#define SMITH_TOOLS_CLI_CYPHER_LITERAL_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "common/value.h"

namespace smith::cli {

// Appends an expression for `value`: literals for null, booleans, integers, strings, lists and
// maps; shortest round-trip floats (`0.0/0.0` for NaN, `1.0/0.0` and `-1.0/0.0` for the
// infinities); `date('2015-07-21')` etc. for temporal values. Byte arrays and graph values have
// no Cypher expression: NotSupported (and `out` is left partly written).
Status AppendCypherLiteral(const Value& value, std::string* out);

// A label, relationship type, property key or variable: as is when it is a plain identifier
// (letters, digits, underscores, not starting with a digit), otherwise in backticks with inner
// backticks doubled.
std::string CypherName(std::string_view name);

}  // namespace smith::cli

#endif  // SMITH_TOOLS_CLI_CYPHER_LITERAL_H_
