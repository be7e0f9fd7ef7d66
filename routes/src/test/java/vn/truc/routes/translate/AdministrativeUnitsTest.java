package vn.truc.routes.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.truc.routes.translate.AdministrativeUnits.Commune;
import vn.truc.routes.translate.CommuneTranslation.Status;

class AdministrativeUnitsTest {

  /** The source the shipped files were derived from, where the workspace has it. */
  static final Path SOURCE = Path.of("/work/shared/data/admin-units/legacy-to-2025-wards.csv");

  private final AdministrativeUnits units = AdministrativeUnits.standard();

  @Test
  void holdsTheUnitsBeforeAndAfterTheReform() {
    assertThat(units.legacyProvinces()).hasSize(63);
    assertThat(units.legacyDistricts()).hasSize(696);
    assertThat(units.legacyCommunes()).hasSize(10_035);
    assertThat(units.provinces2025()).hasSize(34);
    assertThat(units.communes2025()).hasSize(3_321);
    assertThat(units.legacyProvinceCodes()).contains("01", "02", "79", "96").doesNotContain("03");
  }

  @Test
  void looksUpUnitsByZeroPaddedCode() {
    assertThat(units.legacyProvince("01"))
        .get()
        .extracting(p -> p.name())
        .isEqualTo("Thành phố Hà Nội");
    assertThat(units.legacyDistrict("001"))
        .contains(new AdministrativeUnits.District("001", "Quận Ba Đình", "01"));
    assertThat(units.legacyCommune("00001"))
        .contains(new Commune("00001", "Phường Phúc Xá", "001", "01"));
    assertThat(units.province2025("08"))
        .get()
        .extracting(p -> p.name())
        .isEqualTo("Tỉnh Tuyên Quang");
    assertThat(units.commune2025("00097"))
        .contains(new Commune("00097", "Phường Hồng Hà", null, "01"));
    // Hà Giang (02) merged into Tuyên Quang (08): a legacy province that has no 2025 unit.
    assertThat(units.legacyProvince("02")).isPresent();
    assertThat(units.province2025("02")).isEmpty();
  }

  @Test
  void codesWrittenAsShorterNumbersArePadded() {
    assertThat(units.legacyCommune("1")).get().extracting(Commune::code).isEqualTo("00001");
    assertThat(units.legacyDistrict("1")).get().extracting(d -> d.code()).isEqualTo("001");
    assertThat(units.province2025("1")).get().extracting(p -> p.code()).isEqualTo("01");
    assertThat(AdministrativeUnits.normaliseCode("97", 5)).isEqualTo("00097");
    assertThat(AdministrativeUnits.normaliseCode("00097", 5)).isEqualTo("00097");
    assertThat(AdministrativeUnits.normaliseCode("000097", 5)).isNull();
    assertThat(AdministrativeUnits.normaliseCode("9a", 5)).isNull();
    assertThat(AdministrativeUnits.normaliseCode("", 5)).isNull();
    assertThat(AdministrativeUnits.normaliseCode(null, 5)).isNull();
    assertThat(units.legacyCommune("0000x")).isEmpty();
  }

  @Test
  void aCommuneTakenOverByOneNewCommuneIsTranslated() {
    CommuneTranslation t = units.translateLegacyCommune("00001");

    assertThat(t.status()).isEqualTo(Status.TRANSLATED);
    assertThat(t.legacyCode()).isEqualTo("00001");
    assertThat(t.provinceCode()).isEqualTo("01");
    assertThat(t.communeCode()).isEqualTo("00097");
    assertThat(t.candidates()).extracting(Commune::name).containsExactly("Phường Hồng Hà");
    assertThat(t.reason()).isNull();
  }

  @Test
  void aCommuneOfAMergedProvinceGetsTheNewProvinceCode() {
    // Phường 1 of Vũng Tàu (Bà Rịa - Vũng Tàu, 77) keeps its commune code in Hồ Chí Minh City (79).
    CommuneTranslation t = units.translateLegacyCommune("26506");

    assertThat(t.isTranslated()).isTrue();
    assertThat(t.provinceCode()).isEqualTo("79");
    assertThat(t.communeCode()).isEqualTo("26506");
    assertThat(units.legacyCommune("26506"))
        .get()
        .extracting(Commune::provinceCode)
        .isEqualTo("77");
  }

  @Test
  void aDividedCommuneIsAmbiguousWithItsCandidatesAndNeverGuessed() {
    CommuneTranslation t = units.translateLegacyCommune("00091");

    assertThat(t.status()).isEqualTo(Status.AMBIGUOUS);
    assertThat(t.provinceCode()).isNull();
    assertThat(t.communeCode()).isNull();
    assertThat(t.candidates()).extracting(Commune::code).containsExactly("00097", "00091", "00103");
    assertThat(t.reason())
        .startsWith("legacy commune 00091 (Phường Phú Thượng) was divided among 3 communes in 2025")
        .contains("00097 Phường Hồng Hà")
        .endsWith("the street address is needed to choose one");
  }

  @Test
  void aCodeThatIsNoLegacyCommuneIsUnknown() {
    CommuneTranslation t = units.translateLegacyCommune("99999");

    assertThat(t.status()).isEqualTo(Status.UNKNOWN);
    assertThat(t.candidates()).isEmpty();
    assertThat(t.reason()).contains("'99999'").contains("legacy");
    assertThat(units.translateLegacyCommune("abc").isUnknown()).isTrue();
    assertThat(units.translateLegacyCommune(null).isUnknown()).isTrue();
  }

