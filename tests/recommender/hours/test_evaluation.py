"""Open or closed at a given moment, checked by hand against a calendar (June 2024: the 3rd is a Monday)."""

from __future__ import annotations

import datetime as dt

import pytest

from recommender.hours import HolidayCalendar, Location, State, parse


def at(day: int, clock: str, month: int = 6, year: int = 2024) -> dt.datetime:
    hour, minute = map(int, clock.split(":"))
    return dt.datetime(year, month, day, hour, minute)


def test_weekdays_and_saturday_morning() -> None:
    hours = parse("Mo-Fr 08:00-18:00; Sa 09:00-12:00")
    assert hours.is_open(at(8, "11:00")) is True  # Saturday
    assert hours.is_open(at(8, "13:00")) is False
    assert hours.is_open(at(9, "11:00")) is False  # Sunday
    assert hours.is_open(at(3, "07:59")) is False
    assert hours.is_open(at(3, "08:00")) is True
    assert hours.is_open(at(3, "18:00")) is False
    assert hours.next_change(at(8, "11:00")) == at(8, "12:00")
    assert hours.next_change(at(8, "13:00")) == at(10, "08:00")


def test_a_range_past_midnight_belongs_to_the_evening_it_starts() -> None:
    hours = parse("Fr 22:00-02:00")
    assert hours.is_open(at(7, "23:00")) is True
    assert hours.is_open(at(8, "01:30")) is True
    assert hours.is_open(at(8, "02:00")) is False
    assert hours.is_open(at(7, "01:00")) is False  # Thursday night was not a Friday
    table = hours.week_table(dt.date(2024, 6, 5))
    assert [(i.start, i.end) for i in table[4].intervals] == [(at(7, "22:00"), at(8, "02:00"))]
    assert table[5].is_closed


def test_a_later_days_rule_keeps_the_night_before() -> None:
    hours = parse("Mo 22:00-02:00; Tu 12:00-14:00")
    assert hours.is_open(at(4, "01:00")) is True
    assert hours.is_open(at(4, "13:00")) is True
    assert hours.is_open(at(4, "03:00")) is False


def test_a_date_off_overrides_the_weekly_hours() -> None:
    hours = parse("Mo-Su 10:00-18:00; Dec 25 off")
    assert hours.is_open(at(25, "12:00", month=12)) is False
    assert hours.is_open(at(24, "12:00", month=12)) is True
    assert hours.next_change(at(24, "19:00", month=12)) == at(26, "10:00", month=12)


def test_closing_only_some_times_of_a_day() -> None:
    hours = parse("10:00-14:00; 12:00-14:00 off")
    assert hours.is_open(at(3, "11:00")) is True
    assert hours.is_open(at(3, "13:00")) is False


def test_semicolon_overrides_but_comma_adds() -> None:
    overriding = parse("Mo-Fr 10:00-16:00; We 12:00-18:00")
    adding = parse("Mo-Fr 10:00-16:00, We 12:00-18:00")
    assert overriding.is_open(at(5, "11:00")) is False
    assert adding.is_open(at(5, "11:00")) is True
    assert overriding.is_open(at(5, "17:00")) is adding.is_open(at(5, "17:00")) is True


def test_always_and_never() -> None:
    for value in ("24/7", "Mo-Su 00:00-24:00", "open", "24 hours 7 days a week"):
        assert parse(value).is_open(at(3, "03:00")) is True, value
        assert parse(value).next_change(at(3, "03:00")) is None, value
    for value in ("off", "closed", "always closed"):
        assert parse(value).is_open(at(3, "12:00")) is False, value
        assert parse(value).next_change(at(3, "12:00")) is None, value


def test_fallback_and_comments_are_unknown() -> None:
    hours = parse('Mo-Fr 08:00-12:00 || "by appointment"')
    assert hours.is_open(at(3, "10:00")) is True
    assert hours.is_open(at(3, "14:00")) is False
    assert hours.is_open(at(8, "10:00")) is None
    assert hours.state_at(at(8, "10:00")) == (State.UNKNOWN, "by appointment")
    assert parse('Mo 10:00-12:00 "call ahead"').is_open(at(3, "11:00")) is None


def test_open_end_is_unknown_after_the_last_known_time() -> None:
    hours = parse("Fr 10:00-18:00+")
    assert hours.is_open(at(7, "17:00")) is True
    assert hours.is_open(at(7, "19:00")) is None
    assert hours.is_open(at(7, "09:00")) is False
    assert parse("Fr 18:00+").is_open(at(7, "20:00")) is None


