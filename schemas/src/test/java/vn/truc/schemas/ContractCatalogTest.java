package vn.truc.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class ContractCatalogTest {

  @Test
  void civilServantDeclaresOwnerKeyAndSensitiveFields() {
    Contract contract = ContractCatalog.standard().get("CivilServant");

    assertThat(contract.ownerAgency()).isEqualTo("BNV");
    assertThat(contract.classification()).isEqualTo(Classification.SHARED);
    assertThat(contract.keyField()).isEqualTo("personalId");
    assertThat(contract.sensitiveFields()).contains("ethnicity", "religion");
    assertThat(contract.personalFields()).contains("personalId", "fullName", "ethnicity");
    assertThat(contract.personalFields()).doesNotContain("rankCode");
    assertThat(contract.topic()).isEqualTo("truc.civilservant.v1");
    assertThat(contract.subject()).isEqualTo("truc.civilservant.v1-value");
  }

  @Test
  void civilServantVersion2FieldsAreDeclaredWithTheirPersonalDataFlags() {
    Contract contract = ContractCatalog.standard().get("CivilServant");

    assertThat(contract.personalFields())
        .contains("placeOfBirth", "permanentResidence", "socialInsuranceNumber", "taxCode");
    assertThat(contract.personalFields())
        .doesNotContain("languages", "itSkills", "stateManagementTraining");
    assertThat(contract.sensitiveFields())
        .containsExactlyInAnyOrder("ethnicity", "religion", "partyJoinDate", "partyOfficialDate");
  }

  @Test
  void citizenIsSharedPopulationDataOfThePublicSecurityMinistry() {
    Contract contract = ContractCatalog.standard().get("Citizen");

    assertThat(contract.ownerAgency()).isEqualTo("BCA");
    assertThat(contract.classification()).isEqualTo(Classification.SHARED);
    assertThat(contract.keyField()).isEqualTo("personalId");
    assertThat(contract.sensitiveFields())
        .containsExactlyInAnyOrder("ethnicity", "religion", "bloodType");
    assertThat(contract.personalFields())
        .contains(
            "personalId",
            "fullName",
            "dateOfBirth",
            "father",
            "household",
            "permanentResidence",
            "phone",
            "email");
    assertThat(contract.personalFields()).doesNotContain("header");
    assertThat(contract.topic()).isEqualTo("truc.citizen.v1");
    assertThat(contract.subject()).isEqualTo("truc.citizen.v1-value");
  }

  @Test
  void citizenCarriesNoBiometrics() {
    Schema schema = ContractCatalog.standard().get("Citizen").schema();

    assertThat(schema.getFields())
        .extracting(Schema.Field::name)
        .noneMatch(name -> name.matches("(?i).*(face|finger|iris|photo|biometric).*"));
  }

  @Test
  void administrativeUnitIsOpenReferenceDataWithoutPersonalFields() {
    Contract contract = ContractCatalog.standard().get("AdministrativeUnit");

    assertThat(contract.ownerAgency()).isEqualTo("BNV");
    assertThat(contract.classification()).isEqualTo(Classification.OPEN);
    assertThat(contract.keyField()).isEqualTo("unitKey");
    assertThat(contract.personalFields()).isEmpty();
    assertThat(contract.sensitiveFields()).isEmpty();
    assertThat(contract.topic()).isEqualTo("truc.administrativeunit.v1");
  }

  @Test
  void catalogListsEveryContractOnce() {
    assertThat(ContractCatalog.standard().all())
        .extracting(Contract::name)
        .containsExactly("CivilServant", "Citizen", "AdministrativeUnit");
  }

  @Test
  void everyContractStartsWithTheRecordHeader() {
    for (Contract contract : ContractCatalog.standard().all()) {
      Schema.Field first = contract.schema().getFields().get(0);
      assertThat(first.name()).as(contract.name()).isEqualTo("header");
      assertThat(first.schema().getFullName())
          .as(contract.name())
          .isEqualTo("vn.truc.contract.common.RecordHeader");
    }
  }

  @Test
  void everySensitiveFieldIsAlsoPersonal() {
    for (Contract contract : ContractCatalog.standard().all()) {
      assertThat(contract.personalFields())
          .as(contract.name())
          .containsAll(contract.sensitiveFields());
    }
  }

  @Test
  void everyContractIsNamespacedAndDocumented() {
    for (Contract contract : ContractCatalog.standard().all()) {
      Schema schema = contract.schema();
      assertThat(schema.getNamespace()).as(contract.name()).startsWith("vn.truc.contract");
      assertThat(schema.getDoc()).as(contract.name()).isNotBlank();
    }
  }

  @Test
  void schemaWithoutOwnerIsNotAContract() {
    Schema schema = SchemaBuilder.record("Thing").fields().requiredString("id").endRecord();

    assertThatThrownBy(() -> Contract.of(schema)).hasMessageContaining("truc.owner");
  }

  @Test
  void unknownContractNamesTheKnownOnes() {
    assertThatThrownBy(() -> ContractCatalog.standard().get("Land"))
        .hasMessageContaining("CivilServant")
        .hasMessageContaining("Citizen")
        .hasMessageContaining("AdministrativeUnit");
  }
}
