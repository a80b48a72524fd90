package io.oxyde.scaleout;

import io.oxyde.driver.OxydeDriver;
import io.oxyde.driver.StatementEnd;
import io.oxyde.driver.StatementEvent;
import io.oxyde.driver.StatementObserver;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Records which pool ran each statement on one table (the driver's statement observer). */
final class Recorder implements StatementObserver, AutoCloseable {

    private final String table;
    private final ConcurrentLinkedQueue<StatementEvent> events = new ConcurrentLinkedQueue<>();
    private final AutoCloseable registration;

    Recorder(String table) {
        this.table = table;
        this.registration = OxydeDriver.global().pools().observe(this);
    }

    @Override
    public void finished(StatementEvent statement, Object context, StatementEnd end) {
        if (table.equals(statement.table())) {
            events.add(statement);
        }
    }

    List<StatementEvent> events() {
        return List.copyOf(events);
    }

    void clear() {
        events.clear();
    }

    /** The pool of the last statement of this operation ({@code select}, {@code insert}…). */
    String lastPool(String operation) {
        String pool = null;
        for (StatementEvent e : events) {
            if (e.operation().equals(operation)) {
                pool = e.pool();
            }
        }
        return pool;
    }

    @Override
    public void close() throws Exception {
        registration.close();
    }
}
