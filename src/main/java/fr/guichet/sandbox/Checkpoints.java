package fr.guichet.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.contract.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed checkpoints of the journal's heads, appended to a file outside the database, for the
 * operator to copy elsewhere: what the database alone could do unseen (cut the end of a chain, drop
 * a whole chain) shows against them.
 *
 * <p>Each server process writes a stream of its own, {@code checkpoints/<node>.jsonl} in its data
 * directory, the node being its start time and a random suffix: several nodes on one database never
 * write the same file, and a restart starts a new one. A line is written when a chain this node
 * appended to has moved (checked every round of {@link Housekeeping}, and when the server stops).
 * Each line is a signed statement, which {@code guichet receipt verify} accepts as well: its
 * number, the hash of the line before, the heads that moved (chain: number and hash of its last
 * entry), and the Merkle root over every head the stream has recorded. {@code guichet journal
 * verify} reads all the streams it is given ({@link #read}) and compares their last heads with the
 * database.
 *
 * <pre>{@code
 * Checkpoints checkpoints = Checkpoints.in(dataDir, signer, clock);
 * checkpoints.write(db, journal);                     // a line if a chain moved
 * Checkpoints.Stream s = Checkpoints.read(file, statements);
 * }</pre>
 */
final class Checkpoints {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
  static final String DIRECTORY = "checkpoints";
  static final String KIND = "journal-checkpoint";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** A head as a stream recorded it, and the line that recorded it. */
  record Recorded(Journal.Head head, long line) {}

  /** A stream read back: its lines, the last head it recorded per chain, what is wrong with it. */
  record Stream(Path file, long lines, Map<String, Recorded> heads, List<String> problems) {}

  private final Path file;
  private final String node;
  private final Signer signer;
  private final Clock clock;
  private final Map<String, Journal.Head> recorded = new TreeMap<>();
  private Set<String> lastRound = Set.of();
  private long lines;
  private String previousLine = Journal.GENESIS;

  private Checkpoints(Path file, String node, Signer signer, Clock clock) {
    this.file = file;
    this.node = node;
    this.signer = signer;
    this.clock = clock;
  }

  /** A new stream for this server process, in {@code dataDir/checkpoints/}. */
  static Checkpoints in(Path dataDir, Signer signer, Clock clock) {
    byte[] suffix = new byte[3];
    new SecureRandom().nextBytes(suffix);
    String node = STAMP.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
    return new Checkpoints(
        dataDir.resolve(DIRECTORY).resolve(node + ".jsonl"), node, signer, clock);
  }

  Path file() {
    return file;
  }

  /**
   * Writes a line if a chain this node appended to moved. A chain is looked at in two rounds in a
   * row, so that an append committed just after a round is recorded by the next one. A chain that
   * went back (shorter, rewritten, gone) is not recorded again: the earlier line keeps the
   * evidence, and the log says so.
   */
  synchronized void write(Database db, Journal journal) {
    Set<String> now = journal.touchedSinceLastAsked();
    Set<String> chains = new HashSet<>(now);
    chains.addAll(lastRound);
    lastRound = now;
    if (chains.isEmpty()) {
      return;
    }
    List<Journal.Head> heads =
        db.tx(
            c -> {
              List<Journal.Head> out = new ArrayList<>();
              for (String chain : chains) {
                out.add(journal.head(c, chain));
              }
              return out;
            });
    Map<String, Journal.Head> moved = new TreeMap<>();
    for (Journal.Head h : heads) {
      Journal.Head before = recorded.get(h.chain());
      if (before == null ? h.seq() > 0 : h.seq() > before.seq()) {
        moved.put(h.chain(), h);
      } else if (before != null && (h.seq() < before.seq() || !h.hash().equals(before.hash()))) {
        LOG.warn(
            "journal chain {} no longer ends where checkpoint {} of {} recorded it",
            h.chain(),
            lines,
            file.getFileName());
      }
    }
    if (!moved.isEmpty()) {
      Map<String, Journal.Head> next = new TreeMap<>(recorded);
      next.putAll(moved);
      append(moved, next);
      recorded.putAll(moved); // once written: a line that failed is tried again next round
    }
  }

  private void append(Map<String, Journal.Head> moved, Map<String, Journal.Head> all) {
    Map<String, Object> heads = new LinkedHashMap<>();
    moved.values().forEach(h -> heads.put(h.chain(), List.of(h.seq(), h.hash())));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("v", 1);
    payload.put("kind", KIND);
    payload.put("node", node);
    payload.put("n", lines + 1);
    payload.put("at", clock.instant().toString());
    payload.put("previous", previousLine);
    payload.put("chains", all.size());
    payload.put("root", root(all.values()));
    payload.put("heads", heads);
    String line;
    try {
      line = signer.sign(Json.mapper().writeValueAsString(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a checkpoint", e);
    }
    try {
      DataFiles.directory(file.getParent());
      DataFiles.createPrivate(file);
      try (FileChannel out = FileChannel.open(file, StandardOpenOption.APPEND)) {
        out.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII)));
        out.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append to " + file, e);
    }
    lines++;
    previousLine = Secrets.sha256(line);
  }

  /**
   * The Merkle root over heads, ordered by chain: a leaf hashes {@code 0x00}, the chain, the number
   * and the hash (each length-prefixed); a node hashes {@code 0x01} and its two children; an odd
   * node goes up as it is.
   */
  static String root(Collection<Journal.Head> heads) {
    List<byte[]> level = new ArrayList<>();
    heads.stream()
        .sorted((a, b) -> a.chain().compareTo(b.chain()))
        .forEach(h -> level.add(leaf(h)));
    if (level.isEmpty()) {
      return Journal.GENESIS;
    }
    while (level.size() > 1) {
      List<byte[]> up = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        up.add(i + 1 < level.size() ? node(level.get(i), level.get(i + 1)) : level.get(i));
      }
      level.clear();
      level.addAll(up);
    }
    return HexFormat.of().formatHex(level.get(0));
  }

  private static byte[] leaf(Journal.Head h) {
    ByteBuffer b = ByteBuffer.allocate(1024);
    b.put((byte) 0);
    for (String field : new String[] {h.chain(), Long.toString(h.seq()), h.hash()}) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      if (b.remaining() < bytes.length + 4) {
        ByteBuffer bigger = ByteBuffer.allocate(b.capacity() * 2 + bytes.length);
        b.flip();
        b = bigger.put(b);
      }
      b.putInt(bytes.length).put(bytes);
    }
    byte[] bytes = new byte[b.position()];
    b.flip().get(bytes);
    return Secrets.sha256Bytes(bytes);
  }

  private static byte[] node(byte[] left, byte[] right) {
    byte[] both = new byte[1 + left.length + right.length];
    both[0] = 1;
    System.arraycopy(left, 0, both, 1, left.length);
    System.arraycopy(right, 0, both, 1 + left.length, right.length);
    return Secrets.sha256Bytes(both);
  }

  /**
   * Reads a stream back: each line must be signed with the server's key, numbered from 1, follow
   * the line before, and carry the root of every head recorded so far; what does not is named.
   */
  static Stream read(Path file, Statements statements) {
    List<String> text;
    try {
      text = Files.readAllLines(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return new Stream(
          file, 0, Map.of(), List.of("cannot be read (" + e.getClass().getSimpleName() + ")"));
    }
    Map<String, Recorded> heads = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    String previous = Journal.GENESIS;
    long expected = 1;
    long number = 0;
    for (String line : text) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String where = "line " + number;
      JsonNode p = statements.payload(line).orElse(null);
      if (p == null || !KIND.equals(p.path("kind").asText())) {
        problems.add(where + " is not a checkpoint signed with the server's key");
        previous = Secrets.sha256(line.strip());
        continue;
      }
      if (p.path("n").asLong() != expected) {
        problems.add(
            where
                + " is checkpoint "
                + p.path("n").asLong()
                + ", expected "
                + expected
                + ": a line is missing or out of order");
      } else if (!previous.equals(p.path("previous").asText())) {
        problems.add(where + " does not follow the line before it");
      }
      for (Map.Entry<String, JsonNode> h : p.path("heads").properties()) {
        Journal.Head head =
            new Journal.Head(
                h.getKey(), h.getValue().path(0).asLong(), h.getValue().path(1).asText());
        heads.put(h.getKey(), new Recorded(head, p.path("n").asLong()));
      }
      if (!root(heads.values().stream().map(Recorded::head).toList())
          .equals(p.path("root").asText())) {
        problems.add(where + ": its root is not that of the heads recorded up to it");
      }
      expected = p.path("n").asLong() + 1;
      previous = Secrets.sha256(line.strip());
    }
    return new Stream(file, expected - 1, heads, problems);
  }
}
