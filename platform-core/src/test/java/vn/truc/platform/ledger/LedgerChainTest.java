package vn.truc.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.truc.platform.ledger.ChainProblem.Kind;

/**
 * Hash chaining and what verification says about each way of tampering: the first fault, named by
 * sequence number and id.
 */
class LedgerChainTest {

  private final LedgerSigningKey key = LedgerSigningKey.generate();

  @Test
  void anIntactChainVerifies() {
    List<StoredEntry> chain = LedgerFixtures.chain(6);
    ChainVerifier v = verifier(1, LedgerHash.GENESIS, chain);
    chain.forEach(v::entry);
    assertThat(v.end(6)).isTrue();
    assertThat(v.problem()).isEmpty();
    assertThat(v.entries()).isEqualTo(6);
    assertThat(chain.get(0).entry().prev()).isEqualTo(LedgerHash.GENESIS);
    for (int i = 1; i < chain.size(); i++) {
      assertThat(chain.get(i).entry().prev()).isEqualTo(chain.get(i - 1).hash());
    }
  }

  @Test
  void aChangedCountIsAHashMismatchOfThatEntry() {
    List<StoredEntry> chain = LedgerFixtures.chain(6);
    StoredEntry third = chain.get(2);
    chain.set(
        2,
        new StoredEntry(
            third.id(),
            LedgerFixtures.withCount(third.entry(), 2000),
            third.hash(),
            third.indexedKeys()));
    ChainProblem p = firstProblem(chain, 6);
    assertThat(p.kind()).isEqualTo(Kind.HASH_MISMATCH);
    assertThat(p.seq()).isEqualTo(3);
    assertThat(p.entryId()).isEqualTo(103);
    assertThat(p.message()).contains("entry 3 (id 103)", third.hash());
  }

  @Test
  void aRedactedEntryIsCheckedByItsPlaceAndAMovedOneIsStillCaught() {
    List<StoredEntry> chain = LedgerFixtures.chain(6);
    StoredEntry third = chain.get(2);
    StoredEntry redacted =
        new StoredEntry(
            third.id(),
            LedgerFixtures.withKeys(third.entry(), List.of()),
            third.hash(),
            List.of(),
            true);
    chain.set(2, redacted);
    ChainVerifier v =
        new ChainVerifier(1, LedgerHash.GENESIS, List.of(), h -> OptionalLong.empty());
    chain.forEach(v::entry);
    assertThat(v.end(6)).isTrue();
    assertThat(v.redacted()).isEqualTo(1);

    // Without the flag, the same entry no longer matches its hash.
    chain.set(2, new StoredEntry(third.id(), redacted.entry(), third.hash(), List.of(), false));
    assertThat(firstProblem(chain, 6).kind()).isEqualTo(Kind.HASH_MISMATCH);
    // A redacted entry's recorded hash is what the next entry links to: forging it is caught there.
    chain.set(2, new StoredEntry(third.id(), redacted.entry(), "f".repeat(64), List.of(), true));
    ChainProblem p = firstProblem(chain, 6);
    assertThat(p.kind()).isEqualTo(Kind.ORDER_BROKEN);
    assertThat(p.seq()).isEqualTo(4);
  }

  @Test
  void aDeletedEntryIsAMissingSequenceNumber() {
    List<StoredEntry> chain = LedgerFixtures.chain(6);
    chain.remove(3);
    ChainProblem p = firstProblem(chain, 6);
    assertThat(p.kind()).isEqualTo(Kind.MISSING_SEQUENCE);
    assertThat(p.seq()).isEqualTo(4);
    assertThat(p.message()).contains("entry 4 is missing before entry 5 (id 105)");
  }

  @Test
  void deletedNewestEntriesAreMissingAtTheEnd() {
    List<StoredEntry> chain = LedgerFixtures.chain(6);
    chain.remove(5);
    chain.remove(4);
    ChainProblem p = firstProblem(chain, 6);
    assertThat(p.kind()).isEqualTo(Kind.MISSING_SEQUENCE);
    assertThat(p.seq()).isEqualTo(5);
    assertThat(p.message()).contains("entries 5 to 6 are missing at the end");
  }

