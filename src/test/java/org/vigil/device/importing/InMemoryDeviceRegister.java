package org.vigil.device.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.vigil.device.BasicUdiDiData;
import org.vigil.device.DeviceBulkOperations;
import org.vigil.device.DeviceImportRow;
import org.vigil.device.ImportProblem;
import org.vigil.device.UnitsPlaced;
import org.vigil.device.UnitsPlacedRow;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.Tenancy;

/**
 * A device register in memory, per organisation, for testing imports until the real register is merged. Like the real
 * one it stores in the caller's transaction: rows handed over inside a transaction become visible only as it
 * commits and vanish when it rolls back. It refuses a UDI-DI row for a Basic UDI-DI it does not know, as the register's
 * rules do, and can be told to fail on a given call to prove an import's atomicity.
 */
public class InMemoryDeviceRegister implements DeviceBulkOperations {

    private final Map<OrganisationId, Map<String, DeviceImportRow>> devices = new ConcurrentHashMap<>();
    private final Map<OrganisationId, Map<String, UnitsPlaced>> units = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int failOnCall = -1;
    private volatile Runnable onCall = () -> { };

    /** Makes the {@code n}th next call (one-based) throw, as a database failure would. */
    public void failOnCall(int n) {
        calls.set(0);
        failOnCall = n;
    }

    /** Runs {@code hook} at every call, inside the caller's transaction. */
    public void onCall(Runnable hook) {
        onCall = hook;
    }

    public void reset() {
        failOnCall = -1;
        onCall = () -> { };
        calls.set(0);
    }

    public int deviceCount(OrganisationId organisation) {
        return devices.getOrDefault(organisation, Map.of()).size();
    }

    public int unitsCount(OrganisationId organisation) {
        return units.getOrDefault(organisation, Map.of()).size();
    }

    @Override
    public List<ImportProblem> importRows(List<DeviceImportRow> rows, String source) {
        called();
        var organisation = Tenancy.requireActor().organisationId();
        var known = devices.computeIfAbsent(organisation, o -> new ConcurrentHashMap<>());
        Map<String, DeviceImportRow> staged = new TreeMap<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (DeviceImportRow row : rows) {
            if (row.udiDi() == null) {
                staged.put("basic:" + row.basicUdiDi().basicUdiDi(), row);
                continue;
            }
            BasicUdiDiData basic = row.basicUdiDi() != null ? row.basicUdiDi() : known.values().stream()
                    .map(DeviceImportRow::basicUdiDi).filter(b -> b != null
                            && b.basicUdiDi().equals(row.udiDi().basicUdiDi())).findFirst().orElse(null);
            if (basic == null) {
                problems.add(new ImportProblem(row.row(), "basic_udi_di", "Basic UDI-DI "
                        + row.udiDi().basicUdiDi() + " is not in the register."));
                continue;
            }
            staged.put(row.udiDi().udiDi(), new DeviceImportRow(row.row(), basic, row.udiDi()));
        }
        apply(() -> known.putAll(staged));
        return problems;
    }

    @Override
    public List<ImportProblem> importUnitsPlaced(List<UnitsPlacedRow> rows, String source) {
        called();
        var organisation = Tenancy.requireActor().organisationId();
        var known = units.computeIfAbsent(organisation, o -> new ConcurrentHashMap<>());
        Map<String, UnitsPlaced> staged = new TreeMap<>();
        rows.forEach(row -> staged.put(row.units().udiDi() + "|" + row.units().country() + "|" + row.units().month(),
                row.units()));
        apply(() -> known.putAll(staged));
        return List.of();
    }

    @Override
    public void exportRows(Consumer<DeviceImportRow> sink) {
        var organisation = Tenancy.requireActor().organisationId();
        devices.getOrDefault(organisation, Map.of()).values().stream()
                .sorted(Comparator.comparing((DeviceImportRow r) -> r.basicUdiDi().basicUdiDi())
                        .thenComparing(r -> r.udiDi() == null ? "" : r.udiDi().udiDi()))
                .forEach(sink);
    }

    @Override
    public void exportUnitsPlaced(Consumer<UnitsPlaced> sink) {
        var organisation = Tenancy.requireActor().organisationId();
        units.getOrDefault(organisation, Map.of()).values().stream()
                .sorted(Comparator.comparing(UnitsPlaced::udiDi).thenComparing(UnitsPlaced::country)
                        .thenComparing(UnitsPlaced::month))
                .forEach(sink);
    }

    private void called() {
        onCall.run();
        if (calls.incrementAndGet() == failOnCall) {
            throw new org.springframework.dao.DataAccessResourceFailureException("connection to the database lost");
        }
    }

    private static void apply(Runnable change) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // Applied as the transaction commits (before the database's commit returns, like rows written in it),
            // so whoever sees the import COMPLETED also sees its rows; never applied when it rolls back.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    change.run();
                }
            });
        } else {
            change.run();
        }
    }
}
