package fr.guichet.kiosk;

import fr.guichet.contract.Problem;
import fr.guichet.i18n.Messages;
import java.util.Map;

/**
 * A notice kept as an i18n key and its arguments, and turned into words only when drawn, so that
 * switching language translates what is already on screen.
 *
 * <pre>{@code
 * Say.error("problem.login-failed").in(messages); // the sentence in the current language
 * }</pre>
 */
record Say(View.Tone tone, String key, Map<String, ?> args) {
  /** An argument that is itself a bundle key, translated when the notice is drawn. */
  record Word(String key) {}

  static Say info(String key) {
    return new Say(View.Tone.INFO, key, Map.of());
  }

  static Say success(String key, Map<String, ?> args) {
    return new Say(View.Tone.SUCCESS, key, args);
  }

  static Say error(String key) {
    return new Say(View.Tone.ERROR, key, Map.of());
  }

  /**
   * On a demo server, the message it has just "sent" with a one-time code, said so that the code
   * can be typed; null on a real server (null {@code message}).
   */
  static Say demoMessage(String message) {
    return message == null
        ? null
        : new Say(View.Tone.INFO, "demo.outbox", Map.of("message", message));
  }

  /** The sentence for a problem the server (or the network) gave. */
  static Say problem(Problem problem) {
    return new Say(View.Tone.ERROR, problem.messageKey(), problem.params());
  }

  View.Notice in(Messages m) {
    String k = m.has(key) ? key : "problem.unexpected";
    Map<String, Object> words = new java.util.HashMap<>();
    args.forEach(
        (name, value) -> words.put(name, value instanceof Word w ? m.text(w.key()) : value));
    return new View.Notice(tone, m.text(k, words));
  }
}
