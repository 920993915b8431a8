// Fuzzes work calendars (docs/time.md): the bytes as a national calendar, and as a local
// layer over the embedded one. What loads is asked about working days across its years.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "jianzheng/error.hpp"
#include "jianzheng/work_calendar.hpp"

namespace {

void ask(const jianzheng::WorkCalendar& cal) {
  for (int year : cal.covered_years()) {
    const jianzheng::Date d = jianzheng::Date::from_ymd(year, 1, 1);
    (void)cal.is_working_day(d);
    (void)cal.status(d);
    try {
      (void)cal.add_working_days(d, 30);
      (void)cal.working_days_between(d, jianzheng::Date::from_ymd(year, 12, 31));
    } catch (const jianzheng::Error&) {  // date_not_covered past the last year
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    ask(jianzheng::WorkCalendar::from_json(text, "<fuzz>"));
  } catch (const jianzheng::Error&) {
  }
  try {
    ask(jianzheng::WorkCalendar::embedded_default().with_layer(text, "<fuzz>"));
  } catch (const jianzheng::Error&) {
  }
  return 0;
}
