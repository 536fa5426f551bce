#include "common/value.h"

#include <algorithm>
#include <cstring>
#include <new>

namespace smith {
namespace value_internal {
namespace {

// A string or byte string longer than Value::kMaxInlineString: the header is followed directly by
// `size` bytes in the same allocation.
struct StringRep : Rep {
  size_t size = 0;
  const char* data() const { return reinterpret_cast<const char*>(this + 1); }
  char* mutable_data() { return reinterpret_cast<char*>(this + 1); }
};

template <typename T>
struct BoxRep : Rep {
  explicit BoxRep(T v) : value(std::move(v)) {}
  T value;
};

using ListRep = BoxRep<std::vector<Value>>;
using MapRep = BoxRep<ValueMap>;
using DurationRep = BoxRep<Duration>;
using NodeRep = BoxRep<Node>;
using RelationshipRep = BoxRep<Relationship>;
using PathRep = BoxRep<Path>;

const StringRep* NewStringRep(std::string_view s) {
  void* memory = ::operator new(sizeof(StringRep) + s.size());
  auto* rep = new (memory) StringRep();
  rep->size = s.size();
  std::memcpy(rep->mutable_data(), s.data(), s.size());
  return rep;
}

void DeleteStringRep(const StringRep* rep) {
  rep->~StringRep();
  ::operator delete(const_cast<StringRep*>(rep));
}

}  // namespace
}  // namespace value_internal

using value_internal::BoxRep;
using value_internal::DurationRep;
using value_internal::ListRep;
using value_internal::MapRep;
using value_internal::NodeRep;
using value_internal::PathRep;
using value_internal::RelationshipRep;
using value_internal::StringRep;

std::string_view ValueTypeName(ValueType type) {
  switch (type) {
    case ValueType::kNull:
      return "NULL";
    case ValueType::kBool:
      return "BOOLEAN";
    case ValueType::kInt:
      return "INTEGER";
    case ValueType::kFloat:
      return "FLOAT";
    case ValueType::kString:
      return "STRING";
    case ValueType::kBytes:
      return "BYTES";
    case ValueType::kList:
      return "LIST";
    case ValueType::kMap:
      return "MAP";
    case ValueType::kDate:
      return "DATE";
    case ValueType::kLocalTime:
      return "LOCAL TIME";
    case ValueType::kTime:
      return "ZONED TIME";
    case ValueType::kLocalDateTime:
      return "LOCAL DATETIME";
    case ValueType::kDateTime:
      return "ZONED DATETIME";
    case ValueType::kDuration:
      return "DURATION";
    case ValueType::kNode:
      return "NODE";
    case ValueType::kRelationship:
      return "RELATIONSHIP";
    case ValueType::kPath:
      return "PATH";
  }
  return "UNKNOWN";
}

// ---- Value: lifetime ----

void Value::DestroyRep() const noexcept {
  const value_internal::Rep* rep = payload_.rep;
  switch (type_) {
    case ValueType::kString:
    case ValueType::kBytes:
      value_internal::DeleteStringRep(static_cast<const StringRep*>(rep));
      break;
    case ValueType::kList:
      delete static_cast<const ListRep*>(rep);
      break;
    case ValueType::kMap:
      delete static_cast<const MapRep*>(rep);
      break;
    case ValueType::kDuration:
      delete static_cast<const DurationRep*>(rep);
      break;
    case ValueType::kNode:
      delete static_cast<const NodeRep*>(rep);
      break;
    case ValueType::kRelationship:
      delete static_cast<const RelationshipRep*>(rep);
      break;
    case ValueType::kPath:
      delete static_cast<const PathRep*>(rep);
      break;
    default:
      break;
  }
}

// ---- Value: construction ----

Value Value::Bool(bool b) {
  Value v;
  v.type_ = ValueType::kBool;
  v.payload_.b = b;
  return v;
}

Value Value::Int(int64_t i) {
  Value v;
  v.type_ = ValueType::kInt;
  v.payload_.i = i;
  return v;
}

Value Value::Float(double d) {
  Value v;
  v.type_ = ValueType::kFloat;
  v.payload_.f = d;
  return v;
}

void Value::SetString(ValueType type, std::string_view s) {
  type_ = type;
  if (s.size() <= kMaxInlineString) {
    inline_size_ = static_cast<uint8_t>(s.size());
    if (!s.empty()) std::memcpy(payload_.chars, s.data(), s.size());
  } else {
    inline_size_ = kHeapString;
    payload_.rep = value_internal::NewStringRep(s);
  }
}

Value Value::String(std::string_view s) {
  Value v;
  v.SetString(ValueType::kString, s);
  return v;
}

Value Value::Bytes(std::string_view bytes) {
  Value v;
  v.SetString(ValueType::kBytes, bytes);
  return v;
}

Value Value::List(std::vector<Value> items) {
  Value v;
  v.type_ = ValueType::kList;
  v.payload_.rep = new ListRep(std::move(items));
  return v;
}

Value Value::Map(ValueMap map) {
  Value v;
  v.type_ = ValueType::kMap;
  v.payload_.rep = new MapRep(std::move(map));
  return v;
}

Value::Value(const Date& v) : type_(ValueType::kDate) { payload_.i = v.days; }

Value::Value(const LocalTime& v) : type_(ValueType::kLocalTime) { payload_.i = v.nanos; }

Value::Value(const Time& v) : type_(ValueType::kTime), aux_(v.offset_seconds) {
  payload_.i = v.nanos;
}

Value::Value(const LocalDateTime& v) : type_(ValueType::kLocalDateTime), aux_(v.nanos) {
  payload_.i = v.seconds;
}

Value::Value(const DateTime& v) : type_(ValueType::kDateTime), aux_(v.nanos) {
  payload_.dt.seconds = v.seconds;
  payload_.dt.offset = v.offset_seconds;
  payload_.dt.zone = v.zone;
}

Value::Value(const Duration& v) : type_(ValueType::kDuration) { payload_.rep = new DurationRep(v); }

Value::Value(Node node) : type_(ValueType::kNode) { payload_.rep = new NodeRep(std::move(node)); }

Value::Value(Relationship relationship) : type_(ValueType::kRelationship) {
  payload_.rep = new RelationshipRep(std::move(relationship));
}

Value::Value(Path path) : type_(ValueType::kPath) { payload_.rep = new PathRep(std::move(path)); }

// ---- Value: access ----

template <typename T>
const T& Value::RepAs() const {
  return static_cast<const T&>(*payload_.rep);
}

std::string_view Value::StringData() const {
  if (inline_size_ == kHeapString) {
    const auto& rep = RepAs<StringRep>();
    return {rep.data(), rep.size};
  }
  return {payload_.chars, inline_size_};
}

const std::vector<Value>& Value::AsList() const {
  Check(ValueType::kList);
  return RepAs<ListRep>().value;
}

const ValueMap& Value::AsMap() const {
  Check(ValueType::kMap);
  return RepAs<MapRep>().value;
}

const Duration& Value::AsDuration() const {
  Check(ValueType::kDuration);
  return RepAs<DurationRep>().value;
}

const Node& Value::AsNode() const {
  Check(ValueType::kNode);
  return RepAs<NodeRep>().value;
}

const Relationship& Value::AsRelationship() const {
  Check(ValueType::kRelationship);
  return RepAs<RelationshipRep>().value;
}

const Path& Value::AsPath() const {
  Check(ValueType::kPath);
  return RepAs<PathRep>().value;
}

bool operator==(const Value& a, const Value& b) {
  if (a.type_ != b.type_) return false;
  if (a.has_rep() && b.has_rep() && a.payload_.rep == b.payload_.rep) return true;
  switch (a.type_) {
    case ValueType::kNull:
      return true;
    case ValueType::kBool:
      return a.payload_.b == b.payload_.b;
    case ValueType::kInt:
    case ValueType::kDate:
    case ValueType::kLocalTime:
      return a.payload_.i == b.payload_.i;
    case ValueType::kFloat:
      return std::memcmp(&a.payload_.f, &b.payload_.f, sizeof(double)) == 0;
    case ValueType::kString:
    case ValueType::kBytes:
      return a.StringData() == b.StringData();
    case ValueType::kList:
      return a.AsList() == b.AsList();
    case ValueType::kMap:
      return a.AsMap() == b.AsMap();
    case ValueType::kTime:
      return a.AsTime() == b.AsTime();
    case ValueType::kLocalDateTime:
      return a.AsLocalDateTime() == b.AsLocalDateTime();
    case ValueType::kDateTime:
      return a.AsDateTime() == b.AsDateTime();
    case ValueType::kDuration:
      return a.AsDuration() == b.AsDuration();
    case ValueType::kNode:
      return a.AsNode() == b.AsNode();
    case ValueType::kRelationship:
      return a.AsRelationship() == b.AsRelationship();
    case ValueType::kPath:
      return a.AsPath() == b.AsPath();
  }
  return false;
}

// ---- ValueMap ----

ValueMap::ValueMap(std::initializer_list<Entry> entries)
    : ValueMap(FromEntries(std::vector<Entry>(entries))) {}

ValueMap ValueMap::FromEntries(std::vector<Entry> entries) {
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.first < b.first; });
  // Keep the last of each run of equal keys.
  size_t out = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i + 1 < entries.size() && entries[i + 1].first == entries[i].first) continue;
    if (out != i) entries[out] = std::move(entries[i]);
    ++out;
  }
  entries.resize(out);
  ValueMap map;
  map.entries_ = std::move(entries);
  return map;
}

