package vn.truc.routes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import vn.truc.contract.CivilServant;
import vn.truc.routes.mapping.CodeMaps;
import vn.truc.routes.mapping.FieldRule;
import vn.truc.routes.mapping.RowMapper;

/**
 * The demo flow of platform-core (demo/flows.yaml) as test data: its column mapping, the constant
 * it sets, and one realistic row of the provincial HR table as CivilServantGenerator makes them.
 */
public final class CivilServantFixtures {

  public static final Schema SCHEMA = CivilServant.getClassSchema();
  public static final Schema HEADER_SCHEMA = SCHEMA.getField("header").schema();

  public static final Instant CHANGED_AT = Instant.parse("2025-07-01T08:30:15.123456Z");

  /** Contract field -> source column, as in the "p37-hr" connector of demo/flows.yaml. */
  public static final Map<String, String> MAPPING = demoMapping();

  private CivilServantFixtures() {}

  /** The rules of the demo connector: its column mapping plus residence.structure. */
  public static List<FieldRule> demoRules() {
    List<FieldRule> rules = new ArrayList<>();
    MAPPING.forEach((field, column) -> rules.add(FieldRule.column(field, column)));
    rules.add(FieldRule.constant("residence.structure", "LEGACY_3_TIER"));
    return rules;
  }

  public static RowMapper demoMapper() {
    return new RowMapper(SCHEMA, demoRules(), new CodeMaps(), List.of());
  }

  /** A full row of CB_CONG_CHUC; a mutable map, so tests can blank or spoil single columns. */
  public static Map<String, Object> fullRow() {
    Map<String, Object> row = new HashMap<>();
    row.put("MA_CB", 123L);
    row.put("SO_CCCD", "037185000123");
    row.put("SO_CMND", "160000123");
    row.put("SO_HIEU_CBCC", "CB37-0000123");
    row.put("HO_TEN", "Nguyễn Thị Hương");
    row.put("NGAY_SINH", "12/03/1985");
    row.put("GIOI_TINH", "Nữ");
    row.put("DAN_TOC", "Kinh");
    row.put("TON_GIAO", "Không");
    row.put("DIA_CHI", "Số 15, thôn 3, Xã Khánh Vân, Huyện Yên Khánh");
    row.put("MA_TINH", "37");
    row.put("MA_HUYEN", "375");
    row.put("MA_XA", "14596");
    row.put("LOAI_CB", "Công chức");
    row.put("CO_QUAN_QL", "UBND tỉnh Ninh Bình");
    row.put("DON_VI", "Sở Nội vụ");
    row.put("CHUC_VU", "Phó Trưởng phòng");
    row.put("VI_TRI_VL", "Vị trí chuyên viên");
    row.put("MA_NGACH", "01.003");
    row.put("TEN_NGACH", "Chuyên viên");
    row.put("BAC_LUONG", 1);
    row.put("HE_SO_LUONG", new BigDecimal("2.34"));
    row.put("NGAY_HUONG_LUONG", "01/06/2010");
    row.put("NGAY_TUYEN_DUNG", "01/06/2007");
    row.put("CQ_TUYEN_DUNG", "Sở Nội vụ tỉnh Ninh Bình");
    row.put("TRINH_DO_CM", "Đại học");
    row.put("LY_LUAN_CT", "Sơ cấp");
    row.put("NGAY_VAO_DANG", "15/09/2010");
    row.put("NGAY_CHINH_THUC", "15/09/2011");
    row.put("NGAY_CAP_NHAT", LocalDateTime.of(2025, 7, 1, 8, 30, 15));
    return row;
  }

  /** The header the ingest route builds before mapping. */
  public static GenericRecord header() {
    GenericData.Record header = new GenericData.Record(HEADER_SCHEMA);
    header.put("sourceAgency", "P37");
    header.put("connector", "p37-hr");
    header.put("sourcePosition", "2025-07-01T08:30:15|123");
    header.put(
        "changeType",
        new GenericData.EnumSymbol(HEADER_SCHEMA.getField("changeType").schema(), "UPSERT"));
    header.put("changedAt", CHANGED_AT);
    header.put("traceId", "trace-0001");
    return header;
  }

  /** A full row, mapped: a valid CivilServant record. */
  public static GenericRecord mappedRecord() {
    var result = demoMapper().map(fullRow(), header());
    if (!result.isValid()) {
      throw new IllegalStateException("fixture row does not map: " + result.errors());
    }
    return result.record();
  }

  private static Map<String, String> demoMapping() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("personalId", "SO_CCCD");
    m.put("legacyIdNumber", "SO_CMND");
    m.put("civilServantNumber", "SO_HIEU_CBCC");
    m.put("fullName", "HO_TEN");
    m.put("dateOfBirth", "NGAY_SINH");
    m.put("gender", "GIOI_TINH");
    m.put("ethnicity", "DAN_TOC");
    m.put("religion", "TON_GIAO");
    m.put("residence.detail", "DIA_CHI");
    m.put("residence.provinceCode", "MA_TINH");
    m.put("residence.districtCode", "MA_HUYEN");
    m.put("residence.communeCode", "MA_XA");
    m.put("staffCategory", "LOAI_CB");
    m.put("managingAgency", "CO_QUAN_QL");
    m.put("employingUnit", "DON_VI");
    m.put("position", "CHUC_VU");
    m.put("jobPosition", "VI_TRI_VL");
    m.put("rankCode", "MA_NGACH");
    m.put("rankName", "TEN_NGACH");
    m.put("salaryStep", "BAC_LUONG");
    m.put("salaryCoefficient", "HE_SO_LUONG");
    m.put("salaryEffectiveDate", "NGAY_HUONG_LUONG");
    m.put("recruitmentDate", "NGAY_TUYEN_DUNG");
    m.put("recruitingAgency", "CQ_TUYEN_DUNG");
    m.put("educationLevel", "TRINH_DO_CM");
    m.put("politicalTheoryLevel", "LY_LUAN_CT");
    m.put("partyJoinDate", "NGAY_VAO_DANG");
    m.put("partyOfficialDate", "NGAY_CHINH_THUC");
    return Collections.unmodifiableMap(m);
  }
}
