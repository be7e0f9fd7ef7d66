package vn.truc.routes.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.truc.routes.translate.ContractRecords.civilServant;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.truc.routes.mapping.CodeMaps;
import vn.truc.routes.mapping.FieldError;

class EthnicitiesTest {

  private final Ethnicities ethnicities = Ethnicities.standard();

  @Test
  void theListHasTheFiftyFourGroups() {
    assertThat(ethnicities.codes())
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, 54).mapToObj(i -> String.format("%02d", i)).toList());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Kinh, 01",
    "Tày, 02",
    "Thái, 03",
    "Hoa, 04",
    "Khmer, 05",
    "Khơ-me, 05",
    "Mường, 06",
    "Nùng, 07",
    "H'Mông, 08",
    "Hmông, 08",
    "Mông, 08",
    "HMÔNG, 08",
    "Dao, 09",
    "Gia Rai, 10",
    "Gia-rai, 10",
    "Ngái, 11",
    "Ê Đê, 12",
    "Ê-đê, 12",
    "ede, 12",
    "Ba Na, 13",
    "Xơ Đăng, 14",
    "Sán Chay, 15",
    "Cơ Ho, 16",
    "Chăm, 17",
    "Sán Dìu, 18",
    "Hrê, 19",
    "M'Nông, 20",
    "Raglai, 21",
    "Xtiêng, 22",
    "Bru - Vân Kiều, 23",
    "Thổ, 24",
    "Giáy, 25",
    "Cơ Tu, 26",
    "Giẻ Triêng, 27",
    "Mạ, 28",
    "Khơ Mú, 29",
    "Co, 30",
    "Tà Ôi, 31",
    "Chơ Ro, 32",
    "Kháng, 33",
    "Xinh Mun, 34",
    "Hà Nhì, 35",
    "Chu Ru, 36",
    "Lào, 37",
    "La Chí, 38",
    "La Ha, 39",
    "Phù Lá, 40",
    "La Hủ, 41",
    "Lự, 42",
    "Lô Lô, 43",
    "Chứt, 44",
    "Mảng, 45",
    "Pà Thẻn, 46",
    "Cờ Lao, 47",
    "Cống, 48",
    "Bố Y, 49",
    "Si La, 50",
    "Pu Péo, 51",
    "Brâu, 52",
    "Ơ Đu, 53",
    "Rơ Măm, 54"
  })
  void namesAndSpellingsGiveTheGroupsCode(String name, String code) {
    assertThat(ethnicities.code(name)).contains(code);
  }

  @Test
  void caseSpacingDiacriticsAndTheWordDanTocDoNotMatter() {
    assertThat(ethnicities.code("  KINH ")).contains("01");
    assertThat(ethnicities.code("Dân tộc Kinh")).contains("01");
    assertThat(ethnicities.code("Muong")).contains("06");
    assertThat(ethnicities.code("Mu\u031Bo\u031B\u0300ng")).contains("06"); // decomposed Mường
  }

  @Test
  void aCodeIsItsOwnValueAndAOneDigitCodeIsPadded() {
    assertThat(ethnicities.code("01")).contains("01");
    assertThat(ethnicities.code("54")).contains("54");
    assertThat(ethnicities.code("8")).contains("08");
    assertThat(ethnicities.code("55")).isEmpty();
    assertThat(ethnicities.code("00")).isEmpty();
    assertThat(ethnicities.isCode("08")).isTrue();
    assertThat(ethnicities.isCode("8")).isFalse();
  }

  @Test
  void unknownOrBlankValuesHaveNoCode() {
    assertThat(ethnicities.code("Kinhh")).isEmpty();
    assertThat(ethnicities.code("Nước ngoài")).isEmpty();
    assertThat(ethnicities.code("")).isEmpty();
    assertThat(ethnicities.code(null)).isEmpty();
  }

  @Test
  void theFileAlsoServesPlainCodeMapLookups() {
    assertThat(new CodeMaps().lookup("Ethnicity", "Ê Đê")).contains("12");
  }

  @Test
  void theCheckReplacesANameByItsCode() {
    GenericData.Record r = civilServant("001085012345", 1985, "MALE");
    r.put("ethnicity", "Tày");
    List<FieldError> errors = new ArrayList<>();

    new EthnicityTranslation().check(r, errors);

    assertThat(errors).isEmpty();
    assertThat(r.get("ethnicity")).isEqualTo("02");
  }

  @Test
  void theCheckPassesACodeAndAnEmptyField() {
    GenericData.Record r = civilServant("001085012345", 1985, "MALE");
    List<FieldError> errors = new ArrayList<>();
    new EthnicityTranslation().check(r, errors);
    assertThat(r.get("ethnicity")).isNull();

    r.put("ethnicity", "05");
    new EthnicityTranslation().check(r, errors);

    assertThat(errors).isEmpty();
    assertThat(r.get("ethnicity")).isEqualTo("05");
  }

  @Test
  void theCheckRefusesAnUnknownValueAsACodeListError() {
    GenericData.Record r = civilServant("001085012345", 1985, "MALE");
    r.put("ethnicity", "Kinhh");
    List<FieldError> errors = new ArrayList<>();

    new EthnicityTranslation().check(r, errors);

    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("ethnicity");
              assertThat(e.rule()).isEqualTo("code-list");
              assertThat(e.value()).isEqualTo("Kinhh");
              assertThat(e.message()).contains("'Kinhh'").contains("codes/Ethnicity.properties");
            });
  }
}
