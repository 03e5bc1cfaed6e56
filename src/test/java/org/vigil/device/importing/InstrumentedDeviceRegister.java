package org.vigil.device.importing;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.vigil.device.DeviceBulkOperations;
import org.vigil.device.DeviceImportRow;
import org.vigil.device.DeviceRegister;
import org.vigil.device.ImportProblem;
import org.vigil.device.UnitsPlaced;
import org.vigil.device.UnitsPlacedRow;
import org.vigil.shared.Actor;
import org.vigil.shared.OrganisationId;
import org.vigil.shared.Tenancy;

/**
 * The real device register with two test hooks in front of it, so import tests can pause an import midway or make
 * the register fail as a lost database connection would, and then check what the real register holds.
 */
public class InstrumentedDeviceRegister implements DeviceBulkOperations {

    /** Puts the instrumented register in front of the real one for every test context. */
    @Configuration(proxyBeanMethods = false)
    static class Wiring {
        @Bean
        @Primary
        InstrumentedDeviceRegister instrumentedDeviceRegister(DeviceRegister register) {
            return new InstrumentedDeviceRegister(register);
        }
    }

    private final DeviceRegister register;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int failOnCall = -1;
    private volatile Runnable onCall = () -> { };

    InstrumentedDeviceRegister(DeviceRegister register) {
        this.register = register;
    }

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

    /** UDI-DIs the organisation's register holds, as committed (read in a transaction of its own). */
    public long deviceCount(OrganisationId organisation) {
        var count = new AtomicLong();
        Tenancy.runAs(Actor.system(organisation, "import test"), () -> register.exportRows(row -> {
            if (row.udiDi() != null) {
                count.incrementAndGet();
            }
        }));
        return count.get();
    }

    /** Units-placed figures the organisation's register holds, as committed. */
    public long unitsCount(OrganisationId organisation) {
        var count = new AtomicLong();
        Tenancy.runAs(Actor.system(organisation, "import test"),
                () -> register.exportUnitsPlaced(units -> count.incrementAndGet()));
        return count.get();
    }

    @Override
    public List<ImportProblem> importRows(List<DeviceImportRow> rows, String source) {
        called();
        return register.importRows(rows, source);
    }

    @Override
    public List<ImportProblem> importUnitsPlaced(List<UnitsPlacedRow> rows, String source) {
        called();
        return register.importUnitsPlaced(rows, source);
    }

    @Override
    public void exportRows(Consumer<DeviceImportRow> sink) {
        register.exportRows(sink);
    }

    @Override
    public void exportUnitsPlaced(Consumer<UnitsPlaced> sink) {
        register.exportUnitsPlaced(sink);
    }

    private void called() {
        onCall.run();
        if (calls.incrementAndGet() == failOnCall) {
            throw new org.springframework.dao.DataAccessResourceFailureException("connection to the database lost");
        }
    }
}
