// Value: the single dynamically typed value model of smith, used from storage through the
// Cypher engine to the Python binding.
//
// A Value is null, a boolean, an integer (int64), a float (double; NaN and infinities allowed), a
// string (UTF-8), bytes, a list, a map with string keys, one of the six temporal types
// (temporal.h), or -- only in query results, never stored as a property -- a Node, Relationship
// or Path.
//
// Representation (24 bytes): a type tag, and either the payload inline (null, bool, int, float,
// temporal values except Duration, strings and bytes of at most kMaxInlineString bytes) or a
// pointer to immutable, reference-counted heap storage (longer strings and bytes, lists, maps,
// durations, graph values). Copying a Value therefore never copies a container: it bumps an
// atomic reference count. Moving leaves the source null.
//
// Strings are NOT validated on construction; text entering smith is validated once at the
// boundary with utf8.h (parameters, Python objects, decoded records).
//
// Cypher semantics (=, <, ORDER BY, DISTINCT, hashing) live in value_compare.h. operator== below
// is representational identity, the notion the codecs' round trips preserve.
//
// Thread safety: a Value is immutable once built except through assignment; const Values (and
// copies sharing storage) may be read from any number of threads concurrently.
#ifndef SMITH_COMMON_VALUE_H_
#define SMITH_COMMON_VALUE_H_

#include <atomic>
#include <cassert>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/temporal.h"

namespace smith {

// The type of a Value. DO NOT RENUMBER: the values cross the Python binding and appear in
// persisted catalog entries (e.g. property type constraints).
enum class ValueType : uint8_t {
  kNull = 0,
  kBool = 1,
  kInt = 2,
  kFloat = 3,
  kString = 4,
  kBytes = 5,
  kList = 6,
  kMap = 7,
  kDate = 8,
  kLocalTime = 9,
  kTime = 10,
  kLocalDateTime = 11,
  kDateTime = 12,
  kDuration = 13,
  kNode = 14,
  kRelationship = 15,
  kPath = 16,
};

// The Cypher name of a type: "NULL", "BOOLEAN", "INTEGER", "FLOAT", "STRING", "BYTES", "LIST",
// "MAP", "DATE", "LOCAL TIME", "ZONED TIME", "LOCAL DATETIME", "ZONED DATETIME", "DURATION",
// "NODE", "RELATIONSHIP", "PATH".
std::string_view ValueTypeName(ValueType type);

// The deepest nesting of lists and maps the codecs accept (a scalar has depth 0, [[1]] depth 2).
// Bounds the decoders' recursion on corrupt input; writers reject deeper values up front.
inline constexpr int kMaxValueNestingDepth = 100;

class ValueMap;
struct Node;
struct Relationship;
struct Path;

namespace value_internal {

// Header of every heap representation; the Value's type tag says which one follows.
struct Rep {
  mutable std::atomic<int32_t> refs{1};
};

}  // namespace value_internal

class Value {
 public:
  // Strings and bytes up to this length live inside the Value without a heap allocation.
  static constexpr size_t kMaxInlineString = 16;

  // Copies, moves and destruction are inline: they run for every value a query touches, and
  // only the last release of heap storage leaves the header (DestroyRep).
  Value() noexcept = default;  // null
  Value(const Value& other) noexcept
      : type_(other.type_),
        inline_size_(other.inline_size_),
        aux_(other.aux_),
        payload_(other.payload_) {
    if (has_rep()) payload_.rep->refs.fetch_add(1, std::memory_order_relaxed);
  }
  Value(Value&& other) noexcept
      : type_(other.type_),
        inline_size_(other.inline_size_),
        aux_(other.aux_),
        payload_(other.payload_) {
    other.type_ = ValueType::kNull;
  }
  Value& operator=(const Value& other) noexcept {
    if (this != &other) {
      Value copy(other);
      *this = std::move(copy);
    }
    return *this;
  }
  Value& operator=(Value&& other) noexcept {
    if (this != &other) {
      Release();
      type_ = other.type_;
      inline_size_ = other.inline_size_;
      aux_ = other.aux_;
      payload_ = other.payload_;
      other.type_ = ValueType::kNull;
    }
    return *this;
  }
  ~Value() { Release(); }

