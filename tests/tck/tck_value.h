// The TCK's value notation: parsing expected values and parameters, and the canonical form in
// which expected and actual values are compared.
//
// Notation (as used in result tables, parameter tables and side-effect-free examples):
//   null  true  false
//   42  -7                      integers (int64)
//   1.0  -0.5  .5  1e308  NaN  Infinity  -Infinity       floats
//   'it\'s'  "x"                strings; escapes \' \" \\ \n \t \r \b \f \uXXXX
//   [1, 'a', [2]]               lists
//   {k: 1, `a b`: 'x'}          maps (keys bare or back-quoted)
//   (:A:B {k: 1})  ()           nodes: labels and properties, no identity
//   [:T {k: 1}]                 relationships: type and properties, no identity or endpoints
//   <(:A)-[:T]->(:B)<-[:U]-()>  paths; each segment's arrow gives the relationship's direction
//
// Parsed values are ordinary smith::Values. Nodes of a parsed path get the synthetic ids 0..n so
// that each relationship's start_id/end_id records the arrow's direction; standalone nodes and
// relationships have id 0.
//
// Comparison (CanonicalValue) follows the TCK's rules:
//  - node and relationship identity is ignored: a node is its label set and properties, a
//    relationship its type and properties, a path the sequence of those plus each segment's
//    direction;
//  - integers and floats never match each other (1 vs 1.0); floats match when they are the same
//    double (the TCK prints them with Java's shortest round-trip form), NaN matches NaN, and
//    -0.0 matches 0.0 (the TCK's tooling compares doubles with ==);
//  - temporal values have no literal in the notation: the TCK writes them as strings, so a
//    temporal value matches the string of its ISO form (Value::ToString(), e.g. '1984-10-11');
//  - with ignore_list_order, the elements of every list (at any depth) are compared as a
//    multiset.
//
// Thread safety: pure functions.
#ifndef SMITH_TESTS_TCK_TCK_VALUE_H_
#define SMITH_TESTS_TCK_TCK_VALUE_H_

#include <string>
#include <string_view>

#include "common/result.h"
#include "common/value.h"

namespace smith::tck {

// Parses one value in the TCK notation; leading and trailing whitespace is allowed.
// InvalidArgument naming the offending position otherwise.
Result<Value> ParseTckValue(std::string_view text);

// A string that is equal for two values exactly when the TCK considers them equal (see the file
// comment). Human-readable: it doubles as the rendering in failure messages.
std::string CanonicalValue(const Value& value, bool ignore_list_order = false);

}  // namespace smith::tck

#endif  // SMITH_TESTS_TCK_TCK_VALUE_H_
