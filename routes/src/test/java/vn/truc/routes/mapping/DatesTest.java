package vn.truc.routes.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.truc.routes.mapping.Dates.Partial;

class DatesTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "12/03/1985",
        "12/3/1985",
        "12-03-1985",
        "12.03.1985",
        "1985-03-12",
        "1985-3-12",
        "1985-03-12 10:15:30",
        "1985-03-12T10:15:30",
        "  12/03/1985  "
      })
  void fullDatesInEveryRegisterForm(String text) {
    assertThat(Dates.parse(text)).isEqualTo(new Partial(1985, 3, 12));
  }

  @Test
  void dayAndMonthWithoutLeadingZeros() {
    assertThat(Dates.parse("1/2/2020")).isEqualTo(new Partial(2020, 2, 1));
  }

  @Test
  void dayComesFirstInSlashedDates() {
    // 03/12 is the 3rd of December in Vietnam, never March 12th.
    assertThat(Dates.parse("03/12/1985").toLocalDate()).isEqualTo(LocalDate.of(1985, 12, 3));
  }

  @Test
  void monthAndYearStaysPartial() {
    Partial p = Dates.parse("03/1985");

    assertThat(p).isEqualTo(new Partial(1985, 3, null));
    assertThat(p.day()).isNull();
    assertThat(Dates.parse("3/1985")).isEqualTo(p);
  }

  @Test
  void bareYearStaysPartialAndIsNotPaddedToFirstOfJanuary() {
    Partial p = Dates.parse("1985");

    assertThat(p).isEqualTo(new Partial(1985, null, null));
    assertThatThrownBy(p::toLocalDate)
        .isInstanceOf(DateTimeException.class)
        .hasMessageContaining("1985");
  }

  @Test
  void numbersAreReadAsText() {
    assertThat(Dates.parse(1985)).isEqualTo(new Partial(1985, null, null));
  }

  @Test
  void javaDateTypesAreTakenAsTheyAre() {
    assertThat(Dates.parse(LocalDate.of(1985, 3, 12))).isEqualTo(new Partial(1985, 3, 12));
    assertThat(Dates.parse(LocalDateTime.of(1985, 3, 12, 23, 59)))
        .isEqualTo(new Partial(1985, 3, 12));
    assertThat(Dates.parse(java.sql.Date.valueOf("1985-03-12")))
        .isEqualTo(new Partial(1985, 3, 12));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"31/02/1990", "29/02/2023", "2023-02-29", "32/01/2020", "13/2020"})
  void impossibleDatesAreRefusedAsNotReal(String text) {
    assertThatThrownBy(() -> Dates.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'")
        .hasMessageContaining("not a real date");
  }

  @Test
  void leapDayInALeapYearIsReal() {
    assertThat(Dates.parse("29/02/2024")).isEqualTo(new Partial(2024, 2, 29));
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(
      strings = {
        "abc",
        "",
        "12/03/85",
        "1985/03/12",
        "12 03 1985",
        "198",
        "19850",
        "1985-123-01",
        "1985-03-120",
        "1985-03-12x",
        "123/03/1985",
        "12/033/1985",
        "12/03/19850",
        "12/03/1985 10:15",
        "03/19850",
        "1985-03",
        "12//1985",
        "١٩٨٥"
      })
  void unknownFormsAreRefusedNamingTheFormsThatWork(String text) {
    assertThatThrownBy(() -> Dates.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a date in a known form")
        .hasMessageContaining("dd/MM/yyyy");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1985-03-12, 1985-03-12",
    "03/1985, 1985-03",
    "1985, 1985",
    "5/7/0987, 0987-07-05",
    "1/1/0005, 0005-01-01",
    "10/0090, 0090-10",
    "2020-12-31T23:59, 2020-12-31"
  })
  void isoFormShowsOnlyWhatIsKnown(String text, String iso) {
    assertThat(Dates.parse(text)).hasToString(iso);
  }

  @Test
  void yearsBeyondFourDigitsKeepTheirSign() {
    assertThat(new Partial(-44, 3, 15)).hasToString("-044-03-15");
    assertThat(new Partial(12345, null, null)).hasToString("12345");
  }

  @Test
  void partsOutOfRangeFromAProducerAreWrittenWhole() {
    assertThat(new Partial(1985, 123, null)).hasToString("1985-123");
    assertThat(new Partial(1985, 3, -1)).hasToString("1985-03--1");
    assertThat(new Partial(1985, 0, 0)).hasToString("1985-00-00");
  }

  @Test
  void fullPartialConvertsToLocalDate() {
    assertThat(new Partial(1985, 3, 12).toLocalDate()).isEqualTo(LocalDate.of(1985, 3, 12));
    assertThatThrownBy(() -> new Partial(1985, 3, null).toLocalDate())
        .isInstanceOf(DateTimeException.class)
        .hasMessageContaining("1985-03");
  }
}
