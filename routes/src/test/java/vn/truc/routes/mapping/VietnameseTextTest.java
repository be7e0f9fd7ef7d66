package vn.truc.routes.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class VietnameseTextTest {

  private static final String DECOMPOSED = "Nguye\u0302\u0303n";
  private static final String PRECOMPOSED = "Nguy\u1EC5n";

  @Test
  void combiningMarksBecomePrecomposedLetters() {
    assertThat(DECOMPOSED).isNotEqualTo(PRECOMPOSED);

    String normalised = VietnameseText.normalise(DECOMPOSED);

    assertThat(normalised).isEqualTo(PRECOMPOSED).isEqualTo("Nguyễn").hasSize(6);
    assertThat(Normalizer.isNormalized(normalised, Normalizer.Form.NFC)).isTrue();
  }

  @Test
  void combiningMarkAfterAPrecomposedLetterStillComposes() {
    // ê (U+00EA) is below U+0300 and ề (U+1EC1) in the precomposed block: the fast path skips
    // neither, so the tilde typed after them is still composed.
    assertThat(VietnameseText.normalise("Nguy\u00EA\u0303n")).isEqualTo("Nguyễn");
    assertThat(VietnameseText.normalise("\u1EA0\u0302")).isEqualTo("\u1EAC");
  }

  @Test
  void fullyDecomposedNameEqualsTheTypedOne() {
    String typed = "Trần Thị Hương";
    String legacy = Normalizer.normalize(typed, Normalizer.Form.NFD);
    assertThat(legacy).isNotEqualTo(typed);

    assertThat(VietnameseText.normalise(legacy)).isEqualTo(typed);
  }

  @Test
  void whitespaceRunsCollapseToOneSpaceAndEndsAreTrimmed() {
    assertThat(VietnameseText.normalise("  Nguyễn \t Văn\n\nAn \r\n")).isEqualTo("Nguyễn Văn An");
  }

  @Test
  void nonBreakingSpacesCountAsWhitespace() {
    assertThat(VietnameseText.normalise("\u00A0Nguyễn\u00A0\u00A0Văn An\u00A0"))
        .isEqualTo("Nguyễn Văn An");
  }

  @Test
  void caseAndLettersAreKeptAsWritten() {
    assertThat(VietnameseText.normalise("NGUYỄN văn aN")).isEqualTo("NGUYỄN văn aN");
    assertThat(VietnameseText.normalise("Đặng")).isEqualTo("Đặng");
  }

  @Test
  void cleanTextIsReturnedAsItIs() {
    String clean = "Trần Thị Hương";
    assertThat(VietnameseText.normalise(clean)).isSameAs(clean);
    assertThat(VietnameseText.normalise("An\u200BBình")).isEqualTo("An Bình");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "\t\n", "\u00A0 \u00A0"})
  void nothingButBlanksIsNull(String raw) {
    assertThat(VietnameseText.normalise(raw)).isNull();
  }
}