  static Value Null() { return Value(); }
  static Value Bool(bool b);
  static Value Int(int64_t i);
  static Value Float(double d);
  // Copies `s`; no UTF-8 validation (see the file comment).
  static Value String(std::string_view s);
  static Value Bytes(std::string_view bytes);
  static Value List(std::vector<Value> items);
  static Value Map(ValueMap map);
  explicit Value(const Date& v);
  explicit Value(const LocalTime& v);
  explicit Value(const Time& v);
  explicit Value(const LocalDateTime& v);
  explicit Value(const DateTime& v);
  explicit Value(const Duration& v);
  explicit Value(Node node);
  explicit Value(Relationship relationship);
  explicit Value(Path path);

  ValueType type() const { return type_; }
  bool is_null() const { return type_ == ValueType::kNull; }
  bool is_bool() const { return type_ == ValueType::kBool; }
  bool is_int() const { return type_ == ValueType::kInt; }
  bool is_float() const { return type_ == ValueType::kFloat; }
  bool is_number() const { return is_int() || is_float(); }
  bool is_string() const { return type_ == ValueType::kString; }
  bool is_bytes() const { return type_ == ValueType::kBytes; }
  bool is_list() const { return type_ == ValueType::kList; }
  bool is_map() const { return type_ == ValueType::kMap; }
  bool is_temporal() const { return type_ >= ValueType::kDate && type_ <= ValueType::kDuration; }
  bool is_graph() const { return type_ >= ValueType::kNode; }

  // Checked accessors: calling one for another type is a programming error (asserted).
  bool AsBool() const {
    Check(ValueType::kBool);
    return payload_.b;
  }
  int64_t AsInt() const {
    Check(ValueType::kInt);
    return payload_.i;
  }
  double AsFloat() const {
    Check(ValueType::kFloat);
    return payload_.f;
  }
  // The int or float as a double (large ints round). Precondition: is_number().
  double AsNumber() const { return is_int() ? static_cast<double>(payload_.i) : AsFloat(); }
  // The view borrows from this Value (inline strings live inside it): do not keep it past the
  // Value's destruction, move or reassignment.
  std::string_view AsString() const {
    Check(ValueType::kString);
    return StringData();
  }
  std::string_view AsBytes() const {
    Check(ValueType::kBytes);
    return StringData();
  }
  const std::vector<Value>& AsList() const;
  const ValueMap& AsMap() const;
  Date AsDate() const {
    Check(ValueType::kDate);
    return Date{payload_.i};
  }
  LocalTime AsLocalTime() const {
    Check(ValueType::kLocalTime);
    return LocalTime{payload_.i};
  }
  Time AsTime() const {
    Check(ValueType::kTime);
    return Time{payload_.i, aux_};
  }
  LocalDateTime AsLocalDateTime() const {
    Check(ValueType::kLocalDateTime);
    return LocalDateTime{payload_.i, aux_};
  }
  DateTime AsDateTime() const {
    Check(ValueType::kDateTime);
    return DateTime{payload_.dt.seconds, aux_, payload_.dt.offset, payload_.dt.zone};
  }
  const Duration& AsDuration() const;
  const Node& AsNode() const;
  const Relationship& AsRelationship() const;
  const Path& AsPath() const;

  // A Cypher-literal rendering as the TCK and Neo4j's shell show values: null, true, 42, 1.0,
  // NaN, -Infinity, 1.0E20, 'it\'s' (strings always single-quoted and escaped), [1, 'a'],
  // {a: 1, `b c`: 'x'}, temporal values in their ISO form (2015-07-21), bytes as 0x0a1b,
  // (:Label {k: 1}), [:TYPE {k: 1}], <(:A)-[:T]->(:B)>.
  std::string ToString() const;
  void AppendTo(std::string* out) const;

  // Representational identity: same type and same representation. An int never equals a float,
  // NaN equals NaN with the same bits, 0.0 differs from -0.0. For Cypher's = use Equals().
  friend bool operator==(const Value& a, const Value& b);

