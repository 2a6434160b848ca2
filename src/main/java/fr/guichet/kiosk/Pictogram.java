package fr.guichet.kiosk;

import fr.guichet.domain.AccountState;
import java.util.List;

/**
 * Pictograms drawn with characters every terminal has (box drawing, blocks, BMP symbols, no
 * emoji): one per account state, 5 rows of 9 columns, and one symbol per kind of choice.
 *
 * <pre>{@code
 * Pictogram.of(AccountState.ACTIVE).lines(); // five strings of nine columns
 * Pictogram.YES.symbol();                    // "✓"
 * }</pre>
 */
public enum Pictogram {
  ANNOUNCED("✉", List.of(
      "┌───────┐",
      "│╲     ╱│",
      "│  ╲ ╱  │",
      "│       │",
      "└───────┘")),
  OPPOSED("⊘", List.of(
      "  ┌───┐  ",
      " ╱     ╲ ",
      "│ ━━━━━ │",
      " ╲     ╱ ",
      "  └───┘  ")),
  ACTIVE_NOT_ACTIVATED("◇", List.of(
      "┌───────┐",
      "│       │",
      "│ · · · │",
      "│       │",
      "└───────┘")),
  ACTIVE("✓", List.of(
      "        ╱",
      "       ╱ ",
      " ╲    ╱  ",
      "  ╲  ╱   ",
      "   ╲╱    ")),
  CLOSED("▣", List.of(
      "┌───────┐",
      "├───────┤",
      "│  ═══  │",
      "│       │",
      "└───────┘")),
  CLOSED_DELETION_REQUESTED("✗", List.of(
      "  ┌───┐  ",
      "╶─┴───┴─╴",
      " │ │ │ │ ",
      " │ │ │ │ ",
      " └─────┘ ")),
  SUSPENDED("⚠", List.of(
      "    ▲    ",
      "   ╱ ╲   ",
      "  ╱ ! ╲  ",
      " ╱     ╲ ",
      "╱───────╲")),
  YES("✓", List.of()),
  NO("✗", List.of()),
  SEE("◉", List.of()),
  PRINT("▤", List.of()),
  END("■", List.of()),
  NEXT("►", List.of()),
  PHONE("☎", List.of()),
  LANGUAGE("⇆", List.of()),
  HELP("?", List.of()),
  BACK("◄", List.of());

  private final String symbol;
  private final List<String> lines;

  Pictogram(String symbol, List<String> lines) {
    this.symbol = symbol;
    this.lines = lines;
  }

  /** One character, for tiles and lists. */
  public String symbol() {
    return symbol;
  }

  /** The large drawing, or an empty list for symbols that have none. */
  public List<String> lines() {
    return lines;
  }

  public static Pictogram of(AccountState state) {
    return valueOf(state.name());
  }
}
