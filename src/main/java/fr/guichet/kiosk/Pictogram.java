package fr.guichet.kiosk;

import fr.guichet.contract.SpaceState;
import java.util.List;

/**
 * Pictograms drawn with characters every terminal has (box drawing, blocks, BMP symbols, no emoji,
 * nothing East-Asian-wide): one per account state, 5 rows of 9 columns, and one symbol per kind of
 * choice; the one catalogue the screens, the legend (F4) and the tests read.
 *
 * <pre>{@code
 * Pictogram.of(SpaceState.ACTIVE).lines(); // five strings of nine columns
 * Pictogram.YES.symbol();                    // "✓"
 * }</pre>
 */
public enum Pictogram {
  ANNOUNCED("✉", List.of("┌───────┐", "│╲     ╱│", "│  ╲ ╱  │", "│       │", "└───────┘")),
  OPPOSED("⊘", List.of("  ┌───┐  ", " ╱     ╲ ", "│ ━━━━━ │", " ╲     ╱ ", "  └───┘  ")),
  ACTIVE_NOT_ACTIVATED(
      "◇", List.of("┌───────┐", "│       │", "│ · · · │", "│       │", "└───────┘")),
  ACTIVE("✓", List.of("        ╱", "       ╱ ", " ╲    ╱  ", "  ╲  ╱   ", "   ╲╱    ")),
  CLOSED("▣", List.of("┌───────┐", "├───────┤", "│  ═══  │", "│       │", "└───────┘")),
  /** A closed box crossed out: never ✗, which says "no" on every screen. */
  CLOSED_DELETION_REQUESTED(
      "⊠", List.of("  ┌───┐  ", "╶─┴───┴─╴", " │ │ │ │ ", " │ │ │ │ ", " └─────┘ ")),
  SUSPENDED("⚠", List.of("    ▲    ", "   ╱ ╲   ", "  ╱ ! ╲  ", " ╱     ╲ ", "╱───────╲")),
  YES("✓", List.of()),
  NO("✗", List.of()),
  SEE("◉", List.of()),
  PRINT("▤", List.of()),
  END("■", "F10"),
  NEXT("►", List.of()),
  PHONE("☎", "F3"),
  LANGUAGE("⇆", "F2"),
  HELP("?", "F1"),
  BACK("◄", List.of()),
  CARD("▭", List.of()),
  LEGEND("☰", "F4"),
  LISTEN("♪", "F5"),
  THEME("◐", "F7"),
  TIME("◔", List.of(" ═══════ ", " ╲·····╱ ", "   ╲·╱   ", "  ╱ · ╲  ", " ═══════ ")),
  CAREGIVER("♥", List.of()),
  REPRESENTATIVE("§", List.of()),
  ADD("+", List.of()),
  REMOVE("−", List.of()),
  /** The journal: what was done in the person's name. */
  JOURNAL("✎", List.of()),
  /** Another person the identified person represents: a child, a protected adult... */
  OTHER_PERSON("☻", List.of());

  private final String symbol;
  private final List<String> lines;
  private final String key;

  Pictogram(String symbol, List<String> lines) {
    this.symbol = symbol;
    this.lines = lines;
    this.key = null;
  }

  Pictogram(String symbol, String key) {
    this.symbol = symbol;
    this.lines = List.of();
    this.key = key;
  }

  /** The bundle key of what this pictogram means: a state's name, or {@code picto.<NAME>}. */
  public String meaningKey() {
    return isState() ? "state." + name() + ".name" : "picto." + name();
  }

  /** The function key that does what this pictogram means, or null. */
  public String key() {
    return key;
  }

  /** Whether this pictogram shows a state of the space (rather than a choice). */
  public boolean isState() {
    return SpaceState.of(name()) != SpaceState.UNKNOWN;
  }

  /** One character, for tiles and lists. */
  public String symbol() {
    return symbol;
  }

  /** The large drawing, or an empty list for symbols that have none. */
  public List<String> lines() {
    return lines;
  }

  /** The drawing of a state; a state this build does not know shows the 3422 line's. */
  public static Pictogram of(SpaceState state) {
    return state == SpaceState.UNKNOWN ? PHONE : valueOf(state.name());
  }

  /** The symbol of an action: the state it leads to. */
  public static Pictogram of(fr.guichet.domain.AccountAction action) {
    return switch (action) {
      case RECORD_OPPOSITION -> OPPOSED;
      case WITHDRAW_OPPOSITION, CREATE_ON_REQUEST -> ANNOUNCED;
      case ACTIVATE, REOPEN -> ACTIVE;
      case CLOSE -> CLOSED;
      case REQUEST_DELETION -> CLOSED_DELETION_REQUESTED;
    };
  }
}
