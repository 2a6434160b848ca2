package fr.guichet.kiosk;

import fr.guichet.i18n.Language;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Reads the screen aloud in the person's language, for those who cannot read it: the text goes to
 * {@code espeak-ng} (a small speech synthesiser in every Linux distribution) as a subprocess, with
 * the voice of the language; nothing it prints ever reaches the kiosk's screen. One reading at a
 * time: the next key press stops it. Where espeak-ng has no voice for the language, French reads it
 * and the kiosk says so.
 *
 * <pre>{@code
 * Voice voice = Voice.espeak();                       // to the loudspeaker
 * Voice.Reading r = voice.read("Votre accord", Language.FRENCH);
 * voice.stop();                                       // on the next key
 * Voice.toFile(Path.of("screen.wav"));                // the same speech into a WAV file
 * }</pre>
 */
public final class Voice {
  /** What became of a request to read. */
  public enum Outcome {
    READING,
    MISSING,
    FAILED
  }

  /**
   * @param fallback the language had no voice here, so French reads it
   */
  public record Reading(Outcome outcome, boolean fallback) {}

  private final String program;
  private final Path wav;
  private Set<String> voices;
  private Process speaking;

  Voice(String program, Path wav) {
    this.program = program;
    this.wav = wav;
  }

  /** espeak-ng on the loudspeaker. */
  public static Voice espeak() {
    return new Voice("espeak-ng", null);
  }

  /** espeak-ng into a WAV file (each reading replaces the file): for recording and tests. */
  public static Voice toFile(Path wav) {
    return new Voice("espeak-ng", wav);
  }

  /** Another speech program taking espeak-ng's options (for instance {@code espeak}). */
  public static Voice program(String program) {
    return new Voice(program, null);
  }

  /** Starts reading {@code text} (logical order, as written) and returns at once. */
  public synchronized Reading read(String text, Language language) {
    stop();
    Set<String> installed;
    try {
      installed = voices();
    } catch (IOException e) {
      return new Reading(Outcome.MISSING, false);
    }
    boolean fallback =
        !installed.isEmpty()
            && installed.stream()
                .noneMatch(v -> v.equals(language.voice()) || v.startsWith(language.voice() + "-"));
    String voice = fallback ? Language.FRENCH.voice() : language.voice();
    List<String> command = new ArrayList<>(List.of(program, "-v", voice, "-s", "150", "--stdin"));
    if (wav != null) {
      command.addAll(List.of("-w", wav.toString()));
    }
    try {
      speaking =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      try (OutputStream in = speaking.getOutputStream()) {
        in.write(text.getBytes(StandardCharsets.UTF_8));
      }
      return new Reading(Outcome.READING, fallback);
    } catch (IOException e) {
      return new Reading(Outcome.FAILED, fallback);
    }
  }

  /** Stops the reading in progress, if any. */
  public synchronized void stop() {
    if (speaking != null && speaking.isAlive()) {
      speaking.descendants().forEach(ProcessHandle::destroy);
      speaking.destroy();
    }
    speaking = null;
  }

  /** Whether a reading is still going on. */
  public synchronized boolean reading() {
    return speaking != null && speaking.isAlive();
  }

  /**
   * Waits for the reading in progress to finish (tests, recordings); false if it did not in time.
   */
  public boolean awaitEnd(Duration timeout) {
    Process p;
    synchronized (this) {
      p = speaking;
    }
    if (p == null) {
      return true;
    }
    try {
      return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The voice names the program knows ({@code espeak-ng --voices}), asked once. */
  private Set<String> voices() throws IOException {
    if (voices != null) {
      return voices;
    }
    Process list =
        new ProcessBuilder(program, "--voices")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Set<String> names = new HashSet<>();
    try {
      String out = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      for (String line : out.split("\n")) {
        String[] columns = line.strip().split("\\s+");
        if (columns.length > 1 && !columns[0].equals("Pty")) {
          names.add(columns[1]);
        }
      }
      list.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    voices = names;
    return voices;
  }
}
