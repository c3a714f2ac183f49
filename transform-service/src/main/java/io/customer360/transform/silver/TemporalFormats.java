package io.customer360.transform.silver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Translates the contracts' {@link java.time.format.DateTimeFormatter} patterns into DuckDB {@code
 * strptime} formats. Optional sections ({@code [.SSS]}) expand into one format with and one without
 * the section. Supported letters: {@code yyyy MM MMM dd d HH mm ss SSS SSSSSS XXX Z} and quoted
 * literals; anything else is refused, so a contract cannot silently parse differently in silver.
 */
final class TemporalFormats {

  private TemporalFormats() {}

  /** DuckDB formats for one Java pattern, optional sections expanded. */
  static List<String> strptimeFormats(String javaPattern) {
    Set<String> out = new LinkedHashSet<>();
    for (String variant : expandOptional(javaPattern)) {
      out.add(translate(variant, javaPattern));
    }
    return List.copyOf(out);
  }

  /**
   * The length in bytes of every text a DuckDB format of this class parses, or -1 when it varies
   * ({@code %-d}). A zone offset counts as {@code +HH:MM}, the form silver gives {@code Z}.
   */
  static int width(String strptimeFormat) {
    int width = 0;
    for (int i = 0; i < strptimeFormat.length(); i++) {
      char c = strptimeFormat.charAt(i);
      if (c != '%') {
        width += String.valueOf(c).getBytes(StandardCharsets.UTF_8).length;
        continue;
      }
      int directive =
          switch (strptimeFormat.charAt(++i)) {
            case 'Y' -> 4;
            case 'm', 'd', 'H', 'M', 'S' -> 2;
            case 'g', 'b' -> 3;
            case 'f', 'z' -> 6;
            case '%' -> 1;
            default -> -1;
          };
      if (directive < 0) {
        return -1;
      }
      width += directive;
    }
    return width;
  }

  /** Whether a DuckDB format parses a zone offset, so its result is an instant. */
  static boolean zoned(String strptimeFormat) {
    return strptimeFormat.contains("%z");
  }

  private static List<String> expandOptional(String pattern) {
    int open = indexOutsideQuotes(pattern, '[');
    if (open < 0) {
      return List.of(pattern);
    }
    int close = pattern.indexOf(']', open);
    if (close < 0) {
      throw new IllegalArgumentException("Unclosed optional section in date pattern " + pattern);
    }
    String before = pattern.substring(0, open);
    String inside = pattern.substring(open + 1, close);
    List<String> result = new ArrayList<>();
    for (String rest : expandOptional(pattern.substring(close + 1))) {
      result.add(before + rest);
      result.add(before + inside + rest);
    }
    return result;
  }

  private static int indexOutsideQuotes(String pattern, char wanted) {
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static String translate(String pattern, String original) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        int end = pattern.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("Unclosed quote in date pattern " + original);
        }
        out.append(pattern.substring(i + 1, end).replace("%", "%%"));
        i = end + 1;
        continue;
      }
      if (!Character.isLetter(c)) {
        out.append(c == '%' ? "%%" : String.valueOf(c));
        i++;
        continue;
      }
      int run = i;
      while (run < pattern.length() && pattern.charAt(run) == c) {
        run++;
      }
      out.append(directive(pattern.substring(i, run), original));
      i = run;
    }
    return out.toString();
  }

  private static String directive(String letters, String original) {
    return switch (letters) {
      case "yyyy", "uuuu" -> "%Y";
      case "MM" -> "%m";
      case "MMM" -> "%b";
      case "dd" -> "%d";
      case "d" -> "%-d";
      case "HH" -> "%H";
      case "mm" -> "%M";
      case "ss" -> "%S";
      case "SSS" -> "%g";
      case "SSSSSS" -> "%f";
      case "XXX", "Z", "xx", "XX" -> "%z";
      default ->
          throw new IllegalArgumentException(
              "Date pattern " + original + " uses '" + letters + "', which silver cannot parse");
    };
  }
}
