package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every problem the server can answer has a sentence in every language, and is in the contract's
 * words.
 */
class ProblemCatalogTest {
  static final Pattern THROWN =
      Pattern.compile("ProblemException\\(\\s*\\d{3},\\s*\"([a-z0-9-]+)\"");
  static final Pattern TRANSITIONS = Pattern.compile("TransitionRefused\\(\\s*\"([a-z0-9-]+)\"");

  /** The rule table's refusals: {@code refuse("space-closed", ...)}, {@code -> "x-forbidden"}. */
  static final Pattern RULE_TABLE =
      Pattern.compile("(?:Refusal\\(|refuse\\()\\s*\"([a-z0-9-]+)\"|->\\s*\"([a-z-]+-forbidden)\"");

  static Set<String> slugs() throws IOException {
    Set<String> slugs = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/fr/guichet"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String source = Files.readString(f);
        for (Pattern p : new Pattern[] {THROWN, TRANSITIONS, RULE_TABLE}) {
          Matcher m = p.matcher(source);
          while (m.find()) {
            slugs.add(m.group(1) != null ? m.group(1) : m.group(2));
          }
        }
      }
    }
    return slugs;
  }

  @Test
  void everyProblemHasASentenceInEveryLanguage() throws IOException {
    Set<String> slugs = slugs();
    assertThat(slugs)
        .contains(
            "login-failed",
            "scope-missing",
            "opposition-period-over",
            "caregiver-limit-person",
            "space-closed",
            "curator-forbidden",
            "representation-ended",
            "opinion-required");
    for (Language l : Language.values()) {
      for (String slug : slugs) {
        assertThat(Messages.of(l).has("problem." + slug)).as(l.tag() + " problem." + slug).isTrue();
      }
    }
  }
}
