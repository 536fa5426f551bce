// ISO 8601 parsing of the temporal types, following the forms Neo4j 5 accepts.
#include <cstdlib>
#include <optional>

#include "common/int128.h"
#include "common/temporal.h"

namespace smith {
namespace {

// A read position over the input text. Parse errors name the kind of value, the whole text and
// the offending position.
class Cursor {
 public:
  Cursor(std::string_view text, std::string_view kind) : text_(text), kind_(kind) {}

  bool done() const { return pos_ >= text_.size(); }
  size_t pos() const { return pos_; }
  char peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  bool Consume(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  // Consumes `c` in either case.
  bool ConsumeLetter(char upper) {
    return Consume(upper) || Consume(static_cast<char>(upper - 'A' + 'a'));
  }
  size_t CountDigits() const {
    size_t n = 0;
    while (pos_ + n < text_.size() && IsDigit(text_[pos_ + n])) ++n;
    return n;
  }
  // Reads exactly `n` digits.
  bool Digits(size_t n, int64_t* out) {
    if (pos_ + n > text_.size()) return false;
    int64_t v = 0;
    for (size_t i = 0; i < n; ++i) {
      const char c = text_[pos_ + i];
      if (!IsDigit(c)) return false;
      v = v * 10 + (c - '0');
    }
    pos_ += n;
    *out = v;
    return true;
  }
  std::string_view Rest() const { return text_.substr(pos_); }
  void Skip(size_t n) { pos_ += n; }

  Status Error(std::string_view why) const {
    std::string msg = "cannot parse '";
    msg.append(text_);
    msg += "' as a ";
    msg.append(kind_);
    msg += ": ";
    msg.append(why);
    if (!done()) {
      msg += " at offset ";
      msg += std::to_string(pos_);
    }
    return Status::InvalidArgument(msg);
  }
  // Wraps a range or calendar error from a factory with the text being parsed.
  Status Wrap(const Status& s) const {
    std::string msg = "cannot parse '";
    msg.append(text_);
    msg += "' as a ";
    msg.append(kind_);
    msg += ": ";
    msg.append(s.message());
    return Status(s.code(), msg);
  }

  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }

