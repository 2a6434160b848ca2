package fr.guichet.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A birth date typed as day, month and year ({@code 14/03/1950}, {@code 14 03 1950} or {@code
 * 14.03.1950}), the way it is written on French papers, or as ISO {@code 1950-03-14}.
 *
 * <pre>{@code
 * LocalDate date = BirthDate.parse("14/03/1950", LocalDate.now());
 * }</pre>
 */
public final class BirthDate {
  private static final Pattern DAY_FIRST =
      Pattern.compile("(\\d{1,2})[/ .\\-](\\d{1,2})[/ .\\-](\\d{4})");
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final int OLDEST_YEAR = 1890;

  private BirthDate() {}

  /** Parses a typed birth date, refusing impossible dates and dates after {@code today}. */
  public static LocalDate parse(String typed, LocalDate today) {
    if (typed == null || typed.isBlank()) {
      throw new InvalidValue("invalid.birthdate.empty");
    }
    String text = typed.strip();
    LocalDate date;
    try {
      Matcher dayFirst = DAY_FIRST.matcher(text);
      Matcher iso = ISO.matcher(text);
      if (dayFirst.matches()) {
        date = LocalDate.of(num(dayFirst, 3), num(dayFirst, 2), num(dayFirst, 1));
      } else if (iso.matches()) {
        date = LocalDate.of(num(iso, 1), num(iso, 2), num(iso, 3));
      } else {
        throw new InvalidValue("invalid.birthdate.format");
      }
    } catch (DateTimeException e) {
      throw new InvalidValue("invalid.birthdate.impossible");
    }
    if (date.isAfter(today) || date.getYear() < OLDEST_YEAR) {
      throw new InvalidValue("invalid.birthdate.impossible");
    }
    return date;
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
