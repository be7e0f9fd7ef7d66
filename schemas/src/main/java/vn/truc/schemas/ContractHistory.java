package vn.truc.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every published version of each contract, oldest first. The versions ship with this module as
 * {@code contracts/<ContractName>/v<N>.avsc} (from {@code src/main/contracts}), each a
 * self-contained schema with all named types inlined, numbered from 1 without gaps.
 *
 * <p>A contract is changed by adding its next version there; {@code ContractHistoryTest} fails the
 * build when the current schema differs from the latest version or cannot read an earlier one
 * ({@link Compatibility.Level#BACKWARD_TRANSITIVE}).
 */
public final class ContractHistory {

  private static final String ROOT = "contracts/";

  private ContractHistory() {}

  /**
   * The published versions of a contract, version 1 first; empty when none is published.
   *
   * @param contractName short name, e.g. {@code CivilServant}
   */
  public static List<Schema> versions(String contractName) {
    List<Schema> versions = new ArrayList<>();
    ClassLoader loader = ContractHistory.class.getClassLoader();
    for (int version = 1; ; version++) {
      String resource = resource(contractName, version);
      try (InputStream in = loader.getResourceAsStream(resource)) {
        if (in == null) {
          return List.copyOf(versions);
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        versions.add(new Schema.Parser().parse(text));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + resource, e);
      }
    }
  }

  /** The classpath resource of one version, e.g. {@code contracts/CivilServant/v2.avsc}. */
  public static String resource(String contractName, int version) {
    return ROOT + contractName + "/v" + version + ".avsc";
  }
}
