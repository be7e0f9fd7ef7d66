package vn.truc.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compatibility gate. Every contract has its published versions under {@code
 * src/main/contracts/<Name>/v<N>.avsc}; the build fails when a contract's source differs from its
 * latest published version (change it only by publishing the next version) or when any version
 * cannot read the records of all versions before it (BACKWARD_TRANSITIVE).
 */
class ContractHistoryTest {

  private static final Path AVRO = Path.of("src/main/avro");
  private static final Path HISTORY = Path.of("src/main/contracts");

  static Stream<String> contracts() {
    return ContractCatalog.standard().all().stream().map(Contract::name);
  }

  @ParameterizedTest
  @MethodSource("contracts")
  void latestPublishedVersionIsTheCurrentSchema(String name) throws IOException {
    List<Schema> versions = ContractHistory.versions(name);
    assertThat(versions).as("published versions of %s", name).isNotEmpty();
    Schema latest = versions.get(versions.size() - 1);
    Schema current = parseSource(name);

    // The whole schema: types, defaults, docs and the truc.* metadata.
    assertThat(current.toString())
        .as(
            "%s differs from its latest published version v%d. If the change is meant, publish it"
                + " as %s with this content:%n%s",
            name,
            versions.size(),
            HISTORY.resolve(name).resolve("v" + (versions.size() + 1) + ".avsc"),
            SchemaFormatter.format("json/pretty", current))
        .isEqualTo(latest.toString());
  }

  @ParameterizedTest
  @MethodSource("contracts")
  void generatedClassFollowsTheLatestPublishedVersion(String name) {
    List<Schema> versions = ContractHistory.versions(name);
    Schema latest = versions.get(versions.size() - 1);
    Schema generated = ContractCatalog.standard().get(name).schema();

    assertThat(SchemaNormalization.toParsingForm(generated))
        .isEqualTo(SchemaNormalization.toParsingForm(latest));
    Contract published = Contract.of(latest);
    Contract shipped = ContractCatalog.standard().get(name);
    assertThat(published.ownerAgency()).isEqualTo(shipped.ownerAgency());
    assertThat(published.classification()).isEqualTo(shipped.classification());
    assertThat(published.keyField()).isEqualTo(shipped.keyField());
    assertThat(published.personalFields()).isEqualTo(shipped.personalFields());
    assertThat(published.sensitiveFields()).isEqualTo(shipped.sensitiveFields());
  }

  @ParameterizedTest
  @MethodSource("contracts")
  void everyVersionReadsTheRecordsOfAllEarlierOnes(String name) {
    List<Schema> versions = ContractHistory.versions(name);
    for (int n = 2; n <= versions.size(); n++) {
      List<String> problems =
          Compatibility.backwardTransitiveProblems(versions.get(n - 1), versions.subList(0, n - 1));
      assertThat(problems).as("%s v%d against v1..v%d", name, n, n - 1).isEmpty();
    }
    Schema generated = ContractCatalog.standard().get(name).schema();
    assertThat(Compatibility.backwardTransitiveProblems(generated, versions))
        .as("the generated %s class against all published versions", name)
        .isEmpty();
  }

  @ParameterizedTest
  @MethodSource("contracts")
  void everyVersionChangesSomething(String name) {
    List<Schema> versions = ContractHistory.versions(name);
    for (int n = 2; n <= versions.size(); n++) {
      assertThat(versions.get(n - 1).toString())
          .as("%s v%d repeats v%d", name, n, n - 1)
          .isNotEqualTo(versions.get(n - 2).toString());
    }
  }

  @ParameterizedTest
  @MethodSource("contracts")
  void publishedFilesAreNumberedWithoutGaps(String name) throws IOException {
    try (Stream<Path> files = Files.list(HISTORY.resolve(name))) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      List<String> expected = new ArrayList<>();
      for (int n = 1; n <= ContractHistory.versions(name).size(); n++) {
        expected.add("v" + n + ".avsc");
      }
      assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void everyHistoryBelongsToACatalogContract() throws IOException {
    try (Stream<Path> dirs = Files.list(HISTORY)) {
      assertThat(dirs.map(p -> p.getFileName().toString()).toList())
          .containsExactlyInAnyOrderElementsOf(contracts().toList());
    }
  }

  @Test
  void civilServantVersion1IsTheFirstPublishedContract() {
    List<Schema> versions = ContractHistory.versions("CivilServant");

    assertThat(versions).hasSizeGreaterThanOrEqualTo(2);
    Schema v1 = versions.get(0);
    assertThat(v1.getField("languages")).isNull();
    assertThat(v1.getField("personalId")).isNotNull();
    assertThat(v1.getFields()).hasSize(27);
    assertThat(versions.get(1).getField("languages")).isNotNull();
  }

  /** The contract as its .avsc source declares it, with the common types it uses. */
  private static Schema parseSource(String name) throws IOException {
    Schema.Parser parser = new Schema.Parser();
    File[] common = AVRO.resolve("common").toFile().listFiles((d, f) -> f.endsWith(".avsc"));
    assertThat(common).isNotNull();
    Arrays.sort(common);
    for (File file : common) {
      parser.parse(file);
    }
    return parser.parse(AVRO.resolve(name + ".avsc").toFile());
  }
}
