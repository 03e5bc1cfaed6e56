package org.vigil.device.importing;

import java.io.ByteArrayInputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.audit.AuditTrail;
import org.vigil.audit.AuditedChange;
import org.vigil.device.DeviceBulkOperations;
import org.vigil.device.DeviceImportRow;
import org.vigil.device.ImportProblem;
import org.vigil.device.UnitsPlaced;
import org.vigil.device.UnitsPlacedRow;
import org.vigil.device.importing.ImportIssue.Severity;
import org.vigil.device.importing.persistence.ImportRecords;
import org.vigil.device.importing.read.DeviceCsvReader;
import org.vigil.device.importing.read.EudamedXmlReader;
import org.vigil.device.importing.read.GudidXmlReader;
import org.vigil.device.importing.read.ReadResult;
import org.vigil.device.importing.read.UnitsPlacedCsvReader;
import org.vigil.device.importing.write.DeviceCsvWriter;
import org.vigil.device.importing.write.UnitsPlacedCsvWriter;
import org.vigil.shared.Actor;
import org.vigil.shared.InvalidInputException;
import org.vigil.shared.RecordNotFoundException;
import org.vigil.shared.RecordRef;
import org.vigil.shared.Tenancy;

/**
 * Imports device files into the caller's register and exports the register (MDR Annex VI; EUDAMED and GUDID data).
 *
 * <p>An import runs off the request thread, as the person who uploaded the file, at most
 * {@code vigil.device-import.concurrency} at a time. The whole file is read first: a fatal problem (not readable, wrong
 * header, not valid against its schema) fails the import and stores nothing. Then the valid rows are handed to the
 * register in chunks, <b>all inside one transaction</b>, while the progress is written in short transactions of its
 * own so the page can show it. The report and the completed status commit in that same transaction: either every
 * valid row of the file is stored and the import says COMPLETED, or — when Vigil or the database fails midway —
 * nothing of the file is stored and the import says FAILED. Rows the register refuses are reported, not stored, and
 * do not stop the others. Completion and failure are audited with the file name and counts.
 */
@Service
public class DeviceImports {

    private static final Logger log = LoggerFactory.getLogger(DeviceImports.class);
    static final String RECORD_TYPE = "device-import";

    private final ImportRecords records;
    private final DeviceBulkOperations register;
    private final AuditTrail auditTrail;
    private final TransactionTemplate ownTransaction;
    private final ExecutorService workers;
    private final int chunkSize;

    DeviceImports(ImportRecords records, DeviceBulkOperations register, AuditTrail auditTrail,
            PlatformTransactionManager transactionManager,
            @Value("${vigil.device-import.concurrency:2}") int concurrency,
            @Value("${vigil.device-import.chunk-size:500}") int chunkSize) {
        this.records = records;
        this.register = register;
        this.auditTrail = auditTrail;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.workers = Executors.newFixedThreadPool(Math.max(1, concurrency),
                Thread.ofVirtual().name("device-import-", 0).factory());
        this.chunkSize = Math.max(1, chunkSize);
    }

