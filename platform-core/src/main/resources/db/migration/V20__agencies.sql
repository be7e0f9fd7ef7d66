-- The agencies that share data through the platform: the ministries and ministerial-level
-- agencies, and the provincial People's Committees. A connector's or subscription's `agency`
-- and a token's `agency` claim are codes of this table.
--
-- Seeded from the project's domain notes (shared/domain/vietnam-data-sharing.md, "Agencies (since
-- March 2025)"): 14 ministries and 3 ministerial-level agencies with their usual codes, and the 34
-- provinces since the 2025 reform. The notes write the Ministry of Education and Training
-- "BGDĐT"; its code here is the ASCII "BGDDT", because codes travel in URLs, HTTP headers, token
-- claims and file names. A province's code is "P" and its two-digit statistics-office code (P37
-- Ninh Bình), from the administrative-unit reference data (routes/src/main/resources/reference/
-- admin-units, derived from the GSO code list as collected in tranngocminhhieu/vietnamadminunits,
-- MIT licence).
CREATE TABLE agency (
    code           TEXT PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9]{1,15}$'),
    kind           TEXT NOT NULL CHECK (kind IN ('MINISTRY', 'MINISTERIAL_AGENCY', 'PROVINCE')),
    name           TEXT NOT NULL,
    name_en        TEXT NOT NULL,
    -- the statistics office's province code, for a provincial People's Committee only
    province_code  TEXT UNIQUE CHECK (province_code ~ '^[0-9]{2}$'),
    CHECK ((kind = 'PROVINCE') = (province_code IS NOT NULL))
);

