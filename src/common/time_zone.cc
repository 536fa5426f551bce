#include "common/time_zone.h"

#include <absl/time/civil_time.h>
#include <absl/time/time.h>

#include <array>
#include <atomic>
#include <cassert>
#include <map>
#include <mutex>
#include <string>

namespace smith {
namespace {

// Far more than the ~600 zones and links of the tz database; only names that load are interned.
constexpr size_t kMaxZones = 4096;

struct ZoneEntry {
  std::string name;
  absl::TimeZone tz;
};

// Entries are published once through an atomic pointer and never freed, so readers need no lock.
class Registry {
 public:
  Result<TimeZoneId> Find(std::string_view name) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = by_name_.find(name);
    if (it != by_name_.end()) return it->second;
    if (!IsPlausibleName(name)) return UnknownZone(name);
    absl::TimeZone tz;
    if (!absl::LoadTimeZone(std::string(name), &tz)) return UnknownZone(name);
    if (count_ == kMaxZones) return Status::Internal("too many distinct time zones in use");
    auto* entry = new ZoneEntry{std::string(name), tz};
    const TimeZoneId id = count_++;
    entries_[id].store(entry, std::memory_order_release);
    by_name_.emplace(entry->name, id);
    return id;
  }

  const ZoneEntry* Get(TimeZoneId id) const {
    assert(id != kNoTimeZone && id < kMaxZones);
    const ZoneEntry* entry = entries_[id].load(std::memory_order_acquire);
    assert(entry != nullptr);
    return entry;
  }

 private:
  // Keeps the loader to tz database names: no absolute or parent paths, no "localtime", and none
  // of cctz's own "Fixed/UTC+hh:mm:ss" spellings (fixed offsets are a separate DateTime form).
  static bool IsPlausibleName(std::string_view name) {
    if (name.empty() || name.size() > 64 || name.front() == '/' || name.back() == '/') return false;
    if (name.find("..") != std::string_view::npos || name == "localtime") return false;
    if (name.substr(0, 6) == "Fixed/") return false;
    for (char c : name) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '/' || c == '_' || c == '-' || c == '+';
      if (!ok) return false;
    }
    return true;
  }

  static Status UnknownZone(std::string_view name) {
    std::string msg = "unknown time zone '";
    msg.append(name);
    msg += "' (expected a tz database name such as 'Europe/Stockholm')";
    return Status::InvalidArgument(msg);
  }

  std::mutex mu_;
  std::map<std::string, TimeZoneId, std::less<>> by_name_;
  TimeZoneId count_ = 1;  // id 0 is kNoTimeZone
  std::array<std::atomic<const ZoneEntry*>, kMaxZones> entries_{};
};

Registry& GetRegistry() {
  static Registry* registry = new Registry();  // never destroyed: ids outlive static destructors
  return *registry;
}

absl::CivilSecond CivilFromLocalSeconds(int64_t local_seconds) {
  return absl::CivilSecond(1970, 1, 1, 0, 0, 0) + local_seconds;
}

int32_t OffsetOf(int64_t local_seconds, absl::Time t) {
  return static_cast<int32_t>(local_seconds - absl::ToUnixSeconds(t));
}

}  // namespace

Result<TimeZoneId> FindTimeZone(std::string_view name) {
  // Most threads see the same one or two zones over and over; skip the mutex for the last one.
  thread_local TimeZoneId last_id = kNoTimeZone;
  thread_local std::string last_name;
  if (last_id != kNoTimeZone && name == last_name) return last_id;
  Result<TimeZoneId> id = GetRegistry().Find(name);
  if (id.ok()) {
    last_id = *id;
    last_name.assign(name);
  }
  return id;
}

std::string_view TimeZoneName(TimeZoneId id) {
  if (id == kNoTimeZone) return "";
  return GetRegistry().Get(id)->name;
}

int32_t TimeZoneOffsetAt(TimeZoneId id, int64_t utc_seconds) {
  const ZoneEntry* entry = GetRegistry().Get(id);
  return entry->tz.At(absl::FromUnixSeconds(utc_seconds)).offset;
}

LocalTimeOffsets TimeZoneOffsetsForLocal(TimeZoneId id, int64_t local_seconds) {
  const ZoneEntry* entry = GetRegistry().Get(id);
  const absl::TimeZone::TimeInfo info = entry->tz.At(CivilFromLocalSeconds(local_seconds));
  LocalTimeOffsets result;
  result.first = OffsetOf(local_seconds, info.pre);
  result.second = result.first;
  switch (info.kind) {
    case absl::TimeZone::TimeInfo::UNIQUE:
      break;
    case absl::TimeZone::TimeInfo::SKIPPED:
      result.skipped = true;
      break;
    case absl::TimeZone::TimeInfo::REPEATED:
      result.second = OffsetOf(local_seconds, info.post);
      break;
  }
  return result;
}

}  // namespace smith