 private:
  std::string_view text_;
  std::string_view kind_;
  size_t pos_ = 0;
};

int64_t IsoWeekday(int64_t days) {  // Monday = 1 .. Sunday = 7; 1970-01-01 was a Thursday
  int64_t m = (days + 3) % 7;
  if (m < 0) m += 7;
  return m + 1;
}

int64_t IsoWeeksInYear(int64_t year) {
  const int64_t jan1 = IsoWeekday(DaysFromCivil(year, 1, 1));
  return (jan1 == 4 || (jan1 == 3 && IsLeapYear(year))) ? 53 : 52;
}

Status ParseDatePart(Cursor& c, Date* out) {
  int64_t year = 0;
  bool four_digit_year = false;
  if (c.peek() == '+' || c.peek() == '-') {
    const bool negative = c.peek() == '-';
    c.Skip(1);
    const size_t n = c.CountDigits();
    if (n < 1 || n > 9) return c.Error("expected 1 to 9 year digits after the sign");
    if (!c.Digits(n, &year)) return c.Error("expected year digits");
    if (negative) year = -year;
  } else {
    if (!c.Digits(4, &year)) return c.Error("expected a four-digit year");
    four_digit_year = true;
  }
  int64_t month = 1, day = 1;
  Result<Date> date = Status::Internal("unset");
  const bool extended = c.Consume('-');
  if (!extended && !four_digit_year && !(c.done() || c.peek() == 'T')) {
    return c.Error("a signed year needs the extended format (+YYYYY-MM-DD)");
  }
  if (c.peek() == 'W') {
    c.Skip(1);
    int64_t week = 0, weekday = 1;
    if (!c.Digits(2, &week)) return c.Error("expected a two-digit week");
    if (extended ? c.Consume('-') : Cursor::IsDigit(c.peek())) {
      if (!c.Digits(1, &weekday)) return c.Error("expected a one-digit day of week");
    }
    if (year < kMinYear || year > kMaxYear) return c.Error("year out of range");
    if (week < 1 || week > IsoWeeksInYear(year)) return c.Error("week of year out of range");
    if (weekday < 1 || weekday > 7) return c.Error("day of week outside 1..7");
    const int64_t jan4 = DaysFromCivil(year, 1, 4);
    const int64_t monday_week1 = jan4 - (IsoWeekday(jan4) - 1);
    *out = Date{monday_week1 + (week - 1) * 7 + (weekday - 1)};
    if (!out->IsValid()) return c.Error("date out of range");
    return Status::OK();
  }
  const size_t digits = c.CountDigits();
  if (!extended && digits == 0) {
    date = Date::FromCivil(year, 1, 1);
  } else if (digits == 3) {
    int64_t ordinal = 0;
    if (!c.Digits(3, &ordinal)) return c.Error("expected a day of year");
    if (year < kMinYear || year > kMaxYear) return c.Error("year out of range");
    if (ordinal < 1 || ordinal > (IsLeapYear(year) ? 366 : 365)) {
      return c.Error("day of year out of range");
    }
    *out = Date{DaysFromCivil(year, 1, 1) + ordinal - 1};
    if (!out->IsValid()) return c.Error("date out of range");
    return Status::OK();
  } else if (digits == 2 || (!extended && digits == 4)) {
    c.Digits(2, &month);
    if (extended ? c.Consume('-') : digits == 4) {
      if (!c.Digits(2, &day)) return c.Error("expected a two-digit day");
    }
    date = Date::FromCivil(year, static_cast<int32_t>(month), static_cast<int32_t>(day));
  } else {
    return c.Error("expected a month (MM), a week (Www) or a day of year (DDD)");
  }
  if (!date.ok()) return c.Wrap(date.status());
  *out = *date;
  return Status::OK();
}

Status ParseTimePart(Cursor& c, int64_t* nanos_of_day) {
  int64_t hour = 0, minute = 0, second = 0, fraction = 0;
  if (!c.Digits(2, &hour)) return c.Error("expected a two-digit hour");
  const bool extended = c.peek() == ':';
  bool has_seconds = false;
  if (extended ? c.Consume(':') : c.CountDigits() >= 2) {
    if (!c.Digits(2, &minute)) return c.Error("expected two-digit minutes");
    if (extended ? c.Consume(':') : c.CountDigits() >= 2) {
      if (!c.Digits(2, &second)) return c.Error("expected two-digit seconds");
      has_seconds = true;
    }
  }
  if (has_seconds && (c.peek() == '.' || c.peek() == ',')) {
    c.Skip(1);
    const size_t n = c.CountDigits();
    if (n == 0) return c.Error("expected fraction digits");
    if (n > 9) return c.Error("more than nine fraction digits");
    c.Digits(n, &fraction);
    for (size_t i = n; i < 9; ++i) fraction *= 10;
  }
  Result<LocalTime> t =
      LocalTime::FromParts(static_cast<int32_t>(hour), static_cast<int32_t>(minute),
                           static_cast<int32_t>(second), fraction);
  if (!t.ok()) return c.Wrap(t.status());
  *nanos_of_day = t->nanos;
  return Status::OK();
}

// Parses Z, +hh, +hhmm, +hh:mm, +hhmmss, +hh:mm:ss if present.
Status ParseOffset(Cursor& c, std::optional<int32_t>* offset) {
  if (c.ConsumeLetter('Z')) {
    *offset = 0;
    return Status::OK();
  }
  if (c.peek() != '+' && c.peek() != '-') return Status::OK();
  const bool negative = c.peek() == '-';
  c.Skip(1);
  int64_t h = 0, m = 0, s = 0;
  if (!c.Digits(2, &h)) return c.Error("expected a two-digit offset hour");
  const bool extended = c.peek() == ':';
  if (extended ? c.Consume(':') : c.CountDigits() >= 2) {
    if (!c.Digits(2, &m)) return c.Error("expected two-digit offset minutes");
    if (extended ? c.Consume(':') : c.CountDigits() >= 2) {
      if (!c.Digits(2, &s)) return c.Error("expected two-digit offset seconds");
    }
  }
  if (m > 59 || s > 59) return c.Error("offset minutes or seconds out of range");
  const int64_t total = h * 3600 + m * 60 + s;
  if (total > kMaxOffsetSeconds) return c.Error("offset outside -18:00..+18:00");
  *offset = static_cast<int32_t>(negative ? -total : total);
  return Status::OK();
}

Status ParseZoneName(Cursor& c, TimeZoneId* zone) {
  if (!c.Consume('[')) return Status::OK();
  const std::string_view rest = c.Rest();
  const size_t close = rest.find(']');
  if (close == std::string_view::npos) return c.Error("expected ']' after the zone name");
  Result<TimeZoneId> id = FindTimeZone(rest.substr(0, close));
  if (!id.ok()) return c.Wrap(id.status());
  *zone = *id;
  c.Skip(close + 1);
  return Status::OK();
}

Status ExpectEnd(const Cursor& c) {
  if (c.done()) return Status::OK();
  return c.Error("unexpected trailing text");
}

Status ParseLocalDateTimePart(Cursor& c, LocalDateTime* out) {
  Date date;
  SMITH_RETURN_IF_ERROR(ParseDatePart(c, &date));
  int64_t nanos_of_day = 0;
  if (c.ConsumeLetter('T')) SMITH_RETURN_IF_ERROR(ParseTimePart(c, &nanos_of_day));
  Result<LocalDateTime> ldt = LocalDateTime::FromParts(date, LocalTime{nanos_of_day});
  if (!ldt.ok()) return c.Wrap(ldt.status());
  *out = *ldt;
  return Status::OK();
}

// ---- Duration ----

// Numbers in a duration: sign, integer digits and up to nine fraction digits scaled to 1e-9.
struct DurationNumber {
  int128 integer = 0;
  int128 nanos_fraction = 0;  // fraction * 1e9, in 0..999999999
  bool negative = false;
};

Status ParseDurationNumber(Cursor& c, DurationNumber* n) {
  n->negative = c.Consume('-');
  if (!n->negative) c.Consume('+');
  const size_t digits = c.CountDigits();
  if (digits == 0) return c.Error("expected a number");
  if (digits > 19) return c.Error("number too large");
  int64_t part = 0;
  for (size_t i = 0; i < digits; ++i) {
    c.Digits(1, &part);
    n->integer = n->integer * 10 + part;
  }
  if (c.peek() == '.' || c.peek() == ',') {
    c.Skip(1);
    const size_t f = c.CountDigits();
    if (f == 0) return c.Error("expected fraction digits");
    if (f > 9) return c.Error("more than nine fraction digits");
    int64_t fraction = 0;
    c.Digits(f, &fraction);
    for (size_t i = f; i < 9; ++i) fraction *= 10;
    n->nanos_fraction = fraction;
  }
  return Status::OK();
}

struct DurationAccumulator {
  int128 months = 0;
  int128 days = 0;
  int128 date_fraction_nanos = 0;  // fractions of months, weeks and days
  int128 time_nanos = 0;

