package org.vigil.device.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.device.DeviceImportRow;
import org.vigil.device.ImportProblem;
import org.vigil.device.Legislation;
import org.vigil.device.MarketPlacement;
import org.vigil.device.PackageLevel;
import org.vigil.device.RiskClass;
import org.vigil.device.importing.read.EudamedXmlReader;
import org.vigil.device.importing.read.GudidXmlReader;
import org.vigil.device.importing.read.ReadResult;
import org.vigil.udi.BasicUdiDi;
import org.vigil.udi.IssuingEntity;

/**
 * The FDA GUDID reader against FDA's own test record, the EUDAMED reader against a message valid under the DTX 3.0.25
 * schema, and both against hostile XML (OWASP XXE prevention: no DTD, no external entity, no entity expansion).
 */
class XmlReaderTests {

    /** FDA's GUDID test record (openFDA device_udi tests), copied unchanged; see SOURCE.md beside it. */
    static byte[] gudidSample() throws IOException {
        try (InputStream in = XmlReaderTests.class.getResourceAsStream("/device-import/gudid-test-records.xml")) {
            return in.readAllBytes();
        }
    }

    static byte[] eudamedExample() throws IOException {
        try (InputStream in = XmlReaderTests.class.getResourceAsStream("/device-import/eudamed-devices.xml")) {
            return in.readAllBytes();
        }
    }

    static final String XXE = """
            <?xml version="1.0"?>
            <!DOCTYPE data [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <data><device xmlns="http://www.fda.gov/cdrh/gudid"><brandName>&xxe;</brandName></device></data>
            """;