 private:
  void Check([[maybe_unused]] ValueType expected) const { assert(type_ == expected); }
  // inline_size_ of a string or bytes value whose characters are on the heap.
  static constexpr uint8_t kHeapString = 0xFF;
  bool has_rep() const {
    switch (type_) {
      case ValueType::kString:
      case ValueType::kBytes:
        return inline_size_ == kHeapString;
      case ValueType::kList:
      case ValueType::kMap:
      case ValueType::kDuration:
      case ValueType::kNode:
      case ValueType::kRelationship:
      case ValueType::kPath:
        return true;
      default:
        return false;
    }
  }
  void Release() noexcept {
    if (has_rep() && payload_.rep->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      DestroyRep();
    }
  }
  // Frees the heap storage of a value whose reference count reached zero.
  void DestroyRep() const noexcept;
  std::string_view StringData() const;
  void SetString(ValueType type, std::string_view s);
  template <typename T>
  const T& RepAs() const;

  ValueType type_ = ValueType::kNull;
  uint8_t inline_size_ = 0;  // length of an inline string or bytes
  int32_t aux_ = 0;          // nanos of (Local)DateTime, offset of Time
  union Payload {
    int64_t i;
    double f;
    bool b;
    const value_internal::Rep* rep;
    char chars[kMaxInlineString];
    struct {
      int64_t seconds;
      int32_t offset;
      TimeZoneId zone;
    } dt;
  } payload_{.i = 0};
};

static_assert(sizeof(Value) == 24, "Value must stay at 24 bytes");

// A map from string keys to Values whose iteration order is ascending by key (byte order, which
// for UTF-8 is code point order). Stored as a sorted vector of pairs: lookups are binary
// searches, inserts and erases are O(n) -- right for the small maps of property records and
// Cypher map literals. Keys are unique.
class ValueMap {
 public:
  using Entry = std::pair<std::string, Value>;
  using const_iterator = std::vector<Entry>::const_iterator;

  ValueMap() = default;
  // Later duplicates of a key replace earlier ones.
  ValueMap(std::initializer_list<Entry> entries);
  // Sorts `entries`; for duplicate keys the last one wins.
  static ValueMap FromEntries(std::vector<Entry> entries);
  // For decoders: `entries` must already be strictly ascending by key (asserted in debug builds).
  static ValueMap FromSortedUnique(std::vector<Entry> entries);

  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  const_iterator begin() const { return entries_.begin(); }
  const_iterator end() const { return entries_.end(); }
  const Entry& at_index(size_t i) const { return entries_[i]; }

  // The value stored under `key`, or nullptr. The pointer is valid until the map is modified.
  const Value* Find(std::string_view key) const;
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }
  // Adds `key` if absent; returns false (and changes nothing) if it is present.
  bool Insert(std::string key, Value value);
  // Sets `key` to `value`, replacing any previous value.
  void Assign(std::string key, Value value);
  // Removes `key`; returns whether it was present.
  bool Erase(std::string_view key);
  void Reserve(size_t n) { entries_.reserve(n); }
  void Clear() { entries_.clear(); }

  friend bool operator==(const ValueMap& a, const ValueMap& b);

 private:
  std::vector<Entry>::iterator LowerBound(std::string_view key);
  std::vector<Entry> entries_;
};

// A node as returned by a query: its id, labels and properties at the time it was read.
struct Node {
  int64_t id = 0;
  std::vector<std::string> labels;
  ValueMap properties;
  friend bool operator==(const Node&, const Node&) = default;
};

// A relationship as returned by a query.
struct Relationship {
  int64_t id = 0;
  std::string type;
  int64_t start_id = 0;
  int64_t end_id = 0;
  ValueMap properties;
  friend bool operator==(const Relationship&, const Relationship&) = default;
};

// A path: nodes[0], relationships[0], nodes[1], ..., nodes[n]. Invariant: nodes.size() ==
// relationships.size() + 1, and relationships[i] connects nodes[i] and nodes[i + 1] in either
// direction.
struct Path {
  std::vector<Node> nodes;
  std::vector<Relationship> relationships;
  friend bool operator==(const Path&, const Path&) = default;
};

}  // namespace smith

#endif  // SMITH_COMMON_VALUE_H_