INSERT INTO agency (code, kind, name, name_en, province_code) VALUES
    ('BQP', 'MINISTRY', 'Bộ Quốc phòng', 'Ministry of National Defence', NULL),
    ('BCA', 'MINISTRY', 'Bộ Công an', 'Ministry of Public Security', NULL),
    ('BNG', 'MINISTRY', 'Bộ Ngoại giao', 'Ministry of Foreign Affairs', NULL),
    ('BNV', 'MINISTRY', 'Bộ Nội vụ', 'Ministry of Home Affairs', NULL),
    ('BTP', 'MINISTRY', 'Bộ Tư pháp', 'Ministry of Justice', NULL),
    ('BTC', 'MINISTRY', 'Bộ Tài chính', 'Ministry of Finance', NULL),
    ('BCT', 'MINISTRY', 'Bộ Công Thương', 'Ministry of Industry and Trade', NULL),
    ('BNNMT', 'MINISTRY', 'Bộ Nông nghiệp và Môi trường', 'Ministry of Agriculture and Environment', NULL),
    ('BXD', 'MINISTRY', 'Bộ Xây dựng', 'Ministry of Construction', NULL),
    ('BVHTTDL', 'MINISTRY', 'Bộ Văn hóa, Thể thao và Du lịch', 'Ministry of Culture, Sports and Tourism', NULL),
    ('BKHCN', 'MINISTRY', 'Bộ Khoa học và Công nghệ', 'Ministry of Science and Technology', NULL),
    ('BGDDT', 'MINISTRY', 'Bộ Giáo dục và Đào tạo', 'Ministry of Education and Training', NULL),
    ('BYT', 'MINISTRY', 'Bộ Y tế', 'Ministry of Health', NULL),
    ('BDTTG', 'MINISTRY', 'Bộ Dân tộc và Tôn giáo', 'Ministry of Ethnic Minorities and Religions', NULL),
    ('NHNN', 'MINISTERIAL_AGENCY', 'Ngân hàng Nhà nước Việt Nam', 'State Bank of Vietnam', NULL),
    ('TTCP', 'MINISTERIAL_AGENCY', 'Thanh tra Chính phủ', 'Government Inspectorate', NULL),
    ('VPCP', 'MINISTERIAL_AGENCY', 'Văn phòng Chính phủ', 'Government Office', NULL),
    ('P01', 'PROVINCE', 'Ủy ban nhân dân thành phố Hà Nội', 'People''s Committee of Hà Nội', '01'),
    ('P04', 'PROVINCE', 'Ủy ban nhân dân tỉnh Cao Bằng', 'People''s Committee of Cao Bằng', '04'),
    ('P08', 'PROVINCE', 'Ủy ban nhân dân tỉnh Tuyên Quang', 'People''s Committee of Tuyên Quang', '08'),
    ('P11', 'PROVINCE', 'Ủy ban nhân dân tỉnh Điện Biên', 'People''s Committee of Điện Biên', '11'),
    ('P12', 'PROVINCE', 'Ủy ban nhân dân tỉnh Lai Châu', 'People''s Committee of Lai Châu', '12'),
    ('P14', 'PROVINCE', 'Ủy ban nhân dân tỉnh Sơn La', 'People''s Committee of Sơn La', '14'),
    ('P15', 'PROVINCE', 'Ủy ban nhân dân tỉnh Lào Cai', 'People''s Committee of Lào Cai', '15'),
    ('P19', 'PROVINCE', 'Ủy ban nhân dân tỉnh Thái Nguyên', 'People''s Committee of Thái Nguyên', '19'),
    ('P20', 'PROVINCE', 'Ủy ban nhân dân tỉnh Lạng Sơn', 'People''s Committee of Lạng Sơn', '20'),
    ('P22', 'PROVINCE', 'Ủy ban nhân dân tỉnh Quảng Ninh', 'People''s Committee of Quảng Ninh', '22'),
    ('P24', 'PROVINCE', 'Ủy ban nhân dân tỉnh Bắc Ninh', 'People''s Committee of Bắc Ninh', '24'),
    ('P25', 'PROVINCE', 'Ủy ban nhân dân tỉnh Phú Thọ', 'People''s Committee of Phú Thọ', '25'),
    ('P31', 'PROVINCE', 'Ủy ban nhân dân thành phố Hải Phòng', 'People''s Committee of Hải Phòng', '31'),
    ('P33', 'PROVINCE', 'Ủy ban nhân dân tỉnh Hưng Yên', 'People''s Committee of Hưng Yên', '33'),
    ('P37', 'PROVINCE', 'Ủy ban nhân dân tỉnh Ninh Bình', 'People''s Committee of Ninh Bình', '37'),
    ('P38', 'PROVINCE', 'Ủy ban nhân dân tỉnh Thanh Hóa', 'People''s Committee of Thanh Hóa', '38'),
    ('P40', 'PROVINCE', 'Ủy ban nhân dân tỉnh Nghệ An', 'People''s Committee of Nghệ An', '40'),
    ('P42', 'PROVINCE', 'Ủy ban nhân dân tỉnh Hà Tĩnh', 'People''s Committee of Hà Tĩnh', '42'),
    ('P44', 'PROVINCE', 'Ủy ban nhân dân tỉnh Quảng Trị', 'People''s Committee of Quảng Trị', '44'),
    ('P46', 'PROVINCE', 'Ủy ban nhân dân thành phố Huế', 'People''s Committee of Huế', '46'),
    ('P48', 'PROVINCE', 'Ủy ban nhân dân thành phố Đà Nẵng', 'People''s Committee of Đà Nẵng', '48'),
    ('P51', 'PROVINCE', 'Ủy ban nhân dân tỉnh Quảng Ngãi', 'People''s Committee of Quảng Ngãi', '51'),
    ('P52', 'PROVINCE', 'Ủy ban nhân dân tỉnh Gia Lai', 'People''s Committee of Gia Lai', '52'),
    ('P56', 'PROVINCE', 'Ủy ban nhân dân tỉnh Khánh Hòa', 'People''s Committee of Khánh Hòa', '56'),
    ('P66', 'PROVINCE', 'Ủy ban nhân dân tỉnh Đắk Lắk', 'People''s Committee of Đắk Lắk', '66'),
    ('P68', 'PROVINCE', 'Ủy ban nhân dân tỉnh Lâm Đồng', 'People''s Committee of Lâm Đồng', '68'),
    ('P75', 'PROVINCE', 'Ủy ban nhân dân tỉnh Đồng Nai', 'People''s Committee of Đồng Nai', '75'),
    ('P79', 'PROVINCE', 'Ủy ban nhân dân thành phố Hồ Chí Minh', 'People''s Committee of Hồ Chí Minh', '79'),
    ('P80', 'PROVINCE', 'Ủy ban nhân dân tỉnh Tây Ninh', 'People''s Committee of Tây Ninh', '80'),
    ('P82', 'PROVINCE', 'Ủy ban nhân dân tỉnh Đồng Tháp', 'People''s Committee of Đồng Tháp', '82'),
    ('P86', 'PROVINCE', 'Ủy ban nhân dân tỉnh Vĩnh Long', 'People''s Committee of Vĩnh Long', '86'),
    ('P91', 'PROVINCE', 'Ủy ban nhân dân tỉnh An Giang', 'People''s Committee of An Giang', '91'),
    ('P92', 'PROVINCE', 'Ủy ban nhân dân thành phố Cần Thơ', 'People''s Committee of Cần Thơ', '92'),
    ('P96', 'PROVINCE', 'Ủy ban nhân dân tỉnh Cà Mau', 'People''s Committee of Cà Mau', '96');
