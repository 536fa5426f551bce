// On-disk naming of a smith database directory: column families, the format marker and the lock
// file. Everything here is part of the storage format (docs/storage-format.md); changing any of it
// requires a new format version.
#ifndef SMITH_STORAGE_FORMAT_H_
#define SMITH_STORAGE_FORMAT_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace smith::storage {

// The column families of a smith database.
// DO NOT RENUMBER OR REORDER: FamilyName() derives the on-disk column family names from these
// values, and StorageOptions arrays are indexed by them.
enum class Family : uint8_t {
  kMeta,     // format version, id counters, token dictionaries, catalog. Small records.
  kNode,     // node id -> node record (point lookups).
  kRel,      // relationship id -> relationship record (point lookups).
  kAdj,      // adjacency entries (prefix scans by node id).
  kLabel,    // (label id, node id) (prefix scans by label).
  kRelType,  // (type id, relationship id) (prefix scans by type).
  kUnique,   // (constraint id, key tuple) -> node id (point lookups).
  kIndex,    // (index id, value, element id) (range scans).
};
inline constexpr int kFamilyCount = 8;

// All families in enum order, for loops.
inline constexpr std::array<Family, kFamilyCount> kAllFamilies = {
    Family::kMeta,  Family::kNode,    Family::kRel,    Family::kAdj,
    Family::kLabel, Family::kRelType, Family::kUnique, Family::kIndex,
};

inline constexpr int FamilyIndex(Family f) { return static_cast<int>(f); }

// The RocksDB column family name of `f`: "meta", "node", "rel", "adj", "label", "reltype",
// "unique", "index". The meta family is a named family, not RocksDB's "default" family; "default"
// exists in every RocksDB database and smith leaves it empty.
inline constexpr std::string_view FamilyName(Family f) {
  constexpr std::array<std::string_view, kFamilyCount> kNames = {
      "meta", "node", "rel", "adj", "label", "reltype", "unique", "index"};
  return kNames[FamilyIndex(f)];
}

// The family whose FamilyName() is `name`, or nullopt (e.g. for RocksDB's "default").
inline constexpr std::optional<Family> FamilyFromName(std::string_view name) {
  for (Family f : kAllFamilies) {
    if (FamilyName(f) == name) return f;
  }
  return std::nullopt;
}

// The storage format this build reads and writes. A database records its version in the meta
// family under kFormatVersionKey as a 4-byte big-endian unsigned integer, written when the
// database is created. Engine::Open refuses any other version with kIncompatibleFormat.
inline constexpr uint32_t kFormatVersion = 1;
inline constexpr std::string_view kFormatVersionKey = "format_version";

// The process lock file inside the database directory. While a process has the database open it
// holds an exclusive flock() on this file and the file contains that process's pid in decimal
// followed by "\n". The file is left in place (emptied) when the database is closed.
inline constexpr std::string_view kLockFileName = "smith.lock";

}  // namespace smith::storage

#endif  // SMITH_STORAGE_FORMAT_H_
