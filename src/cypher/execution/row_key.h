// Hashing and equivalence of value tuples (grouping keys, DISTINCT rows, UNION), with Cypher's
// equivalence: null equals null, 1 equals 1.0 (common/value_compare.h).
#ifndef SMITH_CYPHER_EXECUTION_ROW_KEY_H_
#define SMITH_CYPHER_EXECUTION_ROW_KEY_H_

#include <vector>

#include "common/value_compare.h"

namespace smith::exec {

struct RowKeyHash {
  size_t operator()(const std::vector<Value>& key) const {
    size_t h = 0x9e3779b97f4a7c15ull;
    for (const Value& v : key) h = (h ^ Hash(v)) * 0x100000001b3ull;
    return h;
  }
};

struct RowKeyEq {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (!Equivalent(a[i], b[i])) return false;
    }
    return true;
  }
};

}  // namespace smith::exec

#endif  // SMITH_CYPHER_EXECUTION_ROW_KEY_H_
