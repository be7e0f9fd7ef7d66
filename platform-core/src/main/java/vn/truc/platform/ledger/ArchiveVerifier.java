package vn.truc.platform.ledger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Checks an exported ledger archive offline, with no database and no platform: every line
 * canonical, every entry's hash, the chain from the header's previous hash, every checkpoint's
 * signature, and the signature over the whole file. One changed byte anywhere fails it.
 *
 * <pre>
 * java -cp platform-core/target/truc.jar -Dloader.main=vn.truc.platform.ledger.ArchiveVerifier \
 *   org.springframework.boot.loader.launch.PropertiesLauncher [--public-key key.pub.pem] export.jsonl
 * </pre>
 *
 * Exit status 0 when the archive verifies, 1 when it does not (the first fault is printed), 2 when
 * it cannot be read or the arguments are wrong.
 */
public final class ArchiveVerifier {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /**
   * The outcome.
   *
   * @param message what verified, or the first fault and where it is
   * @param signingKey the key the archive is signed with, null if the header could not be read
   */
  public record Result(
      boolean ok,
      String message,
      long entries,
      long checkpoints,
      long fromSeq,
      long toSeq,
      TrustedKey signingKey) {}

  private ArchiveVerifier() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** {@link #main} without the exit, for tests. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    TrustedKey pinned = null;
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    try {
      if (rest.size() == 3 && rest.get(0).equals("--public-key")) {
        pinned =
            TrustedKey.fromPem(Files.readString(Path.of(rest.get(1)), StandardCharsets.US_ASCII));
        rest = rest.subList(2, 3);
      }
      if (rest.size() != 1 || rest.get(0).startsWith("-")) {
        err.println("usage: ArchiveVerifier [--public-key KEY.pub.pem] EXPORT.jsonl");
        return 2;
      }
      Result r;
      try (InputStream in = Files.newInputStream(Path.of(rest.get(0)))) {
        r = verify(in, pinned);
      }
      if (!r.ok()) {
        out.println("BROKEN: " + r.message());
        return 1;
      }
      out.println("OK: " + r.message());
      if (pinned == null) {
        out.println(
            "The archive vouches for its own key: compare its id "
                + r.signingKey().keyId()
                + " with the one the platform's operator publishes (GET /api/ledger/public-key),"
                + " or pass that key with --public-key.");
      }
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println("ArchiveVerifier: " + e.getMessage());
      return 2;
    }
  }

  /**
   * Verifies an archive read from {@code in}.
   *
   * @param pinned the key the archive must be signed with; null to accept the key in its header
   */
  public static Result verify(InputStream in, TrustedKey pinned) throws IOException {
    return new Run(new BufferedInputStream(in, 1 << 16), pinned).verify();
  }

  /** One verification: the state of a pass over the lines. */
  private static final class Run {
    private final InputStream in;
    private final TrustedKey pinned;
    private final MessageDigest digest = LedgerHash.sha256();
    private long line;
    private long fromSeq;
    private long toSeq;
    private TrustedKey signingKey;
    private ChainVerifier chain;

    Run(InputStream in, TrustedKey pinned) {
      this.in = in;
      this.pinned = pinned;
    }

    Result verify() throws IOException {
      try {
        return walk();
      } catch (Broken b) {
        return fail(b.getMessage());
      }
    }