  @Test
  void islandDistrictsWithoutCommunesBecomeTheirSpecialZone() {
    CommuneTranslation conDao = units.translateLegacyDistrictWithoutCommunes("755").orElseThrow();

    assertThat(conDao.isTranslated()).isTrue();
    assertThat(conDao.provinceCode()).isEqualTo("79");
    assertThat(conDao.communeCode()).isEqualTo("26732");
    assertThat(conDao.reason()).contains("Huyện Côn Đảo").contains("Đặc khu Côn Đảo");
    assertThat(units.translateLegacyDistrictWithoutCommunes("001")).isEmpty();
    assertThat(
            List.of("318", "471", "498", "536", "755").stream()
                .allMatch(d -> units.translateLegacyDistrictWithoutCommunes(d).isPresent()))
        .isTrue();
  }

  /** The acceptance check: the whole shipped table, row by row. */
  @Test
  void everyLegacyCommuneOfTheShippedTableTranslatesAsTheTableSays() throws IOException {
    Map<String, List<String[]>> rows = new LinkedHashMap<>();
    for (String[] r : readResource("/reference/admin-units/legacy-to-2025.csv")) {
      rows.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
    }
    int translated = 0;
    int ambiguous = 0;
    for (Map.Entry<String, List<String[]>> e : rows.entrySet()) {
      CommuneTranslation t = units.translateLegacyCommune(e.getKey());
      List<String[]> targets = e.getValue();
      boolean divided = Boolean.parseBoolean(targets.get(0)[3]);
      if (divided) {
        assertThat(t.status()).as(e.getKey()).isEqualTo(Status.AMBIGUOUS);
        assertThat(t.candidates())
            .as(e.getKey())
            .extracting(Commune::code)
            .containsExactlyElementsOf(targets.stream().map(r -> r[2]).toList());
        assertThat(t.reason()).as(e.getKey()).contains(e.getKey()).contains("divided");
        ambiguous++;
      } else {
        assertThat(targets).as(e.getKey()).hasSize(1);
        assertThat(t.status()).as(e.getKey()).isEqualTo(Status.TRANSLATED);
        assertThat(t.provinceCode()).as(e.getKey()).isEqualTo(targets.get(0)[1]);
        assertThat(t.communeCode()).as(e.getKey()).isEqualTo(targets.get(0)[2]);
        translated++;
      }
    }
    assertThat(translated).isEqualTo(9_564);
    assertThat(ambiguous).isEqualTo(471);
    // Every legacy commune of the unit list has its row, and no row names another.
    Set<String> listed = new HashSet<>();
    units.legacyCommunes().forEach(c -> listed.add(c.code()));
    assertThat(rows.keySet()).isEqualTo(listed);
  }

  /**
   * The same, against the source the shipped table was derived from (codes written as numbers
   * there, e.g. 1.0 for 00001): ambiguous exactly where the source says isDividedWard=True.
   */
  @Test
  void everyLegacyCommuneOfTheSourceTranslatesAsTheSourceSays() throws IOException {
    Assumptions.assumeTrue(Files.exists(SOURCE), "source data not in this workspace: " + SOURCE);
    List<String> lines = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
    List<String> header = List.of(stripBom(lines.get(0)).split(",", -1));
    int ward = header.indexOf("wardCode");
    int district = header.indexOf("districtCode");
    int dividedColumn = header.indexOf("isDividedWard");
    int newProvince = header.indexOf("newProvinceCode");
    int newWard = header.indexOf("newWardCode");
    Map<String, Set<String>> candidates = new LinkedHashMap<>();
    int rows = 0;
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] r = line.split(",", -1); // no field of this file is quoted
      assertThat(r).hasSameSizeAs(header.toArray());
      rows++;
      String expectedProvince = pad(r[newProvince], 2);
      String expectedCommune = pad(r[newWard], 5);
      if (r[ward].isEmpty()) { // an island district without communes
        CommuneTranslation t =
            units.translateLegacyDistrictWithoutCommunes(pad(r[district], 3)).orElseThrow();
        assertThat(t.communeCode()).isEqualTo(expectedCommune);
        assertThat(t.provinceCode()).isEqualTo(expectedProvince);
        continue;
      }
      String legacy = pad(r[ward], 5);
      CommuneTranslation t = units.translateLegacyCommune(legacy);
      if (r[dividedColumn].equals("True")) {
        assertThat(t.status()).as(legacy).isEqualTo(Status.AMBIGUOUS);
        assertThat(t.candidates()).as(legacy).extracting(Commune::code).contains(expectedCommune);
        candidates.computeIfAbsent(legacy, k -> new HashSet<>()).add(expectedCommune);
      } else {
        assertThat(r[dividedColumn]).isEqualTo("False");
        assertThat(t.status()).as(legacy).isEqualTo(Status.TRANSLATED);
        assertThat(t.provinceCode()).as(legacy).isEqualTo(expectedProvince);
        assertThat(t.communeCode()).as(legacy).isEqualTo(expectedCommune);
      }
    }
    assertThat(rows).isEqualTo(10_602);
    assertThat(candidates).hasSize(471);
    candidates.forEach(
        (legacy, expected) ->
            assertThat(units.translateLegacyCommune(legacy).candidates())
                .as(legacy)
                .hasSize(expected.size()));
  }

  private static String pad(String code, int width) {
    String digits = code.endsWith(".0") ? code.substring(0, code.length() - 2) : code;
    return String.format("%0" + width + "d", Integer.parseInt(digits));
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  static List<String[]> readResource(String resource) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = AdministrativeUnitsTest.class.getResourceAsStream(resource);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      assertThat(header).doesNotStartWith("\uFEFF");
      int columns = header.split(",", -1).length;
      String line;
      while ((line = reader.readLine()) != null) {
        String[] r = line.split(",", -1);
        assertThat(r).hasSize(columns);
        rows.add(r);
      }
    }
    return rows;
  }
}
