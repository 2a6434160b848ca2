package fr.guichet.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 proxy between the kiosk and the server that loses replies on purpose: the first
 * {@code drops} requests whose request line starts with a given prefix reach the server (which acts
 * on them), but their answer never reaches the client; every other exchange passes. One request per
 * connection ({@code Connection: close}), enough for tests.
 *
 * <pre>{@code
 * try (CuttingProxy proxy = new CuttingProxy(serverPort, "POST /v1/persons/p-jeanne/opposition", 1)) {
 *   ApiClient api = new ApiClient(proxy.url());
 * }
 * }</pre>
 */
public final class CuttingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int target;
  private final String prefix;
  private final AtomicInteger drops;
  public final AtomicInteger dropped = new AtomicInteger();

  public CuttingProxy(int target, String prefix, int drops) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.target = target;
    this.prefix = prefix;
    this.drops = new AtomicInteger(drops);
    Thread accept = new Thread(this::serve, "cutting-proxy");
    accept.setDaemon(true);
    accept.start();
  }

  public String url() {
    return "http://127.0.0.1:" + listener.getLocalPort() + "/";
  }

  private void serve() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Thread t = new Thread(() -> exchange(client), "cutting-proxy-exchange");
        t.setDaemon(true);
        t.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void exchange(Socket client) {
    try (client;
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target)) {
      byte[] request = readMessage(client.getInputStream(), true);
      if (request == null) {
        return;
      }
      server.getOutputStream().write(request);
      byte[] response = readMessage(server.getInputStream(), false);
      String line =
          new String(request, 0, Math.min(request.length, 200), StandardCharsets.ISO_8859_1);
      if (line.startsWith(prefix) && drops.getAndDecrement() > 0) {
        dropped.incrementAndGet();
        return; // the server acted; the client hears nothing
      }
      if (response != null) {
        client.getOutputStream().write(response);
        client.getOutputStream().flush();
      }
    } catch (IOException e) {
      // a test connection ends: nothing to do
    }
  }

  /** One HTTP message (headers and a Content-Length body), with "Connection: close" forced. */
  private static byte[] readMessage(InputStream in, boolean request) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    int b;
    while (state < 4 && (b = in.read()) >= 0) {
      head.write(b);
      state =
          (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
              ? state + 1
              : 0;
    }
    if (head.size() == 0) {
      return null;
    }
    String headers = head.toString(StandardCharsets.ISO_8859_1);
    int length = 0;
    StringBuilder rewritten = new StringBuilder();
    for (String h : headers.split("\r\n")) {
      if (h.isEmpty()) {
        continue;
      }
      String lower = h.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(h.substring(15).strip());
      }
      if (!lower.startsWith("connection:")) {
        rewritten.append(h).append("\r\n");
      }
    }
    rewritten.append("Connection: close\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(in.readNBytes(length));
    return out.toByteArray();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
