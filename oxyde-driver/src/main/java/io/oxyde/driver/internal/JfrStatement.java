package io.oxyde.driver.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The JFR event {@code io.oxyde.Statement}: one per SQL statement the driver executes, with
 * the SQL shape (placeholders, never values), the rows read or affected and the duration, so a
 * flight recording shows Oxyde's statements beside GC pauses, locks and I/O.
 *
 * <p>Why in the core and not a module: JFR is part of the JDK, and a disabled event costs
 * next to nothing (the JIT removes the unused event object; {@code shouldCommit()} is a flag
 * check), so it needs no hook and no opt-in. Like any application event it is on in every
 * recording ({@code java -XX:StartFlightRecording …}, {@code jcmd <pid> JFR.start}); leave it
 * out with {@code io.oxyde.Statement#enabled=false} in the recording's settings.
 */
@Name("io.oxyde.Statement")
@Label("Oxyde Statement")
@Category({"Oxyde", "Database"})
@Description("One SQL statement run by Oxyde's driver: its SQL shape, rows and duration")
@StackTrace(false)
final class JfrStatement extends Event {

    @Label("Pool")
    String pool;

    @Label("Dialect")
    String dialect;

    @Label("SQL")
    @Description("The statement's SQL with ? placeholders; bind values are never recorded")
    String sql;

    @Label("Rows")
    @Description("Rows read (queries) or affected (writes); -1 when it failed")
    long rows;

    @Label("Bind parameters")
    int binds;

    @Label("Succeeded")
    boolean succeeded;

    @Label("Error")
    @Description("The JDBC failure's class, when it failed (Oxyde classifies it afterwards)")
    String error;
}
