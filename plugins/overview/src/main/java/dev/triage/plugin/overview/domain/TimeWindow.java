package dev.triage.plugin.overview.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A time-of-day window on some days of the week in a time zone, such as 08:00-20:00 MON-FRI Europe/Paris; a window whose end is
 * before its start runs over midnight (22:00-06:00), and belongs to the day it starts on.
 *
 * @param from the start, inclusive
 * @param to the end, exclusive
 * @param days the days
 * @param zone the time zone
 */
public record TimeWindow(LocalTime from, LocalTime to, Set<DayOfWeek> days, ZoneId zone) {

    /** Copies the days. */
    public TimeWindow {
        days = days == null || days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
        zone = zone == null ? ZoneId.of("UTC") : zone;
    }

    /**
     * Parses a window.
     *
     * @param hours {@code HH:mm-HH:mm}
     * @param dayList {@code MON-FRI}, {@code SAT,SUN} or null for every day
     * @param zone a zone id or null for UTC
     * @return the window
     */
    public static TimeWindow parse(String hours, String dayList, String zone) {
        String[] parts = hours.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Bad time window '" + hours + "', expected HH:mm-HH:mm");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (dayList != null && !dayList.isBlank()) {
            for (String item : dayList.split(",")) {
                String[] range = item.trim().split("-");
                DayOfWeek a = day(range[0]);
                DayOfWeek b = range.length > 1 ? day(range[1]) : a;
                for (DayOfWeek d = a;; d = d.plus(1)) {
                    days.add(d);
                    if (d == b) {
                        break;
                    }
                }
            }
        }
        return new TimeWindow(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()), days,
                zone == null || zone.isBlank() ? null : ZoneId.of(zone));
    }

    private static DayOfWeek day(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (t.length() >= 3 && d.name().startsWith(t)) {
                return d;
            }
        }
        throw new IllegalArgumentException("Bad day '" + text + "', expected MON, TUE, WED, THU, FRI, SAT or SUN");
    }

    /**
     * Whether an instant falls inside the window.
     *
     * @param instant the instant
     * @return true when inside
     */
    public boolean contains(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        LocalTime time = t.toLocalTime();
        if (!to.isBefore(from)) {
            return days.contains(t.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
        }
        if (!time.isBefore(from)) {
            return days.contains(t.getDayOfWeek());
        }
        return time.isBefore(to) && days.contains(t.getDayOfWeek().minus(1));
    }
}
