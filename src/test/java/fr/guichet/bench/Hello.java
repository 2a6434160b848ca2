package fr.guichet.bench;

import java.io.IOException;

/**
 * The baseline of the launch and memory figures: a bare JVM that prints one line, then waits for a
 * line on its input (so that its resident memory can be read) and ends.
 *
 * <pre>
 * java -cp target/test-classes fr.guichet.bench.Hello
 * </pre>
 */
public final class Hello {
  private Hello() {}

  public static void main(String[] args) throws IOException {
    System.out.println("hello");
    System.out.flush();
    System.in.read();
  }
}