ValueMap ValueMap::FromSortedUnique(std::vector<Entry> entries) {
#ifndef NDEBUG
  for (size_t i = 1; i < entries.size(); ++i) assert(entries[i - 1].first < entries[i].first);
#endif
  ValueMap map;
  map.entries_ = std::move(entries);
  return map;
}

std::vector<ValueMap::Entry>::iterator ValueMap::LowerBound(std::string_view key) {
  return std::lower_bound(entries_.begin(), entries_.end(), key,
                          [](const Entry& e, std::string_view k) { return e.first < k; });
}

const Value* ValueMap::Find(std::string_view key) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                             [](const Entry& e, std::string_view k) { return e.first < k; });
  if (it == entries_.end() || it->first != key) return nullptr;
  return &it->second;
}

bool ValueMap::Insert(std::string key, Value value) {
  auto it = LowerBound(key);
  if (it != entries_.end() && it->first == key) return false;
  entries_.emplace(it, std::move(key), std::move(value));
  return true;
}

void ValueMap::Assign(std::string key, Value value) {
  auto it = LowerBound(key);
  if (it != entries_.end() && it->first == key) {
    it->second = std::move(value);
  } else {
    entries_.emplace(it, std::move(key), std::move(value));
  }
}

bool ValueMap::Erase(std::string_view key) {
  auto it = LowerBound(key);
  if (it == entries_.end() || it->first != key) return false;
  entries_.erase(it);
  return true;
}

bool operator==(const ValueMap& a, const ValueMap& b) { return a.entries_ == b.entries_; }

}  // namespace smith