def test_holidays_count_only_when_their_dates_are_known() -> None:
    value = "Mo-Fr 09:00-17:00; PH off"
    monday = at(3, "10:00")
    offline = parse(value)
    assert offline.is_open(monday) is True
    assert offline.uses_holidays
    known = parse(value, holidays=HolidayCalendar(public=frozenset({monday.date()})))
    assert known.is_open(monday) is False
    assert not known.uses_holidays


def test_school_holiday_weekdays_need_both() -> None:
    calendar = HolidayCalendar(school=frozenset({dt.date(2024, 6, 3), dt.date(2024, 6, 8)}))
    hours = parse("SH Mo-Fr 10:00-12:00", holidays=calendar)
    assert hours.is_open(at(3, "11:00")) is True  # a school-holiday Monday
    assert hours.is_open(at(8, "11:00")) is False  # a school-holiday Saturday
    assert hours.is_open(at(4, "11:00")) is False  # an ordinary Tuesday


def test_month_ranges_including_over_new_year() -> None:
    season = parse("Apr-Oct: Tu-Su 10:00-18:00")
    assert season.is_open(at(2, "12:00", month=7)) is True
    assert season.is_open(at(2, "12:00", month=1)) is False
    winter = parse("Nov-Feb 10:00-16:00")
    assert winter.is_open(at(10, "12:00", month=1)) is True
    assert winter.is_open(at(1, "12:00", month=3)) is False
    assert winter.is_open(at(1, "12:00", month=12)) is True


def test_date_lists_and_ranges() -> None:
    hours = parse("10:00-18:00; Dec 24-26,31 off")
    for day, expected in ((23, True), (24, False), (26, False), (27, True), (31, False)):
        assert hours.is_open(at(day, "12:00", month=12)) is expected, day


def test_nth_weekday_of_the_month() -> None:
    first_sunday = parse("Su[1] 10:00-12:00")
    assert first_sunday.is_open(at(2, "11:00")) is True
    assert first_sunday.is_open(at(9, "11:00")) is False
    last_saturday = parse("Sa[-1] 10:00-12:00")
    assert last_saturday.is_open(at(29, "11:00")) is True
    assert last_saturday.is_open(at(22, "11:00")) is False


def test_week_numbers() -> None:
    hours = parse("week 01-53/2 Fr 10:00-12:00")
    assert dt.date(2024, 6, 7).isocalendar().week == 23
    assert hours.is_open(at(7, "11:00")) is True  # odd week 23
    assert hours.is_open(at(14, "11:00")) is False  # even week 24


def test_easter_moves_every_year() -> None:
    hours = parse("Mo-Su 10:00-18:00; easter -2 days-easter +1 day off")
    # Easter Sunday 2024 was 31 March; 2025 was 20 April.
    assert hours.is_open(dt.datetime(2024, 3, 29, 12)) is False
    assert hours.is_open(dt.datetime(2024, 4, 1, 12)) is False
    assert hours.is_open(dt.datetime(2024, 4, 2, 12)) is True
    assert hours.is_open(dt.datetime(2025, 4, 18, 12)) is False
    assert hours.is_open(dt.datetime(2025, 3, 29, 12)) is True


def test_years() -> None:
    hours = parse("2024 Mo 10:00-12:00")
    assert hours.is_open(at(3, "11:00")) is True
    assert hours.is_open(dt.datetime(2025, 6, 2, 11)) is False