    private Result walk() throws IOException {
      byte[] first = next();
      if (first == null) {
        return fail("the archive is empty");
      }
      readHeader(object(first));
      digest.update(first);
      Map<String, Object> signature = null;
      byte[] bytes;
      while ((bytes = next()) != null) {
        if (signature != null) {
          throw new Broken("line " + line + " follows the signature line");
        }
        Map<String, Object> m = object(bytes);
        switch (text(m, "type")) {
          case "entry" -> {
            if (!chain.entry(entry(m))) {
              return fail("line " + line + ": " + chain.problem().orElseThrow().message());
            }
          }
          case "checkpoint" -> {
            if (!chain.checkpoint(checkpoint(m))) {
              return fail("line " + line + ": " + chain.problem().orElseThrow().message());
            }
          }
          case "signature" -> signature = m;
          default -> throw new Broken("line " + line + " has an unknown type");
        }
        if (signature == null) {
          digest.update(bytes);
        }
      }
      if (signature == null) {
        return fail("there is no signature line: the archive is cut short");
      }
      if (!chain.end(toSeq)) {
        return fail(chain.problem().orElseThrow().message());
      }
      String sha256 = HexFormat.of().formatHex(digest.digest());
      if (!sha256.equals(text(signature, "sha256"))) {
        return fail(
            "the archive's bytes give SHA-256 "
                + sha256
                + " but the signed digest is "
                + text(signature, "sha256")
                + ": the archive was altered");
      }
      if (!signingKey.keyId().equals(text(signature, "keyId"))
          || !signingKey.algorithm().equals(text(signature, "algorithm"))
          || !signingKey.verifies(
              ArchiveWriter.signedStatement(signingKey.keyId(), sha256),
              text(signature, "signature"))) {
        return fail("the archive's signature does not verify with key " + signingKey.keyId());
      }
      return new Result(
          true,
          String.format(
              "entries %d to %d (%d entries, %d signed checkpoints), signed by %s key %s",
              fromSeq,
              toSeq,
              chain.entries(),
              chain.checkpoints(),
              signingKey.algorithm(),
              signingKey.keyId()),
          chain.entries(),
          chain.checkpoints(),
          fromSeq,
          toSeq,
          signingKey);
    }

    private void readHeader(Map<String, Object> h) {
      if (!"header".equals(h.get("type")) || !ArchiveWriter.FORMAT.equals(h.get("format"))) {
        throw new Broken("line 1 is not a " + ArchiveWriter.FORMAT + " header");
      }
      fromSeq = number(h, "fromSeq");
      toSeq = number(h, "toSeq");
      Map<String, TrustedKey> keys = new LinkedHashMap<>();
      if (!(h.get("keys") instanceof List<?> list)) {
        throw new Broken("line 1 has no keys");
      }
      for (Object o : list) {
        if (!(o instanceof Map<?, ?> k)) {
          throw new Broken("line 1 has a key that is not an object");
        }
        TrustedKey key;
        try {
          key = TrustedKey.fromBase64(String.valueOf(k.get("publicKey")));
        } catch (IllegalArgumentException e) {
          throw new Broken("line 1 has an unreadable public key: " + e.getMessage());
        }
        if (!key.keyId().equals(k.get("keyId")) || !key.algorithm().equals(k.get("algorithm"))) {
          throw new Broken("line 1 names key " + k.get("keyId") + " wrongly");
        }
        keys.put(key.keyId(), key);
      }
      signingKey = keys.get(text(h, "signingKeyId"));
      if (signingKey == null) {
        throw new Broken("line 1 does not hold the signing key " + h.get("signingKeyId"));
      }
      if (pinned != null && !pinned.keyId().equals(signingKey.keyId())) {
        throw new Broken(
            "the archive is signed by key "
                + signingKey.keyId()
                + ", not by the expected key "
                + pinned.keyId());
      }
      chain =
          new ChainVerifier(
              fromSeq, text(h, "previousHash"), keys.values(), hash -> OptionalLong.empty());
    }

