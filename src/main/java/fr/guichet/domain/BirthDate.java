package fr.guichet.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A birth date as the civil status gives it: often whole, sometimes with an unknown day, or only a
 * year (people born in the Maghreb, the Comoros, Mayotte...), written with {@code 00} where a part
 * is unknown ({@code 00/00/1950}, {@code 00/03/1950}) and stored as such ({@code 1950-00-00}).
 *
 * <p>Why a type: such a person must still be identified, matched on the parts the civil status
 * knows; and the day they turn 18 (when a parent stops acting for them) must be computed the same
 * way everywhere. An unknown part counts as its earliest value: a parent never acts for someone who
 * may already be an adult.
 *
 * <pre>{@code
 * BirthDate born = BirthDate.read("00/00/1950", LocalDate.now()); // year only
 * born.iso();                                // "1950-00-00", as the server stores it
 * born.matches(BirthDate.read("14/03/1950", today)); // true: only the year is known
 * born.adultOn();                            // 1968-01-01
 * LocalDate whole = BirthDate.parse("14/03/1950", LocalDate.now()); // a whole date only
 * }</pre>
 *
 * @param month 1 to 12, or 0 when unknown
 * @param day 1 to 31, or 0 when unknown (a known day needs a known month)
 */
public record BirthDate(int year, int month, int day) {
  private static final Pattern DAY_FIRST =
      Pattern.compile("(\\d{1,2})[/ .\\-](\\d{1,2})[/ .\\-](\\d{4})");
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final int OLDEST_YEAR = 1890;

  /** A person is an adult from this birthday on. */
  public static final int ADULT_AGE = 18;

  public BirthDate {
    if (year < OLDEST_YEAR
        || year > 9999
        || month < 0
        || month > 12
        || day < 0
        || (day > 0 && month == 0)) {
      throw new InvalidValue("invalid.birthdate.impossible");
    }
    if (day > 0) {
      try {
        LocalDate.of(year, month, day);
      } catch (DateTimeException e) {
        throw new InvalidValue("invalid.birthdate.impossible");
      }
    }
  }

  /** A whole date. */
  public static BirthDate of(LocalDate date) {
    return new BirthDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }

  /**
   * Reads a typed birth date ({@code 14/03/1950}, {@code 14 03 1950}, {@code 14.03.1950}, ISO
   * {@code 1950-03-14}), {@code 00} for an unknown day or month; refuses impossible dates, a known
   * day in an unknown month, and dates after {@code today}.
   */
  public static BirthDate read(String typed, LocalDate today) {
    if (typed == null || typed.isBlank()) {
      throw new InvalidValue("invalid.birthdate.empty");
    }
    String text = typed.strip();
    Matcher dayFirst = DAY_FIRST.matcher(text);
    Matcher iso = ISO.matcher(text);
    BirthDate date;
    if (dayFirst.matches()) {
      date = new BirthDate(num(dayFirst, 3), num(dayFirst, 2), num(dayFirst, 1));
    } else if (iso.matches()) {
      date = new BirthDate(num(iso, 1), num(iso, 2), num(iso, 3));
    } else {
      throw new InvalidValue("invalid.birthdate.format");
    }
    if (date.earliest().isAfter(today)) {
      throw new InvalidValue("invalid.birthdate.impossible");
    }
    return date;
  }

  /**
   * Reads a whole typed birth date, as {@link #read} does, refusing one with an unknown part: for
   * the screens that still need a calendar date.
   */
  public static LocalDate parse(String typed, LocalDate today) {
    BirthDate date = read(typed, today);
    if (!date.whole()) {
      throw new InvalidValue("invalid.birthdate.impossible");
    }
    return date.earliest();
  }

  /** Reads the stored or wire form, {@code 1950-03-14} or {@code 1950-00-00}. */
  public static BirthDate fromIso(String iso) {
    Matcher m = iso == null ? null : ISO.matcher(iso.strip());
    if (m == null || !m.matches()) {
      throw new InvalidValue("invalid.birthdate.format");
    }
    return new BirthDate(num(m, 1), num(m, 2), num(m, 3));
  }

  /** Whether day and month are both known. */
  public boolean whole() {
    return day > 0;
  }

  /** The first day the person may have been born: unknown parts count as 1. */
  public LocalDate earliest() {
    return LocalDate.of(year, Math.max(month, 1), Math.max(day, 1));
  }

  /**
   * The first day the person may be 18: from then on nobody acts for them as a parent. Born on 29
   * February, they are 18 on 28 February of a common year.
   */
  public LocalDate adultOn() {
    return earliest().plusYears(ADULT_AGE);
  }

  /** Whether the person is still a minor on {@code today}. */
  public boolean minorOn(LocalDate today) {
    return today.isBefore(adultOn());
  }

  /**
   * Whether a date typed at the counter agrees with this one, as the civil status knows it: the
   * year, and the month and day where this date knows them. An unknown part typed ({@code 00})
   * never matches a known one.
   */
  public boolean matches(BirthDate typed) {
    return typed != null
        && typed.year == year
        && (month == 0 || typed.month == month)
        && (day == 0 || typed.day == day);
  }

  /**
   * Whether a NIR agrees with this date: the same two last digits of the year and, where the NIR's
   * month is a real month (01 to 12), the same known month. A NIR with an unknown month (20 to 42,
   * 50 to 99) agrees with any month.
   */
  public boolean agreesWith(Nir nir) {
    int nirYear = Integer.parseInt(nir.value().substring(1, 3));
    int nirMonth = Integer.parseInt(nir.value().substring(3, 5));
    return nirYear == year % 100 && (nirMonth > 12 || nirMonth == month);
  }

  /** The stored and wire form, {@code 1950-03-14} or {@code 1950-00-00}. */
  public String iso() {
    return String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
  }

  /** As typed at the counter, {@code 14/03/1950} or {@code 00/00/1950}. */
  public String dayFirst() {
    return String.format(Locale.ROOT, "%02d/%02d/%04d", day, month, year);
  }

  @Override
  public String toString() {
    return iso();
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
