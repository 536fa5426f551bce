// How the runner prints results: values in Cypher literal syntax (Value::ToString), with node
// labels sorted so that a node prints the same whatever order its labels were stored in.
//
//   null  true  42  1.5  1.0E20  NaN  'it\'s'  [1, 'a']  {a: 1, `b c`: 2}  (map keys ascending)
//   2015-07-21  12:00:00Z  P1DT2H   temporal values in ISO form, unquoted
//   (:A:B {k: 1})  [:T {k: 1}]  <(:A)-[:T]->(:B)>   graph values without identity
//
// A row prints as its values joined by " | ", a header as the column names joined the same way.
//
// Thread safety: pure functions.
#ifndef SMITH_TESTS_CYPHER_RUNNER_VALUE_RENDER_H_
#define SMITH_TESTS_CYPHER_RUNNER_VALUE_RENDER_H_

#include <string>
#include <vector>

#include "common/value.h"

namespace smith::cypher_test {

std::string RenderValue(const Value& value);
std::string RenderRow(const std::vector<Value>& row);
std::string RenderHeader(const std::vector<std::string>& columns);

}  // namespace smith::cypher_test

#endif  // SMITH_TESTS_CYPHER_RUNNER_VALUE_RENDER_H_