  void Add(const DurationNumber& n, char unit, bool time_part) {
    const int128 sign = n.negative ? -1 : 1;
    const int128 i = n.integer * sign;
    const int128 f = n.nanos_fraction * sign;  // fraction in units of 1e-9
    if (!time_part) {
      switch (unit) {
        case 'Y':
          months += i * 12;
          months += f * 12 / kNanosPerSecond;
          date_fraction_nanos += f * 12 % kNanosPerSecond * kAverageSecondsPerMonth;
          return;
        case 'M':
          months += i;
          date_fraction_nanos += f * kAverageSecondsPerMonth;
          return;
        case 'W':
          days += i * 7;
          days += f * 7 / kNanosPerSecond;
          date_fraction_nanos += f * 7 % kNanosPerSecond * kSecondsPerDay;
          return;
        default:  // 'D'
          days += i;
          date_fraction_nanos += f * kSecondsPerDay;
          return;
      }
    }
    const int64_t unit_seconds = unit == 'H' ? 3600 : unit == 'M' ? 60 : 1;
    time_nanos += (i * kNanosPerSecond + f) * unit_seconds;
  }

  Result<Duration> Finish(bool negate) const {
    int128 m = months, d = days + date_fraction_nanos / kNanosPerDay;
    int128 t = time_nanos + date_fraction_nanos % kNanosPerDay;
    if (negate) {
      m = -m;
      d = -d;
      t = -t;
    }
    const int128 s = t / kNanosPerSecond;
    const int128 kMax = INT64_MAX, kMin = INT64_MIN;
    if (m > kMax || m < kMin || d > kMax || d < kMin || s > kMax || s < kMin) {
      return Status::InvalidArgument("duration out of range");
    }
    return Duration::Make(static_cast<int64_t>(m), static_cast<int64_t>(d), static_cast<int64_t>(s),
                          static_cast<int64_t>(t % kNanosPerSecond));
  }
};

// The alternative form P<YYYY-MM-DD>T<hh:mm:ss.f>, after the 'P'.
Result<Duration> ParseAlternativeDuration(Cursor& c, bool negate) {
  int64_t y = 0, mo = 0, d = 0;
  if (!c.Digits(4, &y) || !c.Consume('-') || !c.Digits(2, &mo) || !c.Consume('-') ||
      !c.Digits(2, &d)) {
    return c.Error("expected YYYY-MM-DD");
  }
  if (mo > 12 || d > 30) return c.Error("months or days out of range");
  int64_t h = 0, mi = 0, s = 0, fraction = 0;
  if (c.ConsumeLetter('T')) {
    if (!c.Digits(2, &h) || !c.Consume(':') || !c.Digits(2, &mi)) {
      return c.Error("expected hh:mm");
    }
    if (c.Consume(':')) {
      if (!c.Digits(2, &s)) return c.Error("expected two-digit seconds");
      if (c.peek() == '.' || c.peek() == ',') {
        c.Skip(1);
        const size_t n = c.CountDigits();
        if (n == 0 || n > 9) return c.Error("expected one to nine fraction digits");
        c.Digits(n, &fraction);
        for (size_t i = n; i < 9; ++i) fraction *= 10;
      }
    }
    if (h > 23 || mi > 59 || s > 59) return c.Error("time out of range");
  }
  SMITH_RETURN_IF_ERROR(ExpectEnd(c));
  const int64_t sign = negate ? -1 : 1;
  return Duration::Make(sign * (y * 12 + mo), sign * d, sign * (h * 3600 + mi * 60 + s),
                        sign * fraction);
}

}  // namespace

Result<Date> Date::Parse(std::string_view text) {
  Cursor c(text, "date");
  Date date;
  SMITH_RETURN_IF_ERROR(ParseDatePart(c, &date));
  SMITH_RETURN_IF_ERROR(ExpectEnd(c));
  return date;
}

Result<LocalTime> LocalTime::Parse(std::string_view text) {
  Cursor c(text, "local time");
  int64_t nanos = 0;
  SMITH_RETURN_IF_ERROR(ParseTimePart(c, &nanos));
  SMITH_RETURN_IF_ERROR(ExpectEnd(c));
  return LocalTime{nanos};
}

Result<Time> Time::Parse(std::string_view text) {
  Cursor c(text, "time");
  int64_t nanos = 0;
  SMITH_RETURN_IF_ERROR(ParseTimePart(c, &nanos));
  std::optional<int32_t> offset;
  SMITH_RETURN_IF_ERROR(ParseOffset(c, &offset));
  SMITH_RETURN_IF_ERROR(ExpectEnd(c));
  return Time{nanos, offset.value_or(0)};
}

Result<LocalDateTime> LocalDateTime::Parse(std::string_view text) {
  Cursor c(text, "local datetime");
  LocalDateTime ldt;
  SMITH_RETURN_IF_ERROR(ParseLocalDateTimePart(c, &ldt));
  SMITH_RETURN_IF_ERROR(ExpectEnd(c));
  return ldt;
}

Result<DateTime> DateTime::Parse(std::string_view text) {
  Cursor c(text, "datetime");
  LocalDateTime local;
  SMITH_RETURN_IF_ERROR(ParseLocalDateTimePart(c, &local));
  std::optional<int32_t> offset;
  SMITH_RETURN_IF_ERROR(ParseOffset(c, &offset));
  TimeZoneId zone = kNoTimeZone;
  SMITH_RETURN_IF_ERROR(ParseZoneName(c, &zone));
  SMITH_RETURN_IF_ERROR(ExpectEnd(c));
  Result<DateTime> result = Status::Internal("unset");
  if (zone == kNoTimeZone) {
    result = DateTime::FromLocal(local, offset.value_or(0));
  } else if (!offset.has_value()) {
    result = DateTime::FromLocalInZone(local, zone);
  } else {
    result = DateTime::FromLocal(local, *offset);
    if (result.ok()) {
      result = DateTime::FromInstantInZone(result->seconds, result->nanos, zone);
      if (result.ok() && result->offset_seconds != *offset) {
        std::string given;
        AppendOffset(*offset, &given);
        return c.Error("offset " + given + " does not match time zone " +
                       std::string(TimeZoneName(zone)) + " at that time");
      }
    }
  }
  if (!result.ok()) return c.Wrap(result.status());
  return result;
}

Result<Duration> Duration::Parse(std::string_view text) {
  Cursor c(text, "duration");
  const bool negate = c.Consume('-');
  if (!negate) c.Consume('+');
  if (!c.ConsumeLetter('P')) return c.Error("expected 'P'");
  if (c.CountDigits() == 4 && c.peek(4) == '-') return ParseAlternativeDuration(c, negate);
  static constexpr char kDateUnits[] = {'Y', 'M', 'W', 'D'};
  static constexpr char kTimeUnits[] = {'H', 'M', 'S'};
  DurationAccumulator acc;
  size_t next_unit = 0;
  bool any = false;
  bool time_part = false;
  while (!c.done()) {
    if (!time_part && c.ConsumeLetter('T')) {
      time_part = true;
      next_unit = 0;
      if (c.done()) return c.Error("expected a time component after 'T'");
      continue;
    }
    DurationNumber n;
    SMITH_RETURN_IF_ERROR(ParseDurationNumber(c, &n));
    const char* units = time_part ? kTimeUnits : kDateUnits;
    const size_t unit_count = time_part ? sizeof(kTimeUnits) : sizeof(kDateUnits);
    size_t u = next_unit;
    while (u < unit_count && !c.ConsumeLetter(units[u])) ++u;
    if (u == unit_count) {
      return c.Error(time_part ? "expected H, M or S in order" : "expected Y, M, W or D in order");
    }
    acc.Add(n, units[u], time_part);
    next_unit = u + 1;
    any = true;
  }
  if (!any) return c.Error("expected at least one component");
  Result<Duration> d = acc.Finish(negate);
  if (!d.ok()) return c.Wrap(d.status());
  return d;
}

Result<ZoneSpec> ParseZoneSpec(std::string_view text) {
  Cursor c(text, "time zone");
  if (!text.empty() && (text[0] == '+' || text[0] == '-' || text == "Z" || text == "z")) {
    std::optional<int32_t> offset;
    SMITH_RETURN_IF_ERROR(ParseOffset(c, &offset));
    SMITH_RETURN_IF_ERROR(ExpectEnd(c));
    return ZoneSpec{offset.value_or(0), kNoTimeZone};
  }
  Result<TimeZoneId> zone = FindTimeZone(text);
  if (!zone.ok()) return zone.status();
  return ZoneSpec{0, *zone};
}

}  // namespace smith
