package vn.truc.routes.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.truc.routes.mapping.CodeMaps;

/** The spellings added to the enum code lists next to the ethnic groups. */
class CodeListSpellingsTest {

  private final CodeMaps codes = new CodeMaps();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Nam giới, MALE",
    "nam gioi, MALE",
    "Nữ giới, FEMALE",
    "NU GIOI, FEMALE",
    "Không rõ, UNKNOWN",
    "Không xác định, UNKNOWN"
  })
  void genderSpellings(String source, String symbol) {
    assertThat(codes.lookup("Gender", source)).contains(symbol);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"Cán bộ cấp xã, CADRE", "Công chức cấp xã, CIVIL_SERVANT"})
  void staffCategorySpellings(String source, String symbol) {
    assertThat(codes.lookup("StaffCategory", source)).contains(symbol);
  }
}
