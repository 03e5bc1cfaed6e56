package org.vigil;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * Every subcommand of {@code java -jar vigil.jar}, with its help text, known before anything starts so that
 * {@code --help} is instant.
 */
final class CommandCatalogue {

    /** A command that needs neither the database nor Spring, run directly for a fast start. */
    @FunctionalInterface
    interface StandaloneCommand {
        int run(List<String> arguments, InputStream in, PrintStream out, PrintStream err);
    }

    /**
     * One subcommand: the words that select it, a one-line summary, its usage, and for commands that need no
     * database the code that runs it without starting Spring.
     */
    record Entry(String name, String summary, String usage, StandaloneCommand standalone) {

        Entry(String name, String summary, String usage) {
            this(name, summary, usage, null);
        }

        List<String> words() {
            return List.of(name.split(" "));
        }
    }

    static final Entry SERVE = new Entry("serve", "Start the Vigil server (the default).", """
            Usage: java -jar vigil.jar [serve] [--demo] [--setting=value ...]

            Starts Vigil on http://localhost:8080 (--server.port=... to change).
              --demo    load the demo organisations and users when the database is empty
            Without VIGIL_DB_URL Vigil runs its own PostgreSQL with its data in ./vigil-data
            (--vigil.embedded-db.dir=... to change). See the README for a production database.
            """);

