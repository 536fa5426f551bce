// Named time zones ("Europe/Stockholm") from the system tz database.
//
// Zone rules come from the TZif files in /usr/share/zoneinfo (Debian package tzdata), read through
// Abseil's time zone library (cctz), which also applies each file's POSIX-TZ footer so that
// daylight-saving rules hold for instants after the last listed transition. Why this library:
// docs/adr/0004-temporal-and-time-zones.md.
//
// A zone is named by a TimeZoneId: a small, process-local number handed out by FindTimeZone() the
// first time a name is seen. Ids are never reused or released and are NOT stable across processes,
// so anything persisted (records, index keys) stores the zone's name, never its id.
//
// Thread safety: every function may be called from any thread. Looking up a name takes a mutex
// the first time a thread sees it; the other functions read immutable data without locking.
#ifndef SMITH_COMMON_TIME_ZONE_H_
#define SMITH_COMMON_TIME_ZONE_H_

#include <cstdint>
#include <string_view>

#include "common/result.h"

namespace smith {

using TimeZoneId = uint32_t;
// "No named zone": a DateTime carrying only a fixed UTC offset.
inline constexpr TimeZoneId kNoTimeZone = 0;

// The id of the tz database zone `name` (case-sensitive, e.g. "America/New_York", "UTC").
// InvalidArgument naming `name` if it is not a zone of the installed tz database.
Result<TimeZoneId> FindTimeZone(std::string_view name);

// The name `id` was found under. Precondition: `id` came from FindTimeZone (asserted); returns ""
// for kNoTimeZone. The view stays valid for the life of the process.
std::string_view TimeZoneName(TimeZoneId id);

// The UTC offset in seconds (east positive) in effect in zone `id` at the UTC instant
// `utc_seconds` (seconds since 1970-01-01T00:00Z). Precondition: id != kNoTimeZone.
int32_t TimeZoneOffsetAt(TimeZoneId id, int64_t utc_seconds);

// How the wall-clock time `local_seconds` (seconds since 1970-01-01T00:00 local) maps onto
// instants in a zone. Convert with `utc = local_seconds - offset`, then read the offset in effect
// at `utc` with TimeZoneOffsetAt.
struct LocalTimeOffsets {
  // The offset to use by default, following java.time and Neo4j: the only offset for a unique
  // local time, the earlier one (the offset before the transition) for a repeated local time, and
  // the offset before the transition for a skipped one, which moves the time forward by the
  // length of the gap.
  int32_t first = 0;
  // The later offset of a repeated (ambiguous) local time; equal to `first` otherwise.
  int32_t second = 0;
  // True if the local time does not exist (it falls into a gap such as a spring-forward hour).
  bool skipped = false;
};
LocalTimeOffsets TimeZoneOffsetsForLocal(TimeZoneId id, int64_t local_seconds);

}  // namespace smith

#endif  // SMITH_COMMON_TIME_ZONE_H_
