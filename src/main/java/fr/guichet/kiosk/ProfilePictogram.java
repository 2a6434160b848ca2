package fr.guichet.kiosk;

import java.util.List;

/**
 * The pictograms of the medical profile: one per section, drawn large (5 rows of 9 columns) beside
 * each question, and one symbol per question and answer, on its tile. Drawn with characters every
 * terminal has, one cell each (no emoji: Lanterna 3.1 prints characters beyond U+FFFF as "??", and
 * emoji-presentation symbols such as the wheelchair take two cells in most terminals). The form
 * definitions ({@code forms/*.json}) name them; the build checks that every name exists.
 *
 * <pre>{@code
 * ProfilePictogram.valueOf(form.pictogram()).lines(); // the section's drawing
 * ProfilePictogram.ALLERGY.symbol();                  // "✿"
 * }</pre>
 */
public enum ProfilePictogram {
  DISEASE("✚", List.of("   ┌─┐   ", " ┌─┘ └─┐ ", " └─┐ ┌─┘ ", "   └─┘   ", "         ")),
  TREATMENT("℞", List.of("         ", " ╭──┬──╮ ", " │██│  │ ", " ╰──┴──╯ ", "         ")),
  ALLERGY("✿", List.of("  ╲ │ ╱  ", "  ─ ✿ ─  ", "  ╱ │ ╲  ", "    │    ", "   ─┴─   ")),
  HOSPITAL("⊞", List.of(" ┌─────┐ ", " │ ╻ ╻ │ ", " │ ┣━┫ │ ", " │ ╹ ╹ │ ", " └─────┘ ")),
  HANDICAP("⚲", List.of("   ●     ", "   ┃     ", "   ┗━━┓  ", "  ╭─╮ ┃  ", "  ╰─╯ ┗━ ")),
  FAMILY("⌂", List.of("   ╱ ╲   ", "  ╱   ╲  ", " │ ☺ ☺ │ ", " │     │ ", " └─────┘ ")),
  BLOOD("♦", List.of("    ╱╲   ", "   ╱  ╲  ", "  │    │ ", "   ╲__╱  ", "         ")),
  VACCINE("⊸", List.of("         ", " ═╤════╗ ", "──┼────╫─", " ═╧════╝ ", "         ")),
  MEASURE("⚖", List.of(" ┌─────┐ ", " │ ╲ ╱ │ ", " │  ●  │ ", " │     │ ", " └─────┘ ")),
  LIFESTYLE("☼", List.of("  ╲ │ ╱  ", "   ╭─╮   ", " ──┤ ├── ", "   ╰─╯   ", "  ╱ │ ╲  ")),
  ENTOURAGE("☺", List.of("  ○   ○  ", " ╱│╲ ╱│╲ ", "  │   │  ", " ╱ ╲ ╱ ╲ ", "         ")),
  CALENDAR("▦"),
  NOTE("✎"),
  TIME("◔"),
  DOSE("①"),
  BATCH("▥"),
  DURATION("◷"),
  REACTION("✱"),
  KIND("◫"),
  RATE("%"),
  TECH_AID("⚙"),
  HUMAN_AID("⚇"),
  WEIGHT("⚖"),
  HEIGHT("↕"),
  WAIST("↔"),
  TEMPERATURE("♨"),
  SUGAR("◈"),
  HEART("♥"),
  PAIN("✶"),
  FOOD("⊙"),
  ACTIVITY("↗"),
  SLEEP("☾"),
  SCREENS("▢"),
  ALCOHOL("⊻"),
  TOBACCO("≋"),
  PHONE("☎"),
  TRUSTED("☂"),
  DIRECTIVES("✍"),
  ORGAN("♡"),
  /** "I don't know". */
  UNKNOWN("?"),
  /** "Not concerned". */
  NOT_CONCERNED("∅"),
  /** The person's own words, typed. */
  OTHER("✎"),
  ADD("⊕"),
  REMOVE("⊖"),
  SEND("➤"),
  CARD("▭"),
  OPTION("•");

  private final String symbol;
  private final List<String> lines;

  ProfilePictogram(String symbol) {
    this(symbol, List.of());
  }

  ProfilePictogram(String symbol, List<String> lines) {
    this.symbol = symbol;
    this.lines = lines;
  }

  /** One character, for tiles and question lines. */
  public String symbol() {
    return symbol;
  }

  /** The large drawing of a section, or an empty list. */
  public List<String> lines() {
    return lines;
  }

  /** The pictogram a form definition names, or the plain bullet when the name is unknown. */
  public static ProfilePictogram named(String name) {
    try {
      return valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      return OPTION;
    }
  }
}
