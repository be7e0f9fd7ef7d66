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
  void schemaWithoutOwnerIsNotAContract() {
    Schema schema = SchemaBuilder.record("Thing").fields().requiredString("id").endRecord();

    assertThatThrownBy(() -> Contract.of(schema)).hasMessageContaining("truc.owner");
  }

  @Test
  void unknownContractNamesTheKnownOnes() {
    assertThatThrownBy(() -> ContractCatalog.standard().get("Land"))
        .hasMessageContaining("CivilServant");
  }
}