  /**
   * Two rows swap everything but their id and sequence number, as an UPDATE by the database owner
   * would: the place in the chain stays, the contents (with their hashes) move.
   */
  @Test
  void swappedEntriesBreakTheOrderAtTheFirstOfThem() {
    List<StoredEntry> chain = LedgerFixtures.chain(6);
    swapContents(chain, 1, 3);
    ChainProblem p = firstProblem(chain, 6);
    assertThat(p.kind()).isEqualTo(Kind.ORDER_BROKEN);
    assertThat(p.seq()).isEqualTo(2);
    assertThat(p.entryId()).isEqualTo(102);
    assertThat(p.message()).contains("written after entry 3, not after entry 1");
  }

  @Test
  void adjacentSwappedEntriesBreakTheOrderToo() {
    List<StoredEntry> chain = LedgerFixtures.chain(6);
    swapContents(chain, 2, 3);
    ChainProblem p = firstProblem(chain, 6);
    assertThat(p.kind()).isEqualTo(Kind.ORDER_BROKEN);
    assertThat(p.seq()).isEqualTo(3);
  }

  @Test
  void aReplacedPredecessorShowsAsABrokenLinkWhenTheEntryItselfIsIntact() {
    List<StoredEntry> chain = LedgerFixtures.chain(4);
    // Entry 3 re-hashed by an attacker after a change: it is self-consistent, entry 4 is not.
    StoredEntry third = chain.get(2);
    LedgerEntry changed = LedgerFixtures.withCount(third.entry(), 1);
    chain.set(2, new StoredEntry(third.id(), changed, changed.hash(), third.indexedKeys()));
    ChainProblem p = firstProblem(chain, 4);
    assertThat(p.kind()).isEqualTo(Kind.ORDER_BROKEN);
    assertThat(p.seq()).isEqualTo(4);
    assertThat(p.message()).contains("an entry before it was replaced");
  }

  @Test
  void aKeyIndexThatDisagreesWithTheEntryIsNamed() {
    List<StoredEntry> chain = LedgerFixtures.chain(3);
    StoredEntry second = chain.get(1);
    chain.set(
        1,
        new StoredEntry(
            second.id(),
            second.entry(),
            second.hash(),
            List.of(second.entry().keys().get(0), "001099000001")));
    ChainProblem p = firstProblem(chain, 3);
    assertThat(p.kind()).isEqualTo(Kind.KEYS_MISMATCH);
    assertThat(p.seq()).isEqualTo(2);
    assertThat(p.message()).contains("001099000001", second.entry().keys().get(1));
  }

  @Test
  void aStretchInTheMiddleVerifiesFromItsPredecessorsHash() {
    List<StoredEntry> chain = LedgerFixtures.chain(6);
    ChainVerifier v = verifier(3, chain.get(1).hash(), chain);
    chain.subList(2, 5).forEach(v::entry);
    assertThat(v.end(5)).isTrue();
    assertThat(v.entries()).isEqualTo(3);

    ChainVerifier wrong = verifier(3, chain.get(0).hash(), chain);
    chain.subList(2, 5).forEach(wrong::entry);
    assertThat(wrong.problem()).map(ChainProblem::kind).contains(Kind.ORDER_BROKEN);
  }

  @Test
  void signedCheckpointsVerify() {
    List<StoredEntry> chain = LedgerFixtures.chain(4);
    ChainVerifier v = verifier(1, LedgerHash.GENESIS, chain);
    for (StoredEntry e : chain) {
      v.entry(e);
      if (e.entry().seq() % 2 == 0) {
        assertThat(v.checkpoint(sign(e))).isTrue();
      }
    }
    assertThat(v.end(4)).isTrue();
    assertThat(v.checkpoints()).isEqualTo(2);
    assertThat(v.lastCheckpointSeq()).isEqualTo(4);
  }

  @Test
  void anAlteredCheckpointHasABadSignature() {
    List<StoredEntry> chain = LedgerFixtures.chain(2);
    Checkpoint good = sign(chain.get(1));
    Checkpoint altered =
        new Checkpoint(
            good.seq(),
            chain.get(0).hash(),
            good.signedAt(),
            good.algorithm(),
            good.keyId(),
            good.signature());
    ChainProblem p = checkpointProblem(chain, altered);
    assertThat(p.kind()).isEqualTo(Kind.BAD_CHECKPOINT_SIGNATURE);
    assertThat(p.seq()).isEqualTo(2);
    assertThat(p.entryId()).isEqualTo(102);
    assertThat(p.message()).contains("does not verify");
  }

