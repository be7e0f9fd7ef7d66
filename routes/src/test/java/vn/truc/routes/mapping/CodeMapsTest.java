package vn.truc.routes.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeMapsTest {

  private final CodeMaps codes = new CodeMaps();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Nam, MALE",
    "NAM, MALE",
    "nam, MALE",
    "' Nam ', MALE",
    "Nữ, FEMALE",
    "NỮ, FEMALE",
    "nu, FEMALE",
    "1, MALE",
    "2, FEMALE",
    "F, FEMALE"
  })
  void genderSpellingsOfProvincialRegisters(String source, String symbol) {
    assertThat(codes.lookup("Gender", source)).contains(symbol);
  }

  @Test
  void decomposedNuIsFemaleLikeThePrecomposedOne() {
    String decomposed = "Nu\u031B\u0303"; // u + horn + tilde
    assertThat(decomposed).isNotEqualTo("N\u1EEF");

    assertThat(codes.lookup("Gender", decomposed)).contains("FEMALE");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Công chức, CIVIL_SERVANT",
    "CÔNG CHỨC, CIVIL_SERVANT",
    "cong chuc, CIVIL_SERVANT",
    "viên chức, PUBLIC_EMPLOYEE",
    "Viên chức, PUBLIC_EMPLOYEE",
    "VC, PUBLIC_EMPLOYEE",
    "CB, CADRE",
    "Cán bộ, CADRE"
  })
  void staffCategorySpellings(String source, String symbol) {
    assertThat(codes.lookup("StaffCategory", source)).contains(symbol);
  }

  @Test
  void extraSpacesInsideAKeyDoNotMatter() {
    assertThat(codes.lookup("StaffCategory", "Công \u00A0 chức")).contains("CIVIL_SERVANT");
  }

  @Test
  void unknownSpellingIsEmpty() {
    assertThat(codes.lookup("Gender", "Trai")).isEmpty();
    assertThat(codes.lookup("StaffCategory", "Hợp đồng")).isEmpty();
  }

  @Test
  void aSpellingOfOneListIsNotFoundInAnother() {
    assertThat(codes.lookup("StaffCategory", "Nam")).isEmpty();
  }

  @Test
  void listWithoutAFileIsEmptyNotAnError() {
    assertThat(codes.lookup("AdminStructure", "LEGACY_3_TIER")).isEmpty();
  }

  @Test
  void blankOrNullValuesAreEmpty() {
    assertThat(codes.lookup("Gender", null)).isEmpty();
    assertThat(codes.lookup("Gender", "  ")).isEmpty();
  }
}