    /**
     * Queues {@code content} for import and answers the queued import at once.
     *
     * @param format the file's format, or {@code null} to recognise it from the content
     * @throws InvalidInputException (field {@code file}) for an empty file, (field {@code format}) when the format
     *                               cannot be recognised
     */
    public DeviceImport submit(String fileName, byte[] content, ImportFormat format) {
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "Choose a file: the upload is empty.");
        }
        ImportFormat chosen = format != null ? format : ImportFormat.detect(content).orElseThrow(() ->
                InvalidInputException.of("format", "Vigil cannot tell the format from the file's content: choose "
                        + "the format."));
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        Actor actor = Tenancy.requireActor();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        UUID id = UUID.randomUUID();
        String storedName = name;
        DeviceImport queued = ownTransaction.execute(status -> {
            records.insert(id, actor, chosen, storedName, content.length);
            return records.find(id).orElseThrow();
        });
        workers.execute(() -> runAs(actor, authentication, () -> run(id, chosen, storedName, content, actor)));
        return queued;
    }

    @Transactional(readOnly = true)
    public DeviceImport get(UUID id) {
        return records.find(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
    }

    @Transactional(readOnly = true)
    public List<DeviceImport> latest(int limit) {
        return records.latest(Math.clamp(limit, 1, 500));
    }

    /** A page of the import's report in file order. */
    @Transactional(readOnly = true)
    public List<ImportIssue> issues(UUID id, int page, int size) {
        get(id);
        int pageSize = Math.clamp(size, 1, 1000);
        return records.issues(id, Math.max(0, page) * pageSize, pageSize);
    }

    @Transactional(readOnly = true)
    public int issueCount(UUID id) {
        get(id);
        return records.issueCount(id);
    }

    /** Writes the whole report as CSV (row, field, severity, message). */
    @Transactional(readOnly = true)
    public void writeIssues(UUID id, Writer out) throws java.io.IOException {
        get(id);
        out.write("row,field,severity,message\r\n");
        int offset = 0;
        List<ImportIssue> page;
        do {
            page = records.issues(id, offset, 5000);
            for (ImportIssue issue : page) {
                out.write(issue.row() + "," + org.vigil.device.importing.read.CsvTable.quote(issue.field(), ',') + ","
                        + issue.severity() + "," + org.vigil.device.importing.read.CsvTable.quote(issue.message(), ',')
                        + "\r\n");
            }
            offset += page.size();
        } while (page.size() == 5000);
    }

    /** The caller's register as device CSV, readable back by the import unchanged. */
    @Transactional(readOnly = true)
    public void exportCsv(Writer out) {
        var writer = new DeviceCsvWriter(out).header();
        register.exportRows(writer::row);
    }

    /** The caller's register as rows, for JSON. */
    @Transactional(readOnly = true)
    public List<DeviceImportRow> exportRows() {
        List<DeviceImportRow> rows = new ArrayList<>();
        register.exportRows(rows::add);
        return rows;
    }

    @Transactional(readOnly = true)
    public void exportUnitsPlacedCsv(Writer out) {
        var writer = new UnitsPlacedCsvWriter(out).header();
        register.exportUnitsPlaced(writer::row);
    }

    @Transactional(readOnly = true)
    public List<UnitsPlaced> exportUnitsPlaced() {
        List<UnitsPlaced> rows = new ArrayList<>();
        register.exportUnitsPlaced(rows::add);
        return rows;
    }

    /** Imports left queued or running by a stopped Vigil are failed: their single transaction never committed. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedImports() {
        int failed = ownTransaction.execute(status -> records.interrupted());
        if (failed > 0) {
            log.warn("{} device import(s) were interrupted by a shutdown and are marked failed", failed);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    // --------------------------------------------------------------------------------------------------------------

    private static void runAs(Actor actor, Authentication authentication, Runnable work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            Tenancy.runAs(actor, work);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Reads the whole file, then stores its valid rows in one transaction; see the class comment. */
    void run(UUID id, ImportFormat format, String fileName, byte[] content, Actor actor) {
        try {
            ownTransaction.executeWithoutResult(status -> records.started(id));
            Parsed parsed = read(format, content);
            ReadResult result = parsed.result();
            if (result.isFatal()) {
                fail(id, format, fileName, actor, "Nothing was imported: " + result.fatal().message(),
                        List.of(issue(result.fatal(), Severity.ERROR)));
                return;
            }
            int total = result.devices().size() + result.units().size();
            int unreadable = rowsWith(result.problems());
            ownTransaction.executeWithoutResult(status -> records.read(id, result.records(), total, unreadable,
                    rowsWith(parsed.notices())));
            List<ImportIssue> report = new ArrayList<>();
            result.problems().forEach(problem -> report.add(issue(problem, Severity.ERROR)));
            try {
                ownTransaction.executeWithoutResult(status -> store(id, format, fileName, actor, result,
                        parsed.notices(), report, total));
            } catch (RuntimeException e) {
                log.warn("Device import {} failed while storing; its transaction was rolled back", id, e);
                fail(id, format, fileName, actor, "Nothing was imported: storing the rows failed ("
                        + describe(e) + "). The file's rows were stored all together or not at all, so the register "
                        + "is as it was before; upload the file again.", report);
            }
        } catch (RuntimeException | Error e) {
            log.error("Device import {} failed", id, e);
            try {
                fail(id, format, fileName, actor, "Nothing was imported: " + describe(e), List.of());
            } catch (RuntimeException again) {
                log.error("Device import {} could not be marked failed", id, again);
            }
        }
    }

    private void store(UUID id, ImportFormat format, String fileName, Actor actor, ReadResult result,
            List<ImportProblem> notices, List<ImportIssue> report, int total) {
        String source = format.label() + " " + fileName;
        int processed = 0;
        int refused = 0;
        List<? extends Record> rows = format == ImportFormat.UNITS_PLACED_CSV ? result.units() : result.devices();
        for (int from = 0; from < rows.size(); from += chunkSize) {
            var chunk = rows.subList(from, Math.min(rows.size(), from + chunkSize));
            List<ImportProblem> problems = format == ImportFormat.UNITS_PLACED_CSV
                    ? register.importUnitsPlaced(cast(chunk), source)
                    : register.importRows(cast(chunk), source);
            refused += rowsWith(problems);
            problems.forEach(problem -> report.add(issue(problem, Severity.ERROR)));
            processed += chunk.size();
            int done = processed;
            // Its own short transaction, committed at once, so the progress shows while this one is still open.
            ownTransaction.executeWithoutResult(status -> records.progress(id, done));
        }
        notices.forEach(notice -> report.add(issue(notice, Severity.NOTICE)));
        report.sort(java.util.Comparator.comparingInt(ImportIssue::row));
        records.addIssues(id, actor, 0, report);
        int stored = total - refused;
        int rejected = rowsWith(result.problems()) + refused;
        records.completed(id, stored, rejected, rowsWith(notices));
        auditTrail.record(AuditedChange.event("device-import.completed", RecordRef.of(RECORD_TYPE, id),
                details(format, fileName, result.records(), stored, rejected)));
    }

    private void fail(UUID id, ImportFormat format, String fileName, Actor actor, String failure,
            List<ImportIssue> report) {
        ownTransaction.executeWithoutResult(status -> {
            records.failed(id, failure);
            records.addIssues(id, actor, records.issueCount(id), report);
            auditTrail.record(AuditedChange.event("device-import.failed", RecordRef.of(RECORD_TYPE, id),
                    details(format, fileName, 0, 0, 0)));
        });
    }

    private static Map<String, Object> details(ImportFormat format, String fileName, int records, int stored,
            int rejected) {
        var details = new LinkedHashMap<String, Object>();
        details.put("file", fileName);
        details.put("format", format.name());
        details.put("records", records);
        details.put("stored", stored);
        details.put("rejected", rejected);
        return details;
    }

    record Parsed(ReadResult result, List<ImportProblem> notices) {
    }

    static Parsed read(ImportFormat format, byte[] content) {
        var in = new ByteArrayInputStream(content);
        return switch (format) {
            case DEVICE_CSV -> new Parsed(DeviceCsvReader.read(in), List.of());
            case UNITS_PLACED_CSV -> new Parsed(UnitsPlacedCsvReader.read(in), List.of());
            case GUDID_XML -> {
                var gudid = GudidXmlReader.read(in);
                yield new Parsed(gudid.read(), gudid.notices());
            }
            case EUDAMED_XML -> {
                var eudamed = EudamedXmlReader.readWithNotices(in);
                yield new Parsed(eudamed.read(), eudamed.notices());
            }
        };
    }

    /** How many rows {@code problems} are about: a row with three problems is one rejected row. */
    private static int rowsWith(List<ImportProblem> problems) {
        return (int) problems.stream().mapToInt(ImportProblem::row).distinct().count();
    }

    private static ImportIssue issue(ImportProblem problem, Severity severity) {
        return new ImportIssue(problem.row(), problem.field(), problem.message(), severity);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<?> rows) {
        return (List<T>) rows;
    }

}
