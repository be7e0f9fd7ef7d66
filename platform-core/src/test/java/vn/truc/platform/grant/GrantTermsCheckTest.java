package vn.truc.platform.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import vn.truc.connector.api.ConfigProblem;
import vn.truc.routes.grant.Grant;
import vn.truc.schemas.ContractCatalog;

class GrantTermsCheckTest {

  private static final Schema CIVIL_SERVANT =
      ContractCatalog.standard().get("CivilServant").schema();
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private static GrantTerms terms(List<String> fields, Map<String, List<String>> filter) {
    return new GrantTerms(
        fields,
        filter,
        false,
        "CIVIL_SERVICE_MANAGEMENT",
        "Keeping the national civil-servant database",
        "194/2025/NĐ-CP",
        null,
        "2027-12-31",
        null);
  }

  private static List<String> fields(List<ConfigProblem> problems) {
    return problems.stream().map(ConfigProblem::field).toList();
  }

  @Test
  void completeTermsHaveNoProblem() {
    assertThat(
            GrantTermsCheck.problems(
                CIVIL_SERVANT,
                terms(List.of("fullName"), Map.of("residence.provinceCode", List.of("37"))),
                NOW))
        .isEmpty();
  }

  @Test
  void everyProblemIsNamedByItsField() {
    GrantTerms bad =
        new GrantTerms(
            List.of("fullName", "shoeSize", "religion"),
            Map.of("residence.planet", List.of("Mars"), "staffCategory", List.of()),
            false,
            "manage staff",
            " ",
            null,
            "yesterday",
            "2020-01-01",
            "later");
    assertThat(fields(GrantTermsCheck.problems(CIVIL_SERVANT, bad, NOW)))
        .containsExactlyInAnyOrder(
            "grant.fields.shoeSize",
            "grant.fields.religion",
            "grant.filter.residence.planet",
            "grant.filter.staffCategory",
            "grant.purpose",
            "grant.legalBasis",
            "grant.legalDocument",
            "grant.validFrom",
            "grant.validUntil",
            "grant.startFrom");
  }

  @Test
  void missingTermsAreOneProblem() {
    assertThat(fields(GrantTermsCheck.problems(CIVIL_SERVANT, null, NOW))).containsExactly("grant");
  }

  @Test
  void anExpiryInThePastIsJudgedOnlyWhenAskedFor() {
    GrantTerms expired = terms(List.of("fullName"), null);
    Instant later = Instant.parse("2028-06-01T00:00:00Z");
    assertThat(fields(GrantTermsCheck.problems(CIVIL_SERVANT, expired, later)))
        .containsExactly("grant.validUntil");
    assertThat(GrantTermsCheck.problems(CIVIL_SERVANT, expired, null)).isEmpty();
  }

  @Test
  void aDecisionMayOnlyNarrowTheRequest() {
    GrantTerms asked =
        terms(List.of("fullName", "dateOfBirth"), Map.of("header.sourceAgency", List.of("P37")));
    GrantTerms narrower =
        terms(
            List.of("fullName"),
            Map.of("header.sourceAgency", List.of("P37"), "staffCategory", List.of("CADRE")));
    assertThat(GrantTermsCheck.narrowingProblems(CIVIL_SERVANT, asked, narrower, NOW)).isEmpty();

    GrantTerms wider =
        new GrantTerms(
            List.of("fullName", "gender"),
            Map.of("header.sourceAgency", List.of("P37", "P01")),
            true,
            asked.purpose(),
            asked.legalBasis(),
            asked.legalDocument(),
            null,
            "2028-12-31",
            null);
    assertThat(fields(GrantTermsCheck.narrowingProblems(CIVIL_SERVANT, asked, wider, NOW)))
        .containsExactlyInAnyOrder(
            "grant.fields.gender",
            "grant.sensitive",
            "grant.filter.header.sourceAgency",
            "grant.validUntil");
    GrantTerms unfiltered = terms(List.of("fullName"), Map.of());
    assertThat(fields(GrantTermsCheck.narrowingProblems(CIVIL_SERVANT, asked, unfiltered, NOW)))
        .containsExactly("grant.filter.header.sourceAgency");
  }

  @Test
  void aDayEndsAtMidnightInVietnamAndTheGrantStartsAtApprovalUnlessTold() {
    Grant g =
        GrantTermsCheck.toGrant(
            "bnv.1", "bnv", "CivilServant", terms(List.of("fullName"), null), NOW, null);
    assertThat(g.validFrom()).isEqualTo(NOW);
    assertThat(g.validUntil()).isEqualTo(Instant.parse("2027-12-31T17:00:00Z"));
    assertThat(g.activeAt(Instant.parse("2027-12-31T16:59:59Z"))).isTrue();
    assertThat(g.activeAt(Instant.parse("2027-12-31T17:00:00Z"))).isFalse();
    assertThat(g.purpose()).isEqualTo("CIVIL_SERVICE_MANAGEMENT");
    assertThat(g.legalBasis())
        .isEqualTo("Keeping the national civil-servant database (194/2025/NĐ-CP)");
  }
}
