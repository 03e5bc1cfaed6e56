package org.vigil.bench;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vigil.device.BasicUdiDiData;
import org.vigil.device.DeviceImportRow;
import org.vigil.device.Legislation;
import org.vigil.device.MarketPlacement;
import org.vigil.device.MedicinalSubstance;
import org.vigil.device.PackageLevel;
import org.vigil.device.RiskClass;
import org.vigil.device.UdiDiData;
import org.vigil.device.importing.read.DeviceCsvReader;
import org.vigil.device.importing.read.GudidXmlReader;
import org.vigil.device.importing.read.ReadResult;
import org.vigil.device.importing.write.DeviceCsvWriter;
import org.vigil.udi.BasicUdiDi;
import org.vigil.udi.Gs1;
import org.vigil.udi.IssuingEntity;

/**
 * Parse throughput of the device import readers on 10,000 records, the size of the import issue 3 asks for: Vigil's
 * device CSV (about 3 MB, every Basic UDI-DI and GTIN check verified, package levels and markets parsed) and FDA GUDID
 * XML (10,000 {@code device} records shaped like FDA's test record, streamed with StAX). One operation reads the whole
 * file, so the score in ms/op is "ms per 10,000 records"; rows per second = 10,000,000 / score.
 *
 * <p>Run: {@code ./mvnw -B -q -Pbench compile exec:exec
 * -Djmh.args="org.vigil.bench.DeviceImportParseBenchmark -f 2 -wi 3 -w 3s -i 5 -r 3s -t 1"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
public class DeviceImportParseBenchmark {

    static final int RECORDS = 10_000;

    private byte[] csv;
    private byte[] gudid;

    @Setup
    public void files() {
        csv = deviceCsv();
        gudid = gudidXml();
        if (DeviceCsvReader.read(new ByteArrayInputStream(csv)).devices().size() != RECORDS
                || GudidXmlReader.read(new ByteArrayInputStream(gudid)).read().devices().size() != RECORDS) {
            throw new IllegalStateException("The benchmark files must read without problems");
        }
    }

    @Benchmark
    public ReadResult deviceCsv10k() {
        return DeviceCsvReader.read(new ByteArrayInputStream(csv));
    }

    @Benchmark
    public ReadResult gudidXml10k() {
        return GudidXmlReader.read(new ByteArrayInputStream(gudid)).read();
    }

    static String gtin(long item) {
        String body = "0" + "4012345" + String.format("%05d", item);
        for (int check = 0; check <= 9; check++) {
            if (Gs1.parseBracketed("(01)" + body + check).valid()) {
                return body + check;
            }
        }
        throw new IllegalStateException();
    }

    static byte[] deviceCsv() {
        var random = new Random(1);
        var out = new StringWriter();
        var writer = new DeviceCsvWriter(out).header();
        BasicUdiDiData basic = null;
        for (int i = 0; i < RECORDS; i++) {
            if (i % 8 == 0) {
                String family = "M" + i / 8;
                basic = new BasicUdiDiData(BasicUdiDi.addCheckCharacters(IssuingEntity.GS1, "4012345" + family).value(),
                        "Device family " + family, "For use in \"general\" surgery, see IFU section 4.", Legislation.MDR,
                        false, RiskClass.MDR_IIA, random.nextBoolean(), false, false, false, MedicinalSubstance.NONE,
                        false, false, "0123", List.of("CE-0123-" + i, "QMS-0123-1"), "DE-MF-000012345", null);
            }
            String di = gtin(2L * i + 1);
            String caseBody = "1" + gtin(2L * i + 2).substring(1, 13);
            String caseDi = caseBody + gtin14Check(caseBody);
            var udi = new UdiDiData(basic.basicUdiDi(), di, IssuingEntity.GS1, basic.deviceName() + " size " + i % 12,
                    "M-" + i % 97, "REF " + i, "P0908", null, null, List.of(new PackageLevel(caseDi, di, 10)),
                    List.of(new MarketPlacement("DE", LocalDate.of(2022, 5, 26), null),
                            new MarketPlacement("FR", LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31))));
            writer.row(new DeviceImportRow(i + 2, basic, udi));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int gtin14Check(String thirteen) {
        for (int check = 0; check <= 9; check++) {
            if (Gs1.parseBracketed("(01)" + thirteen + check).valid()) {
                return check;
            }
        }
        throw new IllegalStateException();
    }

    static byte[] gudidXml() {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<data>\n");
        for (int i = 0; i < RECORDS; i++) {
            String di = gtin(2L * i + 1);
            xml.append("""
                    <device xmlns="http://www.fda.gov/cdrh/gudid" deviceid="%1$s">
                      <publicDeviceRecordKey>33e1d2ec-8555-43d0-8421-b208e7185d06</publicDeviceRecordKey>
                      <deviceRecordStatus>Published</deviceRecordStatus>
                      <devicePublishDate>2015-09-24</devicePublishDate>
                      <deviceCommDistributionStatus>In Commercial Distribution</deviceCommDistributionStatus>
                      <identifiers>
                        <identifier><deviceId>%1$s</deviceId><deviceIdType>Primary</deviceIdType>
                          <deviceIdIssuingAgency>GS1</deviceIdIssuingAgency><containsDINumber/><pkgQuantity/></identifier>
                        <identifier><deviceId>%2$s</deviceId><deviceIdType>Package</deviceIdType>
                          <deviceIdIssuingAgency>GS1</deviceIdIssuingAgency><containsDINumber>%1$s</containsDINumber>
                          <pkgQuantity>25</pkgQuantity><pkgType>case</pkgType></identifier>
                      </identifiers>
                      <brandName>CS2 Acet. Cup Sys. - VitalitE %3$d</brandName>
                      <versionModelNumber>1107-0-%3$d</versionModelNumber>
                      <catalogNumber>1107-0-%3$d</catalogNumber>
                      <companyName>CONSENSUS ORTHOPEDICS, INC.</companyName>
                      <deviceDescription>Acet. Insert, VitalitE</deviceDescription>
                      <deviceHCTP>false</deviceHCTP>
                      <singleUse>true</singleUse>
                      <contacts><customerContact><phone>+1(916)355-7100</phone><email>a@example.com</email></customerContact></contacts>
                      <gmdnTerms><gmdn><gmdnCode>43691</gmdnCode><gmdnPTName>Non-constrained polyethylene acetabular liner</gmdnPTName>
                        <gmdnPTDefinition>A sterile, implantable component of a two-piece acetabulum prosthesis.</gmdnPTDefinition>
                        <implantable>true</implantable><gmdnCodeStatus>Active</gmdnCodeStatus></gmdn></gmdnTerms>
                      <productCodes><fdaProductCode><productCode>OQG</productCode><productCodeName>Hip Prosthesis</productCodeName></fdaProductCode></productCodes>
                      <sterilization><deviceSterile>false</deviceSterile><sterilizationPriorToUse>true</sterilizationPriorToUse></sterilization>
                    </device>
                    """.formatted(di, "1" + di.substring(1, 13) + gtin14Check("1" + di.substring(1, 13)), i));
        }
        return xml.append("</data>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
