package vn.truc.routes.translate;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import vn.truc.contract.CivilServant;

/** CivilServant records built by hand from the generated class's schema, for the checks' tests. */
final class ContractRecords {

  static final Schema SCHEMA = CivilServant.getClassSchema();
  static final Schema ADDRESS = AddressTranslation.nonNull(SCHEMA.getField("residence").schema());
  static final Schema DATE = SCHEMA.getField("dateOfBirth").schema();
  static final Schema GENDER = SCHEMA.getField("gender").schema();

  private ContractRecords() {}

  /** A civil servant with the given number, year of birth and gender; no address. */
  static GenericData.Record civilServant(String personalId, int birthYear, String gender) {
    GenericData.Record r = new GenericData.Record(SCHEMA);
    r.put("personalId", personalId);
    r.put("fullName", "Nguyễn Văn An");
    GenericData.Record dob = new GenericData.Record(DATE);
    dob.put("year", birthYear);
    r.put("dateOfBirth", dob);
    r.put("gender", new GenericData.EnumSymbol(GENDER, gender));
    return r;
  }

  static GenericData.Record legacyAddress(String province, String district, String commune) {
    return address("LEGACY_3_TIER", province, district, commune);
  }

  static GenericData.Record address(
      String structure, String province, String district, String commune) {
    GenericData.Record a = new GenericData.Record(ADDRESS);
    a.put("detail", "Số 15, thôn 3");
    a.put(
        "structure", new GenericData.EnumSymbol(ADDRESS.getField("structure").schema(), structure));
    a.put("provinceCode", province);
    a.put("districtCode", district);
    a.put("communeCode", commune);
    return a;
  }
}