    private StoredEntry entry(Map<String, Object> m) {
      if (!(m.get("entry") instanceof Map<?, ?> raw)) {
        throw new Broken("line " + line + " has no entry");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> e = (Map<String, Object>) raw;
      LedgerEntry entry;
      try {
        entry =
            new LedgerEntry(
                number(e, "seq"),
                text(e, "prev"),
                text(e, "kind"),
                Instant.parse(text(e, "at")),
                optionalText(e, "actor"),
                optionalText(e, "agency"),
                optionalText(e, "contract"),
                e.get("contractVersion") == null
                    ? null
                    : Math.toIntExact(number(e, "contractVersion")),
                Math.toIntExact(number(e, "recordCount")),
                keys(e),
                optionalText(e, "firstPosition"),
                optionalText(e, "lastPosition"),
                optionalText(e, "detail"),
                optionalText(e, "purpose"),
                optionalText(e, "legalBasis"));
      } catch (RuntimeException ex) {
        throw new Broken("line " + line + " is not a ledger entry: " + ex.getMessage());
      }
      // Members the hash does not cover would ride along unverified.
      if (!CanonicalJson.write(e).equals(CanonicalJson.write(entry.canonical()))) {
        throw new Broken("line " + line + " has members a ledger entry does not have");
      }
      Object id = m.get("id");
      return new StoredEntry(
          id == null ? null : number(m, "id"),
          entry,
          text(m, "hash"),
          null,
          Boolean.TRUE.equals(m.get("redacted")));
    }

    private Checkpoint checkpoint(Map<String, Object> m) {
      try {
        return new Checkpoint(
            number(m, "seq"),
            text(m, "hash"),
            Instant.parse(text(m, "signedAt")),
            text(m, "algorithm"),
            text(m, "keyId"),
            text(m, "signature"));
      } catch (RuntimeException ex) {
        throw new Broken("line " + line + " is not a checkpoint: " + ex.getMessage());
      }
    }

    private List<String> keys(Map<String, Object> e) {
      if (!(e.get("keys") instanceof List<?> list)) {
        throw new Broken("line " + line + ": keys is not a list");
      }
      List<String> keys = new ArrayList<>(list.size());
      for (Object k : list) {
        if (k != null && !(k instanceof String)) {
          throw new Broken("line " + line + ": a key is not text");
        }
        keys.add((String) k);
      }
      return keys;
    }

    /** The next line with its newline, null at the end; a last line without one is cut short. */
    private byte[] next() throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream(512);
      int c;
      while ((c = in.read()) != -1) {
        b.write(c);
        if (c == '\n') {
          line++;
          return b.toByteArray();
        }
      }
      if (b.size() > 0) {
        throw new Broken("the last line has no end: the archive is cut short");
      }
      return null;
    }

    /** Parses a line, which must be exactly the canonical JSON of what it holds. */
    private Map<String, Object> object(byte[] bytes) {
      String text = new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
      Object value;
      try {
        value = plain(JSON.readTree(text));
      } catch (IOException | RuntimeException e) {
        throw new Broken("line " + line + " is not JSON the ledger writes: " + e.getMessage());
      }
      if (!(value instanceof Map<?, ?>)
          || !Arrays.equals(CanonicalJson.bytes(value), Arrays.copyOf(bytes, bytes.length - 1))) {
        throw new Broken("line " + line + " is not in canonical form: it was altered");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) value;
      return m;
    }

    private String text(Map<String, Object> m, String name) {
      if (!(m.get(name) instanceof String s)) {
        throw new Broken("line " + line + ": " + name + " is missing or not text");
      }
      return s;
    }

    private String optionalText(Map<String, Object> m, String name) {
      return m.get(name) == null ? null : text(m, name);
    }

    private long number(Map<String, Object> m, String name) {
      if (!(m.get(name) instanceof Long n)) {
        throw new Broken("line " + line + ": " + name + " is missing or not a whole number");
      }
      return n;
    }

    private Result fail(String message) {
      return new Result(false, message, 0, 0, fromSeq, toSeq, signingKey);
    }
  }

  /** JSON as plain values: maps, lists, text, whole numbers, booleans, null. */
  private static Object plain(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = n.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        m.put(f.getKey(), plain(f.getValue()));
      }
      return m;
    }
    if (n.isArray()) {
      List<Object> list = new ArrayList<>(n.size());
      n.forEach(item -> list.add(plain(item)));
      return list;
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return n.longValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNull()) {
      return null;
    }
    throw new IllegalArgumentException("unexpected JSON value " + n);
  }

  /** A fault found while reading; its message names the line. */
  private static final class Broken extends RuntimeException {
    Broken(String message) {
      super(message, null, false, false);
    }
  }
}
