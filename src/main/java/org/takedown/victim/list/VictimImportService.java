package org.takedown.victim.list;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.takedown.audit.AuditLog;
import org.takedown.common.CsvCell;
import org.takedown.common.ProblemException;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.victim.VictimsConfig;
import org.takedown.victim.phone.PhoneCheck;
import org.takedown.victim.protect.BlindIndex;
import org.takedown.victim.protect.PersonalDataCipher;
import org.takedown.victim.protect.Purpose;

/**
 * Imports a CSV file into a victim list: the file arrives in sealed parts (each within the request size limit, so any
 * replica can take any part), then is read as a stream — one part in memory at a time — in batches of rows, each batch
 * committed with the import's progress, so memory stays flat whatever the size and an import stopped halfway (a
 * restart, a crash) goes on where it stopped when it is completed again. A file that cannot be read leaves nothing
 * behind: its victims, refusals and parts are removed, and the failure is audited.
 */
@ApplicationScoped
public class VictimImportService {

    static final int MAX_PARTS = 10_000;
    static final int BATCH = 1000;

    private static final Logger LOG = Logger.getLogger(VictimImportService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** Reading runs beside the request that completed the upload; two at a time per replica keeps memory bounded. */
    private final ExecutorService readers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "victim-import");
        thread.setDaemon(true);
        return thread;
    });
    /** Each reading writes its batches here, one at a time, while it checks the next. */
    private final ExecutorService writers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "victim-import-writer");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    VictimListService lists;

    @Inject
    OperationService operations;

    @Inject
    Event<VictimListChanged> listChanged;

    @Inject
    VictimRows rows;

    @Inject
    PhoneCheck phones;

    @Inject
    BlindIndex index;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    AuditLog audit;

    @Inject
    VictimsConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public VictimImport create(String actor, long listId, ColumnMapping mapping) {
        lists.requireOpen(lists.get(listId));
        VictimImport in = new VictimImport();
        in.listId = listId;
        in.status = ImportStatus.UPLOADING;
        in.mapping = writeMapping(mapping == null ? ColumnMapping.automatic() : mapping);
        in.refusedByReason = "{}";
        in.flaggedByFlag = "{}";
        in.createdBy = actor;
        in.createdAt = clock.instant();
        in.persist();
        return in;
    }

    public VictimImport get(long listId, long importId) {
        VictimImport in = VictimImport.findById(importId);
        if (in == null || in.listId != listId) {
            throw ProblemException.notFound("Import " + importId + " of victim list " + listId);
        }
        return in;
    }

    public List<VictimImport> ofList(long listId) {
        lists.get(listId);
        return VictimImport.list("listId = ?1 order by id", listId);
    }

    /**
     * The refused rows as CSV, in file order, a page at a time (memory flat whatever the file): their number and
     * reason, never their content; every cell inert for spreadsheets.
     */
    public void writeRefusals(long listId, long importId, OutputStream out) throws IOException {
        QuarkusTransaction.requiringNew().run(() -> get(listId, importId));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write("row,reason,description\r\n");
        long after = 0;
        while (true) {
            long from = after;
            List<VictimImportRefusal> page = QuarkusTransaction.requiringNew()
                    .call(() -> em.createQuery(
                                    "from VictimImportRefusal r where r.importId = :id and r.rowNo > :after"
                                            + " order by r.rowNo",
                                    VictimImportRefusal.class)
                            .setParameter("id", importId)
                            .setParameter("after", from)
                            .setMaxResults(BATCH)
                            .getResultList());
            for (VictimImportRefusal refusal : page) {
                writer.write(refusal.rowNo + "," + CsvCell.of(refusal.reason) + ","
                        + CsvCell.of(RefusalReasons.describe(refusal.reason)) + "\r\n");
                after = refusal.rowNo;
            }
            if (page.size() < BATCH) {
                break;
            }
        }
        writer.flush();
    }

    /** Stores part {@code partNo} of the file, sealed; sending a part again replaces it (a retried upload). */
    @Transactional
    public VictimImport putPart(long listId, long importId, int partNo, byte[] body) {
        VictimImport in = lock(listId, importId);
        lists.requireOpen(lists.get(listId));
        if (in.status != ImportStatus.UPLOADING) {
            throw ProblemException.conflict("Import " + importId + " is " + in.status + ": it takes no more parts");
        }
        if (partNo < 1 || partNo > MAX_PARTS) {
            throw ProblemException.invalidField(422, "part", "parts are numbered 1 to " + MAX_PARTS);
        }
        if (body.length == 0) {
            throw ProblemException.invalidField(422, "body", "a part holds at least one byte");
        }
        VictimImportPart part = em.find(VictimImportPart.class, new VictimImportPart.Key(importId, partNo));
        long total = in.bytes - (part == null ? 0 : part.bytes) + body.length;
        if (total > config.maxFileBytes()) {
            throw new ProblemException(
                    413,
                    "Content Too Large",
                    "A victim list file is at most " + config.maxFileBytes() + " bytes",
                    List.of());
        }
        PersonalDataCipher.Sealed sealed = cipher.seal(Purpose.UPLOAD, body);
        boolean fresh = part == null;
        if (fresh) {
            part = new VictimImportPart();
            part.importId = importId;
            part.partNo = partNo;
        }
        part.keyId = sealed.keyId();
        part.sealed = sealed.bytes();
        part.bytes = body.length;
        if (fresh) {
            em.persist(part);
        }
        in.bytes = total;
        return in;
    }

    /**
     * The upload is complete: checks the parts and the file's SHA-256 and header at once (a 4xx now for a file that
     * cannot be read), then reads the rows in the background; the import reports its progress until DONE or FAILED.
     * Completing an import that was stopped while READING goes on from the last committed batch.
     */
    public VictimImport complete(String actor, long listId, long importId, CompleteRequest request) {
        int parts = request.parts();
        VictimImport started = QuarkusTransaction.requiringNew().call(() -> startReading(listId, importId, parts));
        if (started.status == ImportStatus.DONE) {
            return started;
        }
        try {
            return checkAndStart(actor, started, importId, parts, request);
        } catch (RuntimeException e) {
            if (!(e instanceof ProblemException)) {
                stopped(importId, "stopped (" + e.getClass().getSimpleName() + "): complete the import again to go on");
            }
            throw e;
        }
    }

    /** Checks the file's SHA-256 and header, then hands its rows to a reader thread. */
    private VictimImport checkAndStart(
            String actor, VictimImport started, long importId, int parts, CompleteRequest request) {
        String sha256 = digest(importId, parts);
        if (request.sha256() != null && !request.sha256().equals(sha256)) {
            throw fail(
                    actor,
                    importId,
                    sha256,
                    ProblemException.invalidField(
                            422,
                            "sha256",
                            "the uploaded file's SHA-256 is " + sha256 + ": a part is missing or changed"));
        }
        Reading reading;
        try {
            reading = open(started, parts);
        } catch (ProblemException e) {
            throw fail(actor, importId, sha256, e);
        }
        readers.execute(() -> read(actor, started, sha256, reading));
        return started;
    }

    private VictimImport startReading(long listId, long importId, int parts) {
        // the list first (as write and purge take it), then the import: completes into one list take turns here
        VictimList list = lists.lock(listId);
        VictimImport in = lock(listId, importId);
        if (in.status == ImportStatus.DONE || in.status == ImportStatus.FAILED) {
            if (in.status == ImportStatus.FAILED) {
                throw ProblemException.conflict("Import " + importId + " failed: start a new import");
            }
            return in;
        }
        lists.requireOpen(list);
        long others = em.createQuery(
                        "select count(i) from VictimImport i where i.listId = :list and i.id <> :id"
                                + " and i.status = :reading",
                        Long.class)
                .setParameter("list", listId)
                .setParameter("id", importId)
                .setParameter("reading", ImportStatus.READING)
                .getSingleResult();
        if (others > 0) {
            // one file at a time per list: a failing file takes back only victims no other import relied on
            throw ProblemException.conflict("Another import into victim list " + listId
                    + " is being read: complete this one when it is DONE (or complete the other again if it stopped)");
        }
        List<Integer> numbers = em.createQuery(
                        "select p.partNo from VictimImportPart p where p.importId = :id order by p.partNo",
                        Integer.class)
                .setParameter("id", importId)
                .getResultList();
        List<Integer> missing = new ArrayList<>();
        for (int n = 1; n <= parts && missing.size() < 20; n++) {
            if (!numbers.contains(n)) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalidField(422, "parts", "parts not uploaded: " + missing);
        }
        if (numbers.size() > parts) {
            throw ProblemException.invalidField(422, "parts", numbers.size() + " parts were uploaded, not " + parts);
        }
        in.status = ImportStatus.READING;
        in.failure = null;
        return in;
    }

    private String digest(long importId, int parts) {
        MessageDigest sha256 = sha256();
        try (InputStream file = new DigestInputStream(ImportFile.bytes(parts, n -> part(importId, n)), sha256)) {
            file.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private InputStream part(long importId, int partNo) {
        byte[] clear = QuarkusTransaction.requiringNew().call(() -> {
            VictimImportPart part = em.find(VictimImportPart.class, new VictimImportPart.Key(importId, partNo));
            return cipher.open(Purpose.UPLOAD, new PersonalDataCipher.Sealed(part.keyId, part.sealed));
        });
        return new ByteArrayInputStream(clear);
    }

    /** A file open at its first data row, its columns found. */
    private record Reading(CSVParser parser, Iterator<CSVRecord> rows, RowCheck check) {}

    private Reading open(VictimImport in, int parts) {
        VictimList list = QuarkusTransaction.requiringNew().call(() -> lists.get(in.listId));
        try {
            Reader text = ImportFile.text(ImportFile.bytes(parts, n -> part(in.id, n)));
            CSVParser parser =
                    CSVParser.builder().setReader(text).setFormat(FORMAT).get();
            Iterator<CSVRecord> rows = parser.iterator();
            if (!rows.hasNext()) {
                throw ProblemException.invalidField(422, "file", "the file is empty");
            }
            ColumnMapping.Columns columns =
                    readMapping(in.mapping).resolve(rows.next().toList());
            RowCheck check = new RowCheck(
                    phones,
                    index,
                    cipher,
                    list.phoneRegion,
                    Set.copyOf(VictimListService.regions(list.otherRegions)),
                    columns);
            return new Reading(parser, rows, check);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw unreadable(e, 1);
        }
    }

    /** One row of a batch: where it is in the file, and what the check made of it. */
    private record Checked(long rowNo, RowCheck.Checked outcome) {}

    /** A row as read, before its check. */
    private record Read(long rowNo, CSVRecord record) {}

    /**
     * Reads the rows on this thread and checks each batch on every core (parsing, typing, sealing and indexing are
     * independent per row) while the batch before is written on a writer thread: at most one batch in flight,
     * written in file order, so the checks overlap with the database.
     */
    private void read(String actor, VictimImport in, String sha256, Reading reading) {
        long row = 1; // the header
        CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);
        Set<String> inFlight = Set.of();
        try (CSVParser parser = reading.parser()) {
            long start = in.rowsRead;
            List<Read> batch = new ArrayList<>(BATCH);
            long batchStart = start;
            while (true) {
                CSVRecord record;
                try {
                    if (!reading.rows().hasNext()) {
                        break;
                    }
                    record = reading.rows().next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw unreadable(e, row + 1);
                }
                row++;
                if (row - 1 <= start) {
                    continue; // committed by an earlier attempt
                }
                batch.add(new Read(row, record));
                if (batch.size() == BATCH) {
                    List<Checked> checked = check(batch, reading.check());
                    Set<String> keys = contactKeys(checked);
                    Set<String> taken = taken(in.listId, keys, inFlight);
                    long at = batchStart;
                    awaitWrite(writing);
                    writing = CompletableFuture.runAsync(() -> write(in.id, in.listId, at, checked, taken), writers);
                    inFlight = keys;
                    batchStart += checked.size();
                    batch = new ArrayList<>(BATCH);
                }
            }
            awaitWrite(writing);
            if (!batch.isEmpty()) {
                List<Checked> checked = check(batch, reading.check());
                Set<String> keys = contactKeys(checked);
                write(in.id, in.listId, batchStart, checked, taken(in.listId, keys, Set.of()));
            }
            QuarkusTransaction.requiringNew().run(() -> finish(actor, in.id, sha256));
        } catch (ProblemException e) {
            settle(writing);
            if (e.status() != 409) {
                fail(actor, in.id, sha256, e);
            }
            // 409: another request is reading this import, and will finish it
        } catch (IOException | RuntimeException e) {
            settle(writing);
            // not the file's fault (the database went away, the service is stopping): resumable, so not FAILED
            LOG.errorf(e, "Import %d of victim list %d stopped at row %d", in.id, in.listId, row);
            stopped(in.id, "stopped (" + e.getClass().getSimpleName() + "): complete the import again to go on");
        }
    }

    /** The rows' checks, in file order, run on every core. */
    private static List<Checked> check(List<Read> batch, RowCheck check) {
        return batch.parallelStream()
                .map(read -> new Checked(read.rowNo(), check.check(read.record())))
                .toList();
    }

    private static Set<String> contactKeys(List<Checked> batch) {
        Set<String> keys = new HashSet<>();
        for (Checked checked : batch) {
            if (checked.outcome().victim() != null) {
                keys.add(checked.outcome().victim().contactKey);
            }
        }
        return keys;
    }

    /**
     * The batch's contact keys that already have a victim in the list, looked up while the batch before is still
     * being written (so the writer, the import's slowest step, does not wait for it): that batch's keys may or may not
     * be committed yet, so they count as taken either way. Only this reading adds victims to the list meanwhile (one
     * import at a time per list).
     */
    private Set<String> taken(long listId, Set<String> keys, Set<String> inFlight) {
        Set<String> taken = QuarkusTransaction.requiringNew().call(() -> rows.taken(listId, keys));
        for (String key : keys) {
            if (inFlight.contains(key)) {
                taken.add(key);
            }
        }
        return taken;
    }

    /** Waits for the batch in flight; its failure is the reading's. */
    private static void awaitWrite(CompletableFuture<Void> writing) {
        try {
            writing.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Waits for the batch in flight before the import is failed or stopped, whatever became of it. */
    private static void settle(CompletableFuture<Void> writing) {
        try {
            writing.join();
        } catch (CompletionException | CancellationException e) {
            // already what the reading reports, or superseded by it
        }
    }

    /** Says why a READING import stopped, leaving it READING so that completing it again goes on. */
    private void stopped(long importId, String why) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                VictimImport in = em.find(VictimImport.class, importId, LockModeType.PESSIMISTIC_WRITE);
                if (in.status == ImportStatus.READING) {
                    in.failure = why;
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Import %d: its stop could not be recorded (%s)",
                    importId, e.getClass().getSimpleName());
        }
    }

    /** Writes a checked batch and the import's progress in one transaction; {@code taken}: keys already in the list. */
    private void write(long importId, long listId, long batchStart, List<Checked> batch, Set<String> taken) {
        QuarkusTransaction.requiringNew().run(() -> {
            VictimImport in = em.find(VictimImport.class, importId, LockModeType.PESSIMISTIC_WRITE);
            if (in.status != ImportStatus.READING || in.rowsRead != batchStart) {
                throw ProblemException.conflict("Another request is reading import " + importId);
            }
            VictimList list = lists.lock(listId);
            if (list.purgedAt != null) {
                throw new ProblemException(410, "Gone", "The list was purged while the file was read", List.of());
            }
            List<Victim> victims = new ArrayList<>();
            List<VictimImportRefusal> refusals = new ArrayList<>();
            Map<String, Long> refused = new TreeMap<>();
            Map<String, Long> flagged = new TreeMap<>();
            long duplicates = 0;
            for (Checked checked : batch) {
                RowCheck.Checked outcome = checked.outcome();
                if (outcome.refusal() != null) {
                    VictimImportRefusal refusal = new VictimImportRefusal();
                    refusal.importId = importId;
                    refusal.rowNo = checked.rowNo();
                    refusal.reason = outcome.refusal();
                    refusals.add(refusal);
                    refused.merge(outcome.refusal(), 1L, Long::sum);
                } else if (!taken.add(outcome.victim().contactKey)) {
                    duplicates++;
                } else {
                    Victim victim = outcome.victim();
                    victim.listId = listId;
                    victim.importId = importId;
                    victims.add(victim);
                    outcome.notes().forEach(note -> flagged.merge(note, 1L, Long::sum));
                }
            }
            rows.insert(victims);
            insertRefusals(refusals);
            in.rowsRead += batch.size();
            in.accepted += victims.size();
            in.duplicates += duplicates;
            in.refused += batch.size() - victims.size() - duplicates;
            in.refusedByReason = ImportCounts.add(in.refusedByReason, refused);
            in.flaggedByFlag = ImportCounts.add(in.flaggedByFlag, flagged);
            list.victims += victims.size();
        });
    }

    /**
     * The batch's refusals in one JDBC batch (one statement once the driver rewrites it): as entities, each would be an
     * insert of its own, their ids being the database's.
     */
    private void insertRefusals(List<VictimImportRefusal> refusals) {
        if (refusals.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO victim_import_refusal (import_id, row_no, reason) VALUES (?, ?, ?)")) {
                for (VictimImportRefusal refusal : refusals) {
                    insert.setLong(1, refusal.importId);
                    insert.setLong(2, refusal.rowNo);
                    insert.setString(3, refusal.reason);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private void finish(String actor, long importId, String sha256) {
        VictimImport in = em.find(VictimImport.class, importId, LockModeType.PESSIMISTIC_WRITE);
        if (in.status != ImportStatus.READING) {
            return; // finished by another request
        }
        in.status = ImportStatus.DONE;
        in.sha256 = sha256;
        in.completedBy = actor;
        in.completedAt = clock.instant();
        em.createQuery("delete from VictimImportPart p where p.importId = :id")
                .setParameter("id", importId)
                .executeUpdate();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("list", in.listId);
        summary.put("sha256", sha256);
        summary.put("bytes", in.bytes);
        summary.put("rows", in.rowsRead);
        summary.put("accepted", in.accepted);
        summary.put("duplicates", in.duplicates);
        summary.put("refused", in.refused);
        summary.put("refusedByReason", ImportCounts.read(in.refusedByReason));
        summary.put("flagged", ImportCounts.read(in.flaggedByFlag));
        long operationId = lists.get(in.listId).operationId;
        if (operations.isOver(operationId)) {
            audit.recordFor(operationId, actor, "victim-list.import", "victim-import", importId, summary);
            return;
        }
        // a campaign's approval covers its list: new victims are an edit of the operation like any other
        Operation operation = operations.lockForEdit(operationId);
        listChanged.fire(new VictimListChanged(in.listId));
        operations.recordEdit(operation, actor, "victim-list.import", "victim-import", importId, summary);
    }

    /** Marks the import FAILED and removes what it added; returns the refusal for the caller to throw. */
    private ProblemException fail(String actor, long importId, String sha256, ProblemException reason) {
        String failure = reason.errors().isEmpty()
                ? reason.getMessage()
                : reason.errors().get(0).message();
        QuarkusTransaction.requiringNew().run(() -> {
            VictimImport in = em.find(VictimImport.class, importId, LockModeType.PESSIMISTIC_WRITE);
            if (in.status == ImportStatus.DONE || in.status == ImportStatus.FAILED) {
                return;
            }
            VictimList list = lists.lock(in.listId);
            long added = em.createQuery("delete from Victim v where v.importId = :id")
                    .setParameter("id", importId)
                    .executeUpdate();
            list.victims -= added;
            em.createQuery("delete from VictimImportRefusal r where r.importId = :id")
                    .setParameter("id", importId)
                    .executeUpdate();
            em.createQuery("delete from VictimImportPart p where p.importId = :id")
                    .setParameter("id", importId)
                    .executeUpdate();
            in.status = ImportStatus.FAILED;
            // rowsRead stays: where it broke; nothing it had counted is kept
            in.accepted = 0;
            in.duplicates = 0;
            in.refused = 0;
            in.refusedByReason = "{}";
            in.flaggedByFlag = "{}";
            in.failure = failure.length() > 500 ? failure.substring(0, 500) : failure;
            in.sha256 = sha256;
            in.completedBy = actor;
            in.completedAt = clock.instant();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("list", in.listId);
            summary.put("sha256", sha256);
            summary.put("bytes", in.bytes);
            summary.put("failure", in.failure);
            audit.recordFor(list.operationId, actor, "victim-list.import-failed", "victim-import", importId, summary);
        });
        return reason;
    }

    /** What reading stopped on, said without repeating the file's content (it is personal data). */
    private static ProblemException unreadable(Exception e, long row) {
        boolean encoding = e.getCause() instanceof CharacterCodingException || e instanceof CharacterCodingException;
        if (e instanceof ImportFile.RowTooLong || e.getCause() instanceof ImportFile.RowTooLong) {
            return ProblemException.invalidField(
                    422,
                    "file",
                    "row " + row + " is longer than " + ImportFile.MAX_ROW_CHARS
                            + " characters: a quoted value is probably not closed");
        }
        return ProblemException.invalidField(
                422,
                "file",
                encoding
                        ? "the file is not UTF-8 (at or after row " + row + ")"
                        : "the file is not valid CSV at or after row " + row
                                + ": a quoted value is not closed, or a quote is followed by other characters");
    }

    private VictimImport lock(long listId, long importId) {
        VictimImport in = em.find(VictimImport.class, importId, LockModeType.PESSIMISTIC_WRITE);
        if (in == null || in.listId != listId) {
            throw ProblemException.notFound("Import " + importId + " of victim list " + listId);
        }
        return in;
    }

    private static String writeMapping(ColumnMapping mapping) {
        try {
            return JSON.writeValueAsString(mapping);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ColumnMapping readMapping(String json) {
        try {
            return JSON.readValue(json, ColumnMapping.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        readers.shutdownNow();
        readers.awaitTermination(10, TimeUnit.SECONDS);
        writers.shutdownNow();
        writers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