  @Test
  void aCheckpointByAnUntrustedKeyIsRefused() {
    List<StoredEntry> chain = LedgerFixtures.chain(2);
    Checkpoint foreign =
        Checkpoint.sign(2, chain.get(1).hash(), Instant.now(), LedgerSigningKey.generate());
    ChainProblem p = checkpointProblem(chain, foreign);
    assertThat(p.kind()).isEqualTo(Kind.BAD_CHECKPOINT_SIGNATURE);
    assertThat(p.message()).contains("not a trusted ledger key", foreign.keyId());
  }

  /**
   * The attack a hash chain alone cannot see: change an entry and recompute every hash after it.
   * The signed checkpoint still names the old hash.
   */
  @Test
  void aRecomputedChainContradictsItsSignedCheckpoint() {
    List<StoredEntry> original = LedgerFixtures.chain(4);
    Checkpoint signed = sign(original.get(3));
    List<StoredEntry> forged = new ArrayList<>();
    String prev = LedgerHash.GENESIS;
    for (StoredEntry e : original) {
      LedgerEntry content = e.entry();
      if (content.seq() == 2) {
        content = LedgerFixtures.withCount(content, 0);
      }
      LedgerEntry relinked =
          new LedgerEntry(
              content.seq(),
              prev,
              content.kind(),
              content.at(),
              content.actor(),
              content.agency(),
              content.contract(),
              content.contractVersion(),
              content.recordCount(),
              content.keys(),
              content.firstPosition(),
              content.lastPosition(),
              content.detail(),
              content.purpose(),
              content.legalBasis());
      forged.add(new StoredEntry(e.id(), relinked, relinked.hash(), e.indexedKeys()));
      prev = relinked.hash();
    }
    ChainVerifier v = verifier(1, LedgerHash.GENESIS, forged);
    forged.forEach(v::entry);
    assertThat(v.problem()).isEmpty();
    assertThat(v.checkpoint(signed)).isFalse();
    ChainProblem p = v.problem().orElseThrow();
    assertThat(p.kind()).isEqualTo(Kind.CHECKPOINT_MISMATCH);
    assertThat(p.seq()).isEqualTo(4);
  }

  private Checkpoint sign(StoredEntry e) {
    return Checkpoint.sign(e.entry().seq(), e.hash(), Instant.now(), key);
  }

  private ChainProblem checkpointProblem(List<StoredEntry> chain, Checkpoint c) {
    ChainVerifier v = verifier(1, LedgerHash.GENESIS, chain);
    chain.forEach(v::entry);
    assertThat(v.checkpoint(c)).isFalse();
    return v.problem().orElseThrow();
  }

  private ChainProblem firstProblem(List<StoredEntry> chain, long last) {
    ChainVerifier v = verifier(1, LedgerHash.GENESIS, chain);
    for (StoredEntry e : chain) {
      if (!v.entry(e)) {
        break;
      }
    }
    v.end(last);
    return v.problem().orElseThrow(() -> new AssertionError("no problem found"));
  }

  /** A verifier whose hash lookup searches the stored rows, as the database does. */
  private ChainVerifier verifier(long first, String previous, List<StoredEntry> rows) {
    Function<String, OptionalLong> where =
        hash ->
            rows.stream()
                .filter(r -> r.hash().equals(hash))
                .mapToLong(r -> r.entry().seq())
                .findFirst();
    return new ChainVerifier(first, previous, List.of(key.publicKey()), where);
  }

  /** Swaps two rows' contents and hashes, keeping each row's id and sequence number. */
  private static void swapContents(List<StoredEntry> chain, int i, int j) {
    StoredEntry a = chain.get(i);
    StoredEntry b = chain.get(j);
    chain.set(
        i,
        new StoredEntry(
            a.id(), LedgerFixtures.atSeq(b.entry(), a.entry().seq()), b.hash(), b.indexedKeys()));
    chain.set(
        j,
        new StoredEntry(
            b.id(), LedgerFixtures.atSeq(a.entry(), b.entry().seq()), a.hash(), a.indexedKeys()));
  }
}
