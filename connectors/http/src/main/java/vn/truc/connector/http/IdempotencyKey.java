package vn.truc.connector.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import vn.truc.connector.api.SinkRecord;

/**
 * The Idempotency-Key of a batch: SHA-256 over the versions it carries (key, source position,
 * changed-at, deleted) in order, as 64 hex digits. The same batch always gets the same key, on a
 * retry within a write and when the platform replays it, so a receiver that remembers keys can
 * apply each batch once. Field values are left out on purpose: a version is identified by where it
 * came from, and re-reading it must not look like news because a value was rendered anew.
 */
final class IdempotencyKey {

  private IdempotencyKey() {}

  static String of(List<SinkRecord> records) {
    MessageDigest sha = sha256();
    for (SinkRecord r : records) {
      update(sha, r.key());
      update(sha, r.sourcePosition());
      update(sha, r.changedAt() == null ? null : r.changedAt().toString());
      sha.update((byte) (r.deleted() ? 1 : 0));
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  // Length-prefixed, so that ("ab", "c") and ("a", "bc") cannot hash alike; -1 marks null.
  private static void update(MessageDigest sha, String value) {
    if (value == null) {
      sha.update(ByteBuffer.allocate(4).putInt(-1).array());
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    sha.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
