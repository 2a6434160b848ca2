package fr.guichet.cli;

import fr.guichet.contract.Identification;
import fr.guichet.contract.Represented;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Whose space an account command is about: the person present, who shows their Carte Vitale ({@code
 * --vitale}), or someone they represent ({@code --for}, an id {@code status} lists). A mixin of
 * every command that identifies the person by their card.
 *
 * <pre>{@code
 * @Mixin PersonOptions person;
 * ...
 * String name = person.actedFor(who).map(Represented::firstName).orElse(who.firstName());
 * }</pre>
 */
final class PersonOptions {
  @Option(names = "--vitale", paramLabel = "SERIAL", descriptionKey = "vitale")
  String vitale;

  @Option(names = "--for", paramLabel = "PERSON_ID", descriptionKey = "for")
  String forPersonId;

  /**
   * The person acted for, as the identification names them; empty for the person themself, or when
   * the identification does not name them (the server then decides).
   */
  Optional<Represented> actedFor(Identification who) {
    return forPersonId == null
        ? Optional.empty()
        : who.represents().stream().filter(r -> r.personId().equals(forPersonId)).findFirst();
  }
}