    static final List<Entry> ENTRIES = List.of(
            SERVE,
            new Entry("audit verify", "Check the whole audit trail's hash chain.", """
                    Usage: java -jar vigil.jar audit verify [--expect=SEQ:HASH] [--setting=value ...]

                    Reads every audit entry in order and checks that none was edited, deleted, inserted or
                    reordered. Prints the last entry's sequence number and hash: record them outside Vigil and
                    pass them later as --expect=SEQ:HASH to detect a rewrite of the whole chain.
                    Exit status: 0 intact, 1 tampering found (the first affected entry is named), 2 error.
                    """),
            new Entry("admin create-platform-admin", "Create the first platform administrator of a new installation.",
                    """
                    Usage: java -jar vigil.jar admin create-platform-admin --email=ADDRESS --name="FULL NAME"
                           [--organisation="OPERATOR NAME"] [--setting=value ...]

                    Creates the operating organisation (once) and a platform administrator in it, and prints a
                    one-time link to choose a password (valid 7 days). Base the link on --vigil.base-url.
                    """),
            new Entry("terminology load-imdrf", "Load a new release of an IMDRF adverse-event terminology annex.",
                    """
                    Usage: java -jar vigil.jar terminology load-imdrf --annex=A --version=2025 FILE
                           [--setting=value ...]

                    Loads FILE, IMDRF's JSON download of one annex (A to G), as release --version of that annex
                    and makes it the annex's current release; earlier releases stay so that codes on existing
                    records keep their terms. The whole file is checked first: when anything is wrong nothing is
                    loaded and every problem is printed with its line. A release label is never loaded twice.
                    Exit status: 0 loaded, 1 the file was refused, 2 usage error or unreadable file.
                    """),
            new Entry("terminology load-emdn", "Load a new EMDN release (European Medical Device Nomenclature).", """
                    Usage: java -jar vigil.jar terminology load-emdn FILE [--setting=value ...]

                    Replaces EMDN with FILE, the European Commission's tab-separated download (first line the
                    version, e.g. 'EMDN V3'). Checked whole first; nothing changes when any line is wrong.
                    Exit status: 0 loaded, 1 the file was refused, 2 usage error or unreadable file.
                    """),
            new Entry("terminology load-crosswalk", "Load the FDA CDRH to IMDRF crosswalk (NCI EVS CSV).", """
                    Usage: java -jar vigil.jar terminology load-crosswalk FILE [--setting=value ...]

                    Replaces the FDA CDRH to IMDRF crosswalk with FILE, NCI EVS's FDA-CDRH_NCIt_Subsets in CSV.
                    Checked whole first; nothing changes when any row is wrong.
                    Exit status: 0 loaded, 1 the file was refused, 2 usage error or unreadable file.
                    """),
            new Entry("udi parse", "Parse UDI scans (GS1, HIBCC, ICCBBA, IFA) into JSON lines.", """
                    Usage: java -jar vigil.jar udi parse [FILE]

                    Reads one scan per line from FILE, or from standard input when no FILE is given, exactly as
                    the bytes arrive (GS, RS and EOT characters inside a line are part of the scan; LF or CRLF
                    ends it), and prints one JSON object per line, in order: input, valid, issuer, di, lot,
                    serial, expiry and manufactured (ISO dates), softwareVersion, errors ([{position, message}]),
                    and for GS1 also gs1Hri and gs1ElementString. Needs no database and starts nothing.
                    Exit status: 0 when every line was read (invalid scans are reported in the JSON), 2 when
                    the input cannot be read.
                    """, UdiParseCommand::run),
            new Entry("mir validate", "Check a manufacturer incident report (EUDAMED or MIR 7.3.1 XML).", """
                    Usage: java -jar vigil.jar mir validate FILE [--vigil.mir.form-xsd-dir=DIR]
                           [--vigil.xml.max-bytes=20971520] [--vigil.xml.max-depth=200]

                    Checks FILE: an EUDAMED vigilance document (mir_2Type, alone, in a Dossier or in a DTX
                    message) against the DTX 3.0.25 schemas shipped with Vigil, or MIR form 7.3.1 XML (root
                    incident) against the European Commission's XSD for its report type when DIR (or
                    VIGIL_MIR_FORM_XSD_DIR) holds them, otherwise by Vigil's structural check. Prints
                    'valid (CHECK)', or one line per problem: XPATH  SECTION  MESSAGE. Files with a DTD or
                    entities, larger or deeper than the limits, are refused unread. Needs no database.
                    Exit status: 0 valid, 1 invalid, refused or unreadable, 2 usage error.
                    """, MirValidateCommand::run),
            new Entry("mir render", "Make the PDF of a MIR form 7.3.1 XML file.", """
                    Usage: java -jar vigil.jar mir render FILE --pdf OUT
                           [--vigil.xml.max-bytes=20971520] [--vigil.xml.max-depth=200]

                    Reads FILE, MIR form 7.3.1 XML (root incident), and writes its PDF to OUT: laid out by
                    the form's sections 1 to 5 with their numbers and labels, every field shown ("—" when not
                    given), page X of Y on every page. The PDF is marked "DRAFT — not approved for submission":
                    a report is approved by an electronic signature in Vigil, not here. Problems Vigil's rules
                    find for the report type are printed as warnings and listed in the PDF, elements it could
                    not import are printed as warnings; the PDF is written all the same. Files with a DTD or
                    entities, larger or deeper than the limits, are refused unread. OUT is replaced only if it
                    is a PDF.
                    Needs no database.
                    Exit status: 0 written, 1 file invalid, refused or unreadable (or OUT not writable),
                    2 usage error.
                    """, MirRenderCommand::run));

    private CommandCatalogue() {
    }

    /** The entry whose words begin {@code positional}, longest match first. */
    static Optional<Entry> find(List<String> positional) {
        return ENTRIES.stream()
                .filter(entry -> positional.size() >= entry.words().size()
                        && positional.subList(0, entry.words().size()).equals(entry.words()))
                .max((a, b) -> Integer.compare(a.words().size(), b.words().size()));
    }

    static String overview() {
        var text = new StringBuilder("""
                Vigil: medical-device vigilance and post-market surveillance.

                Usage: java -jar vigil.jar [COMMAND] [--setting=value ...]

                Commands:
                """);
        for (Entry entry : ENTRIES) {
            text.append(String.format("  %-30s %s%n", entry.name(), entry.summary()));
        }
        text.append("""

                Every command takes the server's settings, for example --vigil.embedded-db.dir=/srv/vigil-data
                or VIGIL_DB_URL in the environment. 'java -jar vigil.jar COMMAND --help' explains a command.
                """);
        return text.toString();
    }
}
