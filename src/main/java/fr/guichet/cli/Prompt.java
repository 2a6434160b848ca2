package fr.guichet.cli;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Questions asked on the terminal: the confirmation, a password with echo off, a code the person
 * received. The command line asks only when someone can answer: in a script or a pipe {@link
 * #available()} is false, and a command refuses rather than wait for an answer that will not come.
 *
 * <pre>{@code
 * Prompt prompt = Prompt.console();
 * if (prompt.available()) { String yes = prompt.line("Confirmer ? [o/N] "); }
 * }</pre>
 */
interface Prompt {
  /** Whether a person can answer here. */
  boolean available();

  /** Shows a line of text on the terminal (what is about to be done, a code was sent...). */
  void show(String text);

  /** Asks a question and returns the line typed, or null at the end of input. */
  String line(String question);

  /** Asks for a secret, typed without echo; null at the end of input. */
  char[] secret(String question);

  /** The process's terminal, when it has one ({@link System#console()}). */
  static Prompt console() {
    return new OnConsole();
  }

  /** {@link System#console()}, looked up at each question; no terminal means not available. */
  final class OnConsole implements Prompt {
    @Override
    public boolean available() {
      Console console = System.console();
      return console != null && isTerminal(console);
    }

    @Override
    public void show(String text) {
      console().writer().println(text);
      console().flush();
    }

    @Override
    public String line(String question) {
      return console().readLine("%s", question);
    }

    @Override
    public char[] secret(String question) {
      return console().readPassword("%s", question);
    }

    private Console console() {
      Console console = System.console();
      if (console == null) {
        throw new IllegalStateException("no terminal: check available() before asking");
      }
      return console;
    }

    /**
     * From Java 22 on, {@link System#console()} also answers when the streams are redirected;
     * {@code Console.isTerminal()} (Java 22) then tells whether someone sits at a terminal.
     */
    private static boolean isTerminal(Console console) {
      try {
        Method isTerminal = Console.class.getMethod("isTerminal");
        return (Boolean) isTerminal.invoke(console);
      } catch (NoSuchMethodException olderJava) {
        return true; // before Java 22, a console exists only on a terminal
      } catch (ReflectiveOperationException e) {
        return false;
      }
    }
  }
}
