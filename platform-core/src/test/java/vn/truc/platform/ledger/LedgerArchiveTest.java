package vn.truc.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exported archive verifies offline, and no byte of it can change unnoticed. */
class LedgerArchiveTest {

  private final LedgerSigningKey key = LedgerSigningKey.generate();
  private final LedgerSigningKey earlier = LedgerSigningKey.generate();

  @TempDir Path dir;

  @Test
  void anArchiveVerifiesWithItsChainCheckpointsAndSignature() throws Exception {
    ArchiveVerifier.Result r = ArchiveVerifier.verify(in(archive(5, 1)), null);
    assertThat(r.ok()).as(r.message()).isTrue();
    assertThat(r.entries()).isEqualTo(5);
    assertThat(r.checkpoints()).isEqualTo(2);
    assertThat(r.signingKey().keyId()).isEqualTo(key.keyId());
    assertThat(r.message()).contains("entries 1 to 5");
  }

  @Test
  void aStretchFromTheMiddleVerifiesFromTheHashBeforeIt() throws Exception {
    byte[] archive = archive(6, 3);
    ArchiveVerifier.Result r = ArchiveVerifier.verify(in(archive), key.publicKey());
    assertThat(r.ok()).as(r.message()).isTrue();
    assertThat(r.entries()).isEqualTo(4);
  }

  @Test
  void everySingleChangedByteIsCaught() throws Exception {
    byte[] archive = archive(3, 1);
    List<Integer> unnoticed = new ArrayList<>();
    for (int i = 0; i < archive.length; i++) {
      for (int flip : new int[] {0x01, 0x20}) {
        byte[] changed = archive.clone();
        changed[i] = (byte) (changed[i] ^ flip);
        if (ArchiveVerifier.verify(in(changed), null).ok()) {
          unnoticed.add(i);
        }
      }
    }
    assertThat(unnoticed).as("positions where a changed byte went unnoticed").isEmpty();
  }

  @Test
  void aChangedCountIsNamedByLineAndEntry() throws Exception {
    String text = new String(archive(3, 1), StandardCharsets.UTF_8);
    String changed =
        text.replaceFirst("\"recordCount\":2,\"seq\":2", "\"recordCount\":3,\"seq\":2");
    assertThat(changed).isNotEqualTo(text);
    ArchiveVerifier.Result r =
        ArchiveVerifier.verify(in(changed.getBytes(StandardCharsets.UTF_8)), null);
    assertThat(r.ok()).isFalse();
    assertThat(r.message()).startsWith("line 3: entry 2 (id 102) no longer matches its hash");
  }

  @Test
  void cutShortOrExtendedArchivesFail() throws Exception {
    byte[] archive = archive(3, 1);
    String text = new String(archive, StandardCharsets.UTF_8);
    String withoutSignature = text.substring(0, text.lastIndexOf("{\"algorithm\""));
    assertThat(ArchiveVerifier.verify(in(bytes(withoutSignature)), null).message())
        .contains("no signature line");
    // Lines: header, entry 1, entry 2, its checkpoint, entry 3, its checkpoint, signature.
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n")));
    assertThat(lines.get(4)).contains("\"seq\":3}");
    lines.subList(4, 6).clear();
    String withoutLastEntry = String.join("\n", lines) + "\n";
    assertThat(ArchiveVerifier.verify(in(bytes(withoutLastEntry)), null).message())
        .contains("entry 3 is missing at the end");
    assertThat(ArchiveVerifier.verify(in(bytes(text + "{}\n")), null).ok()).isFalse();
  }

  @Test
  void anArchiveSignedByAnotherKeyThanThePinnedOneFails() throws Exception {
    ArchiveVerifier.Result r = ArchiveVerifier.verify(in(archive(2, 1)), earlier.publicKey());
    assertThat(r.ok()).isFalse();
    assertThat(r.message()).contains("not by the expected key " + earlier.keyId());
  }

  @Test
  void theCommandLineSaysOkOrBrokenWithItsExitStatus() throws Exception {
    Path file = dir.resolve("export.jsonl");
    Files.write(file, archive(3, 1));
    Path pub = dir.resolve("key.pub.pem");
    Files.writeString(pub, key.publicKey().pem());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(run(out, err, "--public-key", pub.toString(), file.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK: entries 1 to 3");

    byte[] changed = Files.readAllBytes(file);
    changed[changed.length / 2] ^= 0x01;
    Files.write(file, changed);
    out.reset();
    assertThat(run(out, err, file.toString())).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("BROKEN: ");

    assertThat(run(out, err)).isEqualTo(2);
    assertThat(run(out, err, dir.resolve("absent.jsonl").toString())).isEqualTo(2);
  }

  private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    return ArchiveVerifier.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /**
   * Entries {@code from}..{@code n} of a chain, with checkpoints of entry 2 (by an earlier, still
   * trusted key) and of the last entry.
   */
  private byte[] archive(int n, int from) throws Exception {
    List<StoredEntry> chain = LedgerFixtures.chain(n);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ArchiveWriter w = new ArchiveWriter(out, key);
    Map<String, String> selection = new LinkedHashMap<>();
    selection.put("from", String.valueOf(from));
    selection.put("to", null);
    String previous = from == 1 ? LedgerHash.GENESIS : chain.get(from - 2).hash();
    w.header(
        from, n, previous, Instant.now(), List.of(key.publicKey(), earlier.publicKey()), selection);
    for (StoredEntry e : chain.subList(from - 1, n)) {
      w.entry(e);
      long seq = e.entry().seq();
      if (seq == 2) {
        w.checkpoint(Checkpoint.sign(seq, e.hash(), Instant.now(), earlier));
      } else if (seq == n) {
        w.checkpoint(Checkpoint.sign(seq, e.hash(), Instant.now(), key));
      }
    }
    w.finish();
    return out.toByteArray();
  }

  private static ByteArrayInputStream in(byte[] b) {
    return new ByteArrayInputStream(Arrays.copyOf(b, b.length));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
