package org.vigil.udi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.udi.checkchar.GmnCheckPair;
import org.vigil.udi.gs1.AiDefinition;
import org.vigil.udi.gs1.CharacterSet;
import org.vigil.udi.gs1.Component;
import org.vigil.udi.gs1.Gs1Linter;
import org.vigil.udi.gs1.SyntaxDictionary;

/**
 * Seeded property tests: element strings generated from the Syntax Dictionary itself (every AI, random
 * lengths and characters within its components, linter-conforming content) must survive the round trips
 * HRI ⇄ element string ⇄ scan data ⇄ Digital Link; and mutations that the rules must catch always
 * produce problems whose positions lie within the input.
 */
class Gs1PropertyTests {

    private static final SyntaxDictionary DICTIONARY = SyntaxDictionary.standard();
    private static final String CSET82 = GmnCheckPair.CSET82;
    private static final String CSET39 = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String CSET64 = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 2L, 3L, 42L, 2026L})
    void every_dictionary_ai_with_generated_valid_data_validates_and_round_trips(long seed) {
        Random random = new Random(seed);
        for (AiDefinition definition : DICTIONARY.definitions()) {
            String value = value(definition, random);
            String unbracketed = "^" + definition.ai() + value;
            Conversion hri = Gs1.toHri(unbracketed);
            assertThat(hri.problems()).as(unbracketed).isEmpty();
            assertThat(Gs1.toElementString(hri.value()).value()).as(hri.value()).isEqualTo(unbracketed);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7L, 8L, 9L, 10L, 11L, 12L})
    void messages_of_several_ais_round_trip_through_every_form(long seed) {
        Random random = new Random(seed);
        List<AiDefinition> all = DICTIONARY.definitions();
        for (int round = 0; round < 300; round++) {
            List<AiElement> elements = new ArrayList<>();
            Set<String> used = new HashSet<>();
            if (random.nextBoolean()) {
                elements.add(new AiElement("01", value(DICTIONARY.lookup("01"), random)));
                used.add("01");
            }
            int count = 1 + random.nextInt(5);
            while (elements.size() < count) {
                AiDefinition definition = all.get(random.nextInt(all.size()));
                if (used.add(definition.ai())) {
                    elements.add(new AiElement(definition.ai(), value(definition, random)));
                }
            }
            StringBuilder hri = new StringBuilder();
            elements.forEach(e -> hri.append('(').append(e.ai()).append(')').append(e.value().replace("(", "\\(")));

            Conversion unbracketed = Gs1.toElementString(hri.toString());
            assertThat(unbracketed.problems()).as(hri.toString()).isEmpty();
            assertThat(Gs1.toHri(unbracketed.value()).value()).isEqualTo(hri.toString());

            Conversion scan = Gs1.toScanData(unbracketed.value(), Gs1Symbology.DATA_MATRIX);
            assertThat(scan.problems()).isEmpty();
            assertThat(scan.value()).startsWith("]d2").doesNotContain("^");
            assertThat(Gs1.toElementString(scan.value()).value()).isEqualTo(unbracketed.value());
            assertThat(Gs1.toHri(scan.value()).value()).isEqualTo(hri.toString());

            Conversion link = Gs1.toDigitalLink(hri.toString(), "https://example.com");
            if (link.succeeded()) {
                UdiResult back = Gs1.parseDigitalLink(link.value());
                assertThat(back.gs1Elements()).as(link.value()).containsExactlyInAnyOrderElementsOf(elements);
                assertThat(Gs1.toDigitalLink(link.value(), "https://example.com").value()).isEqualTo(link.value());
            } else {
                // only data that no Digital Link can carry is refused: no primary key, or a non-attribute AI
                assertThat(link.problems()).isNotEmpty();
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {100L, 101L, 102L, 103L})
    void mutations_the_rules_must_catch_always_yield_problems_inside_the_input(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 500; round++) {
            String gtin = value(DICTIONARY.lookup("01"), random);
            String expiry = value(DICTIONARY.lookup("17"), random);
            String lot = value(DICTIONARY.lookup("10"), random);
            String valid = "]d201" + gtin + "17" + expiry + "10" + lot;
            assertThat(Udi.parse(valid, Gs1ParsingTests.JUNE_2026).problems()).as(valid).isEmpty();

            String mutated;
            int kind = random.nextInt(5);
            switch (kind) {
                case 0 -> { // change one GTIN digit: the mod-10 check catches every single-digit error
                    int at = 5 + random.nextInt(14);
                    char old = valid.charAt(at);
                    char digit = (char) ('0' + (old - '0' + 1 + random.nextInt(9)) % 10);
                    mutated = valid.substring(0, at) + digit + valid.substring(at + 1);
                }
                case 1 -> { // impossible month
                    int at = 5 + 14 + 2 + 2;
                    mutated = valid.substring(0, at) + (13 + random.nextInt(87)) + valid.substring(at + 2);
                }
                case 2 -> { // a character outside CSET 82 in the lot
                    int at = valid.length() - random.nextInt(lot.length() + 1);
                    mutated = valid.substring(0, at) + "#$@[]{}|~ ".charAt(random.nextInt(10)) + valid.substring(at);
                }
                case 3 -> { // truncate inside the fixed-length GTIN (5..18) or expiry (21..26)
                    int cut = random.nextBoolean() ? 5 + random.nextInt(14) : 21 + random.nextInt(6);
                    mutated = valid.substring(0, cut);
                }
                default -> { // lot longer than 20
                    mutated = valid + "X".repeat(21 - lot.length() + random.nextInt(5));
                }
            }
            UdiResult result = Udi.parse(mutated, Gs1ParsingTests.JUNE_2026);
            assertThat(result.problems()).as("kind %d: %s", kind, mutated).isNotEmpty();
            assertThat(result.problems()).allSatisfy(p -> assertThat(p.position()).isBetween(0, mutated.length()));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {500L, 501L})
    void arbitrary_text_never_breaks_the_parser(long seed) {
        Random random = new Random(seed);
        String alphabet = "0123456789()^\\]Cde+$/=&[>\u001D\u001E\u0004:?%httpsAZaz.-";
        for (int round = 0; round < 3000; round++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                sb.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000) : alphabet.charAt(
                        random.nextInt(alphabet.length())));
            }
            String input = sb.toString();
            UdiResult result = Udi.parse(input, Gs1ParsingTests.JUNE_2026);
            assertThat(result.problems()).allSatisfy(p -> assertThat(p.position()).isBetween(0, input.length()));
            assertThat(UdiJson.toJson(result)).doesNotContain("\u001D");
        }
    }

    /** A random value that satisfies every component and linter of {@code definition}. */
    static String value(AiDefinition definition, Random random) {
        StringBuilder sb = new StringBuilder();
        List<Component> components = definition.components();
        for (int c = 0; c < components.size(); c++) {
            Component component = components.get(c);
            if (component.optional() && random.nextBoolean()) {
                break; // optional components may be left out, but only from the end
            }
            sb.append(component(definition, component, random));
        }
        return sb.toString();
    }

    private static String component(AiDefinition definition, Component component, Random random) {
        int length = component.fixedLength() ? component.maxLength()
                : component.minLength() + random.nextInt(component.maxLength() - component.minLength() + 1);
        List<String> linters = component.linters().stream().map(Gs1Linter::dictionaryName).toList();
        for (String linter : linters) {
            String special = special(linter, length, random);
            if (special != null) {
                return special;
            }
        }
        StringBuilder sb = new StringBuilder();
        String alphabet = switch (component.characterSet()) {
            case NUMERIC -> "0123456789";
            case CSET82 -> linters.contains("pcenc") ? CSET82.replace("%", "") : CSET82;
            case CSET39 -> CSET39;
            case CSET64 -> CSET64;
        };
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        int digitsFrom = linters.contains("gcppos2") ? 1 : 0;
        if (linters.contains("gcppos1") || linters.contains("gcppos2")) {
            if (sb.length() < digitsFrom + 4 + (linters.contains("csumalpha") ? 2 : 0)) {
                while (sb.length() < 8) {
                    sb.append('0');
                }
            }
            for (int i = digitsFrom; i < digitsFrom + 4; i++) {
                sb.setCharAt(i, (char) ('0' + random.nextInt(10)));
            }
        }
        if (linters.contains("nozeroprefix") && sb.charAt(0) == '0') {
            sb.setCharAt(0, '1');
        }
        if (linters.contains("nonzero")) {
            sb.setCharAt(sb.length() - 1, '7');
        }
        if (linters.contains("hasnondigit")) {
            sb.setCharAt(sb.length() - 1, 'X');
        }
        if (linters.contains("csum")) {
            int sum = 0;
            for (int i = 0; i < sb.length() - 1; i++) {
                sum += (sb.charAt(sb.length() - 2 - i) - '0') * (i % 2 == 0 ? 3 : 1);
            }
            sb.setCharAt(sb.length() - 1, (char) ('0' + (10 - sum % 10) % 10));
        }
        if (linters.contains("csumalpha")) {
            sb.setLength(Math.max(sb.length() - 2, 5));
            sb.append(GmnCheckPair.compute(sb, 0, sb.length()));
        }
        return sb.toString();
    }

    /** Values for linters that only accept a small set of contents. */
    private static String special(String linter, int length, Random random) {
        return switch (linter) {
            case "yymmd0" -> String.format("%02d%02d%02d", random.nextInt(100), 1 + random.nextInt(12), random.nextInt(29));
            case "yymmdd" -> String.format("%02d%02d%02d", random.nextInt(100), 1 + random.nextInt(12),
                    1 + random.nextInt(28));
            case "yyyymmdd" -> String.format("%04d%02d%02d", 1900 + random.nextInt(200), 1 + random.nextInt(12),
                    1 + random.nextInt(28));
            case "hhmi" -> String.format("%02d%02d", random.nextInt(24), random.nextInt(60));
            case "hh" -> String.format("%02d", random.nextInt(24));
            case "mi", "ss" -> String.format("%02d", random.nextInt(60));
            case "iso3166" -> List.of("276", "250", "840", "826").get(random.nextInt(4));
            case "iso3166999" -> List.of("276", "999").get(random.nextInt(2));
            case "iso3166alpha2" -> List.of("DE", "FR", "US").get(random.nextInt(3));
            case "iso4217" -> List.of("978", "840", "756").get(random.nextInt(3));
            case "iso5218" -> String.valueOf("0129".charAt(random.nextInt(4)));
            case "yesno" -> String.valueOf(random.nextInt(2));
            case "zero" -> "0";
            case "winding" -> String.valueOf("019".charAt(random.nextInt(3)));
            case "hyphen" -> "-".repeat(length);
            case "pieceoftotal" -> {
                int total = 1 + random.nextInt(99);
                yield String.format("%02d%02d", 1 + random.nextInt(total), total);
            }
            case "posinseqslash" -> {
                int total = 1 + random.nextInt(9);
                yield (1 + random.nextInt(total)) + "/" + total;
            }
            case "mediatype" -> String.format("%02d", 1 + random.nextInt(10));
            case "latitude" -> String.format("%010d", (long) (random.nextDouble() * 1_800_000_000L));
            case "longitude" -> String.format("%010d", (long) (random.nextDouble() * 3_600_000_000L));
            case "importeridx" -> String.valueOf("-_0Aa".charAt(random.nextInt(5)));
            case "iban" -> List.of("GB82WEST12345698765432", "DE89370400440532013000").get(random.nextInt(2));
            case "couponcode", "couponposoffer", "packagetype" -> null;
            default -> null;
        };
    }
}