def test_sunrise_and_sunset_from_the_location_or_fixed() -> None:
    summer = Location(48.2082, 16.3738, dt.timedelta(hours=2))  # Vienna, CEST
    midsummer = dt.date(2024, 6, 21)  # published: sunrise 04:53, sunset 20:58
    [interval] = parse("sunrise-sunset", location=summer).week_table(midsummer)[midsummer.weekday()].intervals
    assert abs(interval.start - dt.datetime(2024, 6, 21, 4, 53)) <= dt.timedelta(minutes=3)
    assert abs(interval.end - dt.datetime(2024, 6, 21, 20, 58)) <= dt.timedelta(minutes=3)
    winter = Location(48.2082, 16.3738, dt.timedelta(hours=1))
    dark_evening = dt.datetime(2024, 12, 21, 16, 30)
    assert parse("sunrise-sunset", location=winter).is_open(dark_evening) is False
    assert parse("sunrise-sunset", location=summer).is_open(dark_evening.replace(month=6)) is True
    fixed = parse("sunrise-sunset")
    assert fixed.is_open(dt.datetime(2024, 12, 21, 6, 30)) is True
    assert fixed.is_open(dt.datetime(2024, 12, 21, 18, 30)) is False
    offset = parse("(sunrise+01:00)-(sunset-01:00)")
    assert offset.is_open(dt.datetime(2024, 12, 21, 6, 30)) is False
    assert offset.is_open(dt.datetime(2024, 12, 21, 16, 30)) is True


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("10am-12pm,1pm-8pm", "10:00-12:00,13:00-20:00"),
        ("10-12", "10:00-12:00"),
        ("Mo 12:00 to 14:00", "Mo 12:00-14:00"),
        ("monday-friday 9.00-17.00", "Mo-Fr 09:00-17:00"),
        ("Montag-Freitag 09:00–17:00", "Mo-Fr 09:00-17:00"),
        ("lundi,vendredi 10:00-18:00", "Mo,Fr 10:00-18:00"),
        ("Mo-Fr 0900-1700", "Mo-Fr 09:00-17:00"),
        ("4-10 pm", "16:00-22:00"),
        ("Mo – Fr: 9 – 12 Uhr und Mo, Di, Do: 15 – 18 Uhr", "Mo-Fr 09:00-12:00, Mo,Tu,Th 15:00-18:00"),
        ("Sa & Su 10:00-14:00", "Sa,Su 10:00-14:00"),
        ("weekends 10:00-14:00", "Sa-Su 10:00-14:00"),
        ("daily 08:00-20:00", "Mo-Su 08:00-20:00"),
        ("lundi-vendredi 9h-12h / 14h-18h30", "Mo-Fr 09:00-12:00,14:00-18:30"),
        ("Mo-Fr 10:00-16:00/90", "Mo-Fr 10:00-16:00"),
    ],
)
def test_common_variants_mean_what_the_canonical_form_means(variant: str, canonical: str) -> None:
    read, expected = parse(variant), parse(canonical)
    start = dt.datetime(2024, 6, 3)
    for step in range(0, 7 * 24 * 4):
        moment = start + dt.timedelta(minutes=15 * step)
        assert read.is_open(moment) == expected.is_open(moment), moment


def test_aware_datetimes_keep_their_zone() -> None:
    zone = dt.timezone(dt.timedelta(hours=2))
    hours = parse("Mo-Fr 08:00-18:00")
    moment = dt.datetime(2024, 6, 3, 9, 0, tzinfo=zone)
    assert hours.is_open(moment) is True
    assert hours.next_change(moment) == dt.datetime(2024, 6, 3, 18, 0, tzinfo=zone)


def test_a_colon_after_a_date_is_a_separator_not_a_time() -> None:
    hours = parse("Dec 24,Jan 02: 18:00-22:00; Jan 20: off")
    assert hours.is_open(dt.datetime(2025, 1, 2, 19, 0)) is True
    assert hours.is_open(dt.datetime(2025, 1, 2, 12, 0)) is False
    assert hours.is_open(dt.datetime(2024, 12, 24, 21, 0)) is True
    assert hours.is_open(dt.datetime(2025, 1, 3, 19, 0)) is False
    weeks = parse("week 01,03: 00:00-24:00")
    assert weeks.is_open(dt.datetime(2025, 1, 15, 3, 0)) is True  # ISO week 3
    assert weeks.is_open(dt.datetime(2025, 1, 8, 3, 0)) is False  # ISO week 2


def test_a_year_with_a_step_repeats() -> None:
    hours = parse("2008/4 Feb 29 open")
    assert hours.is_open(dt.datetime(2012, 2, 29, 12)) is True
    assert hours.is_open(dt.datetime(2016, 2, 29, 12)) is True
    assert hours.is_open(dt.datetime(2016, 3, 1, 12)) is False


def test_new_days_with_their_own_times_start_a_new_rule() -> None:
    hours = parse("Jan 12:00-13:00 Mo 15:00-16:00")
    assert hours.is_open(at(3, "15:30")) is True  # a Monday in June: the second rule
    assert hours.is_open(at(3, "12:30")) is False  # the first rule only covers January
    assert hours.is_open(dt.datetime(2025, 1, 8, 12, 30)) is True