    static final String BILLION_LAUGHS = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <data><device xmlns="http://www.fda.gov/cdrh/gudid"><brandName>&lol9;</brandName></device></data>
            """;

    static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------------------------------------------- GUDID

    @Test
    void the_gudid_sample_record_maps_identifiers_names_package_and_us_market_per_21_cfr_830() throws IOException {
        var result = GudidXmlReader.read(new ByteArrayInputStream(gudidSample()));
        assertThat(result.read().fatal()).isNull();
        assertThat(result.read().records()).isEqualTo(1);
        assertThat(result.read().problems()).isEmpty();
        DeviceImportRow row = result.read().devices().getFirst();
        assertThat(row.udiDi().udiDi()).isEqualTo("00844588018923");
        assertThat(row.udiDi().issuer()).isEqualTo(IssuingEntity.GS1);
        assertThat(row.udiDi().tradeName()).isEqualTo("CS2 Acet. Cup Sys. - VitalitE");
        assertThat(row.udiDi().model()).isEqualTo("1107-0-3258");
        assertThat(row.udiDi().reference()).isEqualTo("1107-0-3258");
        assertThat(row.udiDi().packageLevels()).as("its case contains DI 00844868017288, not this device: left out")
                .isEmpty();
        assertThat(row.udiDi().markets()).containsExactly(
                new MarketPlacement("US", LocalDate.of(2015, 9, 24), LocalDate.of(2018, 9, 24)));
        assertThat(row.basicUdiDi().deviceName()).isEqualTo("CS2 Acet. Cup Sys. - VitalitE");
        assertThat(row.basicUdiDi().intendedPurpose()).isEqualTo("Acet. Insert, VitalitE");
        assertThat(row.basicUdiDi().legislation()).isEqualTo(Legislation.UNKNOWN);
        assertThat(row.basicUdiDi().riskClass()).isNull();
        assertThat(row.basicUdiDi().implantable()).as("a GMDN term of the device is implantable").isTrue();
        assertThat(row.basicUdiDi().humanTissuesOrCells()).isFalse();
    }

    @Test
    void gudid_has_no_basic_udi_di_so_a_valid_gmn_is_derived_from_the_primary_di_and_flagged() throws IOException {
        var result = GudidXmlReader.read(new ByteArrayInputStream(gudidSample()));
        String derived = result.read().devices().getFirst().basicUdiDi().basicUdiDi();
        assertThat(derived).isEqualTo("084458801892DH");
        assertThat(BasicUdiDi.check(derived).valid()).isTrue();
        assertThat(result.read().devices().getFirst().udiDi().basicUdiDi()).isEqualTo(derived);
        assertThat(result.notices()).filteredOn(notice -> "basicUdiDi".equals(notice.field())).singleElement()
                .satisfies(notice -> {
                    assertThat(notice.row()).isEqualTo(1);
                    assertThat(notice.message()).contains(derived).contains("00844588018923");
                });
    }

    @Test
    void a_gudid_package_containing_a_di_the_record_does_not_have_is_left_out_with_a_notice_per_mdr_annex_vi_c_3_5()
            throws IOException {
        var result = GudidXmlReader.read(new ByteArrayInputStream(gudidSample()));
        assertThat(result.read().devices()).singleElement()
                .satisfies(row -> assertThat(row.udiDi().packageLevels()).isEmpty());
        assertThat(result.notices()).filteredOn(notice -> "containsDINumber".equals(notice.field())).singleElement()
                .satisfies(notice -> {
                    assertThat(notice.row()).isEqualTo(1);
                    assertThat(notice.message()).contains("00844868017264").contains("00844868017288")
                            .contains("00844588018923");
                });
    }

    @Test
    void gudid_package_levels_are_ordered_so_each_comes_after_what_it_contains() {
        String xml = """
                <data><device xmlns="http://www.fda.gov/cdrh/gudid"><identifiers>
                  <identifier><deviceId>24012345000010</deviceId><deviceIdType>Package</deviceIdType>
                    <deviceIdIssuingAgency>GS1</deviceIdIssuingAgency><containsDINumber>14012345000013</containsDINumber>
                    <pkgQuantity>10</pkgQuantity></identifier>
                  <identifier><deviceId>04012345000016</deviceId><deviceIdType>Primary</deviceIdType>
                    <deviceIdIssuingAgency>GS1</deviceIdIssuingAgency></identifier>
                  <identifier><deviceId>14012345000013</deviceId><deviceIdType>Package</deviceIdType>
                    <deviceIdIssuingAgency>GS1</deviceIdIssuingAgency><containsDINumber>04012345000016</containsDINumber>
                    <pkgQuantity>5</pkgQuantity></identifier>
                </identifiers><brandName>Stem</brandName></device></data>
                """;
        var result = GudidXmlReader.read(bytes(xml));
        assertThat(result.read().devices().getFirst().udiDi().packageLevels()).containsExactly(
                new PackageLevel("14012345000013", "04012345000016", 5),
                new PackageLevel("24012345000010", "14012345000013", 10));
        assertThat(result.notices()).extracting(ImportProblem::field).containsExactly("basicUdiDi");
    }

    @Test
    void a_gudid_record_with_a_wrong_check_digit_is_reported_and_the_others_are_read() {
        String xml = """
                <gudid xmlns="http://www.fda.gov/cdrh/gudid">
                  <device><identifiers><identifier><deviceId>00844588018924</deviceId><deviceIdType>Primary</deviceIdType>
                    <deviceIdIssuingAgency>GS1</deviceIdIssuingAgency></identifier></identifiers>
                    <brandName>Bad</brandName></device>
                  <device><identifiers><identifier><deviceId>04012345000016</deviceId><deviceIdType>Primary</deviceIdType>
                    <deviceIdIssuingAgency>GS1</deviceIdIssuingAgency></identifier></identifiers>
                    <brandName>Good</brandName><devicePublishDate>2020-01-01</devicePublishDate></device>
                </gudid>
                """;
        var result = GudidXmlReader.read(bytes(xml)).read();
        assertThat(result.records()).isEqualTo(2);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(1);
            assertThat(p.field()).isEqualTo("deviceId");
        });
        assertThat(result.devices()).extracting(r -> r.udiDi().tradeName()).containsExactly("Good");
    }

    @Test
    void a_file_that_is_not_gudid_or_not_xml_is_fatal() {
        assertThat(GudidXmlReader.read(bytes("<catalog><item/></catalog>")).read().fatal()).isNotNull();
        assertThat(GudidXmlReader.read(bytes("basic_udi_di,udi_di\n")).read().fatal()).isNotNull();
        assertThat(GudidXmlReader.read(bytes("<data><device xmlns=\"http://www.fda.gov/cdrh/gudid\">"))
                .read().fatal().message()).contains("well-formed");
    }

    @Test
    void gudid_xml_with_an_external_entity_is_refused_and_nothing_is_read() {
        ReadResult result = GudidXmlReader.read(bytes(XXE)).read();
        assertThat(result.fatal()).isNotNull();
        assertThat(result.devices()).isEmpty();
        assertThat(result.fatal().message()).doesNotContain("root:")
                .isEqualTo("The file declares a DTD (DOCTYPE); Vigil does not read DTDs, remove it.");
    }

    @Test
    void gudid_xml_with_a_billion_laughs_entity_bomb_is_refused_at_once() {
        long started = System.nanoTime();
        ReadResult result = GudidXmlReader.read(bytes(BILLION_LAUGHS)).read();
        assertThat(result.fatal()).isNotNull();
        assertThat(result.devices()).isEmpty();
        assertThat(System.nanoTime() - started).as("no expansion happened").isLessThan(5_000_000_000L);
    }

    // -------------------------------------------------------------------------------------------------- EUDAMED

    @Test
    void the_eudamed_example_message_is_valid_against_the_vendored_dtx_3_0_25_schema() throws Exception {
        var validator = EudamedXmlReader.schema().newValidator();
        validator.validate(new javax.xml.transform.stream.StreamSource(new ByteArrayInputStream(eudamedExample())));
    }

    @Test
    void eudamed_devices_map_basic_udi_di_udi_di_packages_and_markets_per_mdr_annex_vi() throws IOException {
        var result = EudamedXmlReader.read(new ByteArrayInputStream(eudamedExample()));
        assertThat(result.fatal()).isNull();
        assertThat(result.problems()).isEmpty();
        assertThat(result.records()).isEqualTo(3);
        List<DeviceImportRow> rows = result.devices();
        var hip = rows.getFirst();
        assertThat(hip.basicUdiDi().basicUdiDi()).isEqualTo("4012345HIP32HN");
        assertThat(hip.basicUdiDi().deviceName()).isEqualTo("Orthia cementless hip stem");
        assertThat(hip.basicUdiDi().legislation()).isEqualTo(Legislation.MDR);
        assertThat(hip.basicUdiDi().riskClass()).isEqualTo(RiskClass.MDR_IIB);
        assertThat(hip.basicUdiDi().implantable()).isTrue();
        assertThat(hip.basicUdiDi().manufacturerSrn()).isEqualTo("DE-MF-000012345");
        assertThat(hip.udiDi().udiDi()).isEqualTo("04012345000016");
        assertThat(hip.udiDi().tradeName()).isEqualTo("Orthia hip stem 32 mm, standard offset");
        assertThat(hip.udiDi().model()).isEqualTo("HIP-32");
        assertThat(hip.udiDi().reference()).isEqualTo("OH-32-STD");
        assertThat(hip.udiDi().emdnCode()).isEqualTo("P0908040102");
        assertThat(hip.basicUdiDi().notifiedBody()).isEqualTo("0123");
        assertThat(hip.basicUdiDi().certificates()).containsExactly("CE-0123-4567 rev. 2", "QMS-0123-1");
        assertThat(hip.udiDi().packageLevels()).containsExactly(new PackageLevel("14012345000013", "04012345000016", 5));
        assertThat(hip.udiDi().markets()).containsExactly(
                new MarketPlacement("DE", LocalDate.of(2022, 5, 26), null),
                new MarketPlacement("FR", LocalDate.of(2022, 9, 1), null),
                new MarketPlacement("IT", LocalDate.of(2023, 1, 15), LocalDate.of(2025, 12, 31)));
        assertThat(rows.get(1).udiDi().basicUdiDi()).isEqualTo("4012345HIP32HN");
        assertThat(rows.get(2).basicUdiDi().riskClass()).as("class I, sterile UDI-DI: Is")
                .isEqualTo(RiskClass.MDR_IS);
        assertThat(rows.get(2).basicUdiDi().notifiedBody()).isEqualTo("0123");
    }

    @Test
    void a_eudamed_device_whose_class_needs_a_notified_body_but_names_no_certificate_is_reported_per_mdr_art_52()
            throws IOException {
        String first = new String(eudamedExample(), StandardCharsets.UTF_8);
        int cut = first.indexOf("<basicudi:deviceCertificateLinks>");
        int end = first.indexOf("</basicudi:deviceCertificateLinks>") + "</basicudi:deviceCertificateLinks>".length();
        String xml = first.substring(0, cut) + first.substring(end);
        var result = EudamedXmlReader.read(bytes(xml));
        assertThat(result.fatal()).as("the links are optional in the schema").isNull();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(1);
            assertThat(problem.field()).isEqualTo("deviceCertificateLinks");
            assertThat(problem.message()).contains("IIb").contains("NBActorCode");
        });
        assertThat(result.devices()).hasSize(2);
    }

    @Test
    void eudamed_certificates_of_two_notified_bodies_keep_the_first_body_and_every_number_with_a_notice()
            throws IOException {
        String xml = new String(eudamedExample(), StandardCharsets.UTF_8).replaceFirst(
                "<links:NBActorCode>0123</links:NBActorCode>\\s*<links:certificateType>MDR_QUALITY_MANAGEMENT",
                "<links:NBActorCode>2797</links:NBActorCode><links:certificateType>MDR_QUALITY_MANAGEMENT");
        var result = EudamedXmlReader.readWithNotices(bytes(xml));
        assertThat(result.read().problems()).isEmpty();
        var hip = result.read().devices().getFirst().basicUdiDi();
        assertThat(hip.notifiedBody()).isEqualTo("0123");
        assertThat(hip.certificates()).containsExactly("CE-0123-4567 rev. 2", "QMS-0123-1");
        assertThat(result.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.row()).isEqualTo(1);
            assertThat(notice.message()).contains("0123").contains("2797");
        });
    }

    @Test
    void a_eudamed_message_that_breaks_the_schema_is_fatal_and_names_the_line() throws IOException {
        String broken = new String(eudamedExample(), StandardCharsets.UTF_8)
                .replaceFirst("<basicudi:riskClass>CLASS_IIB</basicudi:riskClass>",
                        "<basicudi:riskClass>CLASS_IIX</basicudi:riskClass>");
        var result = EudamedXmlReader.read(bytes(broken));
        assertThat(result.fatal()).isNotNull();
        assertThat(result.fatal().message()).contains("schema").contains("line").contains("CLASS_IIX");
        assertThat(result.devices()).isEmpty();
    }

    @Test
    void eudamed_xml_with_an_external_entity_or_entity_bomb_is_refused() {
        String xxe = XXE.replace("<data>", "<m:Push xmlns:m=\"" + "https://ec.europa.eu/tools/eudamed/dtx/servicemodel/"
                + "Message/v1\">").replace("</data>", "</m:Push>").replace("DOCTYPE data", "DOCTYPE m:Push");
        assertThat(EudamedXmlReader.read(bytes(xxe)).fatal()).isNotNull();
        assertThat(EudamedXmlReader.read(bytes(BILLION_LAUGHS)).fatal()).isNotNull();
    }
}
